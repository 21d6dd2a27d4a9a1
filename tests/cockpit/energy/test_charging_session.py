"""Charging sessions: the power curve, energy added, time to target, and when a session is shown."""

from __future__ import annotations

import itertools
import math

import pytest

from cockpit.energy import EnergyMonitor
from cockpit.energy.charging_session import MAX_POINTS
from cockpit.energy.monitor import (
    BATTERY_POWER,
    CHARGE_LIMIT,
    CHARGER_POWER,
    IS_CHARGING,
    PLUG_CONNECTED,
    SOC_DISPLAYED,
    SPEED,
    TIME_TO_COMPLETE,
)
from cockpit.state_store import StateStore

CAPACITY_KWH = 75.0


class Charger:
    """A DC charger on a 75 kWh pack: power and SoC at 1 Hz (as the demo car's OBC/BMS), the car parked."""

    def __init__(self, capacity_kwh: float | None = CAPACITY_KWH, soc: float = 20.0, target: float = 80.0):
        self.store = StateStore()
        self.monitor = EnergyMonitor(self.store, capacity_kwh)
        self.t = 5000.0
        self.soc = soc
        self.store.update(CHARGE_LIMIT, target, self.t)
        self.store.update(SOC_DISPLAYED, soc, self.t)
        self.store.update(SPEED, 0.0, self.t)
        self.monitor.update()

    def plug(self, connected: bool = True) -> None:
        self.store.update(PLUG_CONNECTED, connected, self.t)
        self.monitor.update()

    def charge(self, seconds: int, kw_at: object, update_every: int = 1, **extra: float) -> None:
        """Charge at ``kw_at(s)`` kW (s = seconds into this call) for ``seconds``."""
        self.store.update(IS_CHARGING, True, self.t)
        for s in range(seconds + 1):
            kw = kw_at(s)  # type: ignore[operator]
            self.store.update(CHARGER_POWER, kw * 1000, self.t)
            self.store.update(BATTERY_POWER, -kw * 1000, self.t)
            self.store.update(SOC_DISPLAYED, self.soc, self.t)
            for path, value in extra.items():
                self.store.update(path, value, self.t)
            if s % update_every == 0:
                self.monitor.update()
            if s < seconds:
                self.soc += kw / 3600 / CAPACITY_KWH * 100
                self.t += 1.0
        self.monitor.update()

    def stop(self) -> None:
        self.t += 1.0
        self.store.update(IS_CHARGING, False, self.t)
        self.store.update(CHARGER_POWER, 0.0, self.t)
        self.store.update(BATTERY_POWER, 400.0, self.t)
        self.monitor.update()

    def drive(self, seconds: int, kmh: float = 30.0) -> None:
        for _ in range(seconds * 10):
            self.t += 0.1
            self.store.update(SPEED, kmh, self.t)
            self.store.update(BATTERY_POWER, 8000.0, self.t)
            self.monitor.update()


def taper(s: float) -> float:
    """150 kW for 10 min, then falling linearly to 50 kW over the next 10 min."""
    return 150.0 if s <= 600 else 150.0 - 100.0 * (s - 600) / 600


def test_no_session_before_charging() -> None:
    charger = Charger()
    charger.plug()
    assert charger.monitor.charging is None


def test_session_with_a_taper() -> None:
    charger = Charger()
    charger.plug()
    charger.charge(300, taper)
    session = charger.monitor.charging
    assert session is not None and session.active
    assert session.start_soc == pytest.approx(20.0)
    assert session.target_soc == 80.0
    assert session.power_kw == pytest.approx(150.0)
    # No time-to-target signal: estimated from the recent average, 150 kW, and the 75 kWh capacity.
    assert session.minutes_source == "estimate"
    expected = (80.0 - session.soc) / 100 * CAPACITY_KWH / 150.0 * 60
    assert session.minutes_to_target == pytest.approx(expected, rel=0.01)

    charger.charge(900, lambda s: taper(300 + s))
    session = charger.monitor.charging
    assert session is not None
    assert session.energy_added_kwh == pytest.approx(150 * 600 / 3600 + 100 * 600 / 3600, rel=0.005)
    assert session.soc_added == pytest.approx(session.energy_added_kwh / CAPACITY_KWH * 100, rel=0.01)
    kw = [p[1] for p in session.points]
    assert kw[0] == pytest.approx(150.0) and kw[-1] == pytest.approx(50.0)
    assert all(b <= a for a, b in itertools.pairwise(kw))  # the taper shows
    times = [p[0] for p in session.points]
    assert min(b - a for a, b in itertools.pairwise(times)) >= 1.0  # at most one point a second
    assert len(session.points) == 1201
    socs = [p[2] for p in session.points]
    assert socs[0] == pytest.approx(20.0) and socs[-1] == pytest.approx(session.soc)
    # Tapering: the estimate follows the last 5 minutes (100 → 50 kW, 75 kW on average), not the 150 kW
    # of the session's start.
    assert session.minutes_to_target == pytest.approx(
        (80.0 - session.soc) / 100 * CAPACITY_KWH / 75.0 * 60, rel=0.01
    )
    # The trip computer does not count charging as energy used.
    assert charger.monitor.since_start.energy_kwh == pytest.approx(0.0, abs=1e-9)


