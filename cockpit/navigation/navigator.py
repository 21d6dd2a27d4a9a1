"""One map, ready to navigate: the graph, the router, the place index, and routes with maneuvers and an
energy plan. Qt-free; the head unit builds it on a worker thread, the CLI directly."""

from __future__ import annotations

import math
import re
from functools import cached_property

import numpy as np

from vehicle_bus.errors import InputError

from .energy import (
    CHARGE_MARGIN_SOC,
    MAX_CHARGE_TARGET,
    RESERVE_SOC,
    ChargingStop,
    EnergyModel,
    EnergyPlan,
    charge_minutes,
    charger_power,
    route_energy_wh,
)
from .graph import RoadGraph, Snap
from .maneuvers import build_maneuvers
from .mapdata import MapData
from .routing import MAX_SNAP_M, Route, Router
from .search import PlaceIndex

_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
# Charging stations tried for a stop: the ones nearest the route.
STOP_CANDIDATES = 8


class Navigator:
    def __init__(self, data: MapData) -> None:
        self.data = data
        self.graph = RoadGraph(data)
        self.router = Router(self.graph)

    @cached_property
    def places(self) -> PlaceIndex:
        return PlaceIndex(self.graph)

    def resolve(self, text: str, what: str, near: tuple[float, float] | None = None) -> tuple[float, float]:
        """ "LAT,LON" or a name (the best fuzzy match, nearest first) → (lat, lon)."""
        match = _LATLON.match(text)
        if match:
            lat, lon = float(match.group(1)), float(match.group(2))
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise InputError(
                    f"{what} {text!r} is not a latitude,longitude", fix="Write e.g. 43.7384,7.4246"
                )
            return lat, lon
        found = self.places.search(text, near=near, limit=1)
        if not found:
            raise InputError(
                f"no place called {text!r} on this map ({what})",
                fix="Try `cockpit map search` to see the names it knows, or give LAT,LON",
            )
        return found[0].lat, found[0].lon

    def route(
        self, start: tuple[float, float], end: tuple[float, float], heading: float | None = None
    ) -> Route:
        """The fastest route; ``heading`` (the car's, compass °) when rerouting a moving car, so the route
        starts the way it faces rather than with a U-turn."""
        a = self.router.snap(*start, "start")
        b = self.router.snap(*end, "destination")
        return self.route_snaps(a, b, heading)

    def route_snaps(self, a: Snap, b: Snap, heading: float | None = None) -> Route:
        route = self.router.route(a, b, heading)
        route.maneuvers = build_maneuvers(self.graph, route)
        return route

    def energy_plan(
        self, route: Route, model: EnergyModel, soc: float, reserve: float = RESERVE_SOC
    ) -> EnergyPlan:
        wh = route_energy_wh(model, route, self.graph)
        plan = EnergyPlan(soc, wh, soc - model.soc_drop(wh), reserve)
        if plan.needs_charge:
            plan.stop = self._charging_stop(route, model, soc, reserve)
        return plan

    def _charging_stop(
        self, route: Route, model: EnergyModel, soc: float, reserve: float
    ) -> ChargingStop | None:
        stations = self.data.pois_in("charging")
        if not stations:
            return None
        g = self.graph
        rx, ry = g.project(route.points[:, 0], route.points[:, 1])
        sx, sy = g.project(np.array([s["lat"] for s in stations]), np.array([s["lon"] for s in stations]))
        # Distance of each station to the nearest route point: cheap, and good enough to pick candidates.
        d = np.min(np.hypot(sx[:, None] - rx[None, :], sy[:, None] - ry[None, :]), axis=1)
        best: tuple[float, ChargingStop] | None = None
        for k in np.argsort(d)[:STOP_CANDIDATES]:
            station = stations[int(k)]
            try:
                first = self.route(
                    (float(route.points[0, 0]), float(route.points[0, 1])), (station["lat"], station["lon"])
                )
                second = self.route(
                    (station["lat"], station["lon"]), (float(route.points[-1, 0]), float(route.points[-1, 1]))
                )
            except InputError:
                continue
            at_station = soc - model.soc_drop(route_energy_wh(model, first, g))
            if at_station < 0:
                continue
            need = model.soc_drop(route_energy_wh(model, second, g))
            target = min(MAX_CHARGE_TARGET, max(at_station, reserve + need + CHARGE_MARGIN_SOC))
            kw, dc = charger_power(station["tags"])
            minutes = charge_minutes(model, at_station, target, kw, dc)
            detour = first.duration_s + second.duration_s - route.duration_s
            total = detour + minutes * 60
            stop = ChargingStop(
                station["name"] or "Charging station",
                station["lat"],
                station["lon"],
                kw,
                dc,
                at_station,
                target,
                float(minutes),
                detour,
                target - need,
            )
            if best is None or total < best[0]:
                best = (total, stop)
        return None if best is None else best[1]

    def on_map(self, lat: float, lon: float) -> bool:
        """Whether a position is on this map's roads (within the snapping distance of one)."""
        return self.graph.snap(lat, lon).distance_m <= MAX_SNAP_M

    def demo_loop(self) -> tuple[list[tuple[float, float]], list[float]]:
        """A round trip on the main road network for the simulated car when it is not on this map: from
        near the map's middle to a road about three quarters of the way out, and back."""
        g = self.graph
        south, west, north, east = self.data.bounds()
        main = np.unique(g.chain_nodes_all(np.flatnonzero(g.in_main)))
        x, y = g.project(self.data.node_lat[main], self.data.node_lon[main])
        cx, cy = g.project((south + north) / 2, (west + east) / 2)
        d = np.hypot(x - cx, y - cy)
        a = int(main[np.argmin(d)])
        b = int(main[np.argsort(d)[int(len(d) * 0.75)]])
        pa = (float(self.data.node_lat[a]), float(self.data.node_lon[a]))
        pb = (float(self.data.node_lat[b]), float(self.data.node_lon[b]))
        there, back = self.route(pa, pb), self.route(pb, pa)
        points = [tuple(p) for p in there.points] + [tuple(p) for p in back.points[1:]]
        limits = there.speed_limits_kmh(g) + back.speed_limits_kmh(g)
        return points, limits  # type: ignore[return-value]


def format_duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "–"
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
