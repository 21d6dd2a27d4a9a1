"""One map, ready to navigate: the graph, the router, the place index, and routes with maneuvers and an
energy plan. Qt-free; the head unit builds it on a worker thread, the CLI directly."""

from __future__ import annotations

import itertools
import math
import re
from functools import cached_property

import numpy as np

from vehicle_bus.errors import InputError

from .charging_plan import (
    DESTINATION_CHARGER_M,
    DESTINATION_CHARGER_SOC,
    DETOUR_KMH,
    SWAP_MIN,
    SWAP_SOC,
    plan_stops,
    stations_along,
)
from .energy import (
    RESERVE_SOC,
    ChargingStop,
    EnergyModel,
    EnergyPlan,
    charge_minutes,
    cumulative_wh,
    route_energy_wh,
)
from .graph import RoadGraph, Snap
from .maneuvers import build_maneuvers
from .mapdata import MapData
from .routing import MAX_SNAP_M, Route, Router, join_legs
from .search import PlaceIndex

_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


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
        self,
        route: Route,
        model: EnergyModel,
        soc: float,
        reserve: float = RESERVE_SOC,
        can_swap: bool = False,
    ) -> EnergyPlan:
        """SoC at arrival, and the charging (or, for a car that swaps, battery-swap) stops the trip needs,
        with the route through them. SoC figures never go below 0 %."""
        g = self.graph
        wh = route_energy_wh(model, route, g)
        arrival = soc - model.soc_drop(wh)
        plan = EnergyPlan(soc, wh, max(0.0, arrival), reserve)
        chargers = self.data.pois_in("charging")
        at_charger = self._charger_at(route, chargers)
        if arrival >= (DESTINATION_CHARGER_SOC if at_charger else reserve):
            return plan
        cum = cumulative_wh(model, route, g, wh)

        def used(m: float) -> float:
            return model.soc_drop(float(np.interp(m, route.cum_m, cum)))

        pois = chargers + (self.data.pois_in("swap") if can_swap else [])
        stations = stations_along(g, route, pois)
        stops = plan_stops(model, used, route.distance_m, stations, soc, reserve, at_charger, can_swap)
        if stops is None:
            plan.unreachable = (
                f"the destination cannot be reached keeping the {reserve:g} % reserve, even with stops at "
                f"the {len(stations)} station(s) near the route"
            )
            return plan
        self._follow_stops(plan, route, model, stops)
        return plan

    def _charger_at(self, route: Route, chargers: list[dict]) -> bool:
        if not chargers:
            return False
        end = route.points[-1]
        ex, ey = self.graph.project(float(end[0]), float(end[1]))
        sx, sy = self.graph.project(
            np.array([c["lat"] for c in chargers]), np.array([c["lon"] for c in chargers])
        )
        return bool(np.hypot(sx - ex, sy - ey).min() <= DESTINATION_CHARGER_M)

    def _follow_stops(self, plan: EnergyPlan, route: Route, model: EnergyModel, stops: list) -> None:
        """Route through the planned stops and recompute every SoC along the real legs."""
        ends = [(float(route.points[0, 0]), float(route.points[0, 1]))]
        ends += [(p.station.lat, p.station.lon) for p in stops]
        ends.append((float(route.points[-1, 0]), float(route.points[-1, 1])))
        legs = [self.route(a, b) for a, b in itertools.pairwise(ends)]
        soc = plan.start_soc
        result: list[ChargingStop] = []
        at_m = 0.0
        for planned, leg in zip(stops, legs, strict=False):
            arrive = soc - model.soc_drop(route_energy_wh(model, leg, self.graph))
            at_m += leg.distance_m
            s = planned.station
            if s.swap:
                target, minutes = max(arrive, SWAP_SOC), SWAP_MIN
            else:
                target = max(arrive, planned.target_soc)
                minutes = charge_minutes(model, max(arrive, 0.0), target, s.power_kw, s.dc)
            result.append(
                ChargingStop(
                    s.name,
                    s.lat,
                    s.lon,
                    s.power_kw,
                    s.dc,
                    max(0.0, arrive),
                    target,
                    float(minutes),
                    2 * s.off_m / 1000 / DETOUR_KMH * 3600,
                    0.0,
                    swap=s.swap,
                    at_m=at_m,
                )
            )
            soc = target
        for stop, leg in zip(result, legs[1:], strict=True):
            stop.final_soc = max(
                0.0, stop.target_soc - model.soc_drop(route_energy_wh(model, leg, self.graph))
            )
        plan.energy_wh = sum(route_energy_wh(model, leg, self.graph) for leg in legs)
        plan.arrival_soc = result[-1].final_soc if result else plan.arrival_soc
        plan.stops = result
        plan.route = join_legs(legs, [st.charge_min * 60 for st in result], [st.name for st in result])

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
