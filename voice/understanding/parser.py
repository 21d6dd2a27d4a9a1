"""Text → intents: the hassil templates, one or several commands per utterance."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hassil import Intents, recognize_best

from .grammar import CONJUNCTIONS, normalize


@dataclass(frozen=True)
class Intent:
    name: str
    slots: dict[str, Any] = field(default_factory=dict)
    text: str = ""

    def with_slots(self, **slots: Any) -> Intent:
        return Intent(self.name, {**self.slots, **slots}, self.text)

    def to_json(self) -> dict[str, Any]:
        return {"intent": self.name, "slots": dict(self.slots)}


_SPLIT = re.compile(r"\b(?:" + "|".join(sorted(CONJUNCTIONS, key=len, reverse=True)) + r")\b")


class IntentParser:
    def __init__(self, intents: Intents) -> None:
        self.intents = intents
        self.language = intents.language

    def parse(self, text: str) -> list[Intent]:
        """The intents said, in order; [] when the utterance (or any part of it) matches no template."""
        clean = " ".join(normalize(text))
        if not clean:
            return []
        whole = self._one(clean)
        if whole is not None:
            return [whole]
        # "turn on the a c and close the windows": every part must be a command, or nothing is done.
        parts = [p.strip() for p in _SPLIT.split(clean) if p.strip()]
        if len(parts) < 2:
            return []
        found = [self._one(p) for p in parts]
        return [] if any(f is None for f in found) else found  # type: ignore[misc]

    def _one(self, text: str) -> Intent | None:
        result = recognize_best(text, self.intents, language=self.language)
        if result is None:
            return None
        slots = {name: _plain(entity.value) for name, entity in result.entities.items()}
        return Intent(result.intent.name, slots, text)


def _plain(value: Any) -> Any:
    # hassil gives 22.0 for "22" and 22 for "twenty two"; commands want one type.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
