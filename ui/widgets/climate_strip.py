"""The climate strip, always at the bottom: temperatures, fan, A/C, seat heating.

Every control goes through the command path (a target sent through the vehicle's ``vss2dbc`` mapping) and
shows only what the vehicle reports back. While a target is on its way the control shows it dimmed next
to the reported value; a refused or timed-out target turns the control red with the reason as its tooltip.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from cockpit.state_store import SignalValue

from ..context import UiContext

HVAC = "Vehicle.Cabin.HVAC."
DRIVER_TEMP = HVAC + "Station.Row1.Driver.Temperature"
PASSENGER_TEMP = HVAC + "Station.Row1.Passenger.Temperature"
FAN = "Vehicle.SmartCockpit.Cabin.HVAC.FanLevel"
AC = HVAC + "IsAirConditioningActive"
SEAT_HEAT = {
    "driver": "Vehicle.Cabin.Seat.Row1.DriverSide.Heating",
    "passenger": "Vehicle.Cabin.Seat.Row1.PassengerSide.Heating",
}
SEAT_LEVELS = (0, 33, 67, 100)


class Stepper(QWidget):
    """− value + for a numeric actuator."""

    def __init__(self, ctx: UiContext, path: str, step: float, low: float, high: float, fmt: str) -> None:
        super().__init__()
        self.ctx, self.path, self.step, self.low, self.high, self.fmt = ctx, path, step, low, high, fmt
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(ctx.px(6))
        self.minus = QPushButton("−")
        self.plus = QPushButton("+")
        self.label = QLabel("—")
        self.label.setObjectName("value")
        self.label.setMinimumWidth(ctx.px(64))
        from PySide6.QtCore import Qt

        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.minus)
        row.addWidget(self.label)
        row.addWidget(self.plus)
        self.minus.clicked.connect(lambda: self.nudge(-self.step))
        self.plus.clicked.connect(lambda: self.nudge(self.step))

    def nudge(self, delta: float) -> None:
        pending = self.ctx.targets.pending(self.path)
        base = pending.value if pending else self.ctx.session.store.value(self.path)
        if base is None:
            return
        value = min(self.high, max(self.low, base + delta))
        if value != base:
            self.ctx.targets.set(self.path, type(base)(value) if isinstance(base, int) else value)
            self.show_value()

    def show_value(self) -> None:
        reported = self.ctx.session.store.value(self.path)
        text = self.fmt.format(reported) if reported is not None else "—"
        _show_target_state(self.ctx, self.label, self.path, text, self.fmt)


class ClimateStrip(QFrame):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("climateStrip")
        self.setFixedHeight(ctx.px(72))
        row = QHBoxLayout(self)
        row.setContentsMargins(ctx.px(12), ctx.px(8), ctx.px(12), ctx.px(8))
        row.setSpacing(ctx.px(10))
        self.driver = Stepper(ctx, DRIVER_TEMP, 1, 16, 32, "{0:.0f}°")
        self.passenger = Stepper(ctx, PASSENGER_TEMP, 1, 16, 32, "{0:.0f}°")
        self.fan = Stepper(ctx, FAN, 1, 0, 7, "✻ {0:.0f}")
        self.ac = QPushButton("A/C")
        self.ac.setCheckable(True)
        self.ac.clicked.connect(self._toggle_ac)
        self.seat = {side: QPushButton() for side in SEAT_HEAT}
        for side, button in self.seat.items():
            button.clicked.connect(lambda _=False, s=side: self._cycle_seat(s))
        row.addWidget(self.seat["driver"])
        row.addWidget(self.driver)
        row.addStretch(1)
        row.addWidget(self.fan)
        row.addWidget(self.ac)
        row.addStretch(1)
        row.addWidget(self.passenger)
        row.addWidget(self.seat["passenger"])
        self.refresh({})

    def _toggle_ac(self) -> None:
        reported = self.ctx.session.store.value(AC)
        self.ctx.targets.set(AC, not bool(reported))
        self.refresh({})

    def _cycle_seat(self, side: str) -> None:
        path = SEAT_HEAT[side]
        current = self.ctx.session.store.value(path) or 0
        level = min(range(4), key=lambda i: abs(SEAT_LEVELS[i] - current))
        self.ctx.targets.set(path, SEAT_LEVELS[(level + 1) % 4])
        self.refresh({})

    def refresh(self, changed: dict[str, SignalValue]) -> None:
        for stepper in (self.driver, self.passenger, self.fan):
            stepper.show_value()
        store = self.ctx.session.store
        ac = store.value(AC)
        # The button state follows the car, not the tap.
        self.ac.setChecked(bool(ac))
        _show_target_state(self.ctx, self.ac, AC, "A/C", None)
        for side, button in self.seat.items():
            level = store.value(SEAT_HEAT[side]) or 0
            bars = min(range(4), key=lambda i: abs(SEAT_LEVELS[i] - level))
            text = "♨ " + ("▮" * bars + "▯" * (3 - bars))
            _show_target_state(self.ctx, button, SEAT_HEAT[side], text, None)


def _show_target_state(ctx: UiContext, widget: QWidget, path: str, text: str, fmt: str | None) -> None:
    target = ctx.targets.targets.get(path)
    tip = ""
    if target is not None and target.state == "pending" and fmt is not None:
        text = f"{text} → {fmt.format(target.value)}"
    if target is not None and target.state == "failed":
        widget.setStyleSheet(f"color: {ctx.theme.danger};")
        tip = target.reason
    else:
        widget.setStyleSheet("")
    widget.setText(text)  # type: ignore[attr-defined]
    widget.setToolTip(tip)
