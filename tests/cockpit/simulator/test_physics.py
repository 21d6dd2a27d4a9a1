"""Physics sanity of the simulated car, without a bus."""

import numpy as np
import pytest

from cockpit.simulator.battery import Battery, cell_ocv
from cockpit.simulator.body import BodyControl
from cockpit.simulator.drive_cycles import IdleCycle, make_cycle
from cockpit.simulator.faults import Faults
from cockpit.simulator.params import BatteryParams, RangeExtenderParams, SimParams, VehicleParams, sim_params
from cockpit.simulator.vehicle import SimulatedVehicle
from vehicle_bus.errors import InputError

BEV = sim_params({})


def drive_wltc(dt: float = 0.05) -> tuple[SimulatedVehicle, list[float], list[float]]:
    car = SimulatedVehicle(BEV, make_cycle("wltc"), soc=80.0)
    speeds, currents = [], []
    for _ in range(int(1800 / dt)):
        car.step(dt)
        speeds.append(car.speed_kmh)
        currents.append(car.battery.state.current)
    return car, speeds, currents


@pytest.fixture(scope="module")
def wltc_run():
    return drive_wltc()


def test_wltc_distance_and_top_speed(wltc_run) -> None:
    car, speeds, _ = wltc_run
    assert car.powertrain.state.distance / 1000 == pytest.approx(23.27, rel=0.02)
    assert max(speeds) == pytest.approx(131.3, abs=1.0)
    assert car.odometer_km - 12_408.3 == pytest.approx(23.27, rel=0.02)


def test_energy_from_the_pack_matches_the_soc_drop_through_the_ocv_curve(wltc_run) -> None:
    car, _, _ = wltc_run
    b = car.battery
    net_wh = b.state.energy_out_wh - b.state.energy_in_wh
    socs = np.linspace(b.state.soc, 80.0, 400)
    ocv_mean = float(np.mean([cell_ocv(s) for s in socs])) * b.p.cells_in_series
    expected_wh = b.capacity_ah * (80.0 - b.state.soc) / 100 * ocv_mean
    assert net_wh == pytest.approx(expected_wh, rel=0.02)
    # A plausible consumption for a large EV sedan on WLTC: 11–20 kWh/100 km.
    assert 11 <= net_wh / 1000 / 23.27 * 100 <= 20


def test_regeneration_recovers_energy_on_decelerations(wltc_run) -> None:
    car, speeds, currents = wltc_run
    assert car.battery.state.energy_in_wh > 500
    decel = [
        c for v0, v1, c in zip(speeds, speeds[1:], currents[1:], strict=False) if v1 < v0 - 0.02 and v1 > 20
    ]
    assert decel and np.median(decel) < 0  # current flows into the pack while slowing


def test_regen_level_zero_recovers_nothing_and_costs_energy() -> None:
    def run(level: int) -> float:
        car = SimulatedVehicle(BEV, make_cycle("wltc"), soc=80.0)
        car._set_regen(level)
        for _ in range(int(600 / 0.1)):
            car.step(0.1)
        return car.battery.state.energy_out_wh - car.battery.state.energy_in_wh

    assert run(0) > run(3) * 1.05


def test_dc_charging_tapers_so_80_percent_comes_later_than_a_linear_charge() -> None:
    car = SimulatedVehicle(BEV, IdleCycle(), soc=10.0)
    car.plug_in("DC", target_soc=100)
    dt, t, peak = 1.0, 0.0, 0.0
    while car.battery.state.soc < 80 and t < 7200:
        car.step(dt)
        t += dt
        peak = max(peak, car.charging.power_w)
    linear_s = BEV.battery.capacity_kwh * 0.70 / (BEV.battery.max_dc_charge_kw) * 3600
    assert peak == pytest.approx(BEV.battery.max_dc_charge_kw * 1000, rel=0.05)
    assert t > linear_s * 1.3
    assert car.charging.power_w < 0.5 * peak  # well into the taper at 80 %


def test_ac_charging_stops_at_the_target_soc() -> None:
    car = SimulatedVehicle(BEV, IdleCycle(), soc=88.0)
    car.plug_in("AC", target_soc=90)
    for _ in range(4 * 3600):
        car.step(1.0)
        if car.charging.state == "COMPLETE":
            break
    assert car.charging.state == "COMPLETE"
    assert 90.0 <= car.battery.state.soc < 90.2
    assert car.charging.power_w == 0.0


def test_pack_voltage_sags_under_load_and_stays_in_the_cell_window() -> None:
    b = Battery(BatteryParams(), soc=50)
    rest = b.ocv()
    b.step(200_000, 0.1)
    assert b.state.voltage < rest - 10
    assert 3.0 * 192 < b.state.voltage < 4.2 * 192
    assert b.state.current > 0


