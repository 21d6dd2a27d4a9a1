"""Small road maps built by tests: ways as points in metres east/north of a corner."""

from __future__ import annotations

import math

import numpy as np

from cockpit.navigation.mapdata import MapData
from cockpit.navigation.navigator import Navigator

LAT0, LON0 = 43.70, 7.40
M_LAT = 1 / 111_195.0
M_LON = 1 / (111_195.0 * math.cos(math.radians(LAT0)))


Point = tuple[float, float]


def small_map(
    ways: list[dict],
    restrictions: list[tuple[int, Point, int, bool]] = (),
    signals: list[Point] = (),
    pois: list[dict] = (),
) -> Navigator:
    """Ways given as points in metres; equal points are one node (a junction). ``restrictions``: OSM's
    (from way, via point, to way, only_*?) with the ways as indices into ``ways``; ``signals``: points;
    ``pois``: {"at": point, "category", "name", "tags"}."""
    index: dict[tuple[float, float], int] = {}
    lat, lon, nodes, starts = [], [], [], [0]
    for w in ways:
        for x, y in w["pts"]:
            if (x, y) not in index:
                index[(x, y)] = len(lat)
                lat.append(LAT0 + y * M_LAT)
                lon.append(LON0 + x * M_LON)
            nodes.append(index[(x, y)])
        starts.append(len(nodes))
    n = len(ways)
    empty = np.zeros(0)
    data = MapData(
        node_lat=np.array(lat),
        node_lon=np.array(lon),
        way_start=np.array(starts, np.int64),
        way_nodes=np.array(nodes, np.int32),
        way_class=np.full(n, 3, np.uint8),
        way_oneway=np.array([w.get("oneway", 0) for w in ways], np.int8),
        way_speed=np.array([w.get("speed", 50) for w in ways], np.float32),
        way_roundabout=np.zeros(n, bool),
        way_name=[w.get("name", "") for w in ways],
        way_ref=[w.get("ref", "") for w in ways],
        area_kind=np.zeros(0, np.uint8),
        area_ring_start=np.zeros(1, np.int64),
        ring_start=np.zeros(1, np.int64),
        ring_lat=empty,
        ring_lon=empty,
        line_kind=np.zeros(0, np.uint8),
        line_start=np.zeros(1, np.int64),
        line_lat=empty,
        line_lon=empty,
        way_turn_lanes=[w.get("lanes", ["", ""]) for w in ways],
        turn_restrictions=[[f, index[via], t, int(only)] for f, via, t, only in restrictions],
        signal_nodes=[index[p] for p in signals],
        pois=[
            {
                "lat": at(*p["at"])[0],
                "lon": at(*p["at"])[1],
                "name": p.get("name", ""),
                "tags": p.get("tags", {}),
                "category": p["category"],
            }
            for p in pois
        ],
    )
    return Navigator(data)


def at(x: float, y: float) -> tuple[float, float]:
    return LAT0 + y * M_LAT, LON0 + x * M_LON
