"""Drawing the static map layers (sea, water, parks, buildings, rivers, roads, one-way arrows, street names)
into a QImage, on any thread: painting on a QImage is thread-safe in Qt, and the layers' paths are read-only.

The picture covers the screen plus a margin, north up; the map view moves (and for heading-up turns) it
each frame and asks for a new one when the view nears its edge or the zoom changes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTransform,
)

from .map_layers import MINOR_CLASSES, MapLayers

CITY, DISTRICT, STREET = 0.05, 0.4, 2.0
BASE_MARGIN_PX = 320
LABEL_REPEAT_PX = 500
# Wide strokes cost the raster engine dearly (round joins on every node): roads stop growing here.
MAX_ROAD_PX = 14.0
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


def pen(colour: str, width: float, alpha: int = 255) -> QPen:
    c = QColor(colour)
    c.setAlpha(alpha)
    p = QPen(c, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setCosmetic(True)
    return p


@dataclass(frozen=True)
class BaseRequest:
    centre: QPointF  # map metres (y down) at the picture's centre
    scale: float  # pixels per metre
    width: int
    height: int
    style: MapStyle
    # The low-power profile: at low zoom minor roads, buildings, casings and antialiasing are left out.
    simplified: bool = False
    # Street names keep off this path (the route, map metres): the route is drawn over the picture.
    avoid: QPainterPath | None = None
    # Street names keep off these markers too (map metres): those of a category the driver asked for,
    # which the view draws over the picture whatever is under them.
    keep_off: tuple[QPointF, ...] = ()
    marker_px: float = 0.0  # the markers' radius


@dataclass
class BaseImage:
    image: QImage
    transform: QTransform  # map metres → picture pixels
    request: BaseRequest
    layers: MapLayers
    # Where each street name was drawn (picture pixels, turned with the name): markers keep off them.
    labels: list[QPolygonF] = field(default_factory=list)


class BaseRenderer:
    def __init__(self, font: QFont, ui_scale: float) -> None:
        self.font = QFont(font)
        self.ui_scale = ui_scale
        self._text_paths: dict[tuple[str, int, bool], QPainterPath] = {}
        self._lock = threading.Lock()

    def render(self, layers: MapLayers, request: BaseRequest) -> BaseImage:
        r = request
        t = QTransform()
        t.translate(r.width / 2, r.height / 2)
        t.scale(r.scale, r.scale)
        t.translate(-r.centre.x(), -r.centre.y())
        image = QImage(r.width, r.height, QImage.Format.Format_RGB32)
        image.fill(QColor(r.style.land))
        p = QPainter(image)
        labels: list[QPolygonF] = []
        try:
            self._draw(p, layers, r, t, labels)
        finally:
            p.end()
        return BaseImage(image, t, r, layers, labels)

    def _draw(
        self, p: QPainter, layers: MapLayers, r: BaseRequest, t: QTransform, labels: list[QPolygonF]
    ) -> None:
        s, scale = r.style, r.scale
        view = t.inverted()[0].mapRect(QRectF(0, 0, r.width, r.height))
        tiles = [tile for tile in layers.tiles if tile.bounds.intersects(view)]
        p.setTransform(t)
        # Fills without antialiasing: edges of blocks and parks need none, and it halves their cost.
        p.setPen(Qt.PenStyle.NoPen)
        low_zoom = r.simplified and scale < DISTRICT * 1.5
        # The sea first (basins and ponds over it are water too), at every zoom: it is half of a coast map.
        for kind, colour in (
            ("sea", s.water),
            ("water", s.water),
            ("park", s.park),
            ("building", s.building),
        ):
            if kind == "building" and (scale < DISTRICT or low_zoom):
                continue
            p.setBrush(QColor(colour))
            for tile in tiles:
                path = tile.areas.get(kind)
                if path is not None:
                    p.drawPath(path)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setRenderHint(
            QPainter.RenderHint.Antialiasing, scale >= (DISTRICT * 1.5 if r.simplified else DISTRICT / 2)
        )
        for kind, colour, width in (
            ("river", s.water, 3.0),
            ("coastline", s.water, 2.0),
            ("rail", s.casing, 1.0),
        ):
            p.setPen(pen(colour, width))
            for tile in tiles:
                path = tile.lines.get(kind)
                if path is not None:
                    p.drawPath(path)
        city = scale < DISTRICT / 3 or low_zoom
        for cls in range(len(_ROAD_WIDTH_M) - 1, -1, -1):
            if city and cls in MINOR_CLASSES:
                continue
            width = min(MAX_ROAD_PX, max(_MIN_PX[cls], _ROAD_WIDTH_M[cls] * scale))
            cased = width >= 3 and not low_zoom
            passes = [(s.casing, width + 2), (s.roads[cls], width)] if cased else [(s.roads[cls], width)]
            for colour, w in passes:
                p.setPen(pen(colour, w))
                for tile in tiles:
                    path = tile.roads.get(cls)
                    if path is not None:
                        p.drawPath(path)
        if scale >= DISTRICT * 1.5:
            self._arrows(p, tiles, r)
        p.resetTransform()
        if scale >= DISTRICT * 1.5:
            self._labels(p, tiles, t, r, labels)

    def _arrows(self, p: QPainter, tiles: list, r: BaseRequest) -> None:
        """Small chevrons along one-way streets, in the direction of travel (drawn in map metres)."""
        size = 5.0 * self.ui_scale / r.scale  # px → metres
        chevron = QPainterPath()
        chevron.moveTo(-size, -size)
        chevron.lineTo(size * 0.6, 0)
        chevron.lineTo(-size, size)
        p.setPen(pen(r.style.label, max(1.5, 1.8 * self.ui_scale), 200))
        for tile in tiles:
            for x, y, angle in tile.arrows:
                p.save()
                p.translate(x, y)
                p.rotate(angle)
                p.drawPath(chevron)
                p.restore()

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font)
        font.setPixelSize(max(9, round(px * self.ui_scale)))
        font.setBold(bold)
        return font

    def _text_path(self, text: str, font: QFont, x: float, y: float) -> QPainterPath:
        """Glyph outlines of a label, made once: looking glyphs up every time costs more than the map."""
        key = (text, font.pixelSize(), font.bold())
        with self._lock:
            path = self._text_paths.get(key)
            if path is None:
                path = self._text_paths[key] = QPainterPath()
                path.addText(x, y, font, text)
        return path

    def _labels(
        self, p: QPainter, tiles: list, t: QTransform, r: BaseRequest, drawn: list[QPolygonF]
    ) -> None:
        p.setFont(self._font(12))
        metrics = p.fontMetrics()
        seen: dict[str, list[QPointF]] = {}
        taken: list[QRectF] = []
        area = QRectF(0, 0, r.width, r.height)
        halo = QPen(QColor(r.style.halo), 3)
        fill = QColor(r.style.label)
        to_map = t.inverted()[0]
        route = None
        if r.avoid is not None:
            stroker = QPainterPathStroker()
            stroker.setWidth(max(5.0, 10 * r.scale) / r.scale)  # the route's pen, in metres
            route = stroker.createStroke(r.avoid)
        markers = []
        for point in r.keep_off:
            at = t.map(point)
            if area.contains(at):
                markers.append(
                    QRectF(at.x() - r.marker_px, at.y() - r.marker_px, 2 * r.marker_px, 2 * r.marker_px)
                )
        for tile in tiles:
            for label in tile.labels:
                if r.scale < STREET and label.road_class in MINOR_CLASSES:
                    continue
                pos = t.map(QPointF(label.x, label.y))
                if not area.contains(pos):
                    continue
                # A name once per screenful: the picture is larger than the screen, so "once" is not enough.
                before = seen.setdefault(label.text, [])
                if any((pos - q).manhattanLength() < LABEL_REPEAT_PX for q in before):
                    continue
                w = metrics.horizontalAdvance(label.text)
                box = QRectF(pos.x() - w / 2 - 4, pos.y() - 10, w + 8, 20)
                if any(box.intersects(o) for o in taken):
                    continue
                if route is not None and route.intersects(to_map.mapRect(box)):
                    continue  # the route would be drawn over the name
                turned = (
                    QTransform().translate(pos.x(), pos.y()).rotate(label.angle).translate(-pos.x(), -pos.y())
                )
                outline = turned.map(QPolygonF(box))
                if any(
                    outline.boundingRect().intersects(m) and outline.intersects(QPolygonF(m)) for m in markers
                ):
                    continue  # a marker the driver asked for would be drawn over the name
                taken.append(box)
                drawn.append(outline)
                before.append(pos)
                p.save()
                p.translate(pos)
                p.rotate(label.angle)
                path = self._text_path(label.text, p.font(), -w / 2, metrics.ascent() / 2 - 1)
                p.setPen(halo)
                p.drawPath(path)
                p.fillPath(path, fill)
                p.restore()
