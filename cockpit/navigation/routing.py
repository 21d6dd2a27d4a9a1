"""Fastest routes over the road graph: Dijkstra (scipy's, in C) from the junctions the start can reach.

The start and the destination lie somewhere on a chain. From the start the car can drive to one or both
ends of its chain (one-way rules decide), and the destination is reached from one or both ends of its
chain; Dijkstra runs from the (at most two) start junctions, and the best combination of start end, path
and destination end wins. Start and destination on the same chain, in the allowed direction, is a direct
route.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import threading
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from vehicle_bus.errors import InputError

from .graph import RoadGraph, Snap
from .turns import TurnGraph

# A destination farther than this from any road is "off the road network".
MAX_SNAP_M = 500.0
# Weight of an unused virtual-source slot: never the best way anywhere (a day and more).
UNUSED_S = 1e9
# scipy reads an explicit zero weight as "no edge": a start right at a junction costs this instead.
MIN_SLOT_S = 1e-6
# Starting off against the car's heading means turning round first: this many seconds (a U-turn and more).
AGAINST_HEADING_S = 60.0
NO_ROUTE_FIX = "Pick another destination or start"


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


def _against(graph: RoadGraph, piece: Piece, heading: float) -> bool:
    """Whether driving ``piece`` from its start means going more than 90° away from ``heading``."""
    step = 10.0 if piece.b_m >= piece.a_m else -10.0
    ahead = min(max(piece.a_m + step, 0.0), float(graph.chain_len[piece.chain]))
    if abs(ahead - piece.a_m) < 0.5:
        return False
    pts = graph.chain_points(piece.chain, piece.a_m, ahead)
    x1, y1 = graph.project(*pts[0])
    x2, y2 = graph.project(*pts[-1])
    bearing = math.degrees(math.atan2(float(x2 - x1), float(y2 - y1))) % 360
    return abs((bearing - heading + 540.0) % 360.0 - 180.0) > 90.0


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


def _leads_forward(graph: RoadGraph, piece: Piece, junction: int, toward: bool) -> bool:
    """Whether ``piece`` drives its chain forward: told by the junction it leads to (``toward``) or comes
    from, since a piece may have no length (a start or destination right at a junction)."""
    c = piece.chain
    if graph.chain_a[c] == graph.chain_b[c]:
        return piece.b_m >= piece.a_m  # a loop: both ends are the same junction
    return junction == (graph.chain_b[c] if toward else graph.chain_a[c])


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
    """Routes on one graph, searched over turns (``turns.py``), so turn restrictions and turn costs hold.

    One Dijkstra per route: a virtual source vertex (the last one) has an edge to each road the car can
    turn onto after leaving its own, weighted with the time to get there; those ``MAX_SLOTS`` edges are
    rewritten in place per route, under a lock (the router is shared by the UI's worker threads)."""

    MAX_SLOTS = 32

    def __init__(self, graph: RoadGraph) -> None:
        self.graph = graph
        self.turns = TurnGraph(graph)
        t = self.turns
        n = t.count
        csr = t.csr
        self._source = n
        k = self.MAX_SLOTS
        indptr = np.concatenate((csr.indptr, [csr.indptr[-1] + k]))
        indices = np.concatenate((csr.indices, np.zeros(k, csr.indices.dtype)))
        data = np.concatenate((csr.data, np.full(k, UNUSED_S)))
        self._csr = csr_matrix((data, indices, indptr), shape=(n + 1, n + 1))
        self._slots = slice(int(csr.indptr[-1]), int(csr.indptr[-1]) + k)
        self._lock = threading.Lock()

    def _first_turns(
        self, options: list[tuple[int, float, Piece]], heading: float | None
    ) -> dict[int, tuple[float, Piece, int]]:
        """Road taken after the start's own → (seconds from the start, the start's piece, the start's road),
        best per road."""
        t, g = self.turns, self.graph
        first: dict[int, tuple[float, Piece, int]] = {}
        for v, cost, piece in options:
            here = t.traversal(piece.chain, _leads_forward(g, piece, v, toward=True))
            if here < 0:
                continue
            if heading is not None and _against(g, piece, heading):
                cost += AGAINST_HEADING_S
            for k in range(int(t.out_ptr[here]), int(t.out_ptr[here + 1])):
                nxt = int(t.out_dst[k])
                total = cost + float(t.out_cost[k]) + float(t.time[nxt])
                if nxt not in first or total < first[nxt][0]:
                    first[nxt] = (total, piece, here)
        return first

    def _from_start(self, first: dict[int, tuple[float, Piece, int]]) -> tuple[np.ndarray, np.ndarray]:
        """Times and predecessors from the virtual source wired to the roads the start leads onto."""
        slots = sorted((v, cost) for v, (cost, _, _) in first.items())
        if len(slots) > self.MAX_SLOTS:
            slots = sorted(sorted(slots, key=lambda s: s[1])[: self.MAX_SLOTS])
        slots += [(0, UNUSED_S)] * (self.MAX_SLOTS - len(slots))
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

    def route(self, start: Snap, end: Snap, heading: float | None = None) -> Route:
        """Fastest route; ``heading`` (compass °, the car's) makes starting the other way cost a turn."""
        g, t = self.graph, self.turns
        starts = _options_from(g, start)
        ends = _options_to(g, end)
        best: tuple[float, list[Piece]] | None = None
        delays: list[float] = [0.0]  # seconds a turn costs before each piece (waiting to turn, signals)
        direct = _direct(g, start, end)
        if direct is not None:
            cost, piece = direct
            if heading is not None and _against(g, piece, heading):
                cost += AGAINST_HEADING_S
            best = (cost, [piece])
        first = self._first_turns(starts, heading)
        if first:
            dist, pred = self._from_start(first)
            for ev, e_cost, e_piece in ends:
                last = t.traversal(e_piece.chain, _leads_forward(g, e_piece, ev, toward=False))
                if last < 0:
                    continue
                total = dist[last] - t.time[last] + e_cost
                # An unused slot reaches its dummy road in UNUSED_S: that is no route.
                if total < UNUSED_S / 2 and (best is None or total < best[0]):
                    path = self._path(pred, last)
                    _, s_piece, here = first[path[0]]
                    best = (total, [s_piece, *self._pieces(path[:-1]), e_piece])
                    delays = [0.0] + [self._turn_s(a, b) for a, b in itertools.pairwise([here, *path])]
        if best is None:
            raise NoRouteError(self._why_no_route(start, end, dist if first else None), fix=NO_ROUTE_FIX)
        kept: list[Piece] = []
        kept_delays: list[float] = []
        carry = 0.0
        for piece, delay in zip(best[1], delays, strict=True):
            carry += delay
            if piece.length_m > 0.01:
                kept.append(piece)
                kept_delays.append(carry)
                carry = 0.0
        if not kept:
            kept, kept_delays = best[1][:1], [0.0]
        return self._assemble(kept, start, end, kept_delays)

    def _why_no_route(self, start: Snap, end: Snap, dist: np.ndarray | None) -> str:
        """The reason a driver can act on: the two places are on road networks no road joins, or the start
        is closed in (no road open to cars leads out of where it is), or only the way in is closed."""
        g, t = self.graph, self.turns
        part = g.road_network
        if part[g.chain_a[start.chain]] != part[g.chain_a[end.chain]]:
            return (
                "no route: the start and the destination are on road networks that no road open to cars "
                "joins (an island, or roads closed by access rules in between)"
            )
        reached = np.isfinite(dist) & (dist < UNUSED_S / 2) if dist is not None else np.zeros(t.count, bool)
        if not reached[: t.count][g.in_main[t.chain]].any():
            return (
                "no route: the start is in a closed-off area, where one-way streets, turn restrictions or "
                "access rules leave no way out onto the road network"
            )
        return "no route: the destination can only be reached against one-way streets or turn restrictions"

    def _turn_s(self, a: int, b: int) -> float:
        """Seconds the turn from road ``a`` onto road ``b`` costs."""
        t = self.turns
        lo, hi = int(t.out_ptr[a]), int(t.out_ptr[a + 1])
        k = lo + int(np.searchsorted(t.out_dst[lo:hi], b))
        return float(t.out_cost[k])

    def _path(self, pred: np.ndarray, target: int) -> list[int]:
        """Roads driven from the first after the start's to ``target`` (the virtual source left out)."""
        path = [target]
        while (prev := int(pred[path[-1]])) != self._source:
            path.append(prev)
        path.reverse()
        return path

    def _pieces(self, path: list[int]) -> list[Piece]:
        g, t = self.graph, self.turns
        pieces = []
        for k in path:
            c = int(t.chain[k])
            length = float(g.chain_len[c])
            pieces.append(Piece(c, 0.0, length) if t.dir[k] > 0 else Piece(c, length, 0.0))
        return pieces

    def _assemble(
        self, pieces: list[Piece], start: Snap, end: Snap, delays: list[float] | None = None
    ) -> Route:
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
        seg_s = seg / speed
        if delays is not None and len(piece_of_seg):
            # A turn's time is spent where its piece begins: on that piece's first segment.
            first_seg = np.searchsorted(piece_of_seg, np.arange(len(pieces)))
            inside = first_seg < len(seg_s)
            np.add.at(seg_s, first_seg[inside], np.asarray(delays, float)[inside])
        cum_s = np.concatenate(([0.0], np.cumsum(seg_s)))
        piece_start = np.concatenate(([0.0], np.cumsum([p.length_m for p in pieces])))[:-1]
        return Route(pieces, arr, cum_m, cum_s, piece_of_seg, piece_start, start, end)


def join_legs(legs: list[Route], wait_s: list[float], via_names: list[str]) -> Route:
    """One route through via points: the legs one after another, each with its own steps (an ``arrive`` at
    each via point, named after it, and a ``depart`` from it); ``wait_s`` (charging) counts in the times."""
    pieces, points, cum_m, cum_s, piece_of_seg, piece_start, maneuvers = [], [], [], [], [], [], []
    m0 = s0 = 0.0
    p0 = 0
    for k, leg in enumerate(legs):
        skip = 1 if k else 0  # a leg starts where the last one ended
        points.append(leg.points[skip:])
        cum_m.append(leg.cum_m[skip:] + m0)
        cum_s.append(leg.cum_s[skip:] + s0)
        piece_of_seg.append(leg.piece_of_seg + p0)
        piece_start.append(leg.piece_start_m + m0)
        pieces += leg.pieces
        for m in leg.maneuvers:
            m = dataclasses.replace(m, at_m=m.at_m + m0)
            if m.type == "arrive" and k < len(legs) - 1:
                m.waypoint = via_names[k]
            maneuvers.append(m)
        m0 += leg.distance_m
        s0 += leg.duration_s + (wait_s[k] if k < len(wait_s) else 0.0)
        p0 += len(leg.pieces)
    for m, nxt in itertools.pairwise(maneuvers):
        m.distance_m = nxt.at_m - m.at_m
    return Route(
        pieces,
        np.vstack(points),
        np.concatenate(cum_m),
        np.concatenate(cum_s),
        np.concatenate(piece_of_seg),
        np.concatenate(piece_start),
        legs[0].start,
        legs[-1].end,
        maneuvers,
    )
