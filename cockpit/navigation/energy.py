"""Energy along a route: predicted state of charge at arrival from the vehicle's road-load model, and a
charging stop on the way when the battery would arrive below the reserve.

Consumption is physics, not a constant: per stretch of road at its expected speed, aerodynamic drag
(½ρ·Cd·A·v²) and rolling resistance (Crr·m·g) through the drivetrain efficiency, plus the auxiliary load
for the time it takes, plus the kinetic energy lost to braking at each maneuver (what regeneration does
not recover). Charging time integrates the profile's charge curve (the BMS taper) from the arrival SoC to
the SoC needed for the rest of the trip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ..simulator.battery import ac_power_limit, dc_power_limit
from ..simulator.params import SimParams
from .routing import Route

AIR_DENSITY = 1.2
G = 9.81
# Share of braking energy regeneration recovers (motor, inverter, battery round trip).
REGEN_RECOVERY = 0.6
# Drivers cruise a little under the limit on average in town (lights, traffic).
CRUISE_SHARE = 0.85
RESERVE_SOC = 10.0
CHARGE_MARGIN_SOC = 5.0
MAX_CHARGE_TARGET = 90.0
DC_SOCKETS = ("ccs", "chademo", "gb_dc", "type2_combo", "tesla_supercharger", "nacs")
DEFAULT_AC_KW = 11.0
DEFAULT_DC_KW = 50.0


@dataclass(frozen=True)
class EnergyModel:
    mass_kg: float
    drag_area_m2: float  # Cd·A
    rolling_resistance: float
    drivetrain_efficiency: float
    auxiliary_w: float
    capacity_kwh: float
    max_dc_kw: float
    max_ac_kw: float

    @classmethod
    def from_params(cls, params: SimParams, extra_aux_w: float = 0.0) -> EnergyModel:
        v, b = params.vehicle, params.battery
        return cls(
            mass_kg=v.mass_kg,
            drag_area_m2=v.drag_coefficient * v.frontal_area_m2,
            rolling_resistance=v.rolling_resistance,
            drivetrain_efficiency=v.drivetrain_efficiency,
            auxiliary_w=v.auxiliary_load_w + extra_aux_w,
            capacity_kwh=b.capacity_kwh,
            max_dc_kw=b.max_dc_charge_kw,
            max_ac_kw=b.max_ac_charge_kw,
        )

    def cruise_wh(self, length_m: np.ndarray, speed_kmh: np.ndarray) -> float:
        """Energy (Wh) to cruise each stretch at its speed."""
        v = np.maximum(np.asarray(speed_kmh, float) * CRUISE_SHARE / 3.6, 1.0)
        force = 0.5 * AIR_DENSITY * self.drag_area_m2 * v**2 + self.rolling_resistance * self.mass_kg * G
        wheel_j = force * length_m
        aux_j = self.auxiliary_w * length_m / v
        return float(np.sum(wheel_j / self.drivetrain_efficiency + aux_j) / 3600)

    def braking_wh(self, speeds_kmh: list[float]) -> float:
        """Kinetic energy not recovered when slowing from each speed to a turn (~15 km/h)."""
        v = np.maximum(np.asarray(speeds_kmh, float) * CRUISE_SHARE / 3.6 - 15 / 3.6, 0.0)
        return float(np.sum(0.5 * self.mass_kg * v**2) * (1 - REGEN_RECOVERY) / 3600)

    def soc_drop(self, wh: float) -> float:
        return wh / (self.capacity_kwh * 1000) * 100


def route_energy_wh(model: EnergyModel, route: Route, graph) -> float:
    seg_len = np.diff(route.cum_m)
    limits = np.asarray(route.speed_limits_kmh(graph), float)
    turn_speeds = []
    for m in route.maneuvers:
        if m.type in ("turn", "roundabout", "arrive"):
            i = min(int(np.searchsorted(route.cum_m, m.at_m)) - 1, len(limits) - 1)
            turn_speeds.append(float(limits[max(i, 0)]))
    return model.cruise_wh(seg_len, limits) + model.braking_wh(turn_speeds)


def cumulative_wh(model: EnergyModel, route: Route, graph, total_wh: float) -> np.ndarray:
    """Energy used from the start to each route point, scaled so that it ends at ``total_wh``."""
    seg_len = np.diff(route.cum_m)
    limits = np.asarray(route.speed_limits_kmh(graph), float)
    v = np.maximum(limits * CRUISE_SHARE / 3.6, 1.0)
    force = 0.5 * AIR_DENSITY * model.drag_area_m2 * v**2 + model.rolling_resistance * model.mass_kg * G
    per_seg = force * seg_len / model.drivetrain_efficiency + model.auxiliary_w * seg_len / v
    cum = np.concatenate(([0.0], np.cumsum(per_seg)))
    return cum * (total_wh / cum[-1]) if cum[-1] > 0 else cum


def charger_power(tags: dict[str, str]) -> tuple[float, bool]:
    """(kW, is_dc) of a charging station from its OSM tags (``socket:*:output``, ``socket:*``)."""
    best_kw, dc = 0.0, False
    for key, value in tags.items():
        if not key.startswith("socket:"):
            continue
        kind = key.split(":")[1]
        is_dc = kind in DC_SOCKETS
        dc = dc or is_dc
        if key.endswith(":output"):
            match = re.search(r"(\d+(?:\.\d+)?)\s*(kw|w)?", value.lower())
            if match:
                kw = float(match.group(1)) / (1000 if match.group(2) == "w" else 1)
                best_kw = max(best_kw, kw)
    for key in ("charging_station:output", "maxpower"):
        match = re.search(r"(\d+(?:\.\d+)?)", tags.get(key, ""))
        if match:
            best_kw = max(best_kw, float(match.group(1)))
    if not best_kw:
        best_kw = DEFAULT_DC_KW if dc else DEFAULT_AC_KW
    return best_kw, dc


def charge_minutes(model: EnergyModel, soc_from: float, soc_to: float, station_kw: float, dc: bool) -> float:
    """Minutes to charge from ``soc_from`` to ``soc_to`` on a station, following the car's charge curve."""
    if soc_to <= soc_from:
        return 0.0
    step = 0.5
    socs = np.arange(soc_from, soc_to, step)
    minutes = 0.0
    for soc in socs:
        car_kw = dc_power_limit(soc, model.max_dc_kw) if dc else ac_power_limit(soc, model.max_ac_kw)
        kw = max(0.5, min(station_kw, car_kw))
        minutes += model.capacity_kwh * min(step, soc_to - soc) / 100 / kw * 60
    return minutes


@dataclass
class ChargingStop:
    name: str
    lat: float
    lon: float
    power_kw: float
    dc: bool
    arrival_soc: float
    target_soc: float
    charge_min: float
    detour_s: float
    final_soc: float  # on arrival at the next stop or the destination
    swap: bool = False  # a battery swap, not a charge
    at_m: float = 0.0  # where the stop is along the planned route


@dataclass
class EnergyPlan:
    start_soc: float
    energy_wh: float
    arrival_soc: float
    reserve_soc: float
    stops: list[ChargingStop] = field(default_factory=list)
    # The route through the stops (None when there are none): via points with their own guidance.
    route: Route | None = None
    # Why no plan reaches the destination ("" when one does); arrival_soc stays that of the plain route.
    unreachable: str = ""

    @property
    def stop(self) -> ChargingStop | None:
        """The first stop (the one the head unit shows next)."""
        return self.stops[0] if self.stops else None

    @property
    def needs_charge(self) -> bool:
        return bool(self.stops) or bool(self.unreachable)
