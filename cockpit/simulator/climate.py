"""Cabin climate: a heat balance of the cabin and an HVAC that heats with a heat pump or cools with A/C.

The cabin is one thermal mass exchanging heat with outside through its shell (and fresh air unless
recirculating). The HVAC moves heat towards the set point in proportion to the error, limited by what the
fan level lets through; its electric power is that heat over the coefficient of performance (a heat pump
above −10 °C outside, resistive PTC heating below it, an A/C compressor for cooling).
"""

from __future__ import annotations

from dataclasses import dataclass

CABIN_HEAT_CAPACITY_J_PER_K = 90_000.0
SHELL_W_PER_K = 45.0
FRESH_AIR_W_PER_K_PER_LEVEL = 9.0
MAX_HEAT_FLOW_W = 7000.0
GAIN_W_PER_K = 900.0
# Integral action removes the steady offset a purely proportional controller leaves against shell losses.
INTEGRAL_W_PER_KS = 12.0
REAR_DEFROST_W = 350.0
SEAT_HEAT_W = (0.0, 45.0, 70.0, 100.0)
SEAT_VENT_W = (0.0, 8.0, 14.0, 20.0)
STEERING_HEAT_W = 60.0


@dataclass
class ClimateState:
    cabin_temp: float
    outside_temp: float
    driver_set: float = 22.0
    passenger_set: float = 22.0
    fan_level: int = 3
    ac_on: bool = True
    auto_on: bool = True
    recirc_on: bool = False
    front_defrost_on: bool = False
    rear_defrost_on: bool = False
    air_distribution: str = "FACE_FEET"
    sync_on: bool = True
    hvac_power_w: float = 0.0
    heat_flow_w: float = 0.0


class CabinClimate:
    def __init__(self, outside_temp: float = 12.0, cabin_temp: float | None = None) -> None:
        start = outside_temp if cabin_temp is None else cabin_temp
        self.state = ClimateState(cabin_temp=start, outside_temp=outside_temp)
        self._integral = 0.0

    def target(self) -> float:
        s = self.state
        return s.driver_set if s.sync_on else (s.driver_set + s.passenger_set) / 2

    def step(self, dt: float) -> float:
        """Advance ``dt`` seconds; returns the HVAC's electric power in W."""
        s = self.state
        error = self.target() - s.cabin_temp
        if s.auto_on:
            # Automatic climate picks the blower for the error, and never runs it off while on.
            s.fan_level = max(1, min(7, round(abs(error) * 1.2 + 1)))
        if s.front_defrost_on:
            s.fan_level = max(s.fan_level, 5)
        on = s.fan_level > 0
        limit = MAX_HEAT_FLOW_W * s.fan_level / 7
        if on:
            self._integral = max(-limit, min(limit, self._integral + INTEGRAL_W_PER_KS * error * dt))
        flow = max(-limit, min(limit, GAIN_W_PER_K * error + self._integral)) if on else 0.0
        if flow < 0 and not s.ac_on:
            flow = 0.0  # without the compressor, only outside air cools
        cop = (2.6 if s.outside_temp > -10 else 1.0) if flow > 0 else 3.0
        electric = abs(flow) / cop + (40.0 + 25.0 * s.fan_level if on else 0.0)
        if s.front_defrost_on and s.ac_on:
            electric += 600.0  # the compressor dries the air while the heater warms it
        if s.rear_defrost_on:
            electric += REAR_DEFROST_W
        exchange = SHELL_W_PER_K + (0.0 if s.recirc_on else FRESH_AIR_W_PER_K_PER_LEVEL * s.fan_level)
        gain = flow + exchange * (s.outside_temp - s.cabin_temp) + 120.0  # people and electronics
        s.cabin_temp += gain * dt / CABIN_HEAT_CAPACITY_J_PER_K
        s.heat_flow_w = flow
        s.hvac_power_w = electric
        return electric
