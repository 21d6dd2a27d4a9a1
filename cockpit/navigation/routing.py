"""Fastest routes over the road graph: Dijkstra (scipy's, in C) from the junctions the start can reach.

The start and the destination lie somewhere on a chain. From the start the car can drive to one or both
ends of its chain (one-way rules decide), and the destination is reached from one or both ends of its
chain; Dijkstra runs from the (at most two) start junctions, and the best combination of start end, path
and destination end wins. Start and destination on the same chain, in the allowed direction, is a direct
route.
"""

from __future__ import annotations

import itertools
import math
import threading
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from vehicle_bus.errors import InputError

from .graph import RoadGraph, Snap

# A destination farther than this from any road is "off the road network".
MAX_SNAP_M = 500.0
# Weight of an unused virtual-source slot: never the best way anywhere (a day and more).
UNUSED_S = 1e9
# scipy reads an explicit zero weight as "no edge": a start right at a junction costs this instead.
MIN_SLOT_S = 1e-6


@dataclass(frozen=True)
class Piece:
    """Driving along ``chain`` from offset ``a_m`` to ``b_m`` (b < a drives the chain backwards)."""

    chain: int
    a_m: float
    b_m: float

    @property
    def length_m(self) -> float:
        return abs(self.b_m - self.a_m)


@dataclass
class Route:
    pieces: list[Piece]
    points: np.ndarray  # (n, 2) lat, lon
    cum_m: np.ndarray  # distance from the start at each point
    cum_s: np.ndarray  # expected time from the start at each point
    piece_of_seg: np.ndarray  # piece index of segment i (points i → i + 1)
    piece_start_m: np.ndarray  # distance from the start where each piece begins
    start: Snap
    end: Snap
    maneuvers: list = field(default_factory=list)  # filled by maneuvers.build_maneuvers

    @property
    def distance_m(self) -> float:
        return float(self.cum_m[-1])

    @property
    def duration_s(self) -> float:
        return float(self.cum_s[-1])

    def speed_limits_kmh(self, graph: RoadGraph) -> list[float]:
        """Speed limit of each segment (for the simulator driving the route)."""
        speed = graph.data.way_speed[graph.chain_way[[p.chain for p in self.pieces]]]
        return [float(speed[i]) for i in self.piece_of_seg]


class NoRouteError(InputError):
    """No way to drive from the start to the destination."""


def _options_from(graph: RoadGraph, snap: Snap) -> list[tuple[int, float, Piece]]:
    """(junction, seconds to reach it, piece driven) for each way the car can leave its chain."""
    c = snap.chain
    out = []
    oneway, speed, length = graph.chain_oneway[c], graph.chain_speed[c], graph.chain_len[c]
    if oneway != -1:
        out.append((int(graph.chain_b[c]), (length - snap.offset_m) / speed, Piece(c, snap.offset_m, length)))
    if oneway != 1:
        out.append((int(graph.chain_a[c]), snap.offset_m / speed, Piece(c, snap.offset_m, 0.0)))
    return out


def _options_to(graph: RoadGraph, snap: Snap) -> list[tuple[int, float, Piece]]:
    """(junction, seconds from it to the destination, piece driven) for each way into the chain."""
    c = snap.chain
    out = []
    oneway, speed, length = graph.chain_oneway[c], graph.chain_speed[c], graph.chain_len[c]
    if oneway != -1:
        out.append((int(graph.chain_a[c]), snap.offset_m / speed, Piece(c, 0.0, snap.offset_m)))
    if oneway != 1:
        out.append((int(graph.chain_b[c]), (length - snap.offset_m) / speed, Piece(c, length, snap.offset_m)))
    return out


def _direct(graph: RoadGraph, start: Snap, end: Snap) -> tuple[float, Piece] | None:
    if start.chain != end.chain:
        return None
    c = start.chain
    forward = end.offset_m >= start.offset_m
    allowed = graph.chain_oneway[c] != (-1 if forward else 1)
    if not allowed:
        return None
    return abs(end.offset_m - start.offset_m) / graph.chain_speed[c], Piece(c, start.offset_m, end.offset_m)


