"""Trip computer: hand-made signal sequences with known answers, fed through a real StateStore."""

from __future__ import annotations

import itertools
import math

import pytest

from cockpit.energy import EnergyMonitor
from cockpit.energy.monitor import BATTERY_POWER, ODOMETER, SPEED
from cockpit.state_store import StateStore

UNITS = {SPEED: "km/h", BATTERY_POWER: "W", ODOMETER: "km"}


class Car:
    """Feeds the store like the demo car's decoder: speed and pack power at ``hz``, the odometer at 1 Hz on
    change in ``odometer_step`` km (floored, as a cluster counts), and calls ``monitor.update()``."""

    def __init__(
        self,
        t: float = 1000.0,
        hz: int = 10,
        odometer_step: float | None = 0.1,
        speed_error: float = 0.0,
        units: dict[str, str] | None = None,
    ) -> None:
        self.store = StateStore(units=UNITS if units is None else units)
        self.monitor = EnergyMonitor(self.store, capacity_kwh=75.0)
        self.t, self.hz = t, hz
        self.true_km = 0.0
        self.odometer_start_km = 12408.35
        self.odometer_step = odometer_step
        self.speed_error = speed_error
        self._sent_odometer: float | None = None
        self._ticks = 0

    def odometer_value(self) -> float:
        step = self.odometer_step
        assert step is not None
        units = math.floor(round((self.odometer_start_km + self.true_km) / step, 6))
        return round(units * step, 6)

    def run(
        self, seconds: float, kmh: float, battery_kw: float, update_every: int = 1, **extra: float
    ) -> None:
        """Hold ``kmh`` and ``battery_kw`` (and extra path=value) for ``seconds``, samples at both ends."""
        n = round(seconds * self.hz)
        start = self.t
        for k in range(n + 1):
            t = start + k / self.hz
            self.store.update(SPEED, kmh * (1 + self.speed_error), t)
            self.store.update(BATTERY_POWER, battery_kw * 1000, t)
            for path, value in extra.items():
                self.store.update(path.replace("__", "."), value, t)
            if self.odometer_step is not None and self._ticks % self.hz == 0:
                value = self.odometer_value()
                if value != self._sent_odometer:
                    self.store.update(ODOMETER, value, t)
                    self._sent_odometer = value
            self._ticks += 1
            if k % update_every == 0:
                self.monitor.update()
            if k < n:
                self.true_km += kmh / 3600 / self.hz
        self.t = start + n / self.hz
        self.monitor.update()

    def jump(self, t: float) -> None:
        """The next samples carry this time (a gap if later, a rewind if earlier)."""
        self.t = t


def test_constant_power_at_constant_speed_gives_distance_energy_and_average() -> None:
    car = Car()
    car.run(360, kmh=60, battery_kw=20)
    stats = car.monitor.since_start
    assert stats.distance_km == pytest.approx(6.0, abs=0.002)
    assert stats.energy_kwh == pytest.approx(2.0, rel=1e-6)
    assert stats.average_wh_per_km == pytest.approx(333.3, abs=0.3)
    assert stats.duration_s == pytest.approx(360.0)
    assert stats.regenerated_kwh == 0.0
    assert car.monitor.distance_source == "odometer+speed"


def test_regeneration_counts_energy_back_into_the_pack_and_lowers_the_net() -> None:
    car = Car()
    car.run(360, kmh=60, battery_kw=20)
    # 30 s of braking on regeneration: 40 kW into the pack.
    car.run(30, kmh=30, battery_kw=-40)
    stats = car.monitor.since_start
    assert stats.regenerated_kwh == pytest.approx(40 * 30 / 3600, rel=1e-6)
    assert stats.energy_kwh == pytest.approx(2.0 - 40 * 30 / 3600, rel=1e-6)
    # The odometer steps reach us up to one 1 Hz message late: the end may lag by that much travel.
    assert stats.distance_km == pytest.approx(6.25, abs=0.01)
    assert stats.average_wh_per_km == pytest.approx((2.0 - 1 / 3) * 1000 / 6.25, rel=3e-3)


