"""Speech for the voice tests: espeak-ng synthesis (real audio, made at test time) and cabin noise."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable

import numpy as np
import pytest

from voice.audio.cabin_noise import cabin_noise, mix
from voice.audio.wav import read_wav
from voice.engines.base import SAMPLE_RATE
from voice.reply.tts import Speaker

Speech = Callable[..., np.ndarray]


@pytest.fixture(scope="session")
def speech() -> Speech:
    """``speech(text, voice="en-us", rate=165, snr=None, noise="road")``: 16 kHz int16 samples."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is needed for the audio tests: apt-get install espeak-ng (.ci/run does)")
    speaker = Speaker()

    def make(
        text: str, voice: str = "en-us", rate: int = 165, snr: float | None = None, noise: str = "road"
    ) -> np.ndarray:
        samples = read_wav(io.BytesIO(speaker.synthesize(text, voice, rate))).samples
        pad = np.zeros(int(0.3 * SAMPLE_RATE), np.int16)
        samples = np.concatenate([pad, samples, pad])
        if snr is not None:
            samples = mix(samples, cabin_noise(noise, len(samples) / SAMPLE_RATE + 0.1, seed=1), snr)
        return samples

    return make
