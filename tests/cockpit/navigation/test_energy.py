from __future__ import annotations

import numpy as np
import pytest

from cockpit.navigation.builtin_town import grid_latlon
from cockpit.navigation.energy import EnergyModel, charge_minutes, charger_power
from cockpit.navigation.navigator import Navigator
from cockpit.simulator.params import sim_params
from cockpit.vehicle_profile import load_profile


@pytest.fixture(scope="module")
def model() -> EnergyModel:
    return EnergyModel.from_params(sim_params(load_profile("demo-bev").settings))


def test_consumption_rises_with_speed(model: EnergyModel) -> None:
    per_km = [model.cruise_wh(np.array([1000.0]), np.array([v])) for v in (30, 60, 120)]
    assert per_km[0] < per_km[1] < per_km[2]
    assert 80 < per_km[1] < 200  # Wh/km of a large sedan at 50 km/h


def test_arrival_soc_and_no_stop_with_charge_to_spare(town: Navigator, model: EnergyModel) -> None:
    route = town.route(grid_latlon(2, 2), grid_latlon(18, 18))
    plan = town.energy_plan(route, model, soc=80)
    assert 79 < plan.arrival_soc < 80
    assert plan.stop is None


def test_low_battery_suggests_a_charging_stop(town: Navigator, model: EnergyModel) -> None:
    # (18, 18) has a charger: arriving there low is fine (no stop); (17, 17) has none.
    assert not town.energy_plan(town.route(grid_latlon(2, 2), grid_latlon(18, 18)), model, 10.2).stops
    route = town.route(grid_latlon(2, 2), grid_latlon(17, 17))
    plan = town.energy_plan(route, model, soc=10.2, reserve=10.0)
    assert plan.needs_charge
    stop = plan.stop
    assert stop is not None and stop.charge_min > 0
    assert stop.target_soc > stop.arrival_soc
    assert stop.final_soc >= 10.0  # arrives above the reserve after charging


def test_charger_power_from_tags_and_curve(model: EnergyModel) -> None:
    assert charger_power({"socket:gb_dc": "2", "socket:gb_dc:output": "120 kW"}) == (120.0, True)
    assert charger_power({"socket:type2": "2"})[1] is False
    dc = charge_minutes(model, 10, 80, 400, dc=True)
    ac = charge_minutes(model, 10, 80, 22, dc=False)
    assert 10 < dc < 40 and ac > 5 * dc  # 101 kWh: ~70 kWh on a 7 kW on-board charger takes ~10 h
    # The taper: the last 10 % take longer than 10 % at low charge.
    assert charge_minutes(model, 80, 90, 400, True) > 2 * charge_minutes(model, 20, 30, 400, True)
