"""Text → intents: the hassil templates, one or several commands per utterance, with a confidence.

:meth:`IntentParser.understand` reads a recognizer's transcript (its best text and n-best alternatives):
each candidate is matched exactly to the templates, or else as a near miss (see :mod:`.near_miss`); the
best reading wins, and the result says how sure it is and what to ask before acting (see
docs/architecture.md, "Voice: understanding and confirmation").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hassil import Intents, recognize_best

from ..engines.base import Transcript
from .describe import describe
from .direction import opposite
from .grammar import CONJUNCTIONS, normalize
from .results import Intent, Understanding

if TYPE_CHECKING:
    from .near_miss import NearMiss

__all__ = ["ASK_BELOW", "Intent", "IntentParser", "Understanding"]

# Below this confidence the assistant asks before acting. The confidence of a reading is the recognizer's
# belief × the match score × RANK_DISCOUNT per place down the n-best list; see docs/architecture.md.
ASK_BELOW = 0.6
RANK_DISCOUNT = 0.9

_SPLIT = re.compile(r"\b(?:" + "|".join(sorted(CONJUNCTIONS, key=len, reverse=True)) + r")\b")


@dataclass(frozen=True)
class Reading:
    intents: list[Intent]
    text: str
    score: float  # how well ``text`` matched the templates, 0..1
    confidence: float  # score × the recognizer's belief × the rank discount

    def key(self) -> tuple:
        return tuple((i.name, tuple(sorted(i.slots.items(), key=lambda kv: kv[0]))) for i in self.intents)


class IntentParser:
    def __init__(self, intents: Intents) -> None:
        self.intents = intents
        self.language = intents.language
        self._near_miss: NearMiss | None = None  # built on first need: the vocabulary of the templates

    def prepare(self) -> IntentParser:
        """Build the near-miss vocabulary now (a quarter second for the shipped templates), not on the first
        utterance that needs it."""
        self._near("")
        return self

    def parse(self, text: str) -> list[Intent]:
        """The intents of typed text, in order; [] when the utterance (or a part of it) is not understood."""
        return self.understand(Transcript(text)).intents

    def understand(self, transcript: Transcript) -> Understanding:
        """The best reading of a transcript, its confidence, and the question to ask before acting on it."""
        readings = self.readings(transcript)
        if not readings:
            return Understanding(heard=transcript.text)
        best = readings[0]
        second = next((r for r in readings[1:] if r.key() != best.key()), None)
        risk = second is not None and opposite(best.intents, second.intents)
        question = None
        if risk or best.confidence < ASK_BELOW:
            question = f"Did you mean {describe(best.intents, best.text, self.language)}?"
        return Understanding(
            intents=best.intents,
            confidence=best.confidence,
            question=question,
            opposite_risk=risk,
            text=best.text,
            heard=transcript.text,
            match_score=best.score,
            alternative=second.intents if second else [],
        )

    def readings(self, transcript: Transcript) -> list[Reading]:
        """Every reading of the transcript's candidates, most confident first."""
        belief = 1.0 if transcript.confidence is None else max(0.0, min(1.0, transcript.confidence))
        texts = [transcript.text, *transcript.alternatives]
        found: list[Reading] = []
        for rank, text in enumerate(texts):
            if not text or (rank == 0 and transcript.rejected):
                continue
            for intents, matched, score in self._match(text, transcript.free_text):
                confidence = score * belief * RANK_DISCOUNT**rank
                found.append(Reading(intents, matched, score, confidence))
        found.sort(key=lambda r: r.confidence, reverse=True)  # stable: ties keep the recognizer's order
        return found

    def _match(self, text: str, free_text: bool = True) -> list[tuple[list[Intent], str, float]]:
        clean = " ".join(normalize(text))
        if not clean:
            return []
        exact = self._exact(clean, free_text)
        if exact:
            return [(exact, clean, 1.0)]
        found = []
        for fixed, score in self._near(clean):
            intents = self._exact(fixed, free_text)
            if intents:
                found.append((intents, fixed, score))
        return found

    def _near(self, clean: str) -> list[tuple[str, float]]:
        from .near_miss import NearMiss

        if self._near_miss is None:
            self._near_miss = NearMiss(self.intents)
        return self._near_miss.corrections(clean) if clean else []

    def _exact(self, clean: str, free_text: bool = True) -> list[Intent]:
        whole = self._one(clean, free_text)
        if whole is not None:
            return [whole]
        # "turn on the a c and close the windows": every part must be a command, or nothing is done.
        parts = [p.strip() for p in _SPLIT.split(clean) if p.strip()]
        if len(parts) < 2:
            return []
        found = [self._one(p, free_text) for p in parts]
        return [] if any(f is None for f in found) else found  # type: ignore[misc]

    def _one(self, text: str, free_text: bool = True) -> Intent | None:
        result = recognize_best(text, self.intents, language=self.language)
        if result is None:
            return None
        if not free_text and any(entity.is_wildcard for entity in result.entities.values()):
            return None  # free text from a recognizer that hears only the templates' words
        slots = {name: _plain(entity.value) for name, entity in result.entities.items()}
        return Intent(result.intent.name, slots, text)


def _plain(value: Any) -> Any:
    # hassil gives 22.0 for "22" and 22 for "twenty two"; commands want one type.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
