"""Warning lamps (telltales) in the status bar: lit from the signals the car reports, their meaning on tap.

A lamp is lit when any of its warning signals is true, or when a measured value crosses the line the car's
own monitor uses (tyre below 200 kPa is reported by the car as ``IsPressureLow``; 12 V below 11.8 V).
Doors count only while driving. A lamp the vehicle never reports never lights: the seat belt reminder
appears only on cars that map it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolTip, QWidget

from ..context import UiContext
from ..icons import set_icon

W = "Vehicle.SmartCockpit.Warning."
TYRES = [
    f"Vehicle.Chassis.Axle.Row{r}.Wheel.{s}.Tire.IsPressureLow" for r in (1, 2) for s in ("Left", "Right")
]
DOORS = [
    *(f"Vehicle.Cabin.Door.Row{r}.{s}.IsOpen" for r in (1, 2) for s in ("DriverSide", "PassengerSide")),
    "Vehicle.Body.Trunk.Rear.IsOpen",
    "Vehicle.Body.Trunk.Front.IsOpen",
    "Vehicle.Body.Hood.IsOpen",
]
LOW_12V = 11.8
MOVING_KMH = 3.0

Value = Callable[[str], object]


@dataclass(frozen=True)
class Lamp:
    key: str
    icon: str
    glyph: str  # shown if the icon cannot be loaded
    severity: str  # warning (amber) | danger (red)
    meaning: str  # translated in the "Telltales" context
    lit: Callable[[Value], bool]


def _any(paths: list[str]) -> Callable[[Value], bool]:
    return lambda value: any(value(p) is True for p in paths)


def _tyres(value: Value) -> bool:
    return value(W + "IsTirePressureLow") is True or any(value(p) is True for p in TYRES)


def _low_voltage(value: Value) -> bool:
    volts = value("Vehicle.LowVoltageBattery.CurrentVoltage")
    low = isinstance(volts, (int, float)) and 0 < volts < LOW_12V
    return value(W + "IsLowVoltageBatteryFault") is True or low


def _doors_while_driving(value: Value) -> bool:
    speed = value("Vehicle.Speed")
    return isinstance(speed, (int, float)) and speed > MOVING_KMH and any(value(p) is True for p in DOORS)


LAMPS = (
    Lamp(
        "tyres", "wheel", "(!)", "warning",
        QT_TRANSLATE_NOOP("Telltales", "Tyre pressure low: check the tyres and inflate them"), _tyres,
    ),
    Lamp(
        "12v", "battery-automotive", "12V", "warning",
        QT_TRANSLATE_NOOP("Telltales", "12 V battery low: the car may not start again; have it checked"),
        _low_voltage,
    ),
    Lamp(
        "isolation", "bolt-off", "HV", "danger",
        QT_TRANSLATE_NOOP("Telltales", "High-voltage isolation fault: stop safely and call service"),
        _any([W + "IsIsolationFault"]),
    ),
    Lamp(
        "charging", "plug-x", "⚡", "danger",
        QT_TRANSLATE_NOOP("Telltales", "Charging fault: charging has stopped"),
        _any([W + "IsChargingFault"]),
    ),
    Lamp(
        "doors", "car-door", "⊓", "danger",
        QT_TRANSLATE_NOOP("Telltales", "A door or lid is open while driving"),
        _doors_while_driving,
    ),
    Lamp(
        "belt", "seatbelt", "⚠", "danger",
        QT_TRANSLATE_NOOP("Telltales", "Seat belt not fastened"),
        _any([W + "IsSeatbeltUnfastened"]),
    ),
)  # fmt: skip


class Telltales(QWidget):
    """One touch-sized button per lamp, shown only while lit; a tap shows what it means."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("plain")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(ctx.px(2))
        self.buttons: dict[str, QPushButton] = {}
        side = ctx.touch(44)
        for lamp in LAMPS:
            button = QPushButton()
            colour = ctx.theme.warning if lamp.severity == "warning" else ctx.theme.danger
            set_icon(button, lamp.icon, colour, ctx.px(24), missing_text=lamp.glyph)
            # The style sheet's minimum wins over setFixedSize once polished: give the size there too.
            button.setStyleSheet(
                f"background: transparent; border: none; padding: 0px; min-width: {side}px;"
                f" min-height: {side}px; color: {colour}; font-weight: 700;"
            )
            button.setFixedSize(side, side)
            button.setToolTip(self.meaning(lamp))
            button.clicked.connect(lambda _=False, lamp=lamp: self.explain(lamp))
            button.hide()
            row.addWidget(button)
            self.buttons[lamp.key] = button

    @staticmethod
    def meaning(lamp: Lamp) -> str:
        return QCoreApplication.translate("Telltales", lamp.meaning)

    def lit(self) -> list[str]:
        return [key for key, button in self.buttons.items() if not button.isHidden()]

    def refresh(self) -> None:
        value = self.ctx.session.store.value
        changed = False
        for lamp in LAMPS:
            on = lamp.lit(value)
            button = self.buttons[lamp.key]
            if on == button.isHidden():
                button.setVisible(on)
                changed = True
        if changed:
            # Make room now, not at the next event: a lamp must never show squeezed for a frame.
            self.layout().activate()
            bar = self.parentWidget()
            if bar is not None and bar.layout() is not None:
                bar.layout().activate()

    def explain(self, lamp: Lamp) -> None:
        """The lamp's meaning next to it (a tap: touch screens have no hover)."""
        button = self.buttons[lamp.key]
        QToolTip.showText(button.mapToGlobal(QPoint(0, button.height())), self.meaning(lamp), button)
