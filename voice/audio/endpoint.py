"""End of speech: the one interface the listener uses, and the implementation each engine asks for.

Two implementations, chosen per engine (``Engine.endpointer``):

- ``webrtc`` (audio/webrtc_endpoint.py): pocketsphinx's WebRTC-style VAD. Right in quiet audio; in cabin
  noise (10 dB road or fan, any noise at 5 dB) it calls the noise speech and never finds an end.
- ``silero`` (audio/silero_endpoint.py): Silero VAD's speech probability, which keeps to the words in
  the same noise down to 0 dB (figures in docs/architecture.md, voice).

Both end speech when 90 % of the last 300 ms is non-speech, so the endpoint comes about 300 ms after
the last word, the latency budget the issue sets. An engine that wants it is handed a lead-in of the audio
before the first speech frame as well (``Engine.lead_in_s``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

WINDOW_S = 0.3
END_RATIO = 0.9  # of the window non-speech: the end
ENDPOINTERS = ("webrtc", "silero")


@dataclass
class Step:
    speech: bytes | None  # audio to recognize (None outside speech)
    started: bool = False  # speech began with this frame
    ended: bool = False  # speech ended: the endpoint


class Endpointer(Protocol):
    frame_bytes: int  # :meth:`process` takes frames of exactly this many bytes

    def process(self, frame: bytes) -> Step:
        """One frame of exactly :attr:`frame_bytes`."""
        ...

    @property
    def in_speech(self) -> bool: ...

    def end(self, frame: bytes = b"") -> Step:
        """The audio ran out: close speech that is still going on (``frame``: the last, short one)."""
        ...


def open_endpointer(kind: str, lead_in_s: float = 0.0) -> Endpointer:
    """The endpointer called ``kind`` (one of :data:`ENDPOINTERS`)."""
    if kind == "webrtc":
        from .webrtc_endpoint import WebRtcEndpointer

        return WebRtcEndpointer(lead_in_s=lead_in_s)
    if kind == "silero":
        from .silero_endpoint import SileroEndpointer

        return SileroEndpointer(lead_in_s=lead_in_s)
    raise ValueError(f"unknown endpointer {kind!r}; one of {', '.join(ENDPOINTERS)}")
