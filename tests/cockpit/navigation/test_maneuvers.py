"""Steps a driver can follow (OSRM's rules): on small maps built here, and on many routes across Monaco."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest

from cockpit.navigation.maneuvers import COLLAPSE_M, STRAIGHT_DEG, signed_turn
from cockpit.navigation.navigator import Navigator
from cockpit.navigation.routing import NoRouteError

from .small_maps import LAT0, LON0, M_LON, at, small_map


def _steps(nav: Navigator, a: tuple[float, float], b: tuple[float, float]) -> list:
    return nav.route(at(*a), at(*b)).maneuvers[1:-1]


def test_a_road_that_bends_at_a_junction_makes_no_step() -> None:
    # Main Street bends 25° where a side street leaves at right angles: the driver just drives on.
    nav = small_map(
        [
            {"pts": [(0, 0), (400, 0)], "name": "Main Street"},
            {"pts": [(400, 0), (400 + 400 * math.cos(0.44), 400 * math.sin(0.44))], "name": "Main Street"},
            {"pts": [(400, 0), (400, -300)], "name": "Side Street"},
        ]
    )
    assert _steps(nav, (50, 0), (700, 120)) == []
    turn = _steps(nav, (50, 0), (400, -250))
    assert [(m.type, m.modifier, m.street) for m in turn] == [("turn", "right", "Side Street")]


def test_straight_on_into_a_new_name_and_a_ref_where_there_is_no_name() -> None:
    nav = small_map(
        [
            {"pts": [(0, 0), (300, 0)], "name": "Quai Nord"},
            {"pts": [(300, 0), (600, 10)], "ref": "D6007"},
            {"pts": [(300, 0), (300, 300)], "name": "Rue Haute"},
        ]
    )
    (step,) = _steps(nav, (20, 0), (580, 9))
    assert (step.type, step.modifier, step.street, step.ref) == ("new name", "straight", "D6007", "D6007")
    assert step.as_json()["location"] == pytest.approx({"lat": LAT0, "lon": LON0 + 300 * M_LON}, abs=1e-6)
    assert step.bearing_before == pytest.approx(90, abs=2) and step.bearing_after == pytest.approx(88, abs=2)


def test_fork_says_which_side_to_keep() -> None:
    nav = small_map(
        [
            {"pts": [(0, 0), (300, 0)], "name": "A8"},
            {"pts": [(300, 0), (600, 60)], "name": "A8"},
            {"pts": [(300, 0), (600, -60)], "name": "Sortie Nice"},
        ]
    )
    (left,) = _steps(nav, (20, 0), (590, 58))
    (right,) = _steps(nav, (20, 0), (590, -58))
    assert (left.type, left.modifier) == ("keep", "left")
    assert (right.type, right.modifier, right.street) == ("keep", "right", "Sortie Nice")


def test_crossing_a_divided_road_is_one_turn_not_two() -> None:
    # Two carriageways of Boulevard Est 12 m apart: turning left onto the far one crosses the near one.
    nav = small_map(
        [
            {"pts": [(0, 0), (300, 0)], "name": "Rue Ouest"},
            {"pts": [(300, 0), (312, 0)], "name": ""},
            {"pts": [(300, 300), (300, 0), (300, -300)], "name": "Boulevard Est", "oneway": 1},
            {"pts": [(312, -300), (312, 0), (312, 300)], "name": "Boulevard Est", "oneway": 1},
        ]
    )
    steps = _steps(nav, (20, 0), (312, 250))
    assert [(m.type, m.modifier, m.street) for m in steps] == [("turn", "left", "Boulevard Est")]
    assert steps[0].at_m == pytest.approx(280, abs=2)


def test_lane_hints_from_turn_lanes() -> None:
    nav = small_map(
        [
            {
                "pts": [(0, 0), (300, 0)],
                "name": "Avenue",
                "oneway": 1,
                "lanes": ["left|through|through;right", ""],
            },
            {"pts": [(300, 0), (600, 0)], "name": "Avenue"},
            {"pts": [(300, 0), (300, 300)], "name": "Nord"},
            {"pts": [(300, 0), (300, -300)], "name": "Sud"},
        ]
    )
    (left,) = _steps(nav, (20, 0), (300, 250))
    assert [lane["valid"] for lane in left.lanes] == [True, False, False]
    (right,) = _steps(nav, (20, 0), (300, -250))
    assert right.as_json()["lanes"] == [
        {"indications": ["left"], "valid": False},
        {"indications": ["through"], "valid": False},
        {"indications": ["through", "right"], "valid": True},
    ]


def test_monaco_steps_are_clean(monaco: Navigator) -> None:
    """The faults the issue found on a real extract, over 40 random routes."""
    g = monaco.graph
    rng = random.Random(7)
    vertices = g.node_of_vertex
    checked = 0
    for _ in range(40):
        a, b = (int(vertices[rng.randrange(len(vertices))]) for _ in range(2))
        try:
            route = monaco.route(
                (g.data.node_lat[a], g.data.node_lon[a]), (g.data.node_lat[b], g.data.node_lon[b])
            )
        except NoRouteError:
            continue  # a car park's island: not what this test is about
        ms = route.maneuvers
        assert sum(m.distance_m for m in ms) == pytest.approx(route.distance_m, abs=0.5)
        for before, m in itertools.pairwise(ms):
            if m.type == "arrive":
                continue
            checked += 1
            assert m.distance_m > 1.0, f"zero-length step {m}"
            assert (
                m.street != before.street
                or abs(signed_turn(m.bearing_before, m.bearing_after)) >= (STRAIGHT_DEG)
                or m.type in ("keep", "roundabout")
            ), f"a step onto the road already driven: {m}"
            assert not (
                m.at_m - before.at_m < COLLAPSE_M
                and (m.type, m.modifier, m.street) == (before.type, before.modifier, before.street)
            ), f"duplicate step {m}"
            near = np.hypot(route.points[:, 0] - m.lat, (route.points[:, 1] - m.lon) * 0.72).min()
            assert near < 2e-5, "the step's location is on the route"
            assert 0 <= m.bearing_before < 360 and 0 <= m.bearing_after < 360
    assert checked > 100


def test_cli_text_names_the_lanes() -> None:
    from cockpit.navigation.maneuvers import describe

    nav = small_map(
        [
            {"pts": [(0, 0), (300, 0)], "name": "Avenue", "oneway": 1, "lanes": ["left|left|through", ""]},
            {"pts": [(300, 0), (600, 0)], "name": "Avenue"},
            {"pts": [(300, 0), (300, 300)], "name": "Nord"},
        ]
    )
    (left,) = _steps(nav, (20, 0), (300, 250))
    assert describe(left) == "Turn left onto Nord (lane 1, 2 of 3 from the left)"
