"""Power flow, ranges, the EREV's generator, and a car that maps far fewer signals (the Kona)."""

from __future__ import annotations

import pytest

from cockpit.energy import EnergyMonitor
from cockpit.energy.monitor import (
    BATTERY_CURRENT,
    BATTERY_POWER,
    BATTERY_RANGE,
    BATTERY_VOLTAGE,
    CHARGER_POWER,
    CLIMATE_POWER,
    FUEL_RANGE,
    GENERATOR_POWER,
    MOTOR_POWER,
    ODOMETER,
    SPEED,
    TOTAL_RANGE,
)
from cockpit.energy.power_flow import build_power_flow
from cockpit.state_store import StateStore
from cockpit.vehicle_data import load_vehicle_data


@pytest.fixture(scope="module")
def erev_units() -> dict[str, str | None]:
    # The units the demo EREV's mapping declares: motor power in kW, every other power in W, ranges in m.
    return load_vehicle_data("demo-erev").units()


def feed(store: StateStore, monitor: EnergyMonitor, t0: float, seconds: float, values: dict) -> float:
    """Hold ``values`` (path → value) for ``seconds`` at 10 Hz, samples at both ends; returns the end time."""
    n = round(seconds * 10)
    for k in range(n + 1):
        for path, value in values.items():
            store.update(path, value, t0 + k / 10)
        monitor.update()
    return t0 + n / 10


def test_mapping_units_are_what_the_monitor_converts(erev_units) -> None:
    assert erev_units[MOTOR_POWER] == "kW"
    assert erev_units[BATTERY_POWER] == erev_units[GENERATOR_POWER] == erev_units[CLIMATE_POWER] == "W"
    assert erev_units[BATTERY_RANGE] == erev_units[FUEL_RANGE] == "m"


def test_erev_generator_flow_energy_and_regen(erev_units) -> None:
    store = StateStore(units=erev_units)
    monitor = EnergyMonitor(store, 52.3)
    driving = {
        SPEED: 60.0,
        BATTERY_POWER: -72_000.0,  # the generator charges the pack while driving
        MOTOR_POWER: 25,  # kW, as the mapping reports it
        CLIMATE_POWER: 1_000.0,
        GENERATOR_POWER: 100_000.0,
        CHARGER_POWER: 0.0,
        BATTERY_RANGE: 80_000,
        FUEL_RANGE: 600_000,
    }
    t = feed(store, monitor, 0.0, 300, driving)

    flow = monitor.power_flow()
    assert flow.generator_kw == pytest.approx(100.0)
    assert flow.battery_kw == pytest.approx(-72.0)
    assert flow.motor_kw == pytest.approx(25.0)
    assert flow.climate_kw == pytest.approx(1.0)
    assert flow.auxiliary_kw == pytest.approx(2.0)  # −72 + 100 − 25 − 1
    assert flow.generator_active and flow.battery_active and flow.motor_active and flow.auxiliary_active
    assert not flow.charger_active
    assert flow.is_battery_charging and not flow.is_regenerating

    stats = monitor.since_start
    assert stats.generator_kwh == pytest.approx(100 * 300 / 3600, rel=1e-6)
    assert stats.energy_kwh == pytest.approx(-72 * 300 / 3600, rel=1e-6)
    # The pack was charging, but by the generator: no regeneration.
    assert stats.regenerated_kwh == 0.0
    # Consumption counts what the car used, whichever source fed it: 28 kW at 60 km/h.
    assert stats.average_wh_per_km == pytest.approx(28 * 1000 / 60, rel=1e-3)

    ranges = monitor.ranges()
    assert (ranges.electric_km, ranges.fuel_km, ranges.total_km) == (80.0, 600.0, 680.0)

    # Braking with the generator still running: only what exceeds its output is the motor's.
    feed(store, monitor, t, 20, {**driving, SPEED: 40.0, BATTERY_POWER: -130_000.0, MOTOR_POWER: -30})
    assert monitor.since_start.regenerated_kwh == pytest.approx(30 * 20 / 3600, rel=1e-6)
    assert monitor.power_flow().is_regenerating


