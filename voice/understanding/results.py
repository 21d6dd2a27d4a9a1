"""What understanding produces: intents with their slots, and how sure we are of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Intent:
    name: str
    slots: dict[str, Any] = field(default_factory=dict)
    text: str = ""

    def with_slots(self, **slots: Any) -> Intent:
        return Intent(self.name, {**self.slots, **slots}, self.text)

    def to_json(self) -> dict[str, Any]:
        return {"intent": self.name, "slots": dict(self.slots)}


@dataclass(frozen=True)
class Understanding:
    """One utterance understood: what to do, how sure we are, and what to ask before doing it.

    ``intents`` is the best reading ([] when nothing was understood). ``question`` is set when the
    assistant must ask before acting (low confidence, or ``opposite_risk``); it acts only on "yes".
    """

    intents: list[Intent] = field(default_factory=list)
    confidence: float = 0.0  # 0..1: the recognizer's belief in the text × how well the text matched
    question: str | None = None
    opposite_risk: bool = False  # the best and second-best readings move a setting opposite ways
    text: str = ""  # the words the intents were read from (after correcting near misses)
    heard: str = ""  # the recognizer's best text, as it came
    match_score: float = 0.0  # 1.0 for an exact template match, less for a near miss
    alternative: list[Intent] = field(default_factory=list)  # the second-best reading, if any

    @property
    def understood(self) -> bool:
        return bool(self.intents)

    def to_json(self) -> dict[str, Any]:
        return {
            "intents": [i.to_json() for i in self.intents],
            "confidence": round(self.confidence, 3),
            "question": self.question,
            "opposite_risk": self.opposite_risk,
            "text": self.text,
        }