def test_average_needs_a_tenth_of_a_kilometre() -> None:
    car = Car()
    car.run(5, kmh=36, battery_kw=10)  # 50 m
    assert car.monitor.since_start.distance_km == pytest.approx(0.05, abs=0.001)
    assert car.monitor.since_start.average_wh_per_km is None
    car.run(10, kmh=36, battery_kw=10)
    assert car.monitor.since_start.average_wh_per_km is not None


def test_trip_reset_in_the_middle_keeps_since_start() -> None:
    car = Car()
    car.run(360, kmh=60, battery_kw=20)
    car.monitor.reset_trip()
    assert car.monitor.trip.distance_km == 0.0
    assert car.monitor.trip.average_wh_per_km is None
    car.run(180, kmh=60, battery_kw=30)
    trip, since_start = car.monitor.trip, car.monitor.since_start
    # Odometer steps reach us up to one 1 Hz message late: either end may lag by that much travel (17 m).
    assert trip.distance_km == pytest.approx(3.0, abs=0.02)
    assert trip.energy_kwh == pytest.approx(1.5, rel=1e-6)
    assert trip.average_wh_per_km == pytest.approx(500.0, rel=0.01)
    assert trip.duration_s == pytest.approx(180.0)
    assert since_start.distance_km == pytest.approx(9.0, abs=0.02)
    assert since_start.energy_kwh == pytest.approx(3.5, rel=1e-6)


def test_time_going_backwards_reanchors_without_adding_or_subtracting() -> None:
    car = Car()
    car.run(100, kmh=36, battery_kw=10)  # 1 km, 0.278 kWh
    # The replay loops: the same log starts over, clock and odometer back at their start.
    car.jump(1000.0)
    car.true_km = 0.0
    car.run(100, kmh=36, battery_kw=10)
    stats = car.monitor.since_start
    assert stats.distance_km == pytest.approx(2.0, abs=0.002)
    assert stats.energy_kwh == pytest.approx(2 * 10 * 100 / 3600, rel=1e-6)
    assert stats.duration_s == pytest.approx(200.0)


def test_a_gap_in_the_data_is_not_integrated_even_though_the_odometer_moved() -> None:
    car = Car()
    car.run(100, kmh=72, battery_kw=18)  # 2 km, 0.5 kWh
    # 10 s without any frame while the car keeps going (a logger dropout): 200 m nobody saw.
    car.true_km += 72 * 10 / 3600
    car.jump(car.t + 10.0)
    car.run(100, kmh=72, battery_kw=18)
    stats = car.monitor.since_start
    assert stats.energy_kwh == pytest.approx(1.0, rel=1e-6)
    assert stats.duration_s == pytest.approx(200.0)
    assert stats.distance_km == pytest.approx(4.0, abs=0.01)
    # Consumption stays what it was on both sides of the gap.
    assert stats.average_wh_per_km == pytest.approx(250.0, rel=0.005)


def test_figures_do_not_depend_on_how_often_update_is_called() -> None:
    every_sample, every_five_seconds = Car(), Car()
    for car, every in ((every_sample, 1), (every_five_seconds, 50)):
        car.run(120, kmh=50, battery_kw=12, update_every=every)
        car.run(40, kmh=20, battery_kw=-15, update_every=every)
        car.run(60, kmh=0, battery_kw=1, update_every=every)
    a, b = every_sample.monitor.since_start, every_five_seconds.monitor.since_start
    assert b.distance_km == pytest.approx(a.distance_km, abs=1e-6)
    assert b.energy_kwh == pytest.approx(a.energy_kwh, rel=1e-9)
    assert b.regenerated_kwh == pytest.approx(a.regenerated_kwh, rel=1e-9)
    assert b.duration_s == pytest.approx(a.duration_s, rel=1e-9)


def test_odometer_beats_a_speedometer_that_reads_high() -> None:
    # Cluster speed may read high (ECE R39); the odometer is the distance the driver compares with.
    fused = Car(speed_error=0.04)
    fused.run(600, kmh=60, battery_kw=15)
    assert fused.monitor.since_start.distance_km == pytest.approx(10.0, abs=0.1)
    speed_only = Car(speed_error=0.04, odometer_step=None)
    speed_only.run(600, kmh=60, battery_kw=15)
    assert speed_only.monitor.distance_source == "speed"
    assert speed_only.monitor.since_start.distance_km == pytest.approx(10.4, abs=0.01)