def test_bev_power_flow_and_auxiliary_clamp() -> None:
    units = load_vehicle_data("demo-bev").units()
    store = StateStore(units=units)
    monitor = EnergyMonitor(store, 101.0)
    feed(store, monitor, 0.0, 2, {BATTERY_POWER: 31_500.0, MOTOR_POWER: 28, CLIMATE_POWER: 2_500.0})
    flow = monitor.power_flow()
    assert flow.generator_kw is None  # a BEV has no range extender: no generator in the picture
    assert flow.charger_kw is None
    assert flow.auxiliary_kw == pytest.approx(1.0)
    # Regenerating harder than the pack takes in (the shaft figure is mechanical, quantised): never < 0.
    feed(store, monitor, 2.0, 2, {BATTERY_POWER: -20_000.0, MOTOR_POWER: -22, CLIMATE_POWER: 2_500.0})
    flow = monitor.power_flow()
    assert flow.auxiliary_kw == 0.0
    assert not flow.auxiliary_active
    assert flow.is_regenerating


def test_power_flow_builder_leaves_auxiliaries_out_without_a_motor_figure() -> None:
    flow = build_power_flow(battery_kw=30.0, motor_kw=None, climate_kw=1.0)
    assert flow.auxiliary_kw is None
    assert flow.battery_active and not flow.motor_active
    idle = build_power_flow(battery_kw=0.05, motor_kw=0.0, climate_kw=0.0, charger_kw=0.0)
    assert not any((idle.battery_active, idle.motor_active, idle.charger_active, idle.auxiliary_active))


def test_stale_values_are_not_shown_as_current_flows(erev_units) -> None:
    store = StateStore(units=erev_units)
    monitor = EnergyMonitor(store, 52.3)
    store.update(CLIMATE_POWER, 3_000.0, 0.0)
    feed(store, monitor, 0.0, 10, {BATTERY_POWER: 5_000.0, MOTOR_POWER: 3})
    assert monitor.power_flow().climate_kw is None  # last heard of 10 s ago


def test_a_car_with_few_signals_still_gets_a_trip_computer() -> None:
    # What the Kona's mapping gives: pack voltage and current (no power), speed, odometer, overall range.
    units = load_vehicle_data("kona-ev").units()
    assert BATTERY_POWER not in units and MOTOR_POWER not in units
    store = StateStore(units=units)
    monitor = EnergyMonitor(store, None)
    t = 0.0
    for k in range(3601):  # 360 s at 60 km/h, 356 V × 56.2 A ≈ 20 kW
        t = k / 10
        store.update(BATTERY_VOLTAGE, 356.0, t)
        store.update(BATTERY_CURRENT, 56.18, t)
        store.update(SPEED, 60.0, t)
        store.update(TOTAL_RANGE, 250_000, t)
        if k % 10 == 0:
            store.update(ODOMETER, 1000.0 + int(k / 10 * 60 / 3600 * 10) / 10, t)
        monitor.update()
    stats = monitor.since_start
    assert stats.distance_km == pytest.approx(6.0, abs=0.02)
    assert stats.energy_kwh == pytest.approx(356.0 * 56.18 / 1000 * 0.1, rel=1e-6)
    assert stats.average_wh_per_km == pytest.approx(333.3, rel=0.01)
    flow = monitor.power_flow()
    assert flow.battery_kw == pytest.approx(20.0, abs=0.01)
    assert flow.motor_kw is None and flow.auxiliary_kw is None and flow.generator_kw is None
    ranges = monitor.ranges()
    assert ranges.electric_km == ranges.total_km == 250.0
    assert ranges.fuel_km is None
    assert monitor.charging is None


def test_nothing_mapped_gives_no_figures_and_no_errors() -> None:
    store = StateStore()
    monitor = EnergyMonitor(store, None)
    store.update("Vehicle.Cabin.Door.Row1.DriverSide.IsOpen", True, 1.0)
    monitor.update()
    assert monitor.since_start.distance_km == 0.0
    assert monitor.since_start.average_wh_per_km is None
    assert monitor.distance_source is None
    assert monitor.power_flow().battery_kw is None
    assert monitor.ranges().electric_km is None and monitor.ranges().total_km is None
    assert monitor.consumption_bins == [] and monitor.current_bin is None
    assert monitor.charging is None
