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

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QWidget

from .map_layers import MapLayers
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
POI_COLOURS = {"charging": "#22d07a", "fuel": "#ff8a3d", "parking": "#3d8bff", "swap": "#18b3c7"}
POI_GLYPHS = {"charging": "⚡", "fuel": "F", "parking": "P", "swap": "⇄"}


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
        self._draw_base(p, t)
        p.setTransform(t)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.route is not None:
            p.setPen(self._pen(s.route, max(5.0, 10 * self.scale), alpha=220))
            p.drawPath(self.route)
        p.resetTransform()
        if self.scale <= STREET:
            self._places(p, t)
        self._pois(p, t, view)
        self._stops(p, t)
        if self.car is not None:
            self._car(p, t)
        self._scale_bar(p)
        self._attribution(p)

    # -- names of places, the scale bar ---------------------------------------------------------------------
    def place_boxes(self, t: QTransform) -> list[tuple[str, QPointF, QRectF]]:
        """Town and district names with where they go: clear of each other and of the panel's widgets
        over the map (moved a line down or up, else left out rather than hidden under a box)."""
        metrics = QFontMetrics(self._font(15, bold=True))
        taken = list(self.keep_clear)
        out = []
        for x, y, name, kind in self.layers.places:
            if kind not in ("town", "city") and self.scale < DISTRICT / 2:
                continue
            pos = t.map(QPointF(x, y))
            w = metrics.horizontalAdvance(name)
            box = QRectF(pos.x() - w / 2 - 4, pos.y() - metrics.ascent() - 2, w + 8, metrics.height() + 4)
            for dy in (0.0, metrics.height() * 1.5, -metrics.height() * 1.5):
                moved = box.translated(0, dy)
                if not any(moved.intersects(o) for o in taken):
                    taken.append(moved)
                    out.append((name, pos + QPointF(-w / 2, dy), moved))
                    break
        return out

    def _places(self, p: QPainter, t: QTransform) -> None:
        font = self._font(15, bold=True)
        halo = QPen(QColor(self.style.halo), 4)
        for name, at, _box in self.place_boxes(t):
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

    def _scale_bar(self, p: QPainter) -> None:
        metres = self.scale_bar_metres()
        length = metres * self.scale
        text = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
        p.setFont(self._font(11))
        pad = 10 * self.ui_scale
        x0, y0 = pad, self.height() - pad - self.bottom_inset
        back = QColor(self.style.halo)
        back.setAlpha(170)
        w = max(length, p.fontMetrics().horizontalAdvance(text)) + 12
        p.fillRect(QRectF(x0 - 6, y0 - p.fontMetrics().height() - 10, w, p.fontMetrics().height() + 16), back)
        p.setPen(QPen(QColor(self.style.label), 2))
        p.drawLine(QPointF(x0, y0), QPointF(x0 + length, y0))
        for x in (x0, x0 + length):
            p.drawLine(QPointF(x, y0), QPointF(x, y0 - 5))
        p.drawText(QPointF(x0, y0 - 8), text)

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
        if abs(base.request.scale / self.scale - 1) > 0.01 or base.request.avoid is not self.route:
            return True  # a new zoom, or a new route for the street names to keep off
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

    def poi_groups(self, t: QTransform, view: QRectF) -> list[tuple[QPointF, str, int]]:
        """POIs on screen, those that would overlap grouped: (position, category or "mixed", count)."""
        r = 9 * self.ui_scale
        groups: list[list] = []  # [position sum, count, categories]
        for x, y, category, _name in self.layers.pois:
            if not view.contains(x, y):
                continue
            pos = t.map(QPointF(x, y))
            for g in groups:
                centre = g[0] / g[1]
                if (centre - pos).manhattanLength() < 2.2 * r:
                    g[0] += pos
                    g[1] += 1
                    g[2].add(category)
                    break
            else:
                groups.append([QPointF(pos), 1, {category}])
        return [(g[0] / g[1], next(iter(g[2])) if len(g[2]) == 1 else "mixed", g[1]) for g in groups]

    def _pois(self, p: QPainter, t: QTransform, view: QRectF) -> None:
        if self.scale < DISTRICT / 2:
            return
        r = 9 * self.ui_scale
        p.setFont(self._font(11, bold=True))
        for pos, category, count in self.poi_groups(t, view):
            radius = r if count == 1 else r * 1.25
            p.setPen(QPen(QColor("#ffffff"), 1.5))
            p.setBrush(QColor(POI_COLOURS.get(category, "#7a8699")))
            p.drawEllipse(pos, radius, radius)
            glyph = POI_GLYPHS.get(category, "•") if count == 1 else str(count)
            p.drawText(
                QRectF(pos.x() - radius, pos.y() - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter,
                glyph,
            )
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

    def _attribution(self, p: QPainter) -> None:
        if not self.attribution:
            return
        p.setFont(self._font(11))
        w = p.fontMetrics().horizontalAdvance(self.attribution) + 12
        h = p.fontMetrics().height() + 4
        box = QRectF(self.width() - w - 4 - self.attribution_inset, self.height() - h - 4, w, h)
        back = QColor(self.style.halo)
        back.setAlpha(190)
        p.fillRect(box, back)
        p.setPen(QColor(self.style.label))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.attribution)


__all__ = ["CITY", "DAY", "DISTRICT", "NIGHT", "STREET", "MapStyle", "MapView"]
