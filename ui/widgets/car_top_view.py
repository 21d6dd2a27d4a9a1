"""The car seen from above, drawn from what it reports: doors, windows, sunroof, lids, seats, lights, locks.

Drawn in a fixed 200 × 400 model space (front at the top, left-hand drive) scaled into the widget, so it
stays sharp at any size. Nothing here is a control: it only shows the reported state, the same values the
controls next to it show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..context import UiContext

MODEL_W, MODEL_H = 200.0, 400.0
SEAT = "Vehicle.Cabin.Seat"
SC_SEAT = "Vehicle.SmartCockpit.Cabin.Seat"
DOORS = {  # door → (row path, side): x of the door line, y range
    "Row1.DriverSide": (-1, 150, 215),
    "Row1.PassengerSide": (1, 150, 215),
    "Row2.DriverSide": (-1, 218, 280),
    "Row2.PassengerSide": (1, 218, 280),
}
SEATS = {  # seat → centre in model space
    "Row1.DriverSide": (72, 190),
    "Row1.PassengerSide": (128, 190),
    "Row2.DriverSide": (72, 255),
    "Row2.PassengerSide": (128, 255),
}
BODY = QRectF(40, 30, 120, 340)


class CarTopView(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.values: dict[str, Any] = {}
        self.setMinimumSize(ctx.px(96), ctx.px(200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_state(self, value: Callable[[str], Any], paths: list[str]) -> None:
        """Take the reported values of ``paths``; repaint only if one changed."""
        fresh = {p: value(p) for p in paths}
        if fresh != self.values:
            self.values = fresh
            self.update()

    def v(self, path: str, default: Any = None) -> Any:
        value = self.values.get(path)
        return default if value is None else value

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            scale = min(self.width() / MODEL_W, self.height() / MODEL_H)
            p.translate((self.width() - MODEL_W * scale) / 2, (self.height() - MODEL_H * scale) / 2)
            p.scale(scale, scale)
            self._paint(p)
        finally:
            p.end()

    # -- drawing --------------------------------------------------------------------------------------------
    def _paint(self, p: QPainter) -> None:
        t = self.ctx.theme
        self._lights(p)
        body = QPainterPath()
        body.addRoundedRect(BODY, 38, 46)
        p.setPen(QPen(QColor(t.text_dim), 1.6))
        p.setBrush(QColor(t.surface_high))
        p.drawPath(body)
        self._ambient(p)
        self._glass(p)
        self._lids(p)
        self._doors_and_windows(p)
        self._seats(p)
        self._steering_wheel(p)
        self._lock(p)
        self._charge_port(p)

    def _lights(self, p: QPainter) -> None:
        t = self.ctx.theme
        low = self.v("Vehicle.Body.Lights.Beam.Low.IsOn", False)
        high = self.v("Vehicle.Body.Lights.Beam.High.IsOn", False)
        if low or high:
            reach = 30 if high else 18
            beam = QColor(t.accent if high else t.text)
            beam.setAlpha(70 if high else 50)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(beam)
            for x in (58, 142):
                cone = QPolygonF([QPointF(x - 8, 36), QPointF(x + 8, 36), QPointF(x + 20, 36 - reach),
                                  QPointF(x - 20, 36 - reach)])  # fmt: skip
                p.drawPolygon(cone)
        lamp = QColor(t.text if (low or high) else t.border)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(lamp)
        for x in (50, 128):
            p.drawRoundedRect(QRectF(x, 36, 22, 6), 3, 3)
        brake = self.v("Vehicle.Body.Lights.Brake.IsActive", False)
        tail = QColor(t.danger)
        tail.setAlpha(255 if brake else (170 if low or high else 60))
        p.setBrush(tail)
        for x in (50, 128):
            p.drawRoundedRect(QRectF(x, 358, 22, 6), 3, 3)

    def _ambient(self, p: QPainter) -> None:
        a = "Vehicle.SmartCockpit.Cabin.Light.AmbientLight."
        if not self.v(a + "IsLightOn", False):
            return
        colour = QColor(self.v(a + "Red", 0), self.v(a + "Green", 0), self.v(a + "Blue", 0))
        colour.setAlpha(round(60 + 1.9 * self.v(a + "Intensity", 50)))
        p.setPen(QPen(colour, 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(52, 150, 96, 140), 14, 14)

    def _glass(self, p: QPainter) -> None:
        t = self.ctx.theme
        glass = QColor(t.accent)
        glass.setAlpha(60)
        p.setPen(QPen(QColor(t.border), 1))
        p.setBrush(glass)
        windscreen = QPolygonF([QPointF(58, 118), QPointF(142, 118), QPointF(152, 146), QPointF(48, 146)])
        p.drawPolygon(windscreen)
        rear = QPolygonF([QPointF(50, 290), QPointF(150, 290), QPointF(142, 312), QPointF(58, 312)])
        p.drawPolygon(rear)
        # Sunroof: the opening shows as the dark gap; the shade as the hatched part still covering it.
        roof = QRectF(66, 160, 68, 96)
        p.setBrush(glass)
        p.drawRoundedRect(roof, 6, 6)
        opening = max(0.0, min(100.0, float(self.v("Vehicle.SmartCockpit.Cabin.Sunroof.Position", 0)))) / 100
        if opening > 0:
            p.setBrush(QColor(t.background))
            p.drawRect(
                QRectF(roof.left() + 3, roof.top() + 3, roof.width() - 6, (roof.height() - 6) * opening)
            )
        shade = max(0.0, min(100.0, float(self.v("Vehicle.Cabin.Sunroof.Shade.Position", 0)))) / 100
        covered = 1 - shade
        if covered > 0:
            p.setBrush(QColor(t.text_dim).darker(160))
            p.setOpacity(0.55)
            p.drawRect(QRectF(roof.left() + 3, roof.bottom() - 3 - (roof.height() - 6) * covered,
                              roof.width() - 6, (roof.height() - 6) * covered))  # fmt: skip
            p.setOpacity(1.0)

    def _lids(self, p: QPainter) -> None:
        t = self.ctx.theme
        open_pen = QPen(QColor(t.warning), 3)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if self.v("Vehicle.Body.Trunk.Front.IsOpen", False):
            p.setPen(open_pen)
            p.drawLine(QPointF(56, 60), QPointF(144, 60))
            p.drawLine(QPointF(56, 60), QPointF(50, 44))
            p.drawLine(QPointF(144, 60), QPointF(150, 44))
        if self.v("Vehicle.Body.Trunk.Rear.IsOpen", False):
            p.setPen(open_pen)
            p.drawLine(QPointF(54, 330), QPointF(146, 330))
            p.drawLine(QPointF(54, 330), QPointF(48, 378))
            p.drawLine(QPointF(146, 330), QPointF(152, 378))
            p.drawLine(QPointF(48, 378), QPointF(152, 378))

    def _doors_and_windows(self, p: QPainter) -> None:
        t = self.ctx.theme
        child_lock = self.v("Vehicle.Cabin.IsWindowChildLockEngaged", False)
        for door, (side, y0, y1) in DOORS.items():
            base = f"Vehicle.Cabin.Door.{door}"
            x = BODY.left() if side < 0 else BODY.right()
            is_open = self.v(f"{base}.IsOpen", False)
            if is_open:
                p.setPen(QPen(QColor(t.warning), 3))
                p.drawLine(QPointF(x, y0), QPointF(x + side * 34, y0 + 18))
            else:
                p.setPen(QPen(QColor(t.text_dim), 2.2))
                p.drawLine(QPointF(x, y0), QPointF(x, y1))
            # The window as a bar inside the door: the open part is the gap from the top.
            open_share = max(0.0, min(100.0, float(self.v(f"{base}.Window.Position", 0)))) / 100
            wx = x - side * 7
            glass_top, glass_bottom = y0 + 6, y1 - 6
            gap = (glass_bottom - glass_top) * open_share
            p.setPen(QPen(QColor(t.accent), 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            if glass_bottom - (glass_top + gap) > 1:
                p.drawLine(QPointF(wx, glass_top + gap), QPointF(wx, glass_bottom))
            if gap > 1:
                p.setPen(QPen(QColor(t.warning), 1.2, Qt.PenStyle.DotLine))
                p.drawLine(QPointF(wx, glass_top), QPointF(wx, glass_top + gap))
            if door.startswith("Row2") and child_lock:
                p.setPen(QPen(QColor(t.text_dim), 1))
                p.setBrush(QColor(t.text_dim))
                p.drawEllipse(QPointF(x - side * 13, y1 - 10), 2.5, 2.5)
                p.setBrush(Qt.BrushStyle.NoBrush)

    def _seats(self, p: QPainter) -> None:
        t = self.ctx.theme
        for seat, (cx, cy) in SEATS.items():
            heat = self.v(f"{SEAT}.{seat}.Heating", 0) or 0
            vent = self.v(f"{SC_SEAT}.{seat}.Ventilation", 0) or 0
            massage = self.v(f"{SEAT}.{seat}.Massage", 0) or 0
            rect = QRectF(cx - 17, cy - 20, 34, 40)
            fill = QColor(t.surface)
            if heat > 0:
                fill = QColor(t.danger)
                fill.setAlpha(round(70 + 1.5 * heat))
            elif vent > 0:
                fill = QColor(t.accent)
                fill.setAlpha(round(70 + 1.5 * vent))
            p.setPen(QPen(QColor(t.text_dim), 1.2))
            p.setBrush(fill)
            p.drawRoundedRect(rect, 7, 7)
            p.drawRoundedRect(QRectF(cx - 15, cy + 14, 30, 8), 3, 3)  # backrest
            if massage:
                p.setPen(QPen(QColor(t.positive), 1.6))
                wave = QPainterPath(QPointF(cx - 10, cy - 4))
                for k in range(4):
                    wave.quadTo(QPointF(cx - 7.5 + 5 * k, cy - 4 + (-5 if k % 2 == 0 else 5)),
                                QPointF(cx - 5 + 5 * k, cy - 4))  # fmt: skip
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPath(wave)

    def _steering_wheel(self, p: QPainter) -> None:
        t = self.ctx.theme
        heated = self.v("Vehicle.SmartCockpit.Chassis.SteeringWheel.IsHeatingOn", False)
        p.setPen(QPen(QColor(t.danger if heated else t.text_dim), 2.4))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(72, 160), 11, 5)

    def _lock(self, p: QPainter) -> None:
        t = self.ctx.theme
        locked = self.v("Vehicle.Cabin.Door.Row1.DriverSide.IsLocked", False)
        colour = QColor(t.positive if locked else t.text_dim)
        p.setPen(QPen(colour, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        shackle = QRectF(93, 84, 14, 16) if locked else QRectF(99, 80, 14, 16)
        p.drawArc(shackle, 0, 180 * 16)
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(90, 92, 20, 15), 3, 3)

    def _charge_port(self, p: QPainter) -> None:
        t = self.ctx.theme
        flap = self.v("Vehicle.Powertrain.TractionBattery.Charging.ChargePortFlap", "CLOSED")
        is_open = flap == "OPEN"
        p.setPen(QPen(QColor(t.positive if is_open else t.border), 1.5))
        p.setBrush(QColor(t.positive) if is_open else Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(BODY.left() - (10 if is_open else 2), 300, 10, 14), 2, 2)


# Every path the view draws, for the panel to read from the store.
VIEW_PATHS = [
    "Vehicle.Body.Lights.Beam.Low.IsOn",
    "Vehicle.Body.Lights.Beam.High.IsOn",
    "Vehicle.Body.Lights.Brake.IsActive",
    "Vehicle.SmartCockpit.Cabin.Light.AmbientLight.IsLightOn",
    "Vehicle.SmartCockpit.Cabin.Light.AmbientLight.Red",
    "Vehicle.SmartCockpit.Cabin.Light.AmbientLight.Green",
    "Vehicle.SmartCockpit.Cabin.Light.AmbientLight.Blue",
    "Vehicle.SmartCockpit.Cabin.Light.AmbientLight.Intensity",
    "Vehicle.SmartCockpit.Cabin.Sunroof.Position",
    "Vehicle.Cabin.Sunroof.Shade.Position",
    "Vehicle.Body.Trunk.Front.IsOpen",
    "Vehicle.Body.Trunk.Rear.IsOpen",
    "Vehicle.Cabin.IsWindowChildLockEngaged",
    "Vehicle.SmartCockpit.Chassis.SteeringWheel.IsHeatingOn",
    "Vehicle.Cabin.Door.Row1.DriverSide.IsLocked",
    "Vehicle.Powertrain.TractionBattery.Charging.ChargePortFlap",
    *(f"Vehicle.Cabin.Door.{d}.{leaf}" for d in DOORS for leaf in ("IsOpen", "Window.Position")),
    *(f"{SEAT}.{s}.{leaf}" for s in SEATS for leaf in ("Heating", "Massage")),
    *(f"{SC_SEAT}.{s}.Ventilation" for s in SEATS),
]
