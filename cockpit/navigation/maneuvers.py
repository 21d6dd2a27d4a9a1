"""Turn-by-turn steps from a route: what to do at each junction, from the bearings in and out.

Types and modifiers follow OSRM's step rules (its API documentation: ``StepManeuver``): ``depart``,
``turn`` (``left``, ``right``, ``slight left``, ``sharp right``, ``uturn`` …), ``keep`` (OSRM's ``fork``:
``left``/``right`` where two roads leave in nearly the same direction), ``new name`` (straight on, the road
changes name), ``roundabout`` (with ``exit``: the number of the exit to take) and ``arrive``. As in OSRM a
step is only made where the driver has to do something: a road that bends, or keeps its name through a
junction where it is the obvious way on, makes none; two turns a few metres apart (a divided road
crossed) are one step; the name is the road's ``name``, else its ``ref``. ``distance_m`` of a step is the
distance driven after it up to the next one, so the distances of a route's steps add up to its length.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from .graph import BEARING_SPAN_M, RoadGraph
from .routing import Route

STRAIGHT_DEG = 30.0
SLIGHT_DEG = 45.0
TURN_DEG = 135.0
UTURN_DEG = 170.0
# Another road leaving within this angle of the one taken makes the junction a fork (say which side).
FORK_SPREAD_DEG = 25.0
# Steps closer than this are one maneuver (a divided road crossed, a short link between two turns).
COLLAPSE_M = 30.0
# turn:lanes indications that fit each modifier, best first; "none"/"" lanes go straight on.
_LANE_FIT = {
    "left": ("left", "sharp_left", "slight_left"),
    "sharp left": ("sharp_left", "left"),
    "slight left": ("slight_left", "left", "through", "merge_to_right"),
    "right": ("right", "sharp_right", "slight_right"),
    "sharp right": ("sharp_right", "right"),
    "slight right": ("slight_right", "right", "through", "merge_to_left"),
    "straight": ("through", "none", ""),
    "uturn": ("reverse", "left"),
}


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
    bearing_before: float = 0.0
    bearing_after: float = 0.0
    ref: str = ""
    # OSRM's lanes, left to right: [{"indications": ["left", "through"], "valid": True}, …]; [] if untagged.
    lanes: list[dict[str, object]] = field(default_factory=list)
    waypoint: str = ""  # on an ``arrive`` at a via point (a charging stop): its name

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "type": self.type,
            "modifier": self.modifier,
            "street": self.street,
            "ref": self.ref,
            "distance_m": round(self.distance_m, 1),
            "location": {"lat": round(self.lat, 7), "lon": round(self.lon, 7)},
            "bearing_before": round(self.bearing_before),
            "bearing_after": round(self.bearing_after),
        }
        if self.exit is not None:
            out["exit"] = self.exit
        if self.lanes:
            out["lanes"] = self.lanes
        if self.waypoint:
            out["waypoint"] = self.waypoint
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


def _road(graph: RoadGraph, route: Route, index: int) -> tuple[str, str]:
    """(name or ref, ref) of the road from piece ``index`` on; an unnamed link takes the next name within
    300 m (a slip road is named after where it leads)."""
    driven = 0.0
    for piece in route.pieces[index:]:
        way = int(graph.chain_way[piece.chain])
        name, ref = graph.data.way_name[way], graph.data.way_ref[way]
        if name or ref or driven > 300:
            return name or ref, ref
        driven += piece.length_m
    return "", ""


def build_maneuvers(graph: RoadGraph, route: Route) -> list[Maneuver]:
    pieces = route.pieces
    roundabout = graph.data.way_roundabout[graph.chain_way[[p.chain for p in pieces]]]
    start = route.points[0]
    ats = np.asarray(route.piece_start_m[1:], float)
    # Bearings before and after every junction at once (np.interp over arrays, not per call).
    b_ins, b_outs, here = _all_bearings(route, ats)
    first_out = _all_bearings(route, np.array([0.0]))[1]
    name, ref = _road(graph, route, 0)
    depart = Maneuver("depart", "", name, 0.0, float(start[0]), float(start[1]), ref=ref)
    depart.bearing_after = float(first_out[0])
    out = [depart]
    current = name  # the road the driver is on, as the last step named it
    entry: Maneuver | None = None
    entry_bearing = 0.0
    exits = 0
    skip = False
    for i in range(len(pieces) - 1):
        if skip:
            skip = False
            continue
        at = float(ats[i])
        lat, lon = float(here[i, 0]), float(here[i, 1])
        b_in, b_out = float(b_ins[i]), float(b_outs[i])
        if i + 2 < len(pieces) and pieces[i + 1].length_m < COLLAPSE_M and not roundabout[i : i + 3].any():
            # A short link to the next junction (a divided road crossed): one maneuver, the whole turn.
            b_out, skip = float(b_outs[i + 1]), True
        angle = signed_turn(b_in, b_out)
        vertex = _junction(graph, pieces[i])
        others = _other_bearings(graph, vertex, pieces[i], pieces[i + 1])
        if roundabout[i + 1] and not roundabout[i]:
            entry = Maneuver("roundabout", "", "", at, lat, lon, bearing_before=b_in)
            entry_bearing, exits = b_in, 0
            continue
        if roundabout[i] and entry is not None:
            # Each junction passed on the ring with a road leaving it is one exit; so is the one taken.
            if not roundabout[i + 1]:
                entry.exit = exits + 1
                entry.modifier = modifier_for(signed_turn(entry_bearing, b_out))
                entry.street, entry.ref = _road(graph, route, i + 1)
                entry.bearing_after = b_out
                out.append(entry)
                current = entry.street
                entry = None
            elif any(not graph.data.way_roundabout[graph.chain_way[graph.edge_chain[e]]] for e in others[1]):
                exits += 1
            continue
        name, ref = _road(graph, route, i + 2 if skip else i + 1)
        maneuver = _classify(angle, b_in, others[0], name == current)
        if maneuver is not None:
            kind, modifier = maneuver
            m = Maneuver(
                kind, modifier, name, at, lat, lon, bearing_before=b_in, bearing_after=b_out, ref=ref
            )
            m.lanes = _lanes(graph, pieces[i], modifier)
            out.append(m)
            current = name
    end = route.points[-1]
    arrive = Maneuver("arrive", "", current, route.distance_m, *map(float, end))
    arrive.bearing_before = float(_all_bearings(route, np.array([route.distance_m]))[0][0])
    out.append(arrive)
    out = _collapse(out)
    for m, nxt in itertools.pairwise(out):
        m.distance_m = nxt.at_m - m.at_m
    return out


def _collapse(steps: list[Maneuver]) -> list[Maneuver]:
    """Merge steps a few metres apart into one, and drop those that no longer change anything."""
    out: list[Maneuver] = [steps[0]]
    for m in steps[1:]:
        prev = out[-1]
        close = m.at_m - prev.at_m < COLLAPSE_M
        if m.type == "arrive":
            m.street = m.street or prev.street
            out.append(m)
            continue
        if close and prev.type in ("turn", "keep", "new name") and m.type in ("turn", "keep", "new name"):
            # One maneuver over a short link: its angle is the whole change of heading.
            out.pop()
            before = out[-1].street
            angle = signed_turn(prev.bearing_before, m.bearing_after)
            modifier = "uturn" if abs(angle) >= UTURN_DEG else modifier_for(angle)
            if m.street == before and abs(angle) < SLIGHT_DEG:
                continue  # out and back onto the same road: nothing to do
            kind = "new name" if modifier == "straight" else "turn"
            merged = Maneuver(kind, modifier, m.street, prev.at_m, prev.lat, prev.lon, ref=m.ref)
            merged.bearing_before, merged.bearing_after = prev.bearing_before, m.bearing_after
            merged.lanes = prev.lanes
            m = merged
        if m.type == "new name" and m.street == out[-1].street:
            continue
        if close and (m.type, m.modifier, m.street) == (prev.type, prev.modifier, prev.street):
            continue
        out.append(m)
    return out


def _lanes(graph: RoadGraph, came: object, modifier: str) -> list[dict[str, object]]:
    """OSRM-style lane hints from the ``turn:lanes`` of the road arriving at the junction."""
    way = int(graph.chain_way[came.chain])  # type: ignore[attr-defined]
    forward = came.b_m >= came.a_m  # type: ignore[attr-defined]
    tag = graph.data.turn_lanes(way, forward)
    if not tag:
        return []
    lanes = [[i.strip() for i in lane.split(";")] for lane in tag.split("|")]
    fits = _LANE_FIT.get(modifier, ())
    # The best-fitting indication any lane has decides which lanes are valid (OSRM's "valid").
    best = next((f for f in fits if any(f in lane for lane in lanes)), None)
    return [
        {"indications": [i or "none" for i in lane], "valid": best is not None and best in lane}
        for lane in lanes
    ]


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


def _classify(angle: float, b_in: float, others: list[float], same_road: bool) -> tuple[str, str] | None:
    """(type, modifier) of the step at a junction, or None where the driver just drives on."""
    rel = [signed_turn(b_in, b) for b in others]
    modifier = modifier_for(angle)
    if abs(angle) >= UTURN_DEG:
        return "turn", "uturn"
    # The way on is obvious when no other road leaves straighter than, or as straight as, the one taken.
    rivals = [r for r in rel if abs(r) < abs(angle) + FORK_SPREAD_DEG]
    straighter = [r for r in rel if abs(r) < abs(angle)]
    if abs(angle) < SLIGHT_DEG and rivals and all(abs(r) < SLIGHT_DEG for r in rivals):
        # A fork: another road leaves in nearly the same direction, so "slight" is not enough to tell.
        return "keep", "left" if all(angle < r for r in rivals) else "right"
    if same_road:
        # Staying on the road: only worth a word where it turns off the straighter way on.
        return ("turn", modifier) if straighter and abs(angle) >= STRAIGHT_DEG else None
    if abs(angle) < STRAIGHT_DEG and not straighter:
        return "new name", "straight"
    return "turn", modifier if modifier != "straight" else ("slight left" if angle < 0 else "slight right")


def describe(m: Maneuver) -> str:
    """English instruction for the CLI (the head unit translates its own), with the lanes to use."""
    valid = [str(i + 1) for i, lane in enumerate(m.lanes) if lane["valid"]]
    lanes = f" (lane {', '.join(valid)} of {len(m.lanes)} from the left)" if valid else ""
    return _instruction(m) + lanes


def _instruction(m: Maneuver) -> str:
    onto = f" onto {m.street}" if m.street else ""
    if m.type == "depart":
        return f"Start{' on ' + m.street if m.street else ''}"
    if m.type == "arrive":
        return f"Arrive at {m.waypoint} (stop)" if m.waypoint else "Arrive at the destination"
    if m.type == "roundabout":
        return f"At the roundabout take exit {m.exit}{onto}"
    if m.type == "keep":
        return f"Keep {m.modifier}{onto}"
    if m.type in ("continue", "new name"):
        return f"Continue straight{onto}"
    if m.modifier == "uturn":
        return f"Make a U-turn{onto}"
    return f"Turn {m.modifier}{onto}"
