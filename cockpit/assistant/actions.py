"""Actions that are not cabin commands, and the registry where the parts that perform them plug in.

Navigation and the screen belong to other parts of the product: they register a handler for the action
type; with none registered (headless, or a build without navigation) the action is "not available here".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CATEGORY_WORDS = {"charging": "charging station", "fuel": "fuel station"}


@dataclass(frozen=True)
class NavigateTo:
    category: str | None = None  # charging_station, parking, restaurant, ...
    name: str | None = None  # a named place: home, work, or one a user's intents file adds

    def describe(self) -> str:
        return (
            f"navigate to {'the nearest ' + self.category.replace('_', ' ') if self.category else self.name}"
        )


@dataclass(frozen=True)
class CancelNavigation:
    def describe(self) -> str:
        return "cancel navigation"


@dataclass(frozen=True)
class ShowPanel:
    key: str

    def describe(self) -> str:
        return f"show the {self.key} panel"


@dataclass(frozen=True)
class Media:
    """The music: play (all, or what ``query`` names), pause, next, previous, louder, quieter, a volume
    ``level``, mute, unmute. Performed by the media player (cockpit/media/voice_actions.py)."""

    op: str
    query: str | None = None
    level: int | None = None

    def describe(self) -> str:
        if self.op == "play":
            return f"play {self.query}" if self.query else "play music"
        if self.op == "volume":
            return f"set the volume to {self.level}"
        return {"next": "play the next song", "previous": "play the previous song"}.get(self.op, self.op)


@dataclass(frozen=True)
class Question:
    topic: str  # range, battery, tyre_pressure, outside_temperature, time_to_charge

    def describe(self) -> str:
        return f"answer: {self.topic.replace('_', ' ')}"


# A handler performs the action and returns what to say (None: "done").
Handler = Callable[[Any], str | None]


class Handlers:
    def __init__(self) -> None:
        self._handlers: dict[type, Handler] = {}

    def register(self, kind: type, handler: Handler) -> None:
        self._handlers[kind] = handler

    def unregister(self, kind: type) -> None:
        self._handlers.pop(kind, None)

    def get(self, kind: type) -> Handler | None:
        return self._handlers.get(kind)
