"""The EREV's generator: keeps the pack inside a state-of-charge window by burning fuel."""

from __future__ import annotations

from dataclasses import dataclass

from .params import RangeExtenderParams


@dataclass
class RangeExtenderState:
    fuel_l: float
    running: bool = False
    power_w: float = 0.0
    rpm: float = 0.0
    coolant_temp: float = 25.0
    mode: str = "CHARGE_SUSTAIN"


class RangeExtender:
    def __init__(self, params: RangeExtenderParams, fuel_fraction: float = 0.7) -> None:
        self.p = params
        self.state = RangeExtenderState(fuel_l=params.fuel_tank_l * fuel_fraction)

    def step(self, soc: float, dt: float) -> float:
        """Advance; returns the electric power (W) the generator feeds the HV bus."""
        s, p = self.state, self.p
        if s.mode == "OFF" or s.fuel_l <= 0:
            s.running = False
        elif s.mode == "FORCED":
            s.running = soc < 99
        elif soc <= p.soc_low:
            s.running = True
        elif soc >= p.soc_high:
            s.running = False
        target = p.generator_kw * 1000 if s.running else 0.0
        # The engine ramps up over a few seconds rather than jumping to full output.
        s.power_w += max(-20_000 * dt, min(15_000 * dt, target - s.power_w))
        s.rpm = 1200 + 3300 * s.power_w / (p.generator_kw * 1000) if s.power_w > 500 else 0.0
        s.fuel_l = max(0.0, s.fuel_l - s.power_w / 1000 * p.fuel_l_per_kwh * dt / 3600)
        warm = 90.0 if s.running else 25.0
        s.coolant_temp += (warm - s.coolant_temp) * min(1.0, dt / 120)
        return s.power_w
