"""Synthetic speech for tests and the benchmark: espeak-ng's voices, flite's (``flite:NAME``), or Piper's
neural voice (``piper:joe``, when the ``piper`` extra is installed).

flite's voices are built from recordings of people (CMU ARCTIC); recognizers hear them far more like a
person than espeak-ng's formant synthesis, which is why the benchmark and the multi-command audio tests
use them as well.
"""

from __future__ import annotations

import io
import math
import shutil
import subprocess
import tempfile

import numpy as np

from ..engines.base import SAMPLE_RATE
from .wav import read_wav

FLITE = "flite:"
PIPER = "piper:"


def available(voice: str) -> bool:
    if voice.startswith(PIPER):
        from ..reply.piper_voice import piper_available

        return piper_available()
    return shutil.which("flite" if voice.startswith(FLITE) else "espeak-ng") is not None


def synthesize(text: str, voice: str = "en-us", rate_wpm: int = 165) -> np.ndarray:
    """16 kHz mono int16 speech; ``rate_wpm`` applies to espeak-ng (flite and Piper keep their own pace)."""
    if voice.startswith(PIPER):
        from scipy.signal import resample_poly

        from ..reply.piper_voice import render

        samples, rate = render(text, vary=False)  # the same audio on every run: tests and bench repeat
        # 22,050 Hz → 16 kHz (320/441), back to int16 without wrapping round at full scale.
        common = math.gcd(SAMPLE_RATE, rate)
        resampled = resample_poly(samples.astype(np.float64), SAMPLE_RATE // common, rate // common)
        return np.clip(np.round(resampled), -32768, 32767).astype(np.int16)
    if voice.startswith(FLITE):
        with tempfile.NamedTemporaryFile(suffix=".wav") as f:
            subprocess.run(["flite", "-voice", voice[len(FLITE) :], "-t", text, "-o", f.name], check=True)
            return read_wav(f.name).samples
    from ..reply.tts import Speaker

    return read_wav(io.BytesIO(Speaker().synthesize(text, voice, rate_wpm))).samples
