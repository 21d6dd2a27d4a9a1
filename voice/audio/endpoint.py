"""End of speech: Silero VAD's speech probability (voice/audio/silero.py) over a 300 ms window.

Speech starts when most of the last 96 ms is speech and ends when 90 % of the last 300 ms is not, so the
endpoint comes about 300 ms after the last word, which is the latency budget the issue sets. Between the
two thresholds (0.5 to start, 0.35 to stay: Silero's own hysteresis) a word's quiet consonants keep the
utterance open. pocketsphinx's WebRTC-style VAD did this before; in cabin noise it never found an end
(silero.py says what was measured).

The utterance is handed over from its first speech frame; an engine that wants it is handed a lead-in of
the audio before that frame as well (``Engine.lead_in_s``).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from ..engines.base import SAMPLE_RATE
from .silero import FRAME_SAMPLES, SileroStream

WINDOW_S = 0.3
START_THRESHOLD = 0.5
STAY_THRESHOLD = 0.35
START_FRAMES = 3  # speech frames among the last START_WINDOW to start
START_WINDOW = 3
END_RATIO = 0.9
# Silero calls a word speech a frame or two after a soft onset ("what's", "fan"): every utterance is handed
# over with at least this much of the audio before its first speech frame, so no first sound is lost.
PRE_ROLL_S = 0.2


@dataclass
class Step:
    speech: bytes | None  # audio to recognize (None outside speech)
    started: bool = False  # speech began with this frame
    ended: bool = False  # speech ended: the endpoint


class Endpointer:
    def __init__(self, window_s: float = WINDOW_S, lead_in_s: float = 0.0) -> None:
        self._vad = SileroStream()
        self.frame_bytes: int = FRAME_SAMPLES * 2
        self._frame_s = FRAME_SAMPLES / SAMPLE_RATE
        self._window = max(1, round(window_s / self._frame_s))
        self._lead_frames = round(max(lead_in_s, PRE_ROLL_S) / self._frame_s)
        # The frames heard lately, each with whether it was speech: the start and the lead-in come from them.
        self._recent: deque[tuple[bytes, bool]] = deque(maxlen=START_WINDOW + self._lead_frames)
        self._tail: deque[bool] = deque(maxlen=self._window)  # speech or not, the last window in speech
        self._in_speech = False

    def process(self, frame: bytes) -> Step:
        """One frame of exactly :attr:`frame_bytes`."""
        p = self._vad.probability(frame)
        if not self._in_speech:
            self._recent.append((frame, p >= START_THRESHOLD))
            window = list(self._recent)[-START_WINDOW:]
            if sum(voiced for _, voiced in window) < START_FRAMES:
                return Step(None)
            self._in_speech = True
            self._tail.clear()
            self._tail.extend(True for _ in window)
            # From the lead-in before the first speech frame of the window on.
            keep = len(self._recent) - START_WINDOW + self._first_voiced(window)
            start = max(0, keep - self._lead_frames)
            speech = b"".join(f for f, _ in list(self._recent)[start:])
            self._recent.clear()
            return Step(speech, started=True)
        self._tail.append(p >= STAY_THRESHOLD)
        if len(self._tail) == self._window and self._tail.count(False) >= END_RATIO * self._window:
            self._in_speech = False
            self._recent.clear()
            return Step(frame, ended=True)
        return Step(frame)

    @staticmethod
    def _first_voiced(window: list[tuple[bytes, bool]]) -> int:
        return next(i for i, (_, voiced) in enumerate(window) if voiced)

    @property
    def in_speech(self) -> bool:
        return self._in_speech

    def end(self, frame: bytes = b"") -> Step:
        """The audio ran out: close speech that is still going on."""
        ended = self._in_speech
        self._in_speech = False
        return Step(frame if ended and frame else None, ended=ended)
