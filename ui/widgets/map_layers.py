"""The map prepared for drawing: QPainterPaths per tile and layer, in local metres (y down), built once
per map on a worker thread (QPainterPath is a plain value type, safe to build off the UI thread).

A frame then draws only the tiles whose bounds meet the viewport, and at city zoom leaves out the minor
roads and the buildings: that keeps a frame of a 300k-node map within 16 ms.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from cockpit.navigation.graph import RoadGraph
from cockpit.navigation.mapdata import AREA_KINDS, LINE_KINDS, ROAD_CLASSES

from .sea_tiles import sea_pieces

TILE_M = 800.0
LABEL_MIN_M = 70.0


@dataclass
class Label:
    x: float
    y: float
    angle: float  # degrees, screen (y down), kept within ±90 so text is never upside down
    text: str
    road_class: int


@dataclass
class Tile:
    roads: dict[int, QPainterPath] = field(default_factory=dict)  # road class → path
    areas: dict[str, QPainterPath] = field(default_factory=dict)
    lines: dict[str, QPainterPath] = field(default_factory=dict)
    labels: list[Label] = field(default_factory=list)
    # One-way streets: (x, y, angle° of travel, y down), one per chain at its middle and every ~150 m.
    arrows: list[tuple[float, float, float]] = field(default_factory=list)
    bounds: QRectF = field(default_factory=QRectF)


@dataclass
class MapLayers:
    tiles: list[Tile]
    pois: list[tuple[float, float, str, str]]  # x, y, category, name
    places: list[tuple[float, float, str, str]]  # x, y, name, kind
    extent: QRectF


ARROW_EVERY_M = 150.0


def _arrows(tile: Tile, xs: np.ndarray, ys: np.ndarray, direction: int) -> None:
    """Arrows along a one-way chain (``direction`` 1: in node order, -1: against it)."""
    walked = 0.0
    next_at = ARROW_EVERY_M / 2
    for k in range(len(xs) - 1):
        dx, dy = float(xs[k + 1] - xs[k]), float(ys[k + 1] - ys[k])
        length = math.hypot(dx, dy)
        while length > 0 and walked + length >= next_at:
            f = (next_at - walked) / length
            angle = math.degrees(math.atan2(dy, dx)) + (0.0 if direction > 0 else 180.0)
            tile.arrows.append((float(xs[k]) + dx * f, float(ys[k]) + dy * f, angle))
            next_at += ARROW_EVERY_M
        walked += length


def _tile_key(x: float, y: float) -> tuple[int, int]:
    return math.floor(x / TILE_M), math.floor(y / TILE_M)


def _rings_path(path: QPainterPath, xs: np.ndarray, ys: np.ndarray, starts: np.ndarray) -> QPainterPath:
    """Rings ``xs[starts[i]:starts[i + 1]]`` added to ``path`` as closed subpaths (filled odd-even)."""
    for s, e in itertools.pairwise(starts):
        if e - s < 3:
            continue
        path.moveTo(float(xs[s]), float(ys[s]))
        for k in range(s + 1, e):
            path.lineTo(float(xs[k]), float(ys[k]))
        path.closeSubpath()
    return path


def _sea_tiles(rings: list[tuple[np.ndarray, np.ndarray]], tiles: dict[tuple[int, int], Tile]) -> None:
    """The sea's pieces per tile (``sea_tiles``: cut where the coast crosses a tile, whole blocks of open
    sea as one rectangle), so a view fills only the pieces it shows."""
    for piece in sea_pieces(rings, TILE_M):
        found = tiles.get(piece.key)
        if found is None:
            found = tiles[piece.key] = Tile()
        path = found.areas.get("sea")
        if path is None:
            path = found.areas["sea"] = QPainterPath()
        if piece.rect is not None:
            path.addRect(QRectF(*piece.rect))
        for xs, ys in piece.rings:
            _rings_path(path, xs, ys, np.array([0, len(xs)]))


def build_layers(graph: RoadGraph, lang: str = "en") -> MapLayers:
    """Paths per tile and layer; street, place and POI names in ``lang`` where the map has them."""
    d = graph.data

    def rename(name: str) -> str:
        return d.local_name(name, lang) if name else name

    tiles: dict[tuple[int, int], Tile] = {}

    def tile(x: float, y: float) -> Tile:
        key = _tile_key(x, y)
        found = tiles.get(key)
        if found is None:
            found = tiles[key] = Tile()
        return found

    nx, ny = graph.node_x, -graph.node_y
    for c in range(len(graph.chain_a)):
        nodes = graph.chain_nodes(c)
        xs, ys = nx[nodes], ny[nodes]
        mid = len(nodes) // 2
        t = tile(float(xs[mid]), float(ys[mid]))
        cls = int(d.way_class[graph.chain_way[c]])
        path = t.roads.get(cls)
        if path is None:
            path = t.roads[cls] = QPainterPath()
        path.moveTo(float(xs[0]), float(ys[0]))
        for k in range(1, len(nodes)):
            path.lineTo(float(xs[k]), float(ys[k]))
        oneway = int(graph.chain_oneway[c])
        if oneway:
            _arrows(t, xs, ys, oneway)
        name = rename(graph.chain_name(c))
        if name and graph.chain_len[c] >= LABEL_MIN_M:
            # At the middle of the chain, along its longest segment near there.
            k = max(0, min(mid, len(nodes) - 2))
            angle = math.degrees(math.atan2(ys[k + 1] - ys[k], xs[k + 1] - xs[k]))
            if angle > 90:
                angle -= 180
            elif angle < -90:
                angle += 180
            t.labels.append(
                Label(float((xs[k] + xs[k + 1]) / 2), float((ys[k] + ys[k + 1]) / 2), angle, name, cls)
            )
    ax, ay = graph.project(d.ring_lat, d.ring_lon)
    ay = -ay
    for a, kind in enumerate(d.area_kind):
        r0, r1 = d.area_ring_start[a], d.area_ring_start[a + 1]
        name = AREA_KINDS[kind]
        if name == "sea":
            starts = d.ring_start[r0 : r1 + 1]
            _sea_tiles([(ax[i:j], ay[i:j]) for i, j in itertools.pairwise(starts)], tiles)
            continue
        first = d.ring_start[r0]
        t = tile(float(ax[first]), float(ay[first]))
        path = t.areas.get(name)
        if path is None:
            path = t.areas[name] = QPainterPath()
        _rings_path(path, ax, ay, d.ring_start[r0 : r1 + 1])
    lx, ly = graph.project(d.line_lat, d.line_lon)
    ly = -ly
    for i, kind in enumerate(d.line_kind):
        s, e = d.line_start[i], d.line_start[i + 1]
        if e - s < 2:
            continue
        t = tile(float(lx[s]), float(ly[s]))
        name = LINE_KINDS[kind]
        path = t.lines.get(name)
        if path is None:
            path = t.lines[name] = QPainterPath()
        path.moveTo(float(lx[s]), float(ly[s]))
        for k in range(s + 1, e):
            path.lineTo(float(lx[k]), float(ly[k]))
    for t in tiles.values():
        rect = QRectF()
        for group in (t.roads, t.areas, t.lines):
            for path in group.values():
                rect = rect.united(path.boundingRect())
        t.bounds = rect
    pois = []
    for p in d.pois:
        x, y = graph.project(p["lat"], p["lon"])
        pois.append((float(x), -float(y), p["category"], rename(p["name"])))
    places = []
    for p in d.places:
        x, y = graph.project(p["lat"], p["lon"])
        places.append((float(x), -float(y), rename(p["name"]), p["kind"]))
    extent = QRectF(QPointF(float(nx.min()), float(ny.min())), QPointF(float(nx.max()), float(ny.max())))
    return MapLayers(list(tiles.values()), pois, places, extent)


def route_path(graph: RoadGraph, points: np.ndarray) -> QPainterPath:
    x, y = graph.project(points[:, 0], points[:, 1])
    path = QPainterPath()
    path.moveTo(float(x[0]), -float(y[0]))
    for k in range(1, len(x)):
        path.lineTo(float(x[k]), -float(y[k]))
    return path


MINOR_CLASSES = {ROAD_CLASSES.index(c) for c in ("residential", "living_street", "service", "unclassified")}