def test_the_vehicles_own_time_to_target_is_preferred() -> None:
    charger = Charger()
    charger.charge(120, lambda s: 100.0, **{TIME_TO_COMPLETE: 25 * 60})
    session = charger.monitor.charging
    assert session is not None
    assert session.minutes_source == "vehicle"
    assert session.minutes_to_target == pytest.approx(25.0)


def test_without_a_nominal_capacity_one_is_learnt_from_the_session() -> None:
    charger = Charger(capacity_kwh=None)
    charger.charge(30, lambda s: 100.0)
    assert charger.monitor.charging is not None
    assert charger.monitor.charging.minutes_to_target is None  # under 2 % gained: no idea yet
    charger.charge(120, lambda s: 100.0)
    session = charger.monitor.charging
    assert session is not None and session.minutes_to_target is not None
    expected = (80.0 - session.soc) / 100 * CAPACITY_KWH / 100.0 * 60
    assert session.minutes_to_target == pytest.approx(expected, rel=0.03)


def test_finished_session_is_kept_until_the_car_drives() -> None:
    charger = Charger()
    charger.plug()
    charger.charge(600, lambda s: 50.0)
    charger.stop()
    session = charger.monitor.charging
    assert session is not None
    assert not session.active
    assert session.power_kw == 0.0
    assert session.end_time == pytest.approx(charger.t)
    assert session.energy_added_kwh == pytest.approx(50 * 600 / 3600, rel=1e-6)
    charger.plug(False)
    assert charger.monitor.charging is not None  # unplugging does not hide it: driving does
    charger.drive(1, kmh=1.0)  # creeping in the car park
    assert charger.monitor.charging is not None
    charger.drive(5)
    assert charger.monitor.charging is None


def test_a_pause_without_unplugging_continues_the_session() -> None:
    charger = Charger()
    charger.plug()
    charger.charge(300, lambda s: 50.0)
    charger.stop()
    charger.t += 60
    charger.charge(300, lambda s: 50.0)
    session = charger.monitor.charging
    assert session is not None and session.active
    assert session.energy_added_kwh == pytest.approx(50 * 600 / 3600, rel=1e-6)  # nothing for the pause
    assert session.start_soc == pytest.approx(20.0)


def test_unplugging_and_charging_again_is_a_new_session() -> None:
    charger = Charger()
    charger.plug()
    charger.charge(300, lambda s: 50.0)
    charger.stop()
    charger.plug(False)
    charger.t += 60
    charger.plug()
    charger.charge(60, lambda s: 11.0)
    session = charger.monitor.charging
    assert session is not None
    assert session.energy_added_kwh == pytest.approx(11 * 60 / 3600, rel=1e-6)


def test_an_overnight_session_is_thinned_not_cut() -> None:
    charger = Charger(soc=10.0, target=100.0)
    charger.charge(4 * 3600, lambda s: 7.0, update_every=60)
    session = charger.monitor.charging
    assert session is not None
    assert len(session.points) <= MAX_POINTS
    assert session.points[0][0] == pytest.approx(session.start_time)
    assert session.points[-1][0] >= charger.t - 10
    assert session.energy_added_kwh == pytest.approx(7 * 4, rel=1e-6)
    assert all(not math.isnan(p[2]) for p in session.points)


def test_replay_loop_during_charging_starts_a_fresh_curve() -> None:
    charger = Charger()
    charger.charge(300, lambda s: 50.0)
    charger.t = 5000.0  # the log starts over
    charger.soc = 20.0
    charger.charge(100, lambda s: 50.0)
    session = charger.monitor.charging
    assert session is not None
    times = [p[0] for p in session.points]
    assert times == sorted(times)
    assert session.energy_added_kwh == pytest.approx(50 * 100 / 3600, rel=1e-6)
