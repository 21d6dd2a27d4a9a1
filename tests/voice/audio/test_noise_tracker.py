"""Minimum statistics follow the cabin noise through speech: the estimate is the noise's power, not the
voice's, and it follows the noise when the noise changes."""

from __future__ import annotations

import numpy as np
import pytest

from voice.audio.cabin_noise import cabin_noise, mix
from voice.audio.noise_tracker import NoiseTracker
from voice.engines.base import SAMPLE_RATE

N_FFT, HOP = 512, 256
WINDOW = np.sqrt(np.hanning(N_FFT + 1)[:-1])


def frames(samples: np.ndarray) -> list[np.ndarray]:
    x = samples.astype(np.float64)
    return [np.abs(np.fft.rfft(x[i : i + N_FFT] * WINDOW)) ** 2 for i in range(0, len(x) - N_FFT, HOP)]


def db(a: np.ndarray, b: np.ndarray) -> float:
    return float(10 * np.log10(a[8:].sum() / b[8:].sum()))  # above 250 Hz: where the voice is


@pytest.mark.parametrize("kind", ["road", "fan"])
def test_a_steady_noise_is_estimated_within_2_db(kind):
    noise = cabin_noise(kind, 4.0, seed=5) * 3000
    tracker = NoiseTracker()
    for power in frames(noise):
        estimate = tracker.update(power)
    assert abs(db(estimate, np.mean(frames(noise), axis=0))) < 2.0


@pytest.mark.parametrize("kind", ["road", "fan"])
def test_during_the_words_the_estimate_stays_the_noise(speech, kind):
    words = speech("set the temperature to twenty two degrees", "flite:slt")
    pause = np.zeros(SAMPLE_RATE, np.int16)
    clean = np.concatenate([pause, words])
    noisy = mix(clean, cabin_noise(kind, len(clean) / SAMPLE_RATE + 0.1, seed=2), 5.0)
    noise_power = np.mean(frames(noisy[:SAMPLE_RATE]), axis=0)
    tracker = NoiseTracker()
    highest = max(db(tracker.update(p), noise_power) for p in frames(noisy))
    # The voice is 5 dB above the noise: an estimate that climbed with it would be ~6 dB too high.
    assert highest < 2.5


def test_a_louder_noise_is_followed_within_the_window():
    quiet, loud = (cabin_noise("fan", 3.0, seed=s) * level for s, level in ((1, 1000), (2, 4000)))
    tracker = NoiseTracker()
    for power in frames(np.concatenate([quiet, loud])):
        estimate = tracker.update(power)
    assert abs(db(estimate, np.mean(frames(loud), axis=0))) < 2.0