class Router:
    """Routes on one graph. One Dijkstra per route: a virtual source vertex (the last one) has an edge to
    each junction the start can reach, weighted with the time to get there; those two edges are rewritten
    in place per route, under a lock (the router is shared by the UI's worker threads)."""

    def __init__(self, graph: RoadGraph) -> None:
        self.graph = graph
        n = graph.vertex_count
        csr = graph.time_csr
        self._source = n
        indptr = np.concatenate((csr.indptr, [csr.indptr[-1] + 2]))
        indices = np.concatenate((csr.indices, [0, 0])).astype(csr.indices.dtype)
        data = np.concatenate((csr.data, [UNUSED_S, UNUSED_S]))
        self._csr = csr_matrix((data, indices, indptr), shape=(n + 1, n + 1))
        self._slots = slice(int(csr.indptr[-1]), int(csr.indptr[-1]) + 2)
        self._lock = threading.Lock()

    def _from_start(self, options: list[tuple[int, float, Piece]]) -> tuple[np.ndarray, np.ndarray]:
        """Times and predecessors from the virtual source wired to the start's junctions."""
        slots = sorted((v, cost) for v, cost, _ in options)
        if len(slots) == 1:
            slots.append((slots[0][0], UNUSED_S))
        with self._lock:
            self._csr.indices[self._slots] = [v for v, _ in slots]
            self._csr.data[self._slots] = [max(cost, MIN_SLOT_S) for _, cost in slots]
            dist, pred = dijkstra(self._csr, indices=self._source, return_predecessors=True)
        return dist, pred

    def snap(self, lat: float, lon: float, what: str) -> Snap:
        snap = self.graph.snap(lat, lon)
        if snap.distance_m > MAX_SNAP_M:
            raise InputError(
                f"the {what} ({lat:.5f}, {lon:.5f}) is {snap.distance_m / 1000:.1f} km from the nearest road",
                fix="Pick a place on or near a road of this map",
            )
        return snap

    def route(self, start: Snap, end: Snap) -> Route:
        g = self.graph
        starts = _options_from(g, start)
        ends = _options_to(g, end)
        best: tuple[float, list[Piece]] | None = None
        direct = _direct(g, start, end)
        if direct is not None:
            best = (direct[0], [direct[1]])
        if starts:
            dist, pred = self._from_start(starts)
            for ev, e_cost, e_piece in ends:
                total = dist[ev] + e_cost
                if math.isfinite(total) and (best is None or total < best[0]):
                    vertices = self._vertices(pred, ev)
                    s_piece = min((o for o in starts if o[0] == vertices[0]), key=lambda o: o[1])[2]
                    best = (total, [s_piece, *self._pieces(vertices), e_piece])
        if best is None:
            raise NoRouteError(
                "no route: the destination cannot be reached from the start "
                "(one-way streets lead away from it, or it lies on a separate road network)",
                fix="Pick another destination or start",
            )
        return self._assemble([p for p in best[1] if p.length_m > 0.01] or best[1][:1], start, end)

    def _vertices(self, pred: np.ndarray, target: int) -> list[int]:
        """Junctions from the start's junction to ``target`` (the virtual source left out)."""
        vertices = [target]
        while (prev := int(pred[vertices[-1]])) != self._source:
            vertices.append(prev)
        vertices.reverse()
        return vertices

    def _pieces(self, vertices: list[int]) -> list[Piece]:
        g = self.graph
        pieces = []
        for u, v in itertools.pairwise(vertices):
            e = g.edge_between(u, v)
            c = int(g.edge_chain[e])
            length = float(g.chain_len[c])
            pieces.append(Piece(c, 0.0, length) if g.edge_dir[e] > 0 else Piece(c, length, 0.0))
        return pieces

    def _assemble(self, pieces: list[Piece], start: Snap, end: Snap) -> Route:
        g, d = self.graph, self.graph.data
        lats: list[np.ndarray] = []
        lons: list[np.ndarray] = []
        counts: list[int] = []
        for i, piece in enumerate(pieces):
            c = piece.chain
            if min(piece.a_m, piece.b_m) <= 1e-6 and piece.length_m >= g.chain_len[c] - 1e-6:
                # A whole chain (all but the first and last pieces): its nodes as they are.
                nodes = g.chain_nodes(c)
                if piece.b_m < piece.a_m:
                    nodes = nodes[::-1]
                lat, lon = d.node_lat[nodes], d.node_lon[nodes]
            else:
                pts = np.array(g.chain_points(c, piece.a_m, piece.b_m))
                lat, lon = pts[:, 0], pts[:, 1]
            if i:
                lat, lon = lat[1:], lon[1:]  # the junction is the previous piece's last point
            lats.append(lat)
            lons.append(lon)
            counts.append(len(lat))
        arr = np.column_stack((np.concatenate(lats), np.concatenate(lons)))
        seg_piece = np.repeat(np.arange(len(pieces)), counts)
        if len(arr) < 2:
            arr = np.vstack((arr, arr[-1:]))
            seg_piece = np.append(seg_piece, 0)
        x, y = g.project(arr[:, 0], arr[:, 1])
        seg = np.hypot(np.diff(x), np.diff(y))
        piece_of_seg = seg_piece[1:].astype(np.int64)
        speed = g.chain_speed[[p.chain for p in pieces]][piece_of_seg]
        cum_m = np.concatenate(([0.0], np.cumsum(seg)))
        cum_s = np.concatenate(([0.0], np.cumsum(seg / speed)))
        piece_start = np.concatenate(([0.0], np.cumsum([p.length_m for p in pieces])))[:-1]
        return Route(pieces, arr, cum_m, cum_s, piece_of_seg, piece_start, start, end)
