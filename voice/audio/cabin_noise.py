"""Cabin noise made from numbers (road rumble, wind, climate fan) and mixing at a chosen SNR.

The tests and the benchmark hear speech the way a car cabin delivers it, without shipping recordings.
"""

from __future__ import annotations

import numpy as np
from scipy.signal import butter, sosfilt

from ..engines.base import SAMPLE_RATE

KINDS = ("road", "wind", "fan")


def cabin_noise(kind: str, seconds: float, seed: int = 0, rate: int = SAMPLE_RATE) -> np.ndarray:
    """Unit-RMS float noise of ``kind``."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    white = rng.standard_normal(n)
    t = np.arange(n) / rate
    if kind == "road":
        # Tyre and suspension rumble: most energy below 300 Hz, a little tyre hiss on top.
        noise = sosfilt(butter(4, 300, "low", fs=rate, output="sos"), white) + 0.05 * white
    elif kind == "wind":
        # Broadband rush around 200-2000 Hz with slow gusts.
        band = sosfilt(butter(2, [200, 2000], "band", fs=rate, output="sos"), white)
        gusts = 1.0 + 0.5 * np.sin(2 * np.pi * 0.3 * t + rng.uniform(0, 6.28))
        noise = band * gusts
    elif kind == "fan":
        # Blower: filtered air noise plus the blade-pass tone and its harmonics.
        air = sosfilt(butter(2, [300, 4000], "band", fs=rate, output="sos"), white)
        tone = sum(np.sin(2 * np.pi * 140 * k * t) / k for k in (1, 2, 3))
        noise = air + 0.3 * tone
    else:
        raise ValueError(f"unknown noise {kind!r}; one of {', '.join(KINDS)}")
    return noise / np.sqrt(np.mean(noise**2))


def mix(speech: np.ndarray, noise: np.ndarray, snr_db: float) -> np.ndarray:
    """Speech (int16) plus noise scaled so that speech power / noise power = ``snr_db``; int16 out.

    Speech power is taken over the samples where speech is (above -40 dB of its peak), so leading and
    trailing silence does not make the noise look quieter than it is.
    """
    s = speech.astype(np.float64)
    active = s[np.abs(s) > np.abs(s).max() * 0.01] if np.any(s) else s
    p_speech = float(np.mean(active**2)) if len(active) else 0.0
    reps = int(np.ceil(len(s) / len(noise)))
    n = np.tile(noise, reps)[: len(s)]
    scaled = n * np.sqrt(p_speech / (10 ** (snr_db / 10))) if p_speech else n * 0
    return np.clip(np.round(s + scaled), -32768, 32767).astype(np.int16)
