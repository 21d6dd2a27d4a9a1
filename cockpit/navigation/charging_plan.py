"""Which charging or battery-swap stops a trip needs: the fewest minutes of driving, detours and charging
that keep the battery above the reserve all the way.

Stations near the route are placed along it; a leg from one stop (or the start) to the next must arrive
with the reserve, so each stop charges to what the next leg needs plus the reserve (never more than
``MAX_CHARGE_TARGET``), over the car's charge curve; a swap station (for a car that swaps) gives
``SWAP_SOC`` in ``SWAP_MIN`` minutes whatever the battery held. A destination that is itself a charger
needs no reserve at arrival, only ``DESTINATION_CHARGER_SOC``. The search is a shortest path over the
stations in their order along the route, so a long trip gets as many stops as it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .energy import CHARGE_MARGIN_SOC, MAX_CHARGE_TARGET, EnergyModel, charge_minutes, charger_power

# Stations farther than this from the route are not considered (their detour would be out of proportion).
NEAR_ROUTE_M = 3000.0
# A detour is driven there and back at this average speed.
DETOUR_KMH = 40.0
SWAP_SOC = 95.0
SWAP_MIN = 5.0
# Arriving at a destination with a charger, this much is enough: it charges there.
DESTINATION_CHARGER_SOC = 2.0
DESTINATION_CHARGER_M = 150.0


@dataclass(frozen=True)
class Station:
    name: str
    lat: float
    lon: float
    along_m: float  # where the route passes it, from the start
    off_m: float  # straight-line distance from the route
    swap: bool
    power_kw: float
    dc: bool


@dataclass(frozen=True)
class PlannedStop:
    station: Station
    arrival_soc: float
    target_soc: float
    minutes: float


def stations_along(graph, route, pois: list[dict]) -> list[Station]:
    """Charging and swap stations within ``NEAR_ROUTE_M`` of the route, in the order it passes them."""
    if not pois:
        return []
    rx, ry = graph.project(route.points[:, 0], route.points[:, 1])
    sx, sy = graph.project(np.array([p["lat"] for p in pois]), np.array([p["lon"] for p in pois]))
    out = []
    for k, poi in enumerate(pois):
        d = np.hypot(rx - sx[k], ry - sy[k])
        i = int(np.argmin(d))
        if d[i] > NEAR_ROUTE_M:
            continue
        swap = poi["category"] == "swap"
        kw, dc = (0.0, False) if swap else charger_power(poi.get("tags", {}))
        name = poi.get("name") or ("Battery swap station" if swap else "Charging station")
        out.append(Station(name, poi["lat"], poi["lon"], float(route.cum_m[i]), float(d[i]), swap, kw, dc))
    return sorted(out, key=lambda s: s.along_m)


def plan_stops(
    model: EnergyModel,
    soc_at: Callable[[float], float],
    route_m: float,
    stations: list[Station],
    start_soc: float,
    reserve: float,
    destination_charger: bool,
    can_swap: bool,
) -> list[PlannedStop] | None:
    """The stops of the quickest feasible plan ([] when none is needed), or None when no plan reaches the
    destination. ``soc_at(m)`` is the SoC used driving the route's first ``m`` metres."""
    usable = [s for s in stations if can_swap or not s.swap]
    n = len(usable)
    # Node 0 the start, 1..n the stations, n + 1 the destination.
    along = [0.0] + [s.along_m for s in usable] + [route_m]
    used = [soc_at(a) for a in along]
    detour_soc = [0.0] + [2 * soc_at_detour(model, s.off_m) for s in usable] + [0.0]
    detour_min = [0.0] + [2 * s.off_m / 1000 / DETOUR_KMH * 60 for s in usable] + [0.0]
    end_reserve = DESTINATION_CHARGER_SOC if destination_charger else reserve
    # best[j] = (minutes so far, soc on arrival at j, predecessor, stop planned at the predecessor)
    best: list[tuple[float, float, int, PlannedStop | None] | None] = [None] * (n + 2)
    best[0] = (0.0, start_soc, -1, None)
    for i in range(n + 1):
        if best[i] is None:
            continue
        minutes_i, arrival_i, _, _ = best[i]
        for j in range(i + 1, n + 2):
            leg = used[j] - used[i] + detour_soc[i] / 2 + detour_soc[j] / 2
            need = leg + (end_reserve if j == n + 1 else reserve)
            stop = None
            if i == 0:
                depart = arrival_i
            else:
                s = usable[i - 1]
                if s.swap:
                    depart, minutes = SWAP_SOC, SWAP_MIN
                else:
                    target = min(MAX_CHARGE_TARGET, max(arrival_i, need + CHARGE_MARGIN_SOC))
                    depart, minutes = target, charge_minutes(model, arrival_i, target, s.power_kw, s.dc)
                stop = PlannedStop(s, arrival_i, depart, minutes)
            if depart < need:
                continue  # this leg is too long from here
            total = minutes_i + detour_min[j] + (stop.minutes if stop else 0.0)
            arrival_j = depart - leg
            if best[j] is None or total < best[j][0] - 1e-9:
                best[j] = (total, arrival_j, i, stop)
    if best[n + 1] is None:
        return None
    stops: list[PlannedStop] = []
    j = n + 1
    while j > 0:
        _, _, i, stop = best[j]  # type: ignore[misc]
        if stop is not None:
            stops.append(stop)
        j = i
    return stops[::-1]


def soc_at_detour(model: EnergyModel, off_m: float) -> float:
    """SoC a one-way detour of ``off_m`` uses (cruising at ``DETOUR_KMH``)."""
    return model.soc_drop(model.cruise_wh(np.array([off_m]), np.array([DETOUR_KMH])))
