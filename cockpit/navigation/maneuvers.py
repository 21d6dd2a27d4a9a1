"""Turn-by-turn maneuvers from a route: what to do at each junction, from the bearings in and out.

Types and modifiers follow OSRM's vocabulary: ``depart``, ``turn`` (``left``, ``right``, ``slight left``,
``sharp right``, ``uturn`` …), ``keep`` (``left``/``right`` at a fork), ``continue`` (straight on onto a
street of another name), ``roundabout`` (with ``exit``: the number of the exit to take) and ``arrive``.
``distance_m`` of a maneuver is the distance driven after it up to the next one, so the distances of a
route's maneuvers add up to its length.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from .graph import BEARING_SPAN_M, RoadGraph
from .routing import Route

STRAIGHT_DEG = 20.0
SLIGHT_DEG = 45.0
TURN_DEG = 135.0
UTURN_DEG = 170.0


@dataclass
class Maneuver:
    type: str
    modifier: str
    street: str
    at_m: float  # distance from the route's start
    lat: float
    lon: float
    distance_m: float = 0.0
    exit: int | None = None

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "type": self.type,
            "modifier": self.modifier,
            "street": self.street,
            "distance_m": round(self.distance_m, 1),
        }
        if self.exit is not None:
            out["exit"] = self.exit
        return out


def signed_turn(bearing_in: float, bearing_out: float) -> float:
    """Turn angle in degrees, positive to the right, in (-180, 180]."""
    return (bearing_out - bearing_in + 540.0) % 360.0 - 180.0


def modifier_for(angle: float) -> str:
    a = abs(angle)
    side = "right" if angle > 0 else "left"
    if a < STRAIGHT_DEG:
        return "straight"
    if a < SLIGHT_DEG:
        return f"slight {side}"
    if a < TURN_DEG:
        return side
    if a < UTURN_DEG:
        return f"sharp {side}"
    return "uturn"


def _all_bearings(route: Route, s: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    def at(d: np.ndarray) -> np.ndarray:
        d = np.clip(d, 0.0, route.distance_m)
        return np.column_stack(
            (np.interp(d, route.cum_m, route.points[:, 0]), np.interp(d, route.cum_m, route.points[:, 1]))
        )

    here, before, after = at(s), at(s - BEARING_SPAN_M), at(s + BEARING_SPAN_M)
    return _bearing_array(before, here), _bearing_array(here, after), here


def _bearing_array(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    lat1, lon1, lat2, lon2 = (np.radians(v) for v in (a[:, 0], a[:, 1], b[:, 0], b[:, 1]))
    y = np.sin(lon2 - lon1) * np.cos(lat2)
    x = np.cos(lat1) * np.sin(lat2) - np.sin(lat1) * np.cos(lat2) * np.cos(lon2 - lon1)
    return np.degrees(np.arctan2(y, x)) % 360


def _street(graph: RoadGraph, route: Route, index: int) -> str:
    """The name of the road from piece ``index`` on; an unnamed link takes the next name within 300 m."""
    driven = 0.0
    for piece in route.pieces[index:]:
        name = graph.chain_name(piece.chain)
        if name or driven > 300:
            return name
        driven += piece.length_m
    return ""


def build_maneuvers(graph: RoadGraph, route: Route) -> list[Maneuver]:
    pieces = route.pieces
    roundabout = graph.data.way_roundabout[graph.chain_way[[p.chain for p in pieces]]]
    start = route.points[0]
    out = [Maneuver("depart", "", _street(graph, route, 0), 0.0, float(start[0]), float(start[1]))]
    # Bearings before and after every junction at once (np.interp over arrays, not per call).
    ats = np.asarray(route.piece_start_m[1:], float)
    b_ins, b_outs, here = _all_bearings(route, ats)
    entry: Maneuver | None = None
    entry_bearing = 0.0
    exits = 0
    for i in range(len(pieces) - 1):
        at = float(ats[i])
        lat, lon = float(here[i, 0]), float(here[i, 1])
        b_in, b_out = float(b_ins[i]), float(b_outs[i])
        angle = signed_turn(b_in, b_out)
        vertex = _junction(graph, pieces[i])
        others = _other_bearings(graph, vertex, pieces[i], pieces[i + 1])
        if roundabout[i + 1] and not roundabout[i]:
            entry = Maneuver("roundabout", "", "", at, lat, lon)
            entry_bearing, exits = b_in, 0
            continue
        if roundabout[i] and entry is not None:
            # Each junction passed on the ring with a road leaving it is one exit; so is the one taken.
            if not roundabout[i + 1]:
                entry.exit = exits + 1
                entry.modifier = modifier_for(signed_turn(entry_bearing, b_out))
                entry.street = _street(graph, route, i + 1)
                out.append(entry)
                entry = None
            elif any(not graph.data.way_roundabout[graph.chain_way[graph.edge_chain[e]]] for e in others[1]):
                exits += 1
            continue
        maneuver = _classify(angle, b_in, others[0], graph, route, i)
        if maneuver is not None:
            kind, modifier = maneuver
            out.append(Maneuver(kind, modifier, _street(graph, route, i + 1), at, lat, lon))
    end = route.points[-1]
    out.append(
        Maneuver("arrive", "", _street(graph, route, len(pieces) - 1), route.distance_m, *map(float, end))
    )
    for m, nxt in itertools.pairwise(out):
        m.distance_m = nxt.at_m - m.at_m
    return out


def _junction(graph: RoadGraph, piece: object) -> int:
    c = piece.chain  # type: ignore[attr-defined]
    return int(graph.chain_b[c] if piece.b_m >= piece.a_m else graph.chain_a[c])  # type: ignore[attr-defined]


def _other_bearings(
    graph: RoadGraph, vertex: int, came: object, going: object
) -> tuple[list[float], list[int]]:
    """Bearings of the roads one could take at ``vertex`` instead (not back, not the one taken)."""
    bearings, edges = [], []
    for e in graph.out_edges(vertex):
        c = int(graph.edge_chain[e])
        if c in (came.chain, going.chain):  # type: ignore[attr-defined]
            continue
        bearings.append(float(graph.edge_bearing[e]))
        edges.append(e)
    return bearings, edges


def _classify(
    angle: float, b_in: float, others: list[float], graph: RoadGraph, route: Route, i: int
) -> tuple[str, str] | None:
    rel = [signed_turn(b_in, b) for b in others]
    modifier = modifier_for(angle)
    name_before = graph.chain_name(route.pieces[i].chain)
    name_after = graph.chain_name(route.pieces[i + 1].chain)
    if abs(angle) >= UTURN_DEG:
        return "turn", "uturn"
    if abs(angle) < SLIGHT_DEG:
        # A fork: another road leaves in nearly the same direction, so "slight" is not enough to tell.
        close = [r for r in rel if abs(r) < SLIGHT_DEG]
        if close:
            return "keep", "left" if all(angle < r for r in close) else "right"
        if not rel:
            return None  # the road bends; nothing else to take
        if modifier == "straight":
            return ("continue", "straight") if name_after and name_after != name_before else None
        return "turn", modifier
    if not rel and name_after == name_before:
        return None  # a hairpin of the same road with no alternative
    return "turn", modifier


def describe(m: Maneuver) -> str:
    """English instruction for the CLI (the head unit translates its own)."""
    onto = f" onto {m.street}" if m.street else ""
    if m.type == "depart":
        return f"Start{' on ' + m.street if m.street else ''}"
    if m.type == "arrive":
        return "Arrive at the destination"
    if m.type == "roundabout":
        return f"At the roundabout take exit {m.exit}{onto}"
    if m.type == "keep":
        return f"Keep {m.modifier}{onto}"
    if m.type == "continue":
        return f"Continue straight{onto}"
    if m.modifier == "uturn":
        return f"Make a U-turn{onto}"
    return f"Turn {m.modifier}{onto}"
