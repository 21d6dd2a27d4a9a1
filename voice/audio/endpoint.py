"""End of speech: pocketsphinx's voice-activity endpointer (WebRTC-style VAD over a 300 ms window).

Speech ends when 90 % of the last 300 ms is non-speech, so the endpoint comes about 300 ms after the
last word, which is the latency budget the issue sets.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engines.base import SAMPLE_RATE

WINDOW_S = 0.3


@dataclass
class Step:
    speech: bytes | None  # audio to recognize (None outside speech)
    started: bool = False  # speech began with this frame
    ended: bool = False  # speech ended: the endpoint


class Endpointer:
    def __init__(self, window_s: float = WINDOW_S, vad_mode: int = 0) -> None:
        from pocketsphinx import Endpointer as PsEndpointer

        self._ep = PsEndpointer(window=window_s, ratio=0.9, vad_mode=vad_mode, sample_rate=SAMPLE_RATE)
        self.frame_bytes: int = self._ep.frame_bytes
        self._was_in_speech = False

    def process(self, frame: bytes) -> Step:
        """One frame of exactly :attr:`frame_bytes`."""
        speech = self._ep.process(frame)
        now = self._ep.in_speech
        step = Step(speech, started=now and not self._was_in_speech, ended=self._was_in_speech and not now)
        self._was_in_speech = now
        return step

    def end(self, frame: bytes = b"") -> Step:
        """The audio ran out: close speech that is still going on."""
        # end_stream takes the last, short frame; with none left there is nothing more to hand over.
        speech = self._ep.end_stream(frame) if self._was_in_speech and frame else None
        ended = self._was_in_speech
        self._was_in_speech = False
        return Step(speech, ended=ended)
