"""The map: vector drawing with QPainter from prepared tiles, the route, POIs and the car.

North-up or heading-up, following the car or panned by hand (drag, wheel, pinch). Night colours with the
dark theme, day colours with the light one. The view scale is pixels per metre: about 0.05 shows a city,
0.4 a district, 2 a street.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QWidget

from .map_layers import MINOR_CLASSES, MapLayers

MIN_SCALE, MAX_SCALE = 0.01, 8.0
# Wide strokes cost the raster engine dearly (round joins on every node): roads stop growing here.
MAX_ROAD_PX = 14.0
CITY, DISTRICT, STREET = 0.05, 0.4, 2.0
# Road widths in metres (drawn at least ``_MIN_PX`` wide): motorway … service.
_ROAD_WIDTH_M = (22.0, 18.0, 16.0, 14.0, 12.0, 9.0, 8.0, 6.0, 5.0)
_MIN_PX = (2.6, 2.4, 2.2, 1.8, 1.5, 1.1, 1.0, 0.8, 0.7)


@dataclass(frozen=True)
class MapStyle:
    land: str
    water: str
    park: str
    building: str
    roads: tuple[str, ...]
    casing: str
    label: str
    halo: str
    route: str
    car: str


NIGHT = MapStyle(
    land="#111722",
    water="#16324f",
    park="#15291f",
    building="#1b2230",
    roads=("#d98b3a", "#c9a13c", "#8c98ab", "#7a8699", "#6b7688", "#4d586a", "#465163", "#3d4757", "#363f4d"),
    casing="#0b0f16",
    label="#c9d3e3",
    halo="#0b0f16",
    route="#3d8bff",
    car="#ffffff",
)
DAY = MapStyle(
    land="#f2efe9",
    water="#aad3df",
    park="#cdebb0",
    building="#ddd6cc",
    roads=("#e892a2", "#f9b29c", "#fcd6a4", "#f7fabf", "#ffffff", "#ffffff", "#ffffff", "#ffffff", "#ffffff"),
    casing="#b9b1a6",
    label="#333333",
    halo="#ffffff",
    route="#1f6fe5",
    car="#1f6fe5",
)
POI_COLOURS = {"charging": "#22d07a", "fuel": "#ff8a3d", "parking": "#3d8bff"}
POI_GLYPHS = {"charging": "⚡", "fuel": "F", "parking": "P"}


class MapView(QWidget):
    """Emits ``user_moved`` when the user pans or zooms (the panel stops following the car)."""

    user_moved = Signal()

    def __init__(self, night: bool = True, scale_ui: float = 1.0) -> None:
        super().__init__()
        self.style = NIGHT if night else DAY
        self.ui_scale = scale_ui
        self.layers: MapLayers | None = None
        self.route: QPainterPath | None = None
        self.route_done_m = 0.0
        self.car: tuple[float, float, float] | None = None  # x, y (map metres, y down), heading°
        self.center = QPointF(0, 0)
        self.scale = DISTRICT
        self.heading_up = False
        self.follow = True
        self.attribution = ""
        self.highlight: tuple[float, float] | None = None
        self._drag: QPointF | None = None
        self._text_paths: dict[tuple[str, int, bool], QPainterPath] = {}
        self.setMinimumSize(200, 150)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- state ----------------------------------------------------------------------------------------------
    def set_layers(self, layers: MapLayers, attribution: str) -> None:
        self.layers = layers
        self.attribution = attribution
        if self.car is None:
            self.center = layers.extent.center()
        self.update()

    def set_car(self, x: float, y: float, heading: float) -> None:
        self.car = (x, y, heading)
        if self.follow:
            self.center = QPointF(x, y)
        self.update()

    def set_route(self, path: QPainterPath | None) -> None:
        self.route = path
        self.update()

    def zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        new = min(MAX_SCALE, max(MIN_SCALE, self.scale * factor))
        if anchor is not None and not self.follow:
            before = self.to_map(anchor)
            self.scale = new
            after = self.to_map(anchor)
            self.center += before - after
        else:
            self.scale = new
        self.update()

    def transform(self) -> QTransform:
        t = QTransform()
        t.translate(self.width() / 2, self.height() * (0.62 if self.follow and self.heading_up else 0.5))
        if self.heading_up and self.car is not None:
            t.rotate(-self.car[2])
        t.scale(self.scale, self.scale)
        t.translate(-self.center.x(), -self.center.y())
        return t

    def to_map(self, p: QPointF) -> QPointF:
        inverted, _ = self.transform().inverted()
        return inverted.map(p)

    # -- input ----------------------------------------------------------------------------------------------
    def mousePressEvent(self, e) -> None:  # noqa: N802 - Qt's name
        self._drag = e.position()

    def mouseMoveEvent(self, e) -> None:  # noqa: N802
        if self._drag is None:
            return
        a, b = self.to_map(self._drag), self.to_map(e.position())
        self._drag = e.position()
        self.follow = False
        self.center += a - b
        self.user_moved.emit()
        self.update()

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802
        self._drag = None

    def wheelEvent(self, e) -> None:  # noqa: N802
        steps = e.angleDelta().y() / 120
        self.zoom(1.25**steps, e.position())
        self.user_moved.emit()

    def event(self, e) -> bool:
        if isinstance(e, QGestureEvent):
            pinch = e.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom(pinch.scaleFactor(), pinch.centerPoint())
                self.user_moved.emit()
                return True
        return super().event(e)

    # -- drawing --------------------------------------------------------------------------------------------
    def paintEvent(self, event: object) -> None:  # noqa: N802
        p = QPainter(self)
        try:
            self.paint(p)
        finally:
            p.end()

    def paint(self, p: QPainter) -> None:
        s = self.style
        p.fillRect(self.rect(), QColor(s.land))
        if self.layers is None:
            return
        t = self.transform()
        view = t.inverted()[0].mapRect(QRectF(self.rect()))
        tiles = [tile for tile in self.layers.tiles if tile.bounds.intersects(view)]
        p.setTransform(t)
        # Fills without antialiasing: edges of blocks and parks need none, and it halves their cost.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        for kind, colour in (("water", s.water), ("park", s.park), ("building", s.building)):
            if kind == "building" and self.scale < DISTRICT:
                continue
            p.setBrush(QColor(colour))
            for tile in tiles:
                path = tile.areas.get(kind)
                if path is not None:
                    p.drawPath(path)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, self.scale >= DISTRICT / 2)
        for kind, colour, width in (
            ("river", s.water, 3.0),
            ("coastline", s.water, 2.0),
            ("rail", s.casing, 1.0),
        ):
            p.setPen(self._pen(colour, width))
            for tile in tiles:
                path = tile.lines.get(kind)
                if path is not None:
                    p.drawPath(path)
        city = self.scale < DISTRICT / 3
        for cls in range(len(_ROAD_WIDTH_M) - 1, -1, -1):
            if city and cls in MINOR_CLASSES:
                continue
            width = min(MAX_ROAD_PX, max(_MIN_PX[cls], _ROAD_WIDTH_M[cls] * self.scale))
            if width >= 3:
                p.setPen(self._pen(s.casing, width + 2))
                for tile in tiles:
                    path = tile.roads.get(cls)
                    if path is not None:
                        p.drawPath(path)
            p.setPen(self._pen(s.roads[cls], width))
            for tile in tiles:
                path = tile.roads.get(cls)
                if path is not None:
                    p.drawPath(path)
        if self.route is not None:
            p.setPen(self._pen(s.route, max(5.0, 10 * self.scale), alpha=220))
            p.drawPath(self.route)
        p.resetTransform()
        if self.scale >= DISTRICT * 1.5:
            self._labels(p, tiles, t)
        self._pois(p, t, view)
        self._places(p, t)
        if self.car is not None:
            self._car(p, t)
        self._attribution(p)

    def _pen(self, colour: str, width: float, alpha: int = 255) -> QPen:
        c = QColor(colour)
        c.setAlpha(alpha)
        pen = QPen(c, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        pen.setCosmetic(True)
        return pen

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(9, round(px * self.ui_scale)))
        font.setBold(bold)
        return font

    def _labels(self, p: QPainter, tiles: list, t: QTransform) -> None:
        p.setFont(self._font(12))
        metrics = p.fontMetrics()
        seen: set[str] = set()
        taken: list[QRectF] = []
        rotation = -self.car[2] if self.heading_up and self.car is not None else 0.0
        for tile in tiles:
            for label in tile.labels:
                if label.text in seen or (self.scale < STREET and label.road_class in MINOR_CLASSES):
                    continue
                pos = t.map(QPointF(label.x, label.y))
                if not self.rect().contains(pos.toPoint()):
                    continue
                w = metrics.horizontalAdvance(label.text)
                box = QRectF(pos.x() - w / 2 - 4, pos.y() - 10, w + 8, 20)
                if any(box.intersects(o) for o in taken):
                    continue
                taken.append(box)
                seen.add(label.text)
                angle = label.angle + rotation
                angle = (angle + 90) % 180 - 90
                p.save()
                p.translate(pos)
                p.rotate(angle)
                path = self._text_path(label.text, p.font(), -w / 2, metrics.ascent() / 2 - 1)
                p.setPen(QPen(QColor(self.style.halo), 3))
                p.drawPath(path)
                p.fillPath(path, QColor(self.style.label))
                p.restore()
                if len(taken) > 80:
                    return

    def _text_path(self, text: str, font: QFont, x: float, y: float) -> QPainterPath:
        """Glyph outlines of a label, made once: looking glyphs up every frame costs more than the map."""
        key = (text, font.pixelSize(), font.bold())
        path = self._text_paths.get(key)
        if path is None:
            path = self._text_paths[key] = QPainterPath()
            path.addText(x, y, font, text)
        return path

    def _pois(self, p: QPainter, t: QTransform, view: QRectF) -> None:
        if self.scale < DISTRICT / 2:
            return
        r = 9 * self.ui_scale
        p.setFont(self._font(11, bold=True))
        for x, y, category, _name in self.layers.pois:
            if not view.contains(x, y):
                continue
            pos = t.map(QPointF(x, y))
            p.setPen(QPen(QColor("#ffffff"), 1.5))
            p.setBrush(QColor(POI_COLOURS.get(category, "#888888")))
            p.drawEllipse(pos, r, r)
            p.drawText(
                QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r),
                Qt.AlignmentFlag.AlignCenter,
                POI_GLYPHS.get(category, "•"),
            )
        if self.highlight is not None:
            pos = t.map(QPointF(*self.highlight))
            p.setPen(QPen(QColor(self.style.route), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(pos, 2 * r, 2 * r)

    def _places(self, p: QPainter, t: QTransform) -> None:
        if self.scale > STREET:
            return
        p.setFont(self._font(15, bold=True))
        for x, y, name, kind in self.layers.places:
            if kind not in ("town", "city") and self.scale < DISTRICT / 2:
                continue
            pos = t.map(QPointF(x, y))
            path = self._text_path(name, p.font(), -p.fontMetrics().horizontalAdvance(name) / 2, 0)
            p.save()
            p.translate(pos)
            p.setPen(QPen(QColor(self.style.halo), 4))
            p.drawPath(path)
            p.fillPath(path, QColor(self.style.label))
            p.restore()

    def _car(self, p: QPainter, t: QTransform) -> None:
        x, y, heading = self.car
        pos = t.map(QPointF(x, y))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate(pos)
        p.rotate(heading - (self.car[2] if self.heading_up else 0.0))
        size = 14 * self.ui_scale
        arrow = QPolygonF(
            [
                QPointF(0, -size),
                QPointF(size * 0.7, size * 0.8),
                QPointF(0, size * 0.4),
                QPointF(-size * 0.7, size * 0.8),
            ]
        )
        p.setPen(QPen(QColor(self.style.halo), 2.5))
        p.setBrush(QColor(self.style.car if self.style is DAY else self.style.route))
        p.drawPolygon(arrow)
        p.resetTransform()

    def _attribution(self, p: QPainter) -> None:
        if not self.attribution:
            return
        p.setFont(self._font(11))
        w = p.fontMetrics().horizontalAdvance(self.attribution) + 12
        h = p.fontMetrics().height() + 4
        box = QRectF(self.width() - w - 4, self.height() - h - 4, w, h)
        back = QColor(self.style.halo)
        back.setAlpha(190)
        p.fillRect(box, back)
        p.setPen(QColor(self.style.label))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.attribution)
