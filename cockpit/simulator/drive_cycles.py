"""What the simulated driver wants to do: a speed target over time."""

from __future__ import annotations

import bisect
import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assets import ASSETS_DIR
from vehicle_bus.errors import InputError

WLTC_FILE = ASSETS_DIR / "drive_cycles" / "wltc_class3b.csv"
KMH = 1 / 3.6


class DriveCycle:
    """Target speed (m/s) as a function of time (s); ``name`` and ``duration`` (s, may be infinite)."""

    def target_speed(self, t: float) -> float:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass
class TraceCycle(DriveCycle):
    """A tabulated speed trace, linearly interpolated (the WLTC is given at 1 Hz)."""

    name: str
    times: list[float]
    speeds: list[float]

    def __post_init__(self) -> None:
        self.duration = self.times[-1]

    def target_speed(self, t: float) -> float:
        if t <= self.times[0]:
            return self.speeds[0]
        if t >= self.times[-1]:
            return self.speeds[-1]
        i = bisect.bisect_right(self.times, t)
        t0, t1 = self.times[i - 1], self.times[i]
        v0, v1 = self.speeds[i - 1], self.speeds[i]
        return v0 + (v1 - v0) * (t - t0) / (t1 - t0)


class IdleCycle(DriveCycle):
    """Parked: the car stands still (charging, cabin comfort, body functions)."""

    name = "idle"
    duration = math.inf

    def target_speed(self, t: float) -> float:
        return 0.0


@dataclass
class RouteCycle(DriveCycle):
    """Drive along a route: cruise at each stretch's speed limit, slow for corners, stop at the end.

    ``limits_kmh[i]`` is the speed limit of the stretch from ``points[i]`` to ``points[i + 1]``. The cycle
    does not know the car's position; :class:`~cockpit.simulator.vehicle.SimulatedVehicle` asks
    :meth:`speed_at_distance` with the distance driven instead.
    """

    name = "route"
    lengths_m: Sequence[float] = ()
    limits_kmh: Sequence[float] = ()
    comfort_decel: float = 1.2
    loop: bool = False

    def __post_init__(self) -> None:
        self.duration = math.inf
        self.total_m = float(sum(self.lengths_m))
        self._starts = [0.0]
        for length in self.lengths_m:
            self._starts.append(self._starts[-1] + length)

    def target_speed(self, t: float) -> float:
        return 0.0  # position-driven, see speed_at_distance

    def speed_at_distance(self, s: float) -> float:
        if self.loop and self.total_m > 0:
            s %= self.total_m
        elif s >= self.total_m:
            return 0.0
        i = min(bisect.bisect_right(self._starts, s) - 1, len(self.limits_kmh) - 1)
        target = self.limits_kmh[i] * KMH
        # Look ahead: be slow enough to brake comfortably for the next lower limit and the end (on a loop,
        # the end is the first stretch again).
        end_speed = self.limits_kmh[0] * KMH if self.loop else 0.0
        for j in range(i + 1, len(self.limits_kmh) + 1):
            gap = self._starts[j] - s
            ahead = self.limits_kmh[j] * KMH if j < len(self.limits_kmh) else end_speed
            if ahead < target:
                target = min(target, math.sqrt(ahead * ahead + 2 * self.comfort_decel * max(gap, 0.0)))
            if gap > 400:
                break
        return max(target, 0.0)


def load_trace(path: Path, name: str) -> TraceCycle:
    times: list[float] = []
    speeds: list[float] = []
    with path.open(encoding="utf-8") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        next(rows)
        for t, v in rows:
            times.append(float(t))
            speeds.append(float(v) * KMH)
    return TraceCycle(name, times, speeds)


CYCLES = {
    "wltc": "WLTC class 3b, 1,800 s, 23.27 km, up to 131.3 km/h",
    "idle": "parked, speed 0 (charging, cabin functions)",
    "route": "follow a route handed over by navigation (a loop in town without one)",
}


def make_cycle(name: str) -> DriveCycle:
    if name == "wltc":
        return load_trace(WLTC_FILE, "wltc")
    if name == "idle":
        return IdleCycle()
    if name == "route":
        from .route import default_route_cycle

        return default_route_cycle()
    raise InputError(
        f"unknown drive cycle {name!r}",
        fix="Valid cycles: " + "; ".join(f"{k} ({v})" for k, v in CYCLES.items()),
    )