def test_range_extender_holds_the_soc_window_and_burns_fuel() -> None:
    params = SimParams(
        vehicle=VehicleParams(mass_kg=2500, max_motor_power_kw=330),
        battery=BatteryParams(
            capacity_kwh=50, nominal_voltage=380, cells_in_series=100, internal_resistance_ohm=0.09
        ),
        range_extender=RangeExtenderParams(generator_kw=100, fuel_tank_l=65, soc_low=20, soc_high=25),
    )
    car = SimulatedVehicle(params, make_cycle("route"), soc=21.0)
    fuel0 = car.range_extender.state.fuel_l
    socs = []
    for _ in range(int(1800 / 0.1)):
        car.step(0.1)
        socs.append(car.battery.state.soc)
    assert min(socs[3000:]) > 17 and max(socs) < 30
    assert car.range_extender.state.fuel_l < fuel0 - 0.5


def test_cabin_heats_towards_the_set_point_and_costs_more_in_the_cold() -> None:
    car = SimulatedVehicle(BEV, IdleCycle(), soc=80, outside_temp=-5.0)
    power = []
    for _ in range(900):
        car.step(1.0)
        power.append(car.climate.state.hvac_power_w)
    assert car.climate.state.cabin_temp == pytest.approx(22.0, abs=1.0)
    assert max(power) > 1500


def test_windows_move_at_a_real_speed_and_pinch_protection_refuses_closing() -> None:
    body = BodyControl()
    assert body.request("window:FL", 100.0, speed_kmh=0) is None
    for _ in range(20):  # 2 s
        body.step(0.1, 0)
    assert 35 < body.state.window_pos["FL"] < 60
    for _ in range(40):
        body.step(0.1, 0)
    assert body.state.window_pos["FL"] == 100.0
    body.state.pinch_fault["FL"] = True
    refusal = body.request("window:FL", 0.0, speed_kmh=0)
    assert refusal is not None and (refusal.request, refusal.reason) == ("WINDOW_FL", "PINCH_PROTECTION")
    assert "pinch" in str(refusal)


def test_tailgate_does_not_open_while_driving() -> None:
    body = BodyControl()
    assert "vehicle moving" in str(body.request("trunk", "OPEN", speed_kmh=30))
    assert body.request("trunk", "OPEN", speed_kmh=0) is None


def test_faults_change_what_the_car_reports() -> None:
    car = SimulatedVehicle(BEV, IdleCycle(), faults=Faults(["tyre-low-rl", "12v-low", "cell-imbalance"]))
    car.step(0.1)
    assert car.tyre_kpa["RL"] < 170 < car.tyre_kpa["FL"]
    assert car.lv_voltage < 11.8
    low, high = car.battery.cell_voltages()
    assert high - low > 0.1


def test_unknown_names_list_the_valid_ones() -> None:
    with pytest.raises(InputError, match="wltc"):
        make_cycle("nedc")
    with pytest.raises(InputError, match="tyre-low-fl"):
        Faults(["flat-tyre"])


def test_the_car_follows_a_route_handed_to_it_and_stops_at_its_end() -> None:
    from cockpit.simulator.route import Route, haversine_m

    # Monaco: Place du Casino down to the harbour, 30 then 50 km/h.
    route = Route(points=[(43.7394, 7.4275), (43.7368, 7.4231), (43.7352, 7.4210)], limits_kmh=[30, 50])
    car = SimulatedVehicle(BEV, route.drive_cycle(), route=route)
    top = 0.0
    for _ in range(int(240 / 0.05)):
        car.step(0.05)
        top = max(top, car.speed_kmh)
    lat, lon, heading = car.position()
    assert car.speed_kmh == 0.0
    assert haversine_m((lat, lon), route.points[-1]) < 15
    assert car.powertrain.state.distance == pytest.approx(route.total_m, abs=15)
    assert 45 < top <= 51  # reached the 50 km/h stretch, never above it
    assert 200 < heading < 260  # heading south-west, as the road goes


def test_gear_stays_in_drive_at_a_stop_and_parks_when_the_drive_is_over() -> None:
    car = SimulatedVehicle(BEV, make_cycle("wltc"))
    gears = set()
    for _ in range(int(60 / 0.1)):  # WLTC stands for its first 11 s, then drives
        car.step(0.1)
        gears.add((car.gear, car.speed_kmh == 0))
    assert ("D", True) in gears and ("D", False) in gears
    assert SimulatedVehicle(BEV, IdleCycle()).gear == "P"
