"""Charging and swap planning on a generated 320 km motorway corridor with chargers and swap stations."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from cockpit.navigation.charging_plan import SWAP_MIN, SWAP_SOC
from cockpit.navigation.energy import CHARGE_MARGIN_SOC, MAX_CHARGE_TARGET, EnergyModel, EnergyPlan
from cockpit.navigation.navigator import Navigator
from cockpit.simulator.params import sim_params
from cockpit.vehicle_profile import load_profile

from .small_maps import at, small_map

KM = 1000.0
LENGTH_KM = 320
CHARGERS_KM = (40, 80, 120, 160, 200, 240, 280)
SWAPS_KM = (100, 210)
RESERVE = 10.0


def _corridor(destination_charger: bool = False) -> Navigator:
    road = [{"pts": [(k * 2 * KM, 0.0) for k in range(LENGTH_KM // 2 + 1)], "name": "A7", "speed": 110}]
    spurs, pois = [], []
    for km in CHARGERS_KM:
        spurs.append({"pts": [(km * KM, 0.0), (km * KM, 300.0)], "name": f"Aire {km}"})
        tags = {"socket:type2_combo": "4", "socket:type2_combo:output": "150 kW"}
        pois.append({"at": (km * KM, 300.0), "category": "charging", "name": f"Charger {km}", "tags": tags})
    for km in SWAPS_KM:
        spurs.append({"pts": [(km * KM, 0.0), (km * KM, -300.0)], "name": f"Swap road {km}"})
        pois.append({"at": (km * KM, -300.0), "category": "swap", "name": f"Power Swap {km}"})
    if destination_charger:
        pois.append({"at": (LENGTH_KM * KM, 0.0), "category": "charging", "name": "Home charger", "tags": {}})
    return small_map(road + spurs, pois=pois)


@pytest.fixture(scope="module")
def model() -> EnergyModel:
    return EnergyModel.from_params(sim_params(load_profile("demo-bev").settings))


@pytest.fixture(scope="module")
def small_battery(model: EnergyModel) -> EnergyModel:
    """The demo car with a 25 kWh battery: 320 km take more than a full charge, so several stops."""
    return dataclasses.replace(model, capacity_kwh=25.0)


@pytest.fixture(scope="module")
def corridor() -> Navigator:
    return _corridor()


def _plan(nav: Navigator, model: EnergyModel, soc: float, swap: bool = False) -> EnergyPlan:
    route = nav.route(at(0, 0), at(LENGTH_KM * KM, 0))
    return nav.energy_plan(route, model, soc, reserve=RESERVE, can_swap=swap)


def _all_socs(plan: EnergyPlan) -> list[float]:
    socs = [plan.arrival_soc]
    for s in plan.stops:
        socs += [s.arrival_soc, s.target_soc, s.final_soc]
    return socs


def test_a_long_trip_gets_several_stops_each_charging_to_what_the_next_leg_needs(
    corridor: Navigator, small_battery: EnergyModel
) -> None:
    plan = _plan(corridor, small_battery, soc=30)
    assert not plan.unreachable and len(plan.stops) >= 2, plan
    assert all(s >= RESERVE - 0.5 for s in _all_socs(plan)), _all_socs(plan)
    assert [s.at_m for s in plan.stops] == sorted(s.at_m for s in plan.stops)
    assert all(s.target_soc <= MAX_CHARGE_TARGET and s.charge_min > 0 and not s.swap for s in plan.stops)
    # The last stop charges for the rest of the trip plus the reserve, not to 90 %.
    assert plan.arrival_soc <= RESERVE + CHARGE_MARGIN_SOC + 1.0
    # The stops are via points of the planned route, with their own arrival step.
    route = plan.route
    assert route is not None and route.distance_m > LENGTH_KM * KM
    for stop in plan.stops:
        near = np.hypot(route.points[:, 0] - stop.lat, route.points[:, 1] - stop.lon).min()
        assert near < 1e-4
        assert any(m.type == "arrive" and m.waypoint == stop.name for m in route.maneuvers)
    assert route.duration_s > sum(s.charge_min for s in plan.stops) * 60


def test_swapping_is_planned_when_the_car_swaps_and_it_is_faster(
    corridor: Navigator, model: EnergyModel
) -> None:
    charge = _plan(corridor, model, soc=40)
    swap = _plan(corridor, model, soc=40, swap=True)
    swaps = [s for s in swap.stops if s.swap]
    assert swaps and all(s.target_soc >= SWAP_SOC - 1e-6 and s.charge_min == SWAP_MIN for s in swaps)
    assert sum(s.charge_min for s in swap.stops) < sum(s.charge_min for s in charge.stops)
    assert all(s >= RESERVE - 0.5 for s in _all_socs(swap))


def test_a_destination_with_a_charger_needs_no_stop_for_the_reserve(model: EnergyModel) -> None:
    plain, home = _corridor(), _corridor(destination_charger=True)
    route = plain.route(at(0, 0), at(LENGTH_KM * KM, 0))
    need = 100 - plain.energy_plan(route, model, 100).arrival_soc
    soc = need + RESERVE / 2  # arrives with half the reserve
    assert plain.energy_plan(route, model, soc, reserve=RESERVE).stops
    assert not home.energy_plan(
        home.route(at(0, 0), at(LENGTH_KM * KM, 0)), model, soc, reserve=RESERVE
    ).stops


def test_unreachable_says_why_and_shows_no_negative_soc(corridor: Navigator, model: EnergyModel) -> None:
    plan = _plan(corridor, model, soc=3)
    assert plan.unreachable and "cannot be reached" in plan.unreachable
    assert plan.arrival_soc == 0.0 and not plan.stops
