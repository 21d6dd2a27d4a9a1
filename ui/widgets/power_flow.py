"""Where the power goes: battery in the middle, motor, climate, auxiliaries, charger, generator around it.

Each link is drawn when power flows on it, with its kW and an arrow for the direction; regeneration and
charging flow into the battery in the energy colour.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from cockpit.energy import PowerFlow

from ..context import UiContext

ACTIVE_KW = 0.1


class PowerFlowView(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.flow: PowerFlow | None = None
        self.has_generator = False
        self.setMinimumSize(ctx.px(300), ctx.px(128))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        # Narrow cards need more height so the side labels clear the motor's label below the line.
        tall = self.width() < self.ctx.px(520) or self.has_generator
        self.setMinimumHeight(self.ctx.px(170) if tall else self.ctx.px(128))
        super().resizeEvent(event)  # type: ignore[arg-type]

    def set_flow(self, flow: PowerFlow, has_generator: bool) -> None:
        """Figures the car does not report (None) draw as no flow."""
        if has_generator != self.has_generator:
            self.has_generator = has_generator
            self.setMinimumHeight(self.ctx.px(170))  # two rows of labels down the left side
        self.flow = flow
        self.update()

    def labels(self) -> dict[str, str]:
        return {
            "battery": self.tr("Battery"),
            "motor": self.tr("Motor"),
            "climate": self.tr("Climate"),
            "aux": self.tr("Auxiliaries"),
            "charger": self.tr("Charger"),
            "generator": self.tr("Generator"),
        }

    def _radius(self, h: int) -> float:
        return min(h * 0.15, self.ctx.px(26))

    def _places(self, w: int, h: int) -> tuple[QPointF, dict[str, tuple[QPointF, str]]]:
        """The battery's centre, and each other node with the side its label goes on."""
        if self.has_generator:
            # Two sources on the left, two consumers on the right, each named beside itself: the generator
            # and the charger never share a column of labels.
            centre = QPointF(w * 0.40, h * 0.42)
            left = max(w * 0.06, self._radius(h) * 0.8 + 2)  # their labels start at the disc's left edge
            return centre, {
                "motor": (QPointF(w * 0.90, h * 0.42), "below"),
                "climate": (QPointF(w * 0.62, h * 0.14), "right"),
                "aux": (QPointF(w * 0.62, h * 0.86), "right"),
                "charger": (QPointF(left, h * 0.14), "under"),
                "generator": (QPointF(left, h * 0.62), "under"),
            }
        # Charger ─ Battery ─ Motor along the middle; climate and auxiliaries branch off above and below.
        centre = QPointF(w * 0.34, h * 0.38)
        return centre, {
            "motor": (QPointF(w * 0.86, h * 0.38), "below"),
            "climate": (QPointF(w * 0.6, h * 0.14), "right"),
            "aux": (QPointF(w * 0.6, h * 0.86), "right"),
            "charger": (QPointF(w * 0.08, h * 0.38), "below"),
        }

    def layout_problems(self) -> list[str]:
        """Labels that would overlap each other or leave the drawing (for the layout check)."""
        w, h = self.width(), self.height()
        centre, nodes = self._places(w, h)
        radius = self._radius(h)
        names = self.labels()
        font = QFont(self.font())
        font.setPixelSize(max(11, self.ctx.px(14)))
        metrics = QFontMetricsF(font)
        line = self.ctx.px(17)
        widest = metrics.horizontalAdvance("888.8 kW")
        boxes = {"battery": _label_box(centre, radius, "below", metrics.horizontalAdvance(names["battery"]),
                                       widest, line)}  # fmt: skip
        for key, (point, side) in nodes.items():
            text = max(metrics.horizontalAdvance(names[key]), widest)
            boxes[key] = _label_box(point, radius * 0.8, side, text, widest, line)
        found = []
        area = QRectF(0, 0, w, h)
        keys = list(boxes)
        for i, a in enumerate(keys):
            if not area.contains(boxes[a]):
                found.append(f"the {a} label leaves the drawing")
            for b in keys[i + 1 :]:
                if boxes[a].intersects(boxes[b]):
                    found.append(f"the {a} and {b} labels overlap")
        return found

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            # A painter left open on an exception takes the whole process down in Qt.
            p.end()

    def _paint(self, p: QPainter) -> None:
        t, f = self.ctx.theme, self.flow
        power = {
            "battery": _kw(f, "battery_kw"),
            "motor": _kw(f, "motor_kw"),
            "climate": _kw(f, "climate_kw"),
            "aux": _kw(f, "auxiliary_kw"),
            "charger": _kw(f, "charger_kw"),
            "generator": _kw(f, "generator_kw"),
        }
        w, h = self.width(), self.height()
        names = self.labels()
        line = self.ctx.px(17)
        centre, nodes = self._places(w, h)
        # (node, kW, True = flows into the battery)
        links = [
            ("motor", power["motor"], power["motor"] < 0),
            ("climate", power["climate"], False),
            ("aux", power["aux"], False),
            ("charger", power["charger"], True),
        ]
        if self.has_generator:
            links.append(("generator", power["generator"], True))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(max(11, self.ctx.px(14)))
        p.setFont(font)
        radius = self._radius(h)
        kw_of = {}
        for key, kw, inward in links:
            active = abs(kw) >= ACTIVE_KW
            kw_of[key] = (kw, active, inward)
            colour = QColor(t.positive if inward else t.accent) if active else QColor(t.border)
            start, end = (nodes[key][0], centre) if inward else (centre, nodes[key][0])
            pen = QPen(
                colour, self.ctx.px(4 if active else 2), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap
            )
            p.setPen(pen)
            a, b = _shorten(start, end, radius + 4)
            p.drawLine(a, b)
            if active:
                _arrow(p, a, b, colour, self.ctx.px(8))
        for key, (point, side) in nodes.items():
            kw, active, inward = kw_of[key]
            value = f"{abs(kw):.1f} kW" if active else ""
            colour = (t.positive if inward else t.accent) if active else None
            _node(p, point, radius * 0.8, names[key], value, t, line, side, colour)
        battery = power["battery"]
        colour = t.positive if battery < -ACTIVE_KW else t.accent
        _node(p, centre, radius, names["battery"], f"{battery:+.1f} kW", t, line, "below", colour)


