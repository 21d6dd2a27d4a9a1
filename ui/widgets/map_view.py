"""The map: vector drawing with QPainter from prepared tiles, the route, POIs and the car.

The static layers (areas, roads, labels) are drawn into a picture bigger than the screen on a worker thread
(``map_render.py``); a frame moves that picture and draws the route, POIs and the car on top, so following
the car costs a blit, not a redraw of every road.

North-up or heading-up, following the car or panned by hand (drag, wheel, pinch). Night colours with the
dark theme, day colours with the light one. The view scale is pixels per metre: about 0.05 shows a city,
0.4 a district, 2 a street.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QWidget

from ..icons import pixmap
from .map_layers import MapLayers
from .map_pois import SPARSE_CELL_PX, Marker, by_value, group, shown
from .map_render import (
    BASE_MARGIN_PX,
    CITY,
    DAY,
    DISTRICT,
    NIGHT,
    STREET,
    BaseImage,
    BaseRenderer,
    BaseRequest,
    MapStyle,
    pen,
)

MIN_SCALE, MAX_SCALE = 0.01, 8.0
POI_RADIUS, POI_MIN_RADIUS = 10.0, 8.0  # px at ui scale 1; no smaller at 800×480, or icons blur
POI_COLOURS = {
    "charging": "#22d07a",
    "fuel": "#ff8a3d",
    "parking": "#3d8bff",
    "swap": "#18b3c7",
    "food": "#d9534f",
    "hotel": "#8e6bd6",
    "shop": "#c2579a",
    "toilets": "#5f7896",
}
POI_GLYPHS = {"charging": "⚡", "fuel": "F", "parking": "P", "swap": "⇄"}
# Tabler icons on the markers (the glyphs above, or "•", when an icon cannot be loaded).
POI_ICONS = {
    "charging": "charging-pile",
    "fuel": "gas-station",
    # Parking keeps its bold "P": Tabler's parking sign is a P in a square, which a circle makes unreadable.
    "swap": "battery-charging",
    "food": "tools-kitchen-2",
    "hotel": "bed",
    "shop": "shopping-bag",
    "toilets": "toilet-paper",
}


def _meets(box: QRectF, shapes: list[QPolygonF]) -> bool:
    """Whether ``box`` meets one of ``shapes`` (turned rectangles: their bounding boxes first, cheaply)."""
    return any(o.boundingRect().intersects(box) and o.intersects(QPolygonF(box)) for o in shapes)


@dataclass
class FrameLayout:
    places: list[tuple[str, QPointF, QRectF]]  # name, where its text starts, its box
    markers: list[Marker]
    chrome: dict[str, QRectF]  # "scale bar", "attribution" (when there is one)


class _Relay(QObject):
    """Carries a picture drawn on a worker thread to the view. It has no parent, and the thread holds it,
    so a view closed while a picture is being drawn is never signalled through a deleted object."""

    ready = Signal(object)


class MapView(QWidget):
    """Emits ``user_moved`` when the user pans or zooms (the panel stops following the car)."""

    user_moved = Signal()
    base_ready = Signal(object)  # a BaseImage drawn on a worker thread

    def __init__(self, night: bool = True, scale_ui: float = 1.0, simplified: bool = False) -> None:
        super().__init__()
        self.style = NIGHT if night else DAY
        self.simplified = simplified
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
        self.attribution_inset = 0  # pixels kept free on the right (the panel's buttons)
        self.bottom_inset = 0  # pixels kept free at the bottom left (the trip card)
        # Where the panel's own widgets float over the map (view pixels): place names keep out of them.
        self.keep_clear: list[QRectF] = []
        self.highlight: tuple[float, float] | None = None
        # The route's charging and swap stops: x, y (map metres, y down), "charging" or "swap".
        self.stops: list[tuple[float, float, str]] = []
        self.wanted: frozenset[str] = frozenset()  # POI categories the driver asked for
        self._keep_off: tuple[QPointF, ...] = ()  # their POIs, which street names keep off
        self._order: tuple[MapLayers | None, list[int]] = (None, [])  # POIs by value, per map
        self._drag: QPointF | None = None
        self.renderer = BaseRenderer(self.font(), scale_ui)
        self._base: BaseImage | None = None
        self._rendering = False
        self.base_ready.connect(self._base_done, Qt.ConnectionType.QueuedConnection)
        self._relay = _Relay()
        self._relay.ready.connect(self.base_ready, Qt.ConnectionType.QueuedConnection)
        self.setMinimumSize(200, 150)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- state ----------------------------------------------------------------------------------------------
    def set_layers(self, layers: MapLayers, attribution: str) -> None:
        self.layers = layers
        self.attribution = attribution
        wanted, self.wanted = self.wanted, frozenset()
        self.show_categories(wanted)  # their markers on this map
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
        self._draw_base(p, t)
        p.setTransform(t)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.route is not None:
            p.setPen(self._pen(s.route, max(5.0, 10 * self.scale), alpha=220))
            p.drawPath(self.route)
        p.resetTransform()
        frame = self.frame_layout(t)
        self._pois(p, t, frame.markers)
        self._places(p, frame.places)  # above the markers, which keep off them anyway
        self._stops(p, t)
        if self.car is not None:
            self._car(p, t)
        self._scale_bar(p, frame.chrome["scale bar"])
        if "attribution" in frame.chrome:
            self._attribution(p, frame.chrome["attribution"])

    # -- what goes where: names, markers, the scale bar and attribution kept apart -------------------------
    def show_categories(self, categories: Iterable[str]) -> None:
        """The POI categories the driver asked for (searched or picked): shown at any zoom, over names."""
        wanted = frozenset(categories)
        if wanted != self.wanted:
            self.wanted = wanted
            self._keep_off = tuple(
                QPointF(x, y)
                for x, y, category, _ in (self.layers.pois if self.layers else [])
                if category in wanted
            )
            self.update()

    def frame_layout(self, t: QTransform) -> FrameLayout:
        """Where this frame's names, markers, scale bar and attribution go, none over another: the scale bar
        and attribution first, then the markers the driver asked for, then place names, and the other
        markers only where no name (place or street) or box over the map is."""
        chrome = self._chrome_boxes()
        markers = self.markers(t)
        wanted = [m for m in markers if m.wanted]
        streets = self.street_label_outlines(t)
        places = self.place_boxes(t, list(chrome.values()) + [m.rect() for m in wanted], streets)
        blocked = list(self.keep_clear) + list(chrome.values()) + [box for _, _, box in places]
        kept = []
        for m in markers:
            box = m.rect()
            if not m.wanted and (any(box.intersects(b) for b in blocked) or _meets(box, streets)):
                continue
            kept.append(m)
        return FrameLayout(places, kept, chrome)

    def layout_problems(self) -> list[str]:
        """What the layout check reports for the map: an item drawn over another (it should never be)."""
        if self.layers is None:
            return []
        t = self.transform()
        frame = self.frame_layout(t)
        streets = self.street_label_outlines(t)
        items = [(f"place name {n!r}", box) for n, _, box in frame.places]
        items += [(name, box) for name, box in frame.chrome.items()]
        items += [("a box over the map", box) for box in self.keep_clear]
        problems = []
        for i, (a, box_a) in enumerate(items):
            problems += [
                f"{a} overlaps {b}"
                for b, box_b in items[i + 1 :]
                if box_a.intersects(box_b) and not (a == b == "a box over the map")  # the layout check's job
            ]
            if a.startswith("place") and _meets(box_a, streets):
                problems.append(f"{a} overlaps a street name")
        for m in frame.markers:
            problems += [f"a {m.category} marker covers {a}" for a, box in items if m.rect().intersects(box)]
            if _meets(m.rect(), streets):
                problems.append(f"a {m.category} marker covers a street name")
        return problems

    def _chrome_boxes(self) -> dict[str, QRectF]:
        """The scale bar bottom left (above the trip card), the attribution bottom right (left of the
        panel's buttons), lifted above the scale bar when the map is too narrow for both on one line."""
        boxes = {"scale bar": self._scale_bar_box()}
        if self.attribution:
            box = self._attribution_box()
            if box.intersects(boxes["scale bar"]):
                box.moveBottom(boxes["scale bar"].top() - 4)
            boxes["attribution"] = box
        return boxes

    # -- names of places, the scale bar ---------------------------------------------------------------------
    def place_boxes(
        self, t: QTransform, avoid: list[QRectF] | None = None, streets: list[QPolygonF] | None = None
    ) -> list[tuple[str, QPointF, QRectF]]:
        """Town and district names with where they go: clear of each other, of the panel's widgets over the
        map, of ``avoid`` and of the street names (``streets``, turned boxes): moved a line down or up, else
        left out rather than drawn over another."""
        metrics = QFontMetrics(self._font(15, bold=True))
        taken = list(self.keep_clear) + list(avoid or [])
        screen = QRectF(self.rect())
        out = []
        for x, y, name, kind in self.layers.places:
            if kind not in ("town", "city") and self.scale < DISTRICT / 2:
                continue
            pos = t.map(QPointF(x, y))
            w = metrics.horizontalAdvance(name)
            box = QRectF(pos.x() - w / 2 - 4, pos.y() - metrics.ascent() - 2, w + 8, metrics.height() + 4)
            if not box.intersects(screen):
                continue  # off screen: nothing to draw or to keep clear of
            for dy in (0.0, metrics.height() * 1.5, -metrics.height() * 1.5):
                moved = box.translated(0, dy)
                if not any(moved.intersects(o) for o in taken) and not _meets(moved, streets or []):
                    taken.append(moved)
                    out.append((name, pos + QPointF(-w / 2, dy), moved))
                    break
        return out

    def _places(self, p: QPainter, places: list[tuple[str, QPointF, QRectF]]) -> None:
        font = self._font(15, bold=True)
        halo = QPen(QColor(self.style.halo), 4)
        for name, at, _box in places:
            path = self.renderer._text_path(name, font, 0, 0)
            p.save()
            p.translate(at)
            p.setPen(halo)
            p.drawPath(path)
            p.fillPath(path, QColor(self.style.label))
            p.restore()

    def scale_bar_metres(self) -> float:
        """The round distance (1, 2 or 5 × 10ⁿ m) whose bar is closest to under 110 px at this zoom."""
        most = 110 * self.ui_scale / self.scale
        exponent = math.floor(math.log10(most))
        return max(m * 10**exponent for m in (1, 2, 5) if m * 10**exponent <= most)

    def _scale_bar_box(self) -> QRectF:
        metrics = QFontMetrics(self._font(11))
        text_w = metrics.horizontalAdvance(self._scale_bar_text())
        pad = 10 * self.ui_scale
        x0, y0 = pad, self.height() - pad - self.bottom_inset
        w = max(self.scale_bar_metres() * self.scale, text_w) + 12
        return QRectF(x0 - 6, y0 - metrics.height() - 10, w, metrics.height() + 16)

    def _scale_bar_text(self) -> str:
        metres = self.scale_bar_metres()
        return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"

    def _scale_bar(self, p: QPainter, box: QRectF) -> None:
        length = self.scale_bar_metres() * self.scale
        p.setFont(self._font(11))
        x0, y0 = box.left() + 6, box.bottom() - 6
        back = QColor(self.style.halo)
        back.setAlpha(170)
        p.fillRect(box, back)
        p.setPen(QPen(QColor(self.style.label), 2))
        p.drawLine(QPointF(x0, y0), QPointF(x0 + length, y0))
        for x in (x0, x0 + length):
            p.drawLine(QPointF(x, y0), QPointF(x, y0 - 5))
        p.drawText(QPointF(x0, y0 - 8), self._scale_bar_text())

    # -- the base map: a picture of the static layers, redrawn off the UI thread ---------------------------
    def _base_request(self, t: QTransform) -> BaseRequest:
        w, h = self.width(), self.height()
        if self.heading_up:
            w = h = math.ceil(math.hypot(w, h))
        centre = t.inverted()[0].map(QPointF(self.width() / 2, self.height() / 2))
        return BaseRequest(
            centre,
            self.scale,
            w + 2 * BASE_MARGIN_PX,
            h + 2 * BASE_MARGIN_PX,
            self.style,
            self.simplified,
            self.route,
            self._keep_off,
            self._poi_radius(),
        )

    def _draw_base(self, p: QPainter, t: QTransform) -> None:
        base = self._base
        if base is None or base.layers is not self.layers or base.request.style is not self.style:
            # Nothing to show yet: draw it here, once (a new map, a new style).
            base = self._base = self.renderer.render(self.layers, self._base_request(t))
        elif not self._rendering and self._stale(base, t):
            self._rendering = True
            request, layers = self._base_request(t), self.layers
            threading.Thread(
                target=self._render_async, args=(self._relay, self.renderer, layers, request), daemon=True
            ).start()
        to_screen = base.transform.inverted()[0] * t
        p.setTransform(to_screen)
        if not to_screen.isTranslating() or abs(to_screen.m11() - 1) > 1e-6 or to_screen.m12():
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(0, 0, base.image)
        p.resetTransform()

    def _stale(self, base: BaseImage, t: QTransform) -> bool:
        """Zoom changed, or the view came within half a margin of the picture's edge."""
        if (
            abs(base.request.scale / self.scale - 1) > 0.01
            or base.request.avoid is not self.route
            or base.request.keep_off is not self._keep_off
        ):
            return True  # a new zoom, or a new route or markers for the street names to keep off
        if self.heading_up and base.request.width != base.request.height:
            return True
        inside = QRectF(base.image.rect()).adjusted(
            BASE_MARGIN_PX / 2, BASE_MARGIN_PX / 2, -BASE_MARGIN_PX / 2, -BASE_MARGIN_PX / 2
        )
        to_image = t.inverted()[0] * base.transform
        corners = (
            QPointF(0, 0),
            QPointF(self.width(), 0),
            QPointF(0, self.height()),
            QPointF(self.width(), self.height()),
        )
        return not all(inside.contains(to_image.map(c)) for c in corners)

    def _render_async(self, relay: _Relay, renderer: object, layers: MapLayers, request: BaseRequest) -> None:
        try:
            relay.ready.emit(renderer.render(layers, request))  # type: ignore[attr-defined]
        finally:
            self._rendering = False

    def _base_done(self, base: BaseImage) -> None:
        if base.layers is self.layers and base.request.style is self.style:
            self._base = base
            self.update()

    def _pen(self, colour: str, width: float, alpha: int = 255) -> QPen:
        return pen(colour, width, alpha)

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(9, round(px * self.ui_scale)))
        font.setBold(bold)
        return font

    def street_label_outlines(self, t: QTransform) -> list[QPolygonF]:
        """The street names in the base picture, on screen (turned rectangles)."""
        base = self._base
        if base is None or base.layers is not self.layers:
            return []
        to_screen = base.transform.inverted()[0] * t
        return [to_screen.map(outline) for outline in base.labels]

    def markers(self, t: QTransform) -> list[Marker]:
        """The POI markers this zoom shows on screen (``map_pois``' rule), overlapping ones grouped."""
        if self.scale < DISTRICT / 2 and not self.wanted:
            return []
        if self._order[0] is not self.layers:
            self._order = (self.layers, by_value(self.layers.pois))
        view = t.inverted()[0].mapRect(QRectF(self.rect()))
        cell = SPARSE_CELL_PX * self.ui_scale
        points = shown(self.layers.pois, self._order[1], t.map, view, self.wanted, self.scale >= STREET, cell)
        if self.scale < DISTRICT / 2:  # zoomed out: only what the driver asked for
            points = [pt for pt in points if pt[1] in self.wanted]
        return group(points, self._poi_radius(), self.wanted)

    def _poi_radius(self) -> float:
        return max(POI_MIN_RADIUS, POI_RADIUS * self.ui_scale)

    def _pois(self, p: QPainter, t: QTransform, markers: list[Marker]) -> None:
        r = self._poi_radius()
        p.setFont(self._font(11, bold=True))
        for m in markers:
            p.setPen(QPen(QColor("#ffffff"), 1.5))
            p.setBrush(QColor(POI_COLOURS.get(m.category, "#7a8699")))
            p.drawEllipse(m.pos, m.radius, m.radius)
            name = POI_ICONS.get(m.category) if m.count == 1 else None
            icon = pixmap(name, "#ffffff", round(1.5 * m.radius)) if name else None
            if icon is not None:
                p.drawPixmap(m.pos - QPointF(icon.width() / 2, icon.height() / 2), icon)
            else:
                glyph = POI_GLYPHS.get(m.category, "•") if m.count == 1 else str(m.count)
                p.drawText(m.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
        if self.highlight is not None:
            pos = t.map(QPointF(*self.highlight))
            p.setPen(QPen(QColor(self.style.route), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(pos, 2 * r, 2 * r)

    def _stops(self, p: QPainter, t: QTransform) -> None:
        """The route's stops, larger than POIs and ringed in the route's colour: where the car will stop."""
        r = 16 * self.ui_scale
        p.setFont(self._font(17, bold=True))
        for x, y, kind in self.stops:
            pos = t.map(QPointF(x, y))
            p.setPen(QPen(QColor(self.style.route), 3 * self.ui_scale))
            p.setBrush(QColor(POI_COLOURS[kind]))
            p.drawEllipse(pos, r, r)
            p.setPen(QColor("#ffffff"))
            p.drawText(
                QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, POI_GLYPHS[kind]
            )

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

    def _attribution_box(self) -> QRectF:
        metrics = QFontMetrics(self._font(11))
        w = metrics.horizontalAdvance(self.attribution) + 12
        h = metrics.height() + 4
        return QRectF(self.width() - w - 4 - self.attribution_inset, self.height() - h - 4, w, h)

    def _attribution(self, p: QPainter, box: QRectF) -> None:
        p.setFont(self._font(11))
        back = QColor(self.style.halo)
        back.setAlpha(190)
        p.fillRect(box, back)
        p.setPen(QColor(self.style.label))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.attribution)


__all__ = ["CITY", "DAY", "DISTRICT", "NIGHT", "STREET", "MapStyle", "MapView"]
