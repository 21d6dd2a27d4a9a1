"""Routing over turns: OSM turn restrictions, no U-turns mid-street, turn and signal costs, the heading."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from cockpit.navigation.navigator import Navigator
from cockpit.navigation.routing import NoRouteError, Route
from cockpit.navigation.turns import LEFT_TURN_S, RIGHT_TURN_S, TRAFFIC_SIGNAL_S

from .small_maps import at, small_map

# A crossroads at (300, 0) on a grid of 300 m blocks: west arm 0, east arm 1, north arm 2, south arm 3,
# and a ring of streets round the north-east block so there is a way round.
CROSS = [
    {"pts": [(0, 0), (300, 0)], "name": "Ouest"},
    {"pts": [(300, 0), (600, 0)], "name": "Est"},
    {"pts": [(300, 0), (300, 300)], "name": "Nord"},
    {"pts": [(300, 0), (300, -300)], "name": "Sud"},
    {"pts": [(600, 0), (600, 300), (300, 300)], "name": "Tour"},
]


def _turns_made(nav: Navigator, route: Route) -> list[tuple[str, str]]:
    names = [nav.graph.chain_name(p.chain) for p in route.pieces]
    return [(a, b) for a, b in itertools.pairwise(names) if a != b]


def test_no_left_turn_sends_the_route_round_the_block() -> None:
    free = small_map(CROSS)
    assert _turns_made(free, free.route(at(20, 0), at(300, 200))) == [("Ouest", "Nord")]
    nav = small_map(CROSS, restrictions=[(0, (300, 0), 2, False)])
    route = nav.route(at(20, 0), at(300, 200))
    assert ("Ouest", "Nord") not in _turns_made(nav, route)
    assert _turns_made(nav, route)[0] == ("Ouest", "Est")
    assert route.distance_m > free.route(at(20, 0), at(300, 200)).distance_m + 500
    # The restriction binds only that approach: from the south, left onto... straight on to Nord is fine.
    assert _turns_made(nav, nav.route(at(300, -250), at(300, 200))) == [("Sud", "Nord")]


def test_only_straight_on_forbids_every_other_way() -> None:
    nav = small_map(CROSS, restrictions=[(0, (300, 0), 1, True)])
    # Sud is to the right: not from Ouest; the route goes on east and comes back by the ring and Nord.
    turns = _turns_made(nav, nav.route(at(20, 0), at(300, -250)))
    assert ("Ouest", "Sud") not in turns and turns[0] == ("Ouest", "Est") and turns[-1] == ("Nord", "Sud")


def test_no_u_turn_in_the_middle_of_a_street_but_at_a_dead_end() -> None:
    # The car faces west at x=350; the destination is 50 m behind it. Turning round at the junction at
    # x=300 is not allowed; turning round at the end of the 40 m dead end there is.
    street = [{"pts": [(0, 0), (300, 0), (600, 0)], "name": "Longue"}]
    dead_end = [{"pts": [(300, 0), (300, 40)], "name": "Impasse"}]
    nav = small_map(street + dead_end)
    route = nav.route(at(350, 0), at(400, 0), heading=270.0)
    assert [nav.graph.chain_name(p.chain) for p in route.pieces] == ["Longue", "Impasse", "Impasse", "Longue"]
    plain = small_map(street)
    route = plain.route(at(350, 0), at(400, 0), heading=270.0)
    assert len(route.pieces) == 1 and route.distance_m == pytest.approx(50, abs=1)  # turns on the spot


def test_turn_and_signal_costs() -> None:
    plain = small_map(CROSS)
    lit = small_map(CROSS, signals=[(300, 0)])
    straight = plain.route(at(20, 0), at(580, 0)).duration_s
    left = plain.route(at(20, 0), at(300, 280)).duration_s
    right = plain.route(at(20, 0), at(300, -280)).duration_s
    assert left == pytest.approx(right + LEFT_TURN_S - RIGHT_TURN_S, abs=0.5)
    assert lit.route(at(20, 0), at(580, 0)).duration_s == pytest.approx(straight + TRAFFIC_SIGNAL_S, abs=0.5)


def test_reroute_starts_the_way_the_car_faces() -> None:
    # The destination is 50 m behind the car on a two-way street; round the block is 510 m.
    ring = [
        {"pts": [(0, 0), (100, 0), (300, 0)], "name": "Bas"},
        {"pts": [(300, 0), (300, 80), (100, 80), (100, 0)], "name": "Boucle"},
    ]
    nav = small_map(ring)
    back = nav.route(at(200, 0), at(150, 0))
    assert back.distance_m == pytest.approx(50, abs=2)
    ahead = nav.route(at(200, 0), at(150, 0), heading=90.0)
    assert ahead.distance_m == pytest.approx(510, abs=5)
    assert ahead.points[1][1] > ahead.points[0][1]  # first metres eastward, as the car faces
    assert nav.route(at(200, 0), at(150, 0), heading=260.0).distance_m == pytest.approx(50, abs=2)


def test_monaco_routes_obey_its_turn_restrictions(monaco: Navigator) -> None:
    g = monaco.graph
    rules = np.asarray(g.data.turn_restrictions).reshape(-1, 4)
    assert len(rules) > 30, "the importer keeps Monaco's restriction relations"
    no = {(f, v, t) for f, v, t, only in rules if not only}
    only = {(f, v): t for f, v, t, o in rules if o}
    rng = random.Random(3)
    vertices = g.node_of_vertex
    # Routes from each restriction's from-way to its to-way (the ones that would break it), and random ones.
    pairs = []
    for f, _v, t, _o in rules:
        fa = g.data.way_nodes[g.data.way_start[f]]
        ta = g.data.way_nodes[g.data.way_start[t + 1] - 1]
        pairs.append((fa, ta))
    pairs += [
        (int(vertices[rng.randrange(len(vertices))]), int(vertices[rng.randrange(len(vertices))]))
        for _ in range(40)
    ]
    checked = 0
    for a, b in pairs:
        try:
            route = monaco.route(
                (g.data.node_lat[a], g.data.node_lon[a]), (g.data.node_lat[b], g.data.node_lon[b])
            )
        except NoRouteError:
            continue
        for p, q in itertools.pairwise(route.pieces):
            w1, w2 = int(g.chain_way[p.chain]), int(g.chain_way[q.chain])
            c = p.chain
            via = int(g.data.way_nodes[g.chain_end[c] if p.b_m >= p.a_m else g.chain_start[c]])
            assert (w1, via, w2) not in no
            assert only.get((w1, via), w2) == w2
            assert not (p.chain == q.chain and len(list(g.out_edges(g.vertex_of_node[via]))) > 1), "U-turn"
            checked += 1
    assert checked > 500


def test_start_and_destination_right_at_junctions() -> None:
    """A start or destination at a chain's very end has a zero-length first or last piece: still a route."""
    nav = small_map(CROSS)
    assert nav.route(at(0, 0), at(300, 200)).distance_m == pytest.approx(500, abs=2)
    assert nav.route(at(300, 200), at(0, 0)).distance_m == pytest.approx(500, abs=2)
    assert nav.route(at(300, 0), at(600, 300)).distance_m == pytest.approx(600, abs=2)