def _kw(flow: PowerFlow | None, name: str) -> float:
    value = getattr(flow, name, None) if flow is not None else None
    return 0.0 if value is None else value


def _shorten(a: QPointF, b: QPointF, r: float) -> tuple[QPointF, QPointF]:
    d = b - a
    length = (d.x() ** 2 + d.y() ** 2) ** 0.5 or 1.0
    u = d / length
    return a + u * r, b - u * r


def _arrow(p: QPainter, a: QPointF, b: QPointF, colour: QColor, size: float) -> None:
    d = b - a
    length = (d.x() ** 2 + d.y() ** 2) ** 0.5 or 1.0
    u = d / length
    n = QPointF(-u.y(), u.x())
    tip = (a + b) / 2 + u * size
    poly = QPolygonF([tip, tip - u * size * 1.6 + n * size * 0.8, tip - u * size * 1.6 - n * size * 0.8])
    p.setBrush(colour)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPolygon(poly)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _node(
    p: QPainter,
    point: QPointF,
    r: float,
    label: str,
    value: str,
    t: object,
    line: int,
    side: str,
    colour: str | None,
) -> None:
    """A disc with its name and kW beside or below it."""
    path = QPainterPath()
    path.addEllipse(point, r, r)
    p.fillPath(path, QColor(t.surface_high))  # type: ignore[attr-defined]
    p.setPen(QPen(QColor(colour or t.border), 2))  # type: ignore[attr-defined]
    p.drawPath(path)
    if side == "below":
        name_box = QRectF(point.x() - 90, point.y() + r + 2, 180, line)
        value_box = name_box.translated(0, line)
        align = Qt.AlignmentFlag.AlignCenter
    elif side == "under":  # left-aligned under the node: for nodes at the left edge
        name_box = QRectF(point.x() - r, point.y() + r + 2, 200, line)
        value_box = name_box.translated(0, line)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    else:
        name_box = QRectF(point.x() + r + 8, point.y() - line, 200, line)
        value_box = name_box.translated(0, line)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    p.setPen(QColor(t.text_dim))  # type: ignore[attr-defined]
    p.drawText(name_box, align, label)
    if value:
        p.setPen(QColor(colour or t.text))  # type: ignore[attr-defined]
        p.drawText(value_box, align, value)


def _label_box(point: QPointF, r: float, side: str, text_w: float, value_w: float, line: int) -> QRectF:
    """Where a node's two label lines (name, kW) are drawn."""
    width = max(text_w, value_w)
    if side == "below":
        return QRectF(point.x() - width / 2, point.y() + r + 2, width, 2 * line)
    if side == "under":
        return QRectF(point.x() - r, point.y() + r + 2, width, 2 * line)
    return QRectF(point.x() + r + 8, point.y() - line, width, 2 * line)
