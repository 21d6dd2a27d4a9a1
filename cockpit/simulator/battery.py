"""The traction battery: open-circuit voltage, internal resistance, heat, charging with a taper.

Per cell an NMC open-circuit-voltage curve; the pack is ``cells_in_series`` of them, with a lumped internal
resistance. A power demand P at the terminals draws the current I solving P = (OCV − I·R)·I, the state of
charge moves by I·dt over the capacity in ampere-hours, and I²R heats a lumped thermal mass that the
coolant loop pulls towards its set point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .params import BatteryParams

# NMC cell open-circuit voltage (V) against state of charge (%): the shape of published NMC622/811 curves
# (steep below 10 %, a shallow plateau in the middle, rising towards 4.2 V).
_SOC_POINTS = np.array([0, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100], dtype=float)
_CELL_OCV = np.array(
    [3.00, 3.30, 3.43, 3.52, 3.59, 3.64, 3.69, 3.74, 3.80, 3.88, 3.96, 4.06, 4.12, 4.19], dtype=float
)
# DC fast-charge power the BMS allows, as a share of the car's peak, against SoC: the taper real 800 V cars
# show (full power to ~50 %, falling to about a third at 80 %, a trickle near full).
_DC_TAPER_SOC = np.array([0, 10, 50, 60, 70, 80, 90, 95, 100], dtype=float)
_DC_TAPER = np.array([0.55, 1.0, 1.0, 0.8, 0.6, 0.38, 0.2, 0.12, 0.05], dtype=float)
COOLANT_SET_C = 25.0
COOLING_W_PER_K = 400.0


def cell_ocv(soc: float) -> float:
    return float(np.interp(soc, _SOC_POINTS, _CELL_OCV))


def dc_power_limit(soc: float, peak_kw: float) -> float:
    """Charging power (kW) the BMS accepts at this SoC on a DC charger."""
    return float(np.interp(soc, _DC_TAPER_SOC, _DC_TAPER)) * peak_kw


def ac_power_limit(soc: float, peak_kw: float) -> float:
    """AC charging runs at the on-board charger's power until the last few percent."""
    return peak_kw if soc < 96 else peak_kw * max(0.15, (100 - soc) / 4)


@dataclass
class PackState:
    soc: float  # %
    temperature: float  # °C
    voltage: float = 0.0  # V at the terminals
    current: float = 0.0  # A, positive = discharge
    power: float = 0.0  # W at the terminals, positive = discharge
    ocv: float = 0.0
    energy_out_wh: float = 0.0  # chemical energy drawn (∫ OCV·I dt, discharge positive)
    energy_in_wh: float = 0.0  # chemical energy stored by charging or regeneration


class Battery:
    def __init__(self, params: BatteryParams, soc: float = 80.0, temperature: float = 25.0) -> None:
        self.p = params
        self.capacity_ah = params.capacity_kwh * 1000 / params.nominal_voltage
        self.state = PackState(soc=soc, temperature=temperature)
        self.cell_spread_mv = 8.0  # healthy pack: max−min cell a few mV apart
        self.state.ocv = self.ocv(soc)
        self.state.voltage = self.state.ocv

    def ocv(self, soc: float | None = None) -> float:
        return cell_ocv(self.state.soc if soc is None else soc) * self.p.cells_in_series

    def max_discharge_w(self) -> float:
        """Power the pack can give before its terminal voltage sags to the cells' 3.0 V floor."""
        ocv, r = self.ocv(), self.p.internal_resistance_ohm
        v_min = 3.0 * self.p.cells_in_series
        return max(0.0, v_min * (ocv - v_min) / r) if self.state.soc > 0 else 0.0

    def step(self, power_w: float, dt: float, ambient_c: float = 25.0) -> PackState:
        """Draw ``power_w`` (negative charges) at the terminals for ``dt`` seconds."""
        s, p = self.state, self.p
        ocv = self.ocv()
        r = p.internal_resistance_ohm
        power_w = min(power_w, self.max_discharge_w())
        disc = ocv * ocv - 4 * r * power_w
        current = (ocv - math.sqrt(max(disc, 0.0))) / (2 * r)
        s.soc = min(100.0, max(0.0, s.soc - current * dt / 3600 / self.capacity_ah * 100))
        s.ocv = ocv
        s.current = current
        s.voltage = ocv - current * r
        s.power = s.voltage * current
        chemical = ocv * current * dt / 3600
        if chemical >= 0:
            s.energy_out_wh += chemical
        else:
            s.energy_in_wh -= chemical
        heat = current * current * r
        cooling = COOLING_W_PER_K * (s.temperature - COOLANT_SET_C) + 30 * (s.temperature - ambient_c)
        s.temperature += (heat - cooling) * dt / p.thermal_mass_j_per_k
        return s

    def cell_voltages(self) -> tuple[float, float]:
        """(min, max) cell voltage: the mean under load, spread by the pack's imbalance."""
        mean = self.state.voltage / self.p.cells_in_series
        half = self.cell_spread_mv / 2000
        return mean - half, mean + half

    def remaining_energy_kwh(self) -> float:
        return self.p.capacity_kwh * self.state.soc / 100 * self.p.state_of_health / 100
