from __future__ import annotations

import itertools

import numpy as np
import pytest

from cockpit.navigation.builtin_town import generate_town, grid_latlon
from cockpit.navigation.navigator import Navigator
from cockpit.navigation.routing import NoRouteError, Route
from vehicle_bus.errors import InputError

from .small_maps import at, small_map

HERMITAGE = (43.7384, 7.4246)
FONTVIEILLE = (43.7300, 7.4200)
MANEUVER_TYPES = {"depart", "turn", "keep", "new name", "roundabout", "arrive"}


def _obeys_one_ways(nav: Navigator, route: Route) -> bool:
    g = nav.graph
    for piece in route.pieces:
        forward = piece.b_m >= piece.a_m
        if piece.length_m > 0.01 and g.chain_oneway[piece.chain] == (-1 if forward else 1):
            return False
    return True


def _random_points(nav: Navigator, n: int, seed: int) -> list[tuple[float, float]]:
    rng = np.random.default_rng(seed)
    d = nav.data
    idx = rng.integers(0, len(d.node_lat), n)
    return [(float(d.node_lat[i]), float(d.node_lon[i])) for i in idx]


def test_monaco_route_is_continuous_and_obeys_one_ways(monaco: Navigator) -> None:
    route = monaco.route(HERMITAGE, FONTVIEILLE)
    assert 1500 < route.distance_m < 4000
    assert 60 < route.duration_s < 600
    assert _obeys_one_ways(monaco, route)
    x, y = monaco.graph.project(route.points[:, 0], route.points[:, 1])
    assert np.hypot(np.diff(x), np.diff(y)).max() < 300  # no jumps between pieces


def test_many_random_routes_obey_one_ways(monaco: Navigator) -> None:
    points = _random_points(monaco, 24, seed=7)
    routed = 0
    for a, b in itertools.pairwise(points):
        try:
            route = monaco.route(a, b)
        except NoRouteError:
            continue
        routed += 1
        assert _obeys_one_ways(monaco, route)
    assert routed >= 18


def test_one_way_street_is_not_driven_backwards(monaco: Navigator) -> None:
    g = monaco.graph
    # A long one-way chain in the main network: from its end back to its start must go round the block.
    chains = np.flatnonzero((g.chain_oneway == 1) & g.in_main & (g.chain_len > 150))
    c = int(chains[np.argmax(g.chain_len[chains])])
    near_start = g.chain_points(c, 20.0, 20.0)[0]
    near_end = g.chain_points(c, g.chain_len[c] - 20, g.chain_len[c] - 20)[0]
    forward = monaco.route(near_start, near_end)
    backward = monaco.route(near_end, near_start)
    assert forward.distance_m == pytest.approx(g.chain_len[c] - 40, abs=1.0)
    assert backward.distance_m > forward.distance_m + 50
    assert _obeys_one_ways(monaco, backward)


def test_maneuvers_in_order_and_sum_to_route_length(monaco: Navigator) -> None:
    route = monaco.route(HERMITAGE, FONTVIEILLE)
    ms = route.maneuvers
    assert ms[0].type == "depart" and ms[-1].type == "arrive"
    assert {m.type for m in ms} <= MANEUVER_TYPES
    assert [m.at_m for m in ms] == sorted(m.at_m for m in ms)
    assert sum(m.distance_m for m in ms) == pytest.approx(route.distance_m, abs=0.5)
    turns = [m for m in ms if m.type == "turn"]
    assert turns and all(m.modifier for m in turns)
    assert any(m.type == "roundabout" and m.exit and m.exit >= 1 for m in ms)
    assert sum(1 for m in ms if m.street) >= len(ms) - 2


def test_destination_off_the_road_network(monaco: Navigator) -> None:
    with pytest.raises(InputError, match="from the nearest road"):
        monaco.route(HERMITAGE, (43.70, 7.45))  # out in the Mediterranean


def test_town_routes_cross_the_river_on_a_bridge(town: Navigator) -> None:
    route = town.route(grid_latlon(2, 3), grid_latlon(18, 3))  # column 3 has no bridge
    assert _obeys_one_ways(town, route)
    streets = {town.graph.chain_name(p.chain) for p in route.pieces}
    assert streets & {"Dagu Road", "Fuxing Road", "Changde Road", "Gaoyang Road"}  # bridged columns near by
    assert route.distance_m > 16 * 150


def test_town_roundabout_exit(town: Navigator) -> None:
    # Westwards along the arterial through the centre: straight across the roundabout is its 2nd exit.
    route = town.route(grid_latlon(10, 13), grid_latlon(10, 7))
    ring = [m for m in route.maneuvers if m.type == "roundabout"]
    assert len(ring) == 1 and ring[0].exit == 2 and ring[0].street == "Yan'an Road"


def test_town_one_way_street(town: Navigator) -> None:
    # Row 1 is one-way eastbound: 45 m east along it, but westwards the car must go round the block.
    east = town.route(grid_latlon(1, 2.2), grid_latlon(1, 2.5))
    west = town.route(grid_latlon(1, 2.5), grid_latlon(1, 2.2))
    assert east.distance_m == pytest.approx(45, abs=1)
    assert west.distance_m > 300
    assert _obeys_one_ways(town, west)


def test_no_route_into_a_one_way_trap() -> None:
    data = generate_town(size=6, buildings=False)
    lane = data.way_name.index("Lane 12")
    data.way_oneway[lane] = -1  # only out of the lane: its far end cannot be reached
    nav = Navigator(data)
    nodes = data.way_nodes[data.way_start[lane] : data.way_start[lane + 1]]
    end = (float(data.node_lat[nodes[-1]]), float(data.node_lon[nodes[-1]]))
    with pytest.raises(NoRouteError, match="only be reached against one-way streets"):
        nav.route(grid_latlon(3, 3, 6), end)


def _islands() -> Navigator:
    """A two-way main road; a lane entered from it by a one-way road only (a closed-off area: nothing leads
    out); and a road 2 km away that nothing joins."""
    return small_map(
        [
            {"pts": [(0, 0), (500, 0), (1000, 0)], "name": "Main Road"},
            {"pts": [(500, 0), (500, 300)], "name": "Way In", "oneway": 1},
            {"pts": [(500, 300), (800, 300)], "name": "Closed Lane"},
            {"pts": [(0, 2000), (1000, 2000)], "name": "Island Road"},
        ]
    )


def test_a_route_across_disconnected_road_networks_says_so() -> None:
    nav = _islands()
    with pytest.raises(NoRouteError) as caught:
        nav.route(at(100, 0), at(600, 2000))
    line = caught.value.line()
    assert "road networks that no road open to cars joins" in line and "Pick another" in line
    assert "\n" not in line


def test_a_start_in_a_closed_off_area_says_so_and_the_way_in_still_works() -> None:
    nav = _islands()
    with pytest.raises(NoRouteError, match="the start is in a closed-off area"):
        nav.route(at(700, 300), at(900, 0))
    assert nav.route(at(900, 0), at(700, 300)).distance_m > 500  # driving in is allowed