def test_without_odometer_distance_comes_from_speed() -> None:
    car = Car(odometer_step=None)
    car.run(360, kmh=60, battery_kw=20)
    assert car.monitor.distance_source == "speed"
    assert car.monitor.since_start.distance_km == pytest.approx(6.0, abs=1e-6)


def test_a_coarse_odometer_is_filled_in_by_speed() -> None:
    car = Car(odometer_step=1.0)
    car.run(150, kmh=60, battery_kw=20)  # 2.5 km on an odometer counting whole kilometres
    assert car.monitor.since_start.distance_km == pytest.approx(2.5, abs=0.01)


def test_a_stuck_odometer_does_not_freeze_the_distance() -> None:
    car = Car()
    car.run(120, kmh=60, battery_kw=20)
    car.odometer_step = None  # the cluster stops sending
    car.run(120, kmh=60, battery_kw=20)
    assert car.monitor.since_start.distance_km == pytest.approx(4.0, abs=0.12)


def test_distance_never_goes_down_between_odometer_steps() -> None:
    car = Car(speed_error=0.05)
    seen = []
    for _ in range(60):
        car.run(2, kmh=90, battery_kw=25)
        seen.append(car.monitor.since_start.distance_km)
    assert all(b >= a for a, b in itertools.pairwise(seen))


def test_consumption_bins_per_kilometre() -> None:
    car = Car()
    car.run(180, kmh=60, battery_kw=9)  # 3 km at 150 Wh/km
    car.run(120, kmh=60, battery_kw=18)  # 2 km at 300 Wh/km
    car.run(24, kmh=60, battery_kw=12)  # 0.4 km at 200 Wh/km, not a whole bin yet
    bins = car.monitor.consumption_bins
    assert [km for km, _ in bins] == pytest.approx([1, 2, 3, 4, 5], abs=0.02)
    # A bin that starts just before the step in power takes a few metres of the next phase.
    assert [wh for _, wh in bins] == pytest.approx([150, 150, 150, 300, 300], rel=0.02)
    partial = car.monitor.current_bin
    assert partial is not None
    assert partial[0] == pytest.approx(5.4, abs=0.02)
    assert partial[1] == pytest.approx(200, rel=0.02)


def test_consumption_bins_keep_only_the_last_window() -> None:
    store = StateStore(units=UNITS)
    monitor = EnergyMonitor(store, None, bin_km=0.5, window_km=2.0)
    t = 0.0
    for k in range((360 * 10) + 1):  # 6 km at 60 km/h, the power rising with each kilometre
        t = k / 10
        store.update(SPEED, 60.0, t)
        store.update(BATTERY_POWER, 1000.0 * (10 + int(t // 60)), t)
        monitor.update()
    bins = monitor.consumption_bins
    assert len(bins) == 4  # 2 km of 0.5 km bins
    assert bins[-1][0] == pytest.approx(6.0, abs=0.01)
    assert bins[0][0] == pytest.approx(4.5, abs=0.01)
    assert bins[-1][1] == pytest.approx(15 * 1000 / 60, rel=0.01)  # 15 kW at 60 km/h


def test_charging_energy_is_not_trip_energy() -> None:
    car = Car()
    car.run(360, kmh=60, battery_kw=20)
    car.run(
        600, kmh=0, battery_kw=-50, **{"Vehicle__Powertrain__TractionBattery__Charging__IsCharging": True}
    )
    car.run(
        10, kmh=0, battery_kw=0.5, **{"Vehicle__Powertrain__TractionBattery__Charging__IsCharging": False}
    )
    stats = car.monitor.since_start
    assert stats.energy_kwh == pytest.approx(2.0 + 0.5 * 10 / 3600, rel=1e-6)
    assert stats.regenerated_kwh == 0.0
    assert stats.duration_s == pytest.approx(370.0)
    session = car.monitor.charging
    assert session is not None
    assert session.energy_added_kwh == pytest.approx(50 * 600 / 3600, rel=0.01)
