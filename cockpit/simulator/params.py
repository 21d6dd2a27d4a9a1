"""Physical parameters of a simulated vehicle, read from its profile's ``vehicle.toml``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class VehicleParams:
    mass_kg: float = 2200.0
    drag_coefficient: float = 0.22
    frontal_area_m2: float = 2.3
    rolling_resistance: float = 0.009
    wheel_radius_m: float = 0.34
    gear_ratio: float = 9.0
    max_motor_power_kw: float = 300.0
    max_regen_power_kw: float = 150.0
    max_motor_torque_nm: float = 600.0
    drivetrain_efficiency: float = 0.92
    auxiliary_load_w: float = 350.0
    tyre_road_friction: float = 0.9


@dataclass(frozen=True)
class BatteryParams:
    capacity_kwh: float = 100.0
    nominal_voltage: float = 725.0
    cells_in_series: int = 192
    internal_resistance_ohm: float = 0.08
    max_dc_charge_kw: float = 350.0
    max_ac_charge_kw: float = 11.0
    state_of_health: float = 97.0
    thermal_mass_j_per_k: float = 600_000.0


@dataclass(frozen=True)
class RangeExtenderParams:
    generator_kw: float = 0.0
    fuel_tank_l: float = 0.0
    soc_low: float = 20.0
    soc_high: float = 25.0
    fuel_l_per_kwh: float = 0.33  # ~245 g/kWh brake-specific consumption of a modern 1.5 T range extender


@dataclass(frozen=True)
class SimParams:
    vehicle: VehicleParams
    battery: BatteryParams
    range_extender: RangeExtenderParams | None

    @property
    def is_erev(self) -> bool:
        return self.range_extender is not None and self.range_extender.generator_kw > 0


def _pick(cls: type, table: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in table.items() if k in names})


def sim_params(settings: dict[str, Any]) -> SimParams:
    """Parameters from a profile's parsed ``vehicle.toml``; anything missing keeps its default."""
    rex_table = dict(settings.get("range_extender", {}))
    window = rex_table.pop("soc_window", None)
    if window:
        rex_table["soc_low"], rex_table["soc_high"] = window
    return SimParams(
        vehicle=_pick(VehicleParams, settings.get("vehicle", {})),
        battery=_pick(BatteryParams, settings.get("battery", {})),
        range_extender=_pick(RangeExtenderParams, rex_table) if rex_table else None,
    )
