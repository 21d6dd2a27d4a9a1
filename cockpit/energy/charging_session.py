"""One charging session as the screen shows it: power curve, energy added, time to the target.

A session starts when the vehicle reports charging and is kept after charging ends (so the screen can show
the finished session) until the car drives again. If charging resumes before that and the plug was not
pulled in between (a charger hiccup, a raised target), it is the same session continuing.

The curve holds at most one point per second and at most :data:`MAX_POINTS` (3 h at 1 Hz); a longer session
(an overnight AC charge) is thinned to every other point and the spacing doubled, so the whole session
stays on the chart at bounded memory.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

from .trip_computer import SampleIntegrator

POINT_INTERVAL_S = 1.0
MAX_POINTS = 3 * 3600
#: Time to target, when the car does not say, is estimated from the average power over this window (s).
AVERAGE_WINDOW_S = 300.0
#: ... once the window holds at least this much (s).
MIN_AVERAGE_S = 20.0
#: Without a nominal capacity, one is learnt from energy added per SoC gained after this many percent.
MIN_SOC_GAIN_FOR_CAPACITY = 2.0

ChargePoint = tuple[float, float, float]  # (t, kW, SoC % or NaN when the car does not report it)


@dataclass(frozen=True, slots=True)
class ChargingSession:
    start_time: float
    start_soc: float | None
    soc: float | None
    target_soc: float | None
    #: Latest charging power (kW): the charger's output where mapped, else the power into the pack.
    power_kw: float
    #: ∫ of the same power over the session (kWh): the area under the curve.
    energy_added_kwh: float
    minutes_to_target: float | None
    #: "vehicle" (the car's own estimate), "estimate" (from the recent average power) or None.
    minutes_source: str | None
    points: tuple[ChargePoint, ...]
    #: True while charging; False for a finished session still on show.
    active: bool
    end_time: float | None
    last_time: float

    @property
    def duration_s(self) -> float:
        return (self.end_time if self.end_time is not None else self.last_time) - self.start_time

    @property
    def soc_added(self) -> float | None:
        if self.soc is None or self.start_soc is None:
            return None
        return self.soc - self.start_soc


class ChargingTracker:
    """Builds :class:`ChargingSession` from charging state, power, SoC and target samples."""

    def __init__(self, capacity_kwh: float | None = None) -> None:
        self.capacity_kwh = capacity_kwh
        self._soc: float | None = None
        self._target: float | None = None
        self._vehicle_minutes: float | None = None
        self._vehicle_minutes_t = -math.inf
        self._power_kw = 0.0
        self._open = False  # a session exists (active or finished, still on show)
        self._active = False
        self._unplugged_since_end = False
        self._reset_session(0.0)
        self._cache: ChargingSession | None = None
        self._points_cache: tuple[ChargePoint, ...] = ()
        self._points_dirty = False

    def _reset_session(self, t: float) -> None:
        self._start_t = t
        self._start_soc = self._soc
        self._end_t: float | None = None
        self._last_t = t
        self._energy_kwh = 0.0
        self._integrator = SampleIntegrator()
        self._points: list[ChargePoint] = []
        self._point_interval = POINT_INTERVAL_S
        self._next_point_t = -math.inf
        self._window: deque[tuple[float, float]] = deque()
        self._points_dirty = True

    # -- inputs ---------------------------------------------------------------------------------------------
    @property
    def is_charging(self) -> bool:
        return self._active

    def set_charging(self, t: float, charging: bool) -> None:
        if charging and not self._active:
            if not (self._open and not self._unplugged_since_end):
                self._reset_session(t)
            self._open, self._active, self._end_t = True, True, None
            self._unplugged_since_end = False
            self._integrator.reset()  # no energy across the pause
        elif not charging and self._active:
            self._active, self._end_t = False, t
        else:
            return
        self._cache = None

    def set_plugged(self, connected: bool) -> None:
        if not connected and self._open and not self._active:
            self._unplugged_since_end = True

    def power(self, t: float, kw: float) -> None:
        """Charging power (kW, + = into the car) at ``t``."""
        self._power_kw = kw
        self._cache = None
        if not self._active:
            return
        dt, held = self._integrator.add(t, kw)
        self._energy_kwh += max(0.0, held) * dt / 3600
        self._last_t = max(self._last_t, t)
        if t >= self._next_point_t:
            self._add_point(t, kw)

    def _add_point(self, t: float, kw: float) -> None:
        soc = self._soc if self._soc is not None else math.nan
        self._points.append((t, kw, soc))
        if len(self._points) >= MAX_POINTS:
            self._points = self._points[::2]
            self._point_interval *= 2
        self._next_point_t = t + self._point_interval
        self._points_dirty = True
        window = self._window
        window.append((t, self._energy_kwh))
        while len(window) > 2 and t - window[1][0] >= AVERAGE_WINDOW_S:
            window.popleft()

    def soc(self, soc: float) -> None:
        self._soc = soc
        if self._active and self._start_soc is None:
            self._start_soc = soc
        self._cache = None

    def target(self, soc: float) -> None:
        self._target = soc
        self._cache = None

    def vehicle_minutes(self, t: float, minutes: float) -> None:
        self._vehicle_minutes, self._vehicle_minutes_t = minutes, t
        self._cache = None

    def moved(self) -> None:
        """The car drove: a finished session is no longer shown."""
        if self._open and not self._active:
            self._open = False
            self._cache = None

    def rewind(self, t: float) -> None:
        """The clock went back (a replay looped or seeked): the old curve's times no longer line up."""
        self._vehicle_minutes_t = -math.inf
        if self._active:
            self._reset_session(t)
        else:
            self._open = False
        self._cache = None

    # -- output ---------------------------------------------------------------------------------------------
    def session(self) -> ChargingSession | None:
        if not self._open:
            return None
        if self._cache is None or self._points_dirty:
            if self._points_dirty:
                self._points_cache = tuple(self._points)
                self._points_dirty = False
            minutes, source = self._minutes_to_target()
            self._cache = ChargingSession(
                start_time=self._start_t,
                start_soc=self._start_soc,
                soc=self._soc,
                target_soc=self._target,
                power_kw=self._power_kw if self._active else 0.0,
                energy_added_kwh=self._energy_kwh,
                minutes_to_target=minutes,
                minutes_source=source,
                points=self._points_cache,
                active=self._active,
                end_time=self._end_t,
                last_time=self._last_t,
            )
        return self._cache

    def average_kw(self) -> float | None:
        """Average charging power over the last few minutes (None until there are enough)."""
        window = self._window
        if len(window) < 2:
            return None
        (t0, e0), (t1, e1) = window[0], window[-1]
        if t1 - t0 < MIN_AVERAGE_S:
            return None
        return (e1 - e0) * 3600 / (t1 - t0)

    def learnt_capacity_kwh(self) -> float | None:
        if self._soc is None or self._start_soc is None:
            return None
        gained = self._soc - self._start_soc
        if gained < MIN_SOC_GAIN_FOR_CAPACITY:
            return None
        return self._energy_kwh / (gained / 100)

    def _minutes_to_target(self) -> tuple[float | None, str | None]:
        soc, target = self._soc, self._target
        if not self._active:
            done = soc is not None and target is not None and soc >= target - 0.5
            return (0.0, None) if done else (None, None)
        # The car's own figure, if it gave one during this session, knows its taper; prefer it.
        if self._vehicle_minutes is not None and self._vehicle_minutes_t >= self._start_t - 1.0:
            return self._vehicle_minutes, "vehicle"
        if soc is None or target is None:
            return None, None
        if soc >= target:
            return 0.0, "estimate"
        capacity = self.capacity_kwh or self.learnt_capacity_kwh()
        average = self.average_kw()
        if capacity is None or average is None or average < 0.1:
            return None, None
        return (target - soc) / 100 * capacity / average * 60, "estimate"
