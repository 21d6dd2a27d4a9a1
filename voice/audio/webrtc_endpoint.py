"""End of speech from pocketsphinx's voice-activity endpointer (WebRTC-style VAD over a 300 ms window).

What pocketsphinx, Vosk and the wake phrase use (``Engine.endpointer = "webrtc"``): in quiet audio it finds
the end within 0.1 s, and the wake phrase's and Korean Vosk's tests were tuned on the onsets it hands
over. In cabin noise it never ends speech (audio/endpoint.py).

The VAD reports speech from its first voiced frame; the lead-in is taken from the frames heard before it.
"""

from __future__ import annotations

from collections import deque

from ..engines.base import SAMPLE_RATE
from .endpoint import END_RATIO, WINDOW_S, Step


class WebRtcEndpointer:
    def __init__(self, window_s: float = WINDOW_S, vad_mode: int = 0, lead_in_s: float = 0.0) -> None:
        from pocketsphinx import Endpointer as PsEndpointer

        self._ep = PsEndpointer(window=window_s, ratio=END_RATIO, vad_mode=vad_mode, sample_rate=SAMPLE_RATE)
        self.frame_bytes: int = self._ep.frame_bytes
        self._frame_s: float = self._ep.frame_length
        self._was_in_speech = False
        # (start time, frame) of the frames heard lately: the lead-in is taken from them.
        keep = round((window_s + lead_in_s) / self._frame_s) + 2
        self._recent: deque[tuple[float, bytes]] = deque(maxlen=keep)
        self._lead_in_s = lead_in_s
        self._t = 0.0

    def process(self, frame: bytes) -> Step:
        """One frame of exactly :attr:`frame_bytes`."""
        self._recent.append((self._t, frame))
        self._t += self._frame_s
        speech = self._ep.process(frame)
        now = self._ep.in_speech
        started = now and not self._was_in_speech
        if started and speech is not None and self._lead_in_s > 0:
            speech = self._lead_in(self._ep.speech_start) + speech
        step = Step(speech, started=started, ended=self._was_in_speech and not now)
        self._was_in_speech = now
        return step

    @property
    def in_speech(self) -> bool:
        return self._was_in_speech

    def _lead_in(self, start: float) -> bytes:
        begin = start - self._lead_in_s - self._frame_s / 2
        return b"".join(f for t, f in self._recent if begin <= t < start - self._frame_s / 2)

    def end(self, frame: bytes = b"") -> Step:
        """The audio ran out: close speech that is still going on."""
        # end_stream takes the last, short frame; with none left there is nothing more to hand over.
        speech = self._ep.end_stream(frame) if self._was_in_speech and frame else None
        ended = self._was_in_speech
        self._was_in_speech = False
        return Step(speech, ended=ended)
