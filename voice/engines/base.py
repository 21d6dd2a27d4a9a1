"""The one small interface every recognizer implements: stream 16 kHz mono PCM in, get text out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

SAMPLE_RATE = 16000


@dataclass(frozen=True)
class Transcript:
    text: str  # lower-case words; "" when nothing in the grammar was heard
    rejected: bool = False  # the engine itself heard out-of-grammar speech ([unk] or filler)
    # The next-best hypotheses, best first: the parser takes the first that is a command, so a likelier
    # wording that is not one ("open bus on") does not hide the command right behind it.
    alternatives: tuple[str, ...] = ()
    # The recognizer's own belief in ``text``, 0..1 (None when the engine gives none). The understanding
    # layer combines it with how well the text matched a template into the result's confidence.
    confidence: float | None = None
    # Whether the engine can hear any words (Whisper, typed text) or only the templates' (pocketsphinx,
    # Vosk). From the latter, free-text slots ("play {query}") mean nothing: noise heard as "play some
    # wheel heat" must not become a request.
    free_text: bool = True


class Stream(ABC):
    """One utterance being recognized."""

    @abstractmethod
    def accept(self, pcm: bytes) -> None:
        """Feed 16-bit little-endian mono samples at :data:`SAMPLE_RATE`."""

    @abstractmethod
    def partial(self) -> str:
        """What has been heard so far (for the live transcript)."""

    @abstractmethod
    def finish(self) -> Transcript:
        """End of speech: the final text. The stream cannot be fed after this."""


class Engine(ABC):
    name: str = ""
    mode: str = "grammar"  # or "free" (free-form dictation, no grammar)
    # Audio from before the first voiced frame to hand over with the speech (see audio/endpoint.py).
    lead_in_s: float = 0.0
    # Whether the listener's cabin-noise front end (audio/noise_suppression.py) runs before this engine.
    noise_front_end: bool = True
    # Which endpointer finds this engine's utterances (audio/endpoint.py): "webrtc" or "silero".
    endpointer: str = "webrtc"

    @abstractmethod
    def start(self) -> Stream:
        """Begin an utterance."""

    def describe(self) -> str:
        """What the user sees: engine, model and mode."""
        return f"{self.name} ({self.mode})"
