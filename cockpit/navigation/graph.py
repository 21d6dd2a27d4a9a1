"""The road graph: roads cut at junctions into chains, directed edges by one-way rules, CSR adjacency.

A *chain* is the stretch of one OSM way between two junctions (or ends); its geometry is a slice of the
way's nodes, so it costs no copy. Graph vertices are the junctions only: an OSM extract has four to five
road nodes per junction, and Dijkstra over junctions is that much faster. Positions on a road (the car,
a destination) are *snapped* to a chain and an offset along it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from .mapdata import MapData

EARTH_R = 6_371_008.8
# Edge weights must be positive: scipy's csgraph reads an explicit zero as "no edge".
MIN_WEIGHT = 1e-3
SNAP_CANDIDATES = 16
# A road in the main network this much farther away than one in an island is still preferred.
MAIN_NETWORK_BIAS_M = 30.0
# Bearings are measured over this distance from a junction: OSM ways have tiny segments at junctions that
# would make the angle of the first one meaningless.
BEARING_SPAN_M = 20.0


@dataclass(frozen=True)
class Snap:
    """A point on a road: ``chain``, ``offset_m`` from the chain's start, the point, its distance away."""

    chain: int
    offset_m: float
    lat: float
    lon: float
    distance_m: float


class RoadGraph:
    """Built once per map; read-only afterwards (safe to share between threads)."""

    def __init__(self, data: MapData) -> None:
        self.data = data
        d = data
        self.lat0 = float(np.mean(d.node_lat)) if len(d.node_lat) else 0.0
        self._kx = math.radians(1) * EARTH_R * math.cos(math.radians(self.lat0))
        self._ky = math.radians(1) * EARTH_R
        nodes = d.way_nodes
        n_pos = len(nodes)
        way_of_pos = np.repeat(np.arange(d.way_count), np.diff(d.way_start))
        self.way_of_pos = way_of_pos
        # Segment p runs from position p to p + 1 of the same way; the last position of a way has none.
        last = np.zeros(n_pos, bool)
        last[d.way_start[1:] - 1] = True
        self.seg_valid = ~last
        x, y = self.project(d.node_lat, d.node_lon)
        self.node_x, self.node_y = x, y
        nxt = np.minimum(np.arange(n_pos) + 1, n_pos - 1)
        seg_len = np.hypot(x[nodes[nxt]] - x[nodes], y[nodes[nxt]] - y[nodes])
        seg_len[last] = 0.0
        self.seg_len = seg_len
        self.cum = np.concatenate(([0.0], np.cumsum(seg_len)))[:n_pos]
        # Junctions: way ends and nodes shared by two ways (or met twice by one).
        uses = np.bincount(nodes, minlength=len(d.node_lat))
        junction = uses >= 2
        junction[nodes[d.way_start[:-1]]] = True
        junction[nodes[d.way_start[1:] - 1]] = True
        self.vertex_of_node = np.full(len(d.node_lat), -1, np.int64)
        self.node_of_vertex = np.flatnonzero(junction)
        self.vertex_of_node[self.node_of_vertex] = np.arange(len(self.node_of_vertex))
        split = junction[nodes]
        split[d.way_start[:-1]] = True
        split[d.way_start[1:] - 1] = True
        pos = np.flatnonzero(split)
        same_way = way_of_pos[pos[:-1]] == way_of_pos[pos[1:]]
        self.chain_start = pos[:-1][same_way]  # positions in way_nodes, inclusive
        self.chain_end = pos[1:][same_way]
        self.chain_way = way_of_pos[self.chain_start]
        self.chain_a = self.vertex_of_node[nodes[self.chain_start]]
        self.chain_b = self.vertex_of_node[nodes[self.chain_end]]
        self.chain_len = self.cum[self.chain_end] - self.cum[self.chain_start]
        speed_ms = d.way_speed.astype(np.float64)[self.chain_way] / 3.6
        self.chain_speed = speed_ms
        self.chain_time = np.maximum(self.chain_len / speed_ms, MIN_WEIGHT)
        self.chain_oneway = d.way_oneway[self.chain_way]
        # chain containing segment p (p within the chain's [start, end) positions)
        self.chain_of_seg = np.searchsorted(self.chain_start, np.arange(n_pos), side="right") - 1
        self._build_edges()
        order = np.argsort(nodes, kind="stable")
        self._pos_by_node = order
        self._node_sorted = nodes[order]
        self.tree = cKDTree(np.column_stack((x, y)))
        comps = connected_components(self.time_csr, directed=True, connection="strong")[1]
        main = np.bincount(comps).argmax()
        self.in_main = (comps[self.chain_a] == main) & (comps[self.chain_b] == main)

    # -- geometry -------------------------------------------------------------------------------------------
    def project(self, lat: np.ndarray | float, lon: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        """Local metres (equirectangular around the map's mean latitude): good to 0.1 % over a region."""
        return np.asarray(lon) * self._kx, np.asarray(lat) * self._ky

    def unproject(self, x: float, y: float) -> tuple[float, float]:
        return y / self._ky, x / self._kx

    @property
    def vertex_count(self) -> int:
        return len(self.node_of_vertex)

    # -- edges ----------------------------------------------------------------------------------------------
    def _build_edges(self) -> None:
        chains = np.arange(len(self.chain_a))
        fwd = chains[(self.chain_oneway != -1) & (self.chain_a != self.chain_b)]
        bwd = chains[(self.chain_oneway != 1) & (self.chain_a != self.chain_b)]
        src = np.concatenate((self.chain_a[fwd], self.chain_b[bwd]))
        dst = np.concatenate((self.chain_b[fwd], self.chain_a[bwd]))
        chain = np.concatenate((fwd, bwd))
        direction = np.concatenate((np.ones(len(fwd), np.int8), -np.ones(len(bwd), np.int8)))
        time = self.chain_time[chain]
        # Of parallel edges between the same two junctions keep the fastest.
        order = np.lexsort((time, dst, src))
        src, dst, chain, direction, time = src[order], dst[order], chain[order], direction[order], time[order]
        keep = np.ones(len(src), bool)
        keep[1:] = (src[1:] != src[:-1]) | (dst[1:] != dst[:-1])
        src, dst, chain, direction, time = src[keep], dst[keep], chain[keep], direction[keep], time[keep]
        n = self.vertex_count
        indptr = np.concatenate(([0], np.cumsum(np.bincount(src, minlength=n))))
        self.edge_src, self.edge_dst = src, dst
        self.edge_chain, self.edge_dir = chain, direction
        self.edge_len = self.chain_len[chain]
        self.indptr = indptr
        self.time_csr = csr_matrix((time, dst, indptr), shape=(n, n))
        self.length_csr = csr_matrix((np.maximum(self.edge_len, MIN_WEIGHT), dst, indptr), shape=(n, n))

    @cached_property
    def edge_bearing(self) -> np.ndarray:
        """Bearing (°) of each edge leaving its junction, over its first ``BEARING_SPAN_M`` metres."""
        c = self.edge_chain
        start, end = self.cum[self.chain_start[c]], self.cum[self.chain_end[c]]
        span = np.minimum(BEARING_SPAN_M, self.chain_len[c])
        forward = self.edge_dir > 0
        origin = np.where(forward, start, end)
        target = np.where(forward, start + span, end - span)
        ox, oy = self._at_cum(origin, c)
        tx, ty = self._at_cum(target, c)
        return np.degrees(np.arctan2(tx - ox, ty - oy)) % 360

    def _at_cum(self, s: np.ndarray, chain: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Points (local metres) at cumulative distance ``s`` along the given chains."""
        lo, hi = self.chain_start[chain], self.chain_end[chain]
        # cum never decreases (a way's last position adds nothing), so searchsorted finds the segment.
        p = np.clip(np.searchsorted(self.cum, s, side="right") - 1, lo, np.maximum(hi - 1, lo))
        nodes = self.data.way_nodes
        a, b = nodes[p], nodes[np.minimum(p + 1, hi)]
        f = np.clip((s - self.cum[p]) / np.maximum(self.seg_len[p], 1e-9), 0.0, 1.0)
        return (
            self.node_x[a] + f * (self.node_x[b] - self.node_x[a]),
            self.node_y[a] + f * (self.node_y[b] - self.node_y[a]),
        )

    @cached_property
    def road_network(self) -> np.ndarray:
        """Per junction, which road network it belongs to: junctions joined by any road, whatever its
        one-way rules, share one (a label from scipy's weakly connected components)."""
        return connected_components(self.time_csr, directed=True, connection="weak")[1]

    def edge_between(self, u: int, v: int) -> int:
        lo, hi = self.indptr[u], self.indptr[u + 1]
        i = lo + int(np.searchsorted(self.edge_dst[lo:hi], v))
        if i >= hi or self.edge_dst[i] != v:
            raise KeyError((u, v))
        return i

    def out_edges(self, v: int) -> range:
        return range(int(self.indptr[v]), int(self.indptr[v + 1]))

    def chain_nodes(self, chain: int) -> np.ndarray:
        return self.data.way_nodes[self.chain_start[chain] : self.chain_end[chain] + 1]

    def chain_nodes_all(self, chains: np.ndarray) -> np.ndarray:
        """Road-node indices of several chains, concatenated."""
        nodes = self.data.way_nodes
        return np.concatenate([nodes[self.chain_start[c] : self.chain_end[c] + 1] for c in chains])

    def chain_points(self, chain: int, a_m: float, b_m: float) -> list[tuple[float, float]]:
        """(lat, lon) along ``chain`` from offset ``a_m`` to ``b_m`` (backwards when b < a), ends included."""
        lo, hi = sorted((a_m, b_m))
        start = self.chain_start[chain]
        cum = self.cum[start : self.chain_end[chain] + 1] - self.cum[start]
        nodes = self.chain_nodes(chain)
        lat, lon = self.data.node_lat[nodes], self.data.node_lon[nodes]
        inner = np.flatnonzero((cum > lo) & (cum < hi))
        pts = [self._at(cum, lat, lon, lo)]
        pts += [(float(lat[i]), float(lon[i])) for i in inner]
        pts.append(self._at(cum, lat, lon, hi))
        return pts if b_m >= a_m else pts[::-1]

    @staticmethod
    def _at(cum: np.ndarray, lat: np.ndarray, lon: np.ndarray, s: float) -> tuple[float, float]:
        return float(np.interp(s, cum, lat)), float(np.interp(s, cum, lon))

    def chain_name(self, chain: int) -> str:
        way = int(self.chain_way[chain])
        return self.data.way_name[way] or self.data.way_ref[way]

    # -- snapping -------------------------------------------------------------------------------------------
    def snap(self, lat: float, lon: float) -> Snap:
        """The nearest point on a drivable road (preferring the main network over islands nearby)."""
        px, py = (float(v) for v in self.project(lat, lon))
        k = min(SNAP_CANDIDATES, len(self.node_x))
        _, near = self.tree.query((px, py), k=k)
        near = np.atleast_1d(near)
        lo = np.searchsorted(self._node_sorted, near, side="left")
        hi = np.searchsorted(self._node_sorted, near, side="right")
        positions = np.concatenate([self._pos_by_node[a:b] for a, b in zip(lo, hi, strict=True)])
        segs = np.unique(np.concatenate((positions, positions - 1)))
        segs = segs[(segs >= 0) & self.seg_valid[np.clip(segs, 0, None)]]
        nodes = self.data.way_nodes
        ax, ay = self.node_x[nodes[segs]], self.node_y[nodes[segs]]
        bx, by = self.node_x[nodes[segs + 1]], self.node_y[nodes[segs + 1]]
        dx, dy = bx - ax, by - ay
        len2 = np.maximum(dx * dx + dy * dy, 1e-9)
        f = np.clip(((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0)
        qx, qy = ax + f * dx, ay + f * dy
        dist = np.hypot(qx - px, qy - py)
        chains = self.chain_of_seg[segs]
        best = int(np.argmin(dist))
        main = self.in_main[chains]
        if not main[best] and main.any():
            best_main = int(np.flatnonzero(main)[np.argmin(dist[main])])
            if dist[best_main] <= dist[best] + MAIN_NETWORK_BIAS_M:
                best = best_main
        seg, chain = int(segs[best]), int(chains[best])
        offset = float(self.cum[seg] + f[best] * self.seg_len[seg] - self.cum[self.chain_start[chain]])
        qlat, qlon = self.unproject(float(qx[best]), float(qy[best]))
        return Snap(chain, offset, qlat, qlon, float(dist[best]))
