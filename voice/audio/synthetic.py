"""Synthetic speech for tests and the benchmark: espeak-ng's voices, or flite's (``flite:NAME``).

flite's voices are built from recordings of people (CMU ARCTIC); recognizers hear them far more like a
person than espeak-ng's formant synthesis, which is why the benchmark and the multi-command audio tests
use them as well.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile

import numpy as np

from .wav import read_wav

FLITE = "flite:"


def available(voice: str) -> bool:
    return shutil.which("flite" if voice.startswith(FLITE) else "espeak-ng") is not None


def synthesize(text: str, voice: str = "en-us", rate_wpm: int = 165) -> np.ndarray:
    """16 kHz mono int16 speech; ``rate_wpm`` applies to espeak-ng (flite speaks at its own pace)."""
    if voice.startswith(FLITE):
        with tempfile.NamedTemporaryFile(suffix=".wav") as f:
            subprocess.run(["flite", "-voice", voice[len(FLITE) :], "-t", text, "-o", f.name], check=True)
            return read_wav(f.name).samples
    from ..reply.tts import Speaker

    return read_wav(io.BytesIO(Speaker().synthesize(text, voice, rate_wpm))).samples
