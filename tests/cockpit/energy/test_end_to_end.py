"""The trip computer against the simulator's own ground truth: real ECUs, frames, decoder, store."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from cockpit.energy import EnergyMonitor, TripStats
from cockpit.simulator.runner import SimulationRunner
from cockpit.simulator.setup import Simulation, build_simulation
from cockpit.state_store import StateStore
from cockpit.vehicle_data import load_vehicle_data

STEPS = 60_000  # 600 s of simulation at 10 ms


@dataclass
class Run:
    sim: Simulation
    monitor: EnergyMonitor
    at_reset: TripStats


def drive(kind: str, soc: float | None = None) -> Run:
    sim = build_simulation(kind, "wltc", soc=soc)
    vehicle = load_vehicle_data(f"demo-{kind}")
    store = StateStore(units=vehicle.units())
    decoder = vehicle.decoder()
    monitor = EnergyMonitor(store, sim.car.params.battery.capacity_kwh)
    runner = SimulationRunner(sim.network, fast=True)
    at_reset = TripStats()
    for step in range(STEPS):
        for frame in runner.step():
            decoder.feed(frame.arbitration_id, frame.data, frame.timestamp, store.update)
        if step % 10 == 0:  # a 100 ms tick of signal time
            monitor.update()
        if step == STEPS // 2:
            monitor.reset_trip()
            at_reset = monitor.since_start
    monitor.update()
    return Run(sim, monitor, at_reset)


@pytest.fixture(scope="module")
def bev() -> Run:
    return drive("bev")


@pytest.mark.slow
def test_distance_and_energy_match_the_simulated_car(bev: Run) -> None:
    stats = bev.monitor.since_start
    truth_km = bev.sim.car.powertrain.state.distance / 1000
    battery = bev.sim.car.battery.state
    truth_kwh = (battery.energy_out_wh - battery.energy_in_wh) / 1000
    assert truth_km > 3.0  # the WLTC's low phase really was driven
    assert stats.distance_km == pytest.approx(truth_km, rel=0.02)
    assert stats.energy_kwh == pytest.approx(truth_kwh, rel=0.05)
    # No charger and no generator on this run: all the energy that went into the pack is regeneration.
    assert stats.regenerated_kwh > 0
    assert stats.regenerated_kwh == pytest.approx(battery.energy_in_wh / 1000, rel=0.05)
    assert stats.duration_s == pytest.approx(600.0, abs=1.0)
    assert bev.monitor.distance_source == "odometer+speed"


@pytest.mark.slow
def test_trip_reset_mid_run_and_consumption_bins_add_up(bev: Run) -> None:
    stats, trip = bev.monitor.since_start, bev.monitor.trip
    assert trip.distance_km == pytest.approx(stats.distance_km - bev.at_reset.distance_km)
    assert trip.energy_kwh == pytest.approx(stats.energy_kwh - bev.at_reset.energy_kwh)
    assert 0 < trip.distance_km < stats.distance_km
    bins = bev.monitor.consumption_bins
    assert len(bins) == int(stats.distance_km)
    # The bins and the partial one together account for all the energy and distance driven.
    partial = bev.monitor.current_bin
    edges = [0.0] + [km for km, _ in bins] + ([partial[0]] if partial else [])
    whs = [wh for _, wh in bins] + ([partial[1]] if partial else [])
    total_wh = sum(wh * (b - a) for wh, a, b in zip(whs, edges[:-1], edges[1:], strict=True))
    assert total_wh == pytest.approx(stats.consumed_kwh * 1000, rel=1e-6)


@pytest.mark.slow
def test_erev_generator_energy_matches_the_fuel_burnt() -> None:
    run = drive("erev", soc=21.0)
    rex = run.sim.car.range_extender
    assert rex is not None
    # The range extender keeps no energy count, but it burns fuel_l_per_kwh for each kWh it delivers.
    fuel_burnt_l = rex.p.fuel_tank_l * 0.7 - rex.state.fuel_l  # it starts 70 % full
    truth_kwh = fuel_burnt_l / rex.p.fuel_l_per_kwh
    stats = run.monitor.since_start
    assert truth_kwh > 1.0  # the range extender did run
    assert stats.generator_kwh == pytest.approx(truth_kwh, rel=0.05)
    # The pack was charged by the generator, and that is not counted as regeneration.
    battery = run.sim.car.battery.state
    assert stats.regenerated_kwh < 0.2 * battery.energy_in_wh / 1000
    assert stats.distance_km == pytest.approx(run.sim.car.powertrain.state.distance / 1000, rel=0.02)
    ranges = run.monitor.ranges()
    assert ranges.electric_km is not None and ranges.fuel_km is not None
    assert ranges.total_km == pytest.approx(ranges.electric_km + ranges.fuel_km)
