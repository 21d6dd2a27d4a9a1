"""End of speech from Silero VAD's speech probability (audio/silero.py), for the engines that hear cabin
noise (``Engine.endpointer = "silero"``: Whisper).

Speech starts when each of the last 96 ms (3 frames) is speech and ends when 90 % of the last 300 ms is
not. Between the two thresholds (0.5 to start, 0.35 to stay: Silero's own hysteresis) a word's quiet
consonants keep the utterance open.
"""

from __future__ import annotations

from collections import deque

from ..engines.base import SAMPLE_RATE
from .endpoint import END_RATIO, WINDOW_S, Step
from .silero import FRAME_SAMPLES, SileroStream

START_THRESHOLD = 0.5
STAY_THRESHOLD = 0.35
START_FRAMES = 3  # consecutive speech frames to start: one loud frame of noise is not an utterance
# Silero calls a word speech a frame or two after its onset (64 ms late on "close the windows", more on
# soft onsets such as "what's", "fan"): every utterance is handed over with at least this much of the audio
# before its first speech frame, so no first sound is lost. Counting Whisper's lead-in (0.2 s) from 0.1 s
# earlier still cost it 5 of 35 commands in noise ("close the windows" → "close that wind off"), and from
# 64 ms earlier "turn on the fan" → "turn down the fan": the lead-in is counted from the speech frame.
PRE_ROLL_S = 0.2


class SileroEndpointer:
    def __init__(self, window_s: float = WINDOW_S, lead_in_s: float = 0.0) -> None:
        self._vad = SileroStream()
        self.frame_bytes: int = FRAME_SAMPLES * 2
        frame_s = FRAME_SAMPLES / SAMPLE_RATE
        self._window = max(1, round(window_s / frame_s))
        lead_frames = round(max(lead_in_s, PRE_ROLL_S) / frame_s)
        # The frames heard lately: the start's frames and the lead-in before them.
        self._recent: deque[bytes] = deque(maxlen=START_FRAMES + lead_frames)
        self._voiced = 0  # consecutive speech frames before the start
        self._tail: deque[bool] = deque(maxlen=self._window)  # speech or not, the last window in speech
        self._in_speech = False

    def process(self, frame: bytes) -> Step:
        """One frame of exactly :attr:`frame_bytes`."""
        p = self._vad.probability(frame)
        if not self._in_speech:
            self._recent.append(frame)
            self._voiced = self._voiced + 1 if p >= START_THRESHOLD else 0
            if self._voiced < START_FRAMES:
                return Step(None)
            self._in_speech = True
            self._tail.clear()
            self._tail.extend([True] * START_FRAMES)
            speech = b"".join(self._recent)  # the start's frames and the lead-in before them
            self._recent.clear()
            self._voiced = 0
            return Step(speech, started=True)
        self._tail.append(p >= STAY_THRESHOLD)
        if len(self._tail) == self._window and self._tail.count(False) >= END_RATIO * self._window:
            self._in_speech = False
            return Step(frame, ended=True)
        return Step(frame)

    @property
    def in_speech(self) -> bool:
        return self._in_speech

    def end(self, frame: bytes = b"") -> Step:
        """The audio ran out: close speech that is still going on."""
        ended = self._in_speech
        self._in_speech = False
        return Step(frame if ended and frame else None, ended=ended)
