"""Trip computer: distance, energy, regeneration and consumption, integrated on the signals' own clock.

Everything here is driven by signal timestamps, never the wall clock, so a log replayed at any speed (or a
simulator run in ``--fast``) gives the same figures. Three rules keep replays and bad logs honest:

- zero-order hold: a signal keeps its last value until the next sample (what the state store means by a
  value), so ∫ p dt over [t₁, t₂) is p(t₁)·(t₂ − t₁);
- a gap longer than :data:`MAX_GAP_S` between two samples is not integrated (nobody knows what happened in
  it: a logger dropout, the car switched off, a seek forward);
- time going backwards (a replay looping or seeking back) re-anchors the integration and adds nothing.

Distance: the odometer (``Vehicle.TraveledDistance``) and ∫ speed dt are fused. Between two odometer steps
the speed integral fills in; at each step the odometer's delta replaces it. The odometer is the better
long-run truth (cluster speed is allowed to read high, ECE R39, and the odometer is what the driver
compares with), but it is coarse: 0.1 km on the demo car and the Kona, which on a 3 km run is already a
3 % error at each end. The speed integral alone covers cars that do not map an odometer or whose
odometer stops updating. What remains is the odometer's reporting delay: a step reaches us with its
message (1 Hz on the demo car), so the figure can be off by up to one message period of travel
(17 m at 60 km/h) at either end, however long the drive.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

#: Samples further apart than this (s) are not integrated across.
MAX_GAP_S = 2.0
#: An average over less distance than this (km) says nothing; shown as no figure.
MIN_AVERAGE_KM = 0.1
#: Fastest plausible travel (km/h), to tell an odometer step from a jump (log spliced, seek, new car).
MAX_PLAUSIBLE_KMH = 400.0
#: Speed samples older than this (s) cannot be after an odometer sample still to come.
PENDING_KEEP_S = 60.0
#: The odometer counts as stuck when speed says the car has passed this many of its steps without one.
STALE_ODOMETER_STEPS = 3.0


class SampleIntegrator:
    """∫ value dt of one sampled signal under zero-order hold, with the gap and rewind rules."""

    __slots__ = ("broke", "broken_from", "last_t", "last_value", "max_gap_s")

    def __init__(self, max_gap_s: float = MAX_GAP_S) -> None:
        self.max_gap_s = max_gap_s
        self.last_t: float | None = None
        self.last_value = 0.0
        #: Set by :meth:`add` when the sample it took followed a gap or went back in time ...
        self.broke = False
        #: ... and the time of the sample before it.
        self.broken_from: float | None = None

    def add(self, t: float, value: float) -> tuple[float, float]:
        """Take one sample; returns (dt, held value) of the interval it closes.

        dt is 0 for the first sample, after a gap and when time went backwards (``broke`` says which).
        """
        last_t, held = self.last_t, self.last_value
        self.last_t, self.last_value = t, value
        self.broke = False
        if last_t is None:
            return 0.0, held
        dt = t - last_t
        if dt < 0 or dt > self.max_gap_s:
            self.broke, self.broken_from = True, last_t
            return 0.0, held
        return dt, held

    def reset(self) -> None:
        self.last_t = None
        self.broke = False


@dataclass(frozen=True, slots=True)
class TripStats:
    """Totals over a stretch of driving (since start, or since the trip was reset)."""

    distance_km: float = 0.0
    #: Net energy out of the pack, ∫ battery power dt, outside charging sessions (kWh).
    energy_kwh: float = 0.0
    #: Energy the motor put back into the pack, not counting the charger or the range extender (kWh).
    regenerated_kwh: float = 0.0
    #: EREV: energy the range extender fed the high-voltage bus (kWh); 0 on a BEV.
    generator_kwh: float = 0.0
    #: Time with data, outside charging sessions and gaps (s).
    duration_s: float = 0.0

    @property
    def consumed_kwh(self) -> float:
        """What the car used, whichever source fed it: pack plus generator (the pack alone on a BEV)."""
        return self.energy_kwh + self.generator_kwh

    @property
    def average_wh_per_km(self) -> float | None:
        if self.distance_km < MIN_AVERAGE_KM:
            return None
        return self.consumed_kwh * 1000 / self.distance_km

    @property
    def average_speed_kmh(self) -> float | None:
        if self.duration_s <= 0 or self.distance_km < MIN_AVERAGE_KM:
            return None
        return self.distance_km / self.duration_s * 3600

    def __sub__(self, other: TripStats) -> TripStats:
        return TripStats(
            distance_km=self.distance_km - other.distance_km,
            energy_kwh=self.energy_kwh - other.energy_kwh,
            regenerated_kwh=self.regenerated_kwh - other.regenerated_kwh,
            generator_kwh=self.generator_kwh - other.generator_kwh,
            duration_s=self.duration_s - other.duration_s,
        )


class DistanceFusion:
    """Odometer steps for the long run, ∫ speed dt in between (see the module's notes)."""

    __slots__ = (
        "_anchor",
        "_anchor_t",
        "_committed",
        "_odometer_steps",
        "_partial",
        "_pending",
        "_speed_seen",
        "_synced",
        "resolution_km",
        "total_km",
    )

    def __init__(self) -> None:
        #: Fused distance since start (km); never decreases.
        self.total_km = 0.0
        self._committed = 0.0
        self._partial = 0.0  # ∫ speed dt since the last odometer step (or since start)
        # The recent part of the partial as (t, km): an odometer step is stamped at its own time, and the
        # speed samples after it (taken in the same update) belong to the next stretch, not this one.
        self._pending: deque[tuple[float, float]] = deque()
        self._anchor: float | None = None  # odometer value at the last step
        self._anchor_t = 0.0
        self._synced = False  # the last step was seen, so the next delta is exact distance
        self._speed_seen = False
        self._odometer_steps = False
        #: The odometer's step (km), learnt from the smallest step seen.
        self.resolution_km: float | None = None

    @property
    def source(self) -> str | None:
        """What the distance comes from: "odometer+speed", "odometer", "speed" or None (nothing yet)."""
        if self._odometer_steps:
            return "odometer+speed" if self._speed_seen else "odometer"
        return "speed" if self._speed_seen else None

    def add_speed_km(self, t: float, km: float) -> None:
        """``km`` driven in the interval that ends at ``t`` (by ∫ speed dt)."""
        if km <= 0:
            return
        self._speed_seen = True
        self._partial += km
        pending = self._pending
        pending.append((t, km))
        while pending[0][0] < t - PENDING_KEEP_S:
            # Older than any odometer sample still to come: it stays in the partial, before the next step.
            pending.popleft()
        res = self.resolution_km
        if self._synced and res is not None and self._partial > STALE_ODOMETER_STEPS * res:
            # Speed says several odometer steps went by without one: the odometer is stuck or no longer
            # sent. Carry on with speed; the next step will be taken as a fresh anchor.
            self._synced = False
        self._refresh()

    def odometer(self, t: float, km: float, breaks: Iterable[tuple[float, float]] = ()) -> bool:
        """Take one odometer sample; True when it was a step of real driving (counted)."""
        anchor = self._anchor
        if anchor is None or t < self._anchor_t or km < anchor or self._broken(t, breaks):
            # First sight, a rewind, or a gap in the data since the last step: the value is a new anchor
            # and its delta is not distance we saw being driven. The speed integral keeps counting.
            self._anchor, self._anchor_t, self._synced = km, t, False
            return False
        delta = km - anchor
        if delta <= 0:
            return False
        allowed = (self.resolution_km or 1.0) + (t - self._anchor_t) * MAX_PLAUSIBLE_KMH / 3600
        if delta > allowed:
            self._anchor, self._anchor_t, self._synced = km, t, False
            return False
        later = [(te, d) for te, d in self._pending if te > t]
        after = sum(d for _, d in later)
        if self._synced:
            self._committed += delta
        else:
            # The first step after an anchor: the stretch up to it is what speed measured (the anchor's
            # fraction of a step is unknown); from here on whole steps are exact.
            self._committed += self._partial - after
        self._odometer_steps = True
        self.resolution_km = delta if self.resolution_km is None else min(self.resolution_km, delta)
        self._partial, self._pending = after, deque(later)
        self._anchor, self._anchor_t, self._synced = km, t, True
        self._refresh()
        return True

    def rewind(self) -> None:
        """The clock went back: what speed measured so far stays, but no longer splits by time."""
        self._pending.clear()

    def _broken(self, t: float, breaks: Iterable[tuple[float, float]]) -> bool:
        start = self._anchor_t
        return any(gap_start < t and gap_end > start for gap_start, gap_end in breaks)

    def _refresh(self) -> None:
        partial = self._partial
        if self._synced and self.resolution_km is not None:
            # Speed reading a little high must not run ahead of the next step and then fall back.
            partial = min(partial, self.resolution_km)
        self.total_km = max(self.total_km, self._committed + partial)


class ConsumptionBins:
    """Wh/km per completed stretch of ``bin_km`` over the last ``window_km``, for a bar chart."""

    __slots__ = ("_bins", "_start_km", "_start_kwh", "bin_km", "window_km")

    def __init__(self, bin_km: float = 1.0, window_km: float = 50.0) -> None:
        self.bin_km = bin_km
        self.window_km = window_km
        self._bins: deque[tuple[float, float]] = deque(maxlen=max(1, math.ceil(window_km / bin_km)))
        self._start_km = 0.0
        self._start_kwh = 0.0

    def advance(self, total_km: float, total_kwh: float) -> None:
        """Close the current bin if the car has driven a whole bin since it began."""
        driven = total_km - self._start_km
        if driven >= self.bin_km - 1e-9:  # a sum of many small steps lands a hair short of a whole bin
            # Close at the distance reached, not at an exact multiple: a bin's energy and distance then
            # always belong together, even when distance arrives in odometer steps.
            self._bins.append((total_km, (total_kwh - self._start_kwh) * 1000 / driven))
            self._start_km, self._start_kwh = total_km, total_kwh

    def completed(self) -> list[tuple[float, float]]:
        return list(self._bins)

    def partial(self, total_km: float, total_kwh: float) -> tuple[float, float] | None:
        driven = total_km - self._start_km
        if driven < MIN_AVERAGE_KM / 2:
            return None
        return total_km, (total_kwh - self._start_kwh) * 1000 / driven


class TripComputer:
    """Totals since start, a resettable trip, and consumption bins; fed by :class:`EnergyMonitor`."""

    def __init__(self, bin_km: float = 1.0, window_km: float = 50.0) -> None:
        self.distance = DistanceFusion()
        self.bins = ConsumptionBins(bin_km, window_km)
        self._energy_kwh = 0.0
        self._regen_kwh = 0.0
        self._generator_kwh = 0.0
        self._duration_s = 0.0
        self._trip_base = TripStats()

    # -- inputs ---------------------------------------------------------------------------------------------
    def add_speed(self, t: float, dt: float, kmh: float) -> None:
        """Speed ``kmh`` held for ``dt`` seconds up to ``t``."""
        self.distance.add_speed_km(t, kmh * dt / 3600)

    def add_odometer(self, t: float, km: float, breaks: Iterable[tuple[float, float]] = ()) -> bool:
        return self.distance.odometer(t, km, breaks)

    def add_battery(self, dt: float, battery_kw: float, generator_kw: float = 0.0) -> None:
        """dt seconds of pack power outside charging; the generator's share is not regeneration."""
        self._energy_kwh += battery_kw * dt / 3600
        # Energy into the pack that the generator did not supply came from the motor.
        into_pack_from_motor = -(battery_kw + generator_kw)
        if into_pack_from_motor > 0:
            self._regen_kwh += into_pack_from_motor * dt / 3600

    def add_generator(self, dt: float, generator_kw: float) -> None:
        self._generator_kwh += max(0.0, generator_kw) * dt / 3600

    def add_duration(self, dt: float) -> None:
        self._duration_s += dt

    def settle(self) -> None:
        """End of one update: close a consumption bin if one is complete."""
        self.bins.advance(self.distance.total_km, self._energy_kwh + self._generator_kwh)

    # -- outputs --------------------------------------------------------------------------------------------
    @property
    def since_start(self) -> TripStats:
        return TripStats(
            distance_km=self.distance.total_km,
            energy_kwh=self._energy_kwh,
            regenerated_kwh=self._regen_kwh,
            generator_kwh=self._generator_kwh,
            duration_s=self._duration_s,
        )

    @property
    def trip(self) -> TripStats:
        return self.since_start - self._trip_base

    def reset_trip(self) -> None:
        self._trip_base = self.since_start

    def consumption_partial(self) -> tuple[float, float] | None:
        return self.bins.partial(self.distance.total_km, self._energy_kwh + self._generator_kwh)
