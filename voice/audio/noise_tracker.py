"""The noise's power per frequency, followed through speech by minimum statistics (Martin, 2001).

Why not learn it from the frames the endpointer calls non-speech: measured, the endpointer's WebRTC VAD
calls generated cabin noise speech from its first 300 ms window at any level above about -30 dBFS (road,
wind and fan alike), so in the very conditions that need suppression nothing would be learned. Minimum
statistics needs no VAD: in each bin, the smoothed power falls to the noise between words and syllables, so
the minimum over the last couple of seconds, times a bias for taking a minimum, is the noise. A steady
noise is followed as it changes (a window opened, the fan turned up) with a lag of at most the window.
"""

from __future__ import annotations

from collections import deque

import numpy as np

SMOOTHING = 0.85  # per 16 ms frame: the periodogram averaged over about 100 ms
SUB_FRAMES = 16  # the minimum is kept per sub-window of 16 frames (256 ms) ...
SUB_WINDOWS = 8  # ... over the last 8 of them: about 2 s, longer than a spoken command
# Mean power / minimum of the smoothed power, measured with these settings on the generated road and fan
# noise: 1.96-2.05. Wind's gusts (power 9:1 from peak to trough every 3 s) measured 5.9: its troughs are
# what a minimum finds, so gusty wind is under-estimated by about 5 dB and left in rather than speech cut.
BIAS = 2.0


class NoiseTracker:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self._smoothed: np.ndarray | None = None
        self._current: np.ndarray | None = None  # minimum in the running sub-window
        self._count = 0
        self._sum: np.ndarray | None = None  # of the first sub-window's frames
        self._minima: deque[np.ndarray] = deque(maxlen=SUB_WINDOWS - 1)

    @property
    def noise(self) -> np.ndarray | None:
        """Estimated noise power per bin (None before the first frame)."""
        if self._current is None:
            return None
        if not self._minima:
            # The first 256 ms: a minimum of so few frames is no estimate (its bias is unknown), so take
            # their mean, on the grounds that a stream opens before the driver speaks (the talk button, the
            # wake phrase's pause, the benchmark's 300 ms of cabin before the words).
            return self._sum / self._count
        return BIAS * np.min([self._current, *self._minima], axis=0)

    def update(self, power: np.ndarray) -> np.ndarray:
        """One frame's power per bin in; the noise estimate after it out."""
        if self._smoothed is None:
            self._smoothed = power.copy()
        else:
            self._smoothed = SMOOTHING * self._smoothed + (1 - SMOOTHING) * power
        current = self._current
        self._current = self._smoothed.copy() if current is None else np.minimum(current, self._smoothed)
        self._sum = power.copy() if current is None else self._sum + power
        self._count += 1
        if self._count == SUB_FRAMES:
            self._minima.append(self._current)
            self._current, self._count = self._smoothed.copy(), 0
        return self.noise
