"""The edge-based (turn) graph the router searches: one vertex per road driven in one direction, one edge
per turn allowed at a junction.

Searching turns instead of junctions is what lets OSM turn restrictions (``no_left_turn``,
``only_straight_on`` … with a via node) forbid a turn without closing the junction, and lets a turn cost
time: a left turn across traffic more than a right one, a traffic signal more than none. U-turns are only
allowed where a road ends (OSRM does the same), so a route never turns back in the middle of a street.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from .graph import BEARING_SPAN_M, MIN_WEIGHT, RoadGraph

# Seconds a turn costs on top of driving (right-hand traffic: a left turn waits for oncoming cars).
STRAIGHT_DEG = 30.0
SHARP_DEG = 135.0
RIGHT_TURN_S = 4.0
LEFT_TURN_S = 8.0
SHARP_TURN_S = 4.0
UTURN_S = 30.0
TRAFFIC_SIGNAL_S = 8.0


class TurnGraph:
    """Built once per road graph; read-only afterwards."""

    def __init__(self, graph: RoadGraph) -> None:
        g = graph
        chains = np.arange(len(g.chain_a))
        fwd = chains[g.chain_oneway != -1]
        bwd = chains[g.chain_oneway != 1]
        self.chain = np.concatenate((fwd, bwd))
        self.dir = np.concatenate((np.ones(len(fwd), np.int8), -np.ones(len(bwd), np.int8)))
        forward = self.dir > 0
        self.tail = np.where(forward, g.chain_a[self.chain], g.chain_b[self.chain])
        self.head = np.where(forward, g.chain_b[self.chain], g.chain_a[self.chain])
        self.time = g.chain_time[self.chain]
        self.count = len(self.chain)
        # Traversal of (chain, direction): [chain, 0] forward, [chain, 1] backward; -1 where not allowed.
        self.of_chain = np.full((len(chains), 2), -1, np.int64)
        self.of_chain[self.chain, (~forward).astype(np.int64)] = np.arange(self.count)
        self.bearing_out, self.bearing_in = self._bearings(g)
        src, dst, cost = self._turns(g)
        self.turn_src, self.turn_dst, self.turn_cost = src, dst, cost
        weight = np.maximum(self.time[dst] + cost, MIN_WEIGHT)
        order = np.lexsort((dst, src))
        src, dst, weight = src[order], dst[order], weight[order]
        self.indptr = np.concatenate(([0], np.cumsum(np.bincount(src, minlength=self.count))))
        self.csr = csr_matrix((weight, dst, self.indptr), shape=(self.count, self.count))
        self.out_ptr = self.indptr
        self.out_dst = dst
        self.out_cost = weight - self.time[dst]

    def traversal(self, chain: int, forward: bool) -> int:
        return int(self.of_chain[chain, 0 if forward else 1])

    def _bearings(self, g: RoadGraph) -> tuple[np.ndarray, np.ndarray]:
        """Bearing leaving the tail and bearing arriving at the head, over ``BEARING_SPAN_M``."""
        c = self.chain
        start, end = g.cum[g.chain_start[c]], g.cum[g.chain_end[c]]
        span = np.minimum(BEARING_SPAN_M, g.chain_len[c])
        forward = self.dir > 0
        tail_s, head_s = np.where(forward, start, end), np.where(forward, end, start)
        out_s = np.where(forward, start + span, end - span)
        in_s = np.where(forward, end - span, start + span)

        def bearing(a: np.ndarray, b: np.ndarray) -> np.ndarray:
            ax, ay = g._at_cum(a, c)
            bx, by = g._at_cum(b, c)
            return np.degrees(np.arctan2(bx - ax, by - ay)) % 360

        return bearing(tail_s, out_s), bearing(in_s, head_s)

    def _turns(self, g: RoadGraph) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every allowed (traversal in, traversal out) pair at each junction, and its cost in seconds."""
        by_tail = np.argsort(self.tail, kind="stable")
        ptr = np.concatenate(([0], np.cumsum(np.bincount(self.tail, minlength=g.vertex_count))))
        counts = ptr[self.head + 1] - ptr[self.head]
        src = np.repeat(np.arange(self.count), counts)
        first = np.repeat(ptr[self.head], counts)
        offset = np.arange(len(src)) - np.repeat(np.cumsum(counts) - counts, counts)
        dst = by_tail[first + offset]
        vertex = self.head[src]
        # U-turns (back along the same chain) only at a dead end: the one road out is the way back.
        uturn = self.chain[src] == self.chain[dst]
        keep = ~uturn | (counts[src] == 1)
        keep &= ~self._restricted(g, src, dst, vertex)
        src, dst, vertex = src[keep], dst[keep], vertex[keep]
        angle = (self.bearing_out[dst] - self.bearing_in[src] + 540.0) % 360.0 - 180.0
        a = np.abs(angle)
        cost = np.where(a < STRAIGHT_DEG, 0.0, np.where(angle > 0, RIGHT_TURN_S, LEFT_TURN_S))
        cost = cost + np.where(a >= SHARP_DEG, SHARP_TURN_S, 0.0)
        cost = np.where(self.chain[src] == self.chain[dst], UTURN_S, cost)
        signals = np.zeros(len(g.data.node_lat), bool)
        signals[np.asarray(g.data.signal_nodes, np.int64)] = True
        cost = cost + np.where(signals[g.node_of_vertex[vertex]], TRAFFIC_SIGNAL_S, 0.0)
        return src, dst, cost

    def _restricted(self, g: RoadGraph, src: np.ndarray, dst: np.ndarray, vertex: np.ndarray) -> np.ndarray:
        rules = np.asarray(g.data.turn_restrictions, np.int64).reshape(-1, 4)
        forbidden = np.zeros(len(src), bool)
        if not len(rules):
            return forbidden
        ways, nodes = np.int64(g.data.way_count), np.int64(len(g.data.node_lat))
        way_in, way_out = g.chain_way[self.chain[src]], g.chain_way[self.chain[dst]]
        node = g.node_of_vertex[vertex]
        approach = way_in * nodes + node  # (from way, via node) of each turn
        turn = approach * ways + way_out
        no, only = rules[rules[:, 3] == 0], rules[rules[:, 3] == 1]
        forbidden |= np.isin(turn, (no[:, 0] * nodes + no[:, 1]) * ways + no[:, 2])
        # only_*: from that way at that node, every other way out is forbidden.
        bound = np.isin(approach, only[:, 0] * nodes + only[:, 1])
        allowed = np.isin(turn, (only[:, 0] * nodes + only[:, 1]) * ways + only[:, 2])
        forbidden |= bound & ~allowed
        return forbidden
