"""The climate strip at the bottom: temperatures, fan, A/C, seat heating.

Hidden on the cabin panel, whose Climate and Seats tabs hold the same controls: at 800×480 with a song
playing, the strip and the now-playing bar together left the Climate tab 45 px short (a scroll bar).

Every control goes through the command layer (a target sent through the vehicle's ``vss2dbc`` mapping)
and shows only what the vehicle reports back (see command_controls.py for the pending and failed looks).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout

from cockpit.state_store import SignalValue

from ..context import UiContext
from .command_controls import CommandLevel, CommandStepper, CommandToggle

OWN_CLIMATE = frozenset({"cabin"})


def degrees(value: object) -> str:
    return f"{float(value):.0f}°"  # type: ignore[arg-type]


class ClimateStrip(QFrame):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("climateStrip")
        pad = ctx.px(6)
        # Room for a touch-sized button (its padding and border included) and the strip's own margin.
        self.setFixedHeight(ctx.touch(56) + 2 * pad)
        row = QHBoxLayout(self)
        row.setContentsMargins(ctx.px(12), pad, ctx.px(12), pad)
        row.setSpacing(ctx.px(10))
        self.driver = CommandStepper(ctx, "climate.temperature", "driver", degrees)
        self.passenger = CommandStepper(ctx, "climate.temperature", "passenger", degrees)
        self.fan = CommandStepper(ctx, "climate.fan", None, lambda v: f"{v:.0f}", icon="car-fan")
        self.ac = CommandToggle(ctx, "climate.ac", "A/C", icon="air-conditioning")
        self.seat = {
            side: CommandLevel(ctx, "seat.heating", side, "♨", 3, icon="armchair")
            for side in ("driver", "passenger")
        }
        row.addWidget(self.seat["driver"])
        row.addWidget(self.driver)
        row.addStretch(1)
        row.addWidget(self.fan)
        row.addWidget(self.ac)
        row.addStretch(1)
        row.addWidget(self.passenger)
        row.addWidget(self.seat["passenger"])
        self.refresh({})

    def follow_panel(self, key: str) -> None:
        """The window shows panel ``key``: the strip steps aside where the panel has these controls."""
        self.setVisible(key not in OWN_CLIMATE)

    def refresh(self, changed: dict[str, SignalValue]) -> None:
        for control in (self.driver, self.passenger, self.fan, self.ac, *self.seat.values()):
            control.refresh()
