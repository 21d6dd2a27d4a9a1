"""Following a route: where the car is along it, the next maneuver and its distance, what remains, ETA,
and when the car has left the route (so the caller reroutes from where it is)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .maneuvers import Maneuver
from .routing import Route

OFF_ROUTE_M = 40.0
# Fixes in a row beyond OFF_ROUTE_M before calling it off route: one bad GPS fix is not a wrong turn.
OFF_ROUTE_FIXES = 3
ARRIVED_M = 25.0
# Look for the car this far ahead of (and a little behind) where it was: a route may pass the same
# place twice, and the nearest stretch is not always the right one.
WINDOW_BACK_M = 50.0
WINDOW_AHEAD_M = 600.0


@dataclass
class Progress:
    along_m: float
    off_route_m: float
    next_maneuver: Maneuver | None
    to_next_m: float
    remaining_m: float
    remaining_s: float
    off_route: bool
    arrived: bool


class Guidance:
    def __init__(self, route: Route, projector) -> None:
        """``projector(lat, lon) -> (x, y)`` in metres (the road graph's)."""
        self.route = route
        self.project = projector
        x, y = projector(route.points[:, 0], route.points[:, 1])
        self.x, self.y = np.asarray(x, float), np.asarray(y, float)
        self.along_m = 0.0
        self._misses = 0

    def update(self, lat: float, lon: float) -> Progress:
        r = self.route
        px, py = (float(v) for v in self.project(lat, lon))
        lo = max(0, int(np.searchsorted(r.cum_m, self.along_m - WINDOW_BACK_M)) - 1)
        hi = min(len(r.cum_m) - 1, int(np.searchsorted(r.cum_m, self.along_m + WINDOW_AHEAD_M)) + 1)
        along, dist = self._nearest(px, py, lo, max(hi, lo + 1))
        if dist > OFF_ROUTE_M:
            # Maybe the car jumped (a simulator restart, a tunnel): look along the whole route.
            along_all, dist_all = self._nearest(px, py, 0, len(r.cum_m) - 1)
            if dist_all < dist:
                along, dist = along_all, dist_all
        if dist <= OFF_ROUTE_M:
            self.along_m = max(self.along_m - WINDOW_BACK_M, along)
            self._misses = 0
        else:
            self._misses += 1
        nxt = next((m for m in r.maneuvers if m.at_m > self.along_m + 1.0), None)
        remaining = max(0.0, r.distance_m - self.along_m)
        remaining_s = float(r.duration_s - np.interp(self.along_m, r.cum_m, r.cum_s))
        return Progress(
            along_m=self.along_m,
            off_route_m=dist,
            next_maneuver=nxt,
            to_next_m=(nxt.at_m - self.along_m) if nxt else 0.0,
            remaining_m=remaining,
            remaining_s=max(0.0, remaining_s),
            off_route=self._misses >= OFF_ROUTE_FIXES,
            arrived=remaining <= ARRIVED_M and dist <= OFF_ROUTE_M,
        )

    def _nearest(self, px: float, py: float, lo: int, hi: int) -> tuple[float, float]:
        ax, ay = self.x[lo:hi], self.y[lo:hi]
        bx, by = self.x[lo + 1 : hi + 1], self.y[lo + 1 : hi + 1]
        dx, dy = bx - ax, by - ay
        len2 = np.maximum(dx * dx + dy * dy, 1e-9)
        f = np.clip(((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0)
        d = np.hypot(ax + f * dx - px, ay + f * dy - py)
        if not len(d):
            return self.along_m, math.inf
        k = int(np.argmin(d))
        cum = self.route.cum_m
        return float(cum[lo + k] + f[k] * (cum[lo + k + 1] - cum[lo + k])), float(d[k])
