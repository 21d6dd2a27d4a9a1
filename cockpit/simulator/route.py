"""A polyline the simulated car drives along: position and heading from distance driven."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..navigation.builtin_town import loop_points as _town_loop

if TYPE_CHECKING:
    from .drive_cycles import RouteCycle

EARTH_RADIUS_M = 6_371_008.8


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def bearing_deg(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    y = math.sin(lon2 - lon1) * math.cos(lat2)
    x = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return math.degrees(math.atan2(y, x)) % 360


@dataclass
class Route:
    """``points`` as (lat, lon); ``limits_kmh[i]`` applies from point i to i + 1; ``loop`` repeats it."""

    points: Sequence[tuple[float, float]]
    limits_kmh: Sequence[float]
    loop: bool = False
    altitude_m: float = 20.0
    lengths_m: list[float] = field(init=False)

    def __post_init__(self) -> None:
        if len(self.points) < 2 or len(self.limits_kmh) != len(self.points) - 1:
            raise ValueError("a route needs at least two points and one speed limit per stretch")
        self.lengths_m = [haversine_m(a, b) for a, b in zip(self.points, self.points[1:], strict=False)]
        self._starts = [0.0]
        for length in self.lengths_m:
            self._starts.append(self._starts[-1] + length)
        self.total_m = self._starts[-1]

    def drive_cycle(self) -> RouteCycle:
        """The driver for this route: speed limits, slowing for lower ones ahead, stopping at the end."""
        from .drive_cycles import RouteCycle

        return RouteCycle(lengths_m=self.lengths_m, limits_kmh=self.limits_kmh, loop=self.loop)

    def position(self, s: float) -> tuple[float, float, float]:
        """(lat, lon, heading°) after driving ``s`` metres from the start."""
        if self.loop and self.total_m > 0:
            s %= self.total_m
        s = min(max(s, 0.0), self.total_m)
        i = min(bisect.bisect_right(self._starts, s) - 1, len(self.lengths_m) - 1)
        a, b = self.points[i], self.points[i + 1]
        f = (s - self._starts[i]) / self.lengths_m[i] if self.lengths_m[i] else 0.0
        return a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, bearing_deg(a, b)


# The demo car's loop runs round the arterials of the built-in map's town (in Jing'an, Shanghai: the home
# market of the cars the demo vehicle imitates), so the car shows on the map the head unit opens with.
DEFAULT_LOOP = Route(*_town_loop(), loop=True)


def default_route_cycle() -> RouteCycle:
    return DEFAULT_LOOP.drive_cycle()
