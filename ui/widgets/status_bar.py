"""The top bar: clock, outside temperature, gear and speed, SoC and range, the source with frames/s, voice."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from cockpit.state_store import SignalValue

from ..context import UiContext

GEARS = {126: "P", -1: "R", 0: "N", 127: "D"}
P = "Vehicle.Powertrain."


class StatusBar(QFrame):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("statusBar")
        self.setFixedHeight(ctx.px(44))
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
        self.battery = QLabel("—")
        self.source = QLabel()
        self.source.setObjectName("dim")
        self.voice = QLabel(self.tr("voice: off"))
        self.voice.setObjectName("dim")
        self.day_night = QPushButton("☀" if ctx.theme.name == "dark" else "☾")
        self.day_night.setToolTip(self.tr("Day / night"))
        self.day_night.setFixedSize(ctx.px(48), ctx.px(40))
        self.day_night.setStyleSheet("min-height: 0px; padding: 0px;")
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
        for w in (self.battery, self.source, self.voice, self.day_night):
            row.addWidget(w)
        self._gear_code: int | None = None
        self.set_gear(None)
        self.tick_clock()

    def set_voice(self, engine: str) -> None:
        """The recognizer in use, always on screen."""
        self.voice.setText(self.tr("voice: {0}").format(engine) if engine else self.tr("voice: off"))

    def tick_clock(self) -> None:
        self.clock.setText(time.strftime("%H:%M"))

    def set_gear(self, code: int | None) -> None:
        self._gear_code = code
        current = GEARS.get(code) if code is not None else None
        t = self.ctx.theme
        parts = []
        for g in "PRND":
            colour = t.accent if g == current else t.text_dim
            weight = 700 if g == current else 400
            parts.append(f'<span style="color:{colour}; font-weight:{weight}">{g}</span>')
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
        soc = store.value(P + "TractionBattery.StateOfCharge.Displayed")
        # The electric range where the car reports it, else its overall range (e.g. the Kona's).
        range_m = store.value(P + "TractionBattery.Range", store.value(P + "Range"))
        if soc is not None:
            text = f"{soc:.0f} %"
            if range_m is not None:
                distance, unit = units.distance(range_m / 1000)
                text += f"  ·  {distance:.0f} {unit}"
            self.battery.setText(text)
        session = self.ctx.session
        state = session.source_state()
        if state.state == "waiting":
            self.source.setText(self.tr("waiting for {0}").format(state.name))
            return
        kinds = {"simulator": self.tr("Simulated"), "replay": self.tr("Replay"), "live": self.tr("Live")}
        self.source.setText(
            self.tr("{0} {1} · {2:.0f} frames/s").format(
                kinds[session.kind], state.name, session.frames_per_second
            )
        )
