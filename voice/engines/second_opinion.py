"""Two recognizers on the same utterance: Whisper's free transcription first, pocketsphinx's reading
constrained to the templates as a second opinion.

Both hear the audio as it comes (pocketsphinx streams, so its answer is ready about when Whisper's is);
the transcript is Whisper's, with pocketsphinx's best readings added to the alternatives. The understanding
layer weighs every candidate and asks first when the candidates disagree on direction. Measured on 195
commands and 42 out-of-domain sentences in three voices (docs/architecture.md): acceptance 77 % with
Whisper alone, 82 % with pocketsphinx alone, 86 % together; no opposite action and no false accept in
any of the three; confirmations 7 → 17. But at 10 dB (bench/voice.py --quick) it acted on the opposite
of 2 of 108 commands, where Whisper alone did so once in 1,292: a reading that only the grammar-bound
engine offers is forced onto the nearest command, and noise makes that nearest one the wrong way. Never
doing the opposite comes first, so the combination is off by default (``open_engine(...,
second_opinion=True)``; ``python -m bench.voice --engine whisper+pocketsphinx`` measures it).
"""

from __future__ import annotations

from .base import Engine, Stream, Transcript

SECOND_READINGS = 3  # pocketsphinx's best and its next two


class SecondOpinionEngine(Engine):
    mode = "free + grammar"

    def __init__(self, primary: Engine, second: Engine) -> None:
        self.primary = primary
        self.second = second
        self.name = primary.name
        self.lead_in_s = max(primary.lead_in_s, second.lead_in_s)
        self.endpointer = primary.endpointer  # Whisper's: pocketsphinx hears what it is handed
        self.source = getattr(primary, "source", None)

    def describe(self) -> str:
        return f"{self.primary.describe()} + {self.second.name} second opinion"

    def start(self) -> Stream:
        return _Both(self.primary.start(), self.second.start())


class _Both(Stream):
    def __init__(self, primary: Stream, second: Stream) -> None:
        self.primary = primary
        self.second = second

    def accept(self, pcm: bytes) -> None:
        self.primary.accept(pcm)
        self.second.accept(pcm)

    def partial(self) -> str:
        return self.primary.partial() or self.second.partial()  # Whisper has none: the live transcript

    def finish(self) -> Transcript:
        first = self.primary.finish()
        other = self.second.finish()
        readings = [] if other.rejected or not other.text else [other.text]
        readings += list(other.alternatives)
        extra = [
            r for r in readings[:SECOND_READINGS] if r and r != first.text and r not in first.alternatives
        ]
        if not first.text and not extra:
            return first
        return Transcript(
            first.text,
            first.rejected,
            (*first.alternatives, *extra),
            first.confidence,
            first.free_text,
        )
