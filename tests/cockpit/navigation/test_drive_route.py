"""The simulated car drives the route navigation hands it (what ``--cycle route`` does in the demo)."""

from __future__ import annotations

import numpy as np

from cockpit.navigation.builtin_town import grid_latlon
from cockpit.navigation.guidance import Guidance
from cockpit.navigation.navigator import Navigator
from cockpit.simulator.route import DEFAULT_LOOP, Route
from cockpit.simulator.setup import build_simulation


def test_default_loop_runs_on_the_towns_streets(town: Navigator) -> None:
    for lat, lon in DEFAULT_LOOP.points:
        assert town.graph.snap(lat, lon).distance_m < 1.0


def test_car_follows_the_route_to_the_destination(town: Navigator) -> None:
    sim = build_simulation("demo-bev", "route")
    car = sim.car
    for _ in range(500):  # 5 s on the default loop first
        car.step(0.01)
    lat, lon, _ = car.position()
    route = town.route((lat, lon), grid_latlon(16, 12))
    car.follow(Route([tuple(p) for p in route.points], route.speed_limits_kmh(town.graph)))
    guide = Guidance(route, town.graph.project)
    for _ in range(int(route.duration_s * 3 / 0.01 / 10)):
        for _ in range(10):
            car.step(0.01)
        progress = guide.update(*car.position()[:2])
        assert not progress.off_route
        if progress.arrived and car.gear == "P":
            break
    assert progress.arrived
    assert car.gear == "P"
    end = np.array(town.graph.project(*car.position()[:2])) - np.array(town.graph.project(*route.points[-1]))
    assert np.hypot(*end) < 5


def test_demo_loop_on_an_osm_map(monaco: Navigator) -> None:
    points, limits = monaco.demo_loop()
    assert len(limits) == len(points) - 1
    assert np.allclose(points[0], points[-1], atol=1e-6)  # a round trip the car can repeat
    assert all(monaco.on_map(lat, lon) for lat, lon in points[:: max(1, len(points) // 20)])
    loop = Route(points, limits, loop=True)
    assert 1000 < loop.total_m < 20_000
