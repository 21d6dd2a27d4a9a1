"""What every widget of the head unit gets: the running session, the look, the units, the scale."""

from __future__ import annotations

from dataclasses import dataclass, field

from cockpit.commands import CommandLayer
from cockpit.runtime_profile import DESKTOP, RuntimeProfile
from cockpit.session import Session

from .theme import Theme, touch_px
from .units import Units


@dataclass
class UiContext:
    session: Session
    theme: Theme
    units: Units
    commands: CommandLayer
    # Size relative to the 1280×720 reference layout: fonts and paddings follow it.
    scale: float = 1.0
    profile: RuntimeProfile = DESKTOP
    lang: str = "en"  # the UI language: map names are shown in it where the map has them
    extra: dict[str, object] = field(default_factory=dict)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def touch(self, value: float = 48) -> int:
        """A touch target's side: ``value`` scaled, never under 48 real pixels."""
        return touch_px(self.scale, value)
