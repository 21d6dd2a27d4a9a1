"""Spoken guidance: what is said and when, on a real Monaco route driven by the simulated car, and at a
charging stop of a long trip."""

from __future__ import annotations

import dataclasses

import pytest

from cockpit.navigation.announce import NEAR_MIN_M, NOW_MIN_M, Announcer, Prompt, spoken_distance
from cockpit.navigation.guidance import Guidance
from cockpit.navigation.maneuvers import Maneuver
from cockpit.navigation.navigator import Navigator
from cockpit.simulator.route import Route as DriveRoute
from cockpit.simulator.setup import build_simulation

from .test_charging_plan import KM, LENGTH_KM, _corridor, _plan

HERMITAGE = (43.7384, 7.4246)
FONTVIEILLE = (43.7300, 7.4200)
STEP_S = 0.05


def _drive(nav: Navigator, start: tuple[float, float], end: tuple[float, float]):
    """The simulated car drives the route; every 0.2 s: (metres along, km/h, the prompt said or None)."""
    route = nav.route(start, end)
    car = build_simulation("demo-bev", "route").car
    car.follow(DriveRoute([tuple(p) for p in route.points], route.speed_limits_kmh(nav.graph)))
    guide, announcer = Guidance(route, nav.graph.project), Announcer(route.maneuvers)
    heard: list[tuple[float, float, Prompt]] = []
    for _ in range(int(route.duration_s * 4 / 0.2)):
        for _ in range(round(0.2 / STEP_S)):
            car.step(STEP_S)
        progress = guide.update(*car.position()[:2])
        assert not progress.off_route
        prompt = announcer.update(progress.along_m, car.speed_kmh)
        if prompt is not None:
            heard.append((progress.along_m, car.speed_kmh, prompt))
        if progress.arrived and car.gear == "P":
            break
    return route, heard


@pytest.fixture(scope="module")
def monaco_drive(monaco: Navigator):
    return _drive(monaco, HERMITAGE, FONTVIEILLE)


def test_every_maneuver_is_announced_in_time_and_once(monaco_drive) -> None:
    route, heard = monaco_drive
    steps = [m for m in route.maneuvers if m.type != "depart"]
    said = [(id(p.maneuver), p.stage) for _, _, p in heard]
    assert len(said) == len(set(said)), "a prompt was said twice"
    told = {id(p.maneuver) for _, _, p in heard if p.stage == "now"}
    told |= {id(p.then) for _, _, p in heard if p.then is not None}
    assert told == {id(m) for m in steps}, "a maneuver was never announced"
    for along, _, p in heard:
        assert along < p.maneuver.at_m, f"{p} said after the car passed it"
    assert heard[-1][2].maneuver.type == "arrive" and heard[-1][2].stage == "now"
    assert sum(p.stage == "near" for _, _, p in heard) >= 3  # most turns are heard of in advance


def test_distances_follow_the_speed_and_are_said_rounded(monaco_drive) -> None:
    _, heard = monaco_drive
    for along, kmh, p in heard:
        to_go = p.maneuver.at_m - along
        v = max(kmh, 30.0) / 3.6
        if p.stage == "near":
            # Said between "now" and "near" distances for this speed (plus one fix of driving).
            assert max(NOW_MIN_M, v * 6) < to_go <= max(NEAR_MIN_M, v * 20) + v * 0.2 + 1
            assert p.distance_m == spoken_distance(to_go) and p.distance_m % 50 == 0
        if p.stage == "now":
            assert to_go <= max(NOW_MIN_M, v * 6) + v * 0.2 + 1 and p.distance_m == 0


def _straight(at_m: float, kind: str = "turn") -> Maneuver:
    return Maneuver(kind, "left", "Rue X", at_m, 0.0, 0.0)


def _prompts(steps: list[Maneuver], kmh: float, until_m: float) -> list[tuple[float, Prompt]]:
    announcer = Announcer(steps)
    out = []
    for along in range(0, int(until_m), 5):
        p = announcer.update(float(along), kmh)
        if p is not None:
            out.append((float(along), p))
    return out


def test_faster_means_earlier_and_a_far_prompt_only_at_road_speeds() -> None:
    steps = [_straight(5000.0), _straight(9000.0, "arrive")]
    town = _prompts(steps, 50.0, 5000)
    motorway = _prompts(steps, 110.0, 5000)
    assert [p.stage for _, p in town] == ["near", "now"]
    assert [p.stage for _, p in motorway] == ["far", "near", "now"]
    near_town = next(5000 - a for a, p in town if p.stage == "near")
    near_motorway = next(5000 - a for a, p in motorway if p.stage == "near")
    assert near_motorway > 2 * near_town
    far = next(p for _, p in motorway if p.stage == "far")
    assert far.distance_m in (1500.0, 2000.0)


def test_a_maneuver_right_after_another_is_said_with_it() -> None:
    steps = [_straight(1000.0), dataclasses.replace(_straight(1060.0), modifier="right")]
    prompts = _prompts(steps, 50.0, 1060)
    # "Turn left, then turn right", and the second said again as it comes (no "in 50 metres" between).
    assert [(p.stage, p.then is not None) for _, p in prompts] == [
        ("near", False),
        ("now", True),
        ("now", False),
    ]
    assert prompts[1][1].then.modifier == "right" and prompts[2][1].maneuver.modifier == "right"


def test_a_late_start_hears_only_the_latest_stage() -> None:
    announcer = Announcer([_straight(30.0)])
    first = announcer.update(0.0, 40.0)
    assert first is not None and first.stage == "now"
    assert announcer.update(5.0, 40.0) is None


def test_the_charging_stop_is_announced_with_what_to_do_there() -> None:
    import dataclasses as dc

    from cockpit.navigation.energy import EnergyModel
    from cockpit.simulator.params import sim_params
    from cockpit.vehicle_profile import load_profile

    model = dc.replace(
        EnergyModel.from_params(sim_params(load_profile("demo-bev").settings)), capacity_kwh=25.0
    )
    plan = _plan(_corridor(), model, soc=80)
    assert plan.route is not None and len(plan.stops) >= 2
    announcer = Announcer(plan.route.maneuvers, plan.stops)
    at_stops = []
    for along in range(0, LENGTH_KM * int(KM), 20):
        p = announcer.update(float(along), 110.0)
        if p is not None and p.stop is not None:
            at_stops.append(p)
    assert [p.stop for p in at_stops] == plan.stops
    assert all(p.stage == "now" and p.maneuver.waypoint == p.stop.name for p in at_stops)
    assert all(p.stop.charge_min > 0 and p.stop.target_soc > p.stop.arrival_soc for p in at_stops)
