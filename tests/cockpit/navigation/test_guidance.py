from __future__ import annotations

import numpy as np
import pytest

from cockpit.navigation.guidance import OFF_ROUTE_FIXES, Guidance
from cockpit.navigation.navigator import Navigator

HERMITAGE = (43.7384, 7.4246)
FONTVIEILLE = (43.7300, 7.4200)


def _point(route, s: float) -> tuple[float, float]:
    return float(np.interp(s, route.cum_m, route.points[:, 0])), float(
        np.interp(s, route.cum_m, route.points[:, 1])
    )


def test_progress_along_the_route(monaco: Navigator) -> None:
    route = monaco.route(HERMITAGE, FONTVIEILLE)
    guide = Guidance(route, monaco.graph.project)
    seen = []
    for s in np.arange(0, route.distance_m, 5.0):
        p = guide.update(*_point(route, s))
        assert not p.off_route
        assert p.along_m == pytest.approx(s, abs=2.0)
        assert p.remaining_m == pytest.approx(route.distance_m - s, abs=2.0)
        assert p.next_maneuver is not None
        assert p.to_next_m == pytest.approx(p.next_maneuver.at_m - s, abs=2.0)
        seen.append(p.next_maneuver)
    # Every maneuver after the start comes up as "next", in order.
    firsts = list(dict.fromkeys(id(m) for m in seen))
    assert firsts == [id(m) for m in route.maneuvers[1:]]
    end = guide.update(*_point(route, route.distance_m))
    assert end.arrived and end.remaining_s == pytest.approx(0, abs=1)


def test_leaving_the_route_triggers_a_reroute_from_where_the_car_is(monaco: Navigator) -> None:
    route = monaco.route(HERMITAGE, FONTVIEILLE)
    guide = Guidance(route, monaco.graph.project)
    guide.update(*_point(route, 300))
    # The car took another street: 150 m away from the route (a point on a road not on the route).
    g = monaco.graph
    on_route = set(p.chain for p in route.pieces)
    here = np.array(_point(route, 300))
    x, y = g.project(g.data.node_lat, g.data.node_lon)
    hx, hy = g.project(*here)
    d = np.hypot(x - hx, y - hy)
    rx, ry = g.project(route.points[:, 0], route.points[:, 1])
    candidates = [
        i
        for i in np.argsort(np.abs(d - 150))[:200]
        if g.snap(g.data.node_lat[i], g.data.node_lon[i]).chain not in on_route
        and np.hypot(rx - x[i], ry - y[i]).min() > 80  # away from every part of the route, not just here
    ]
    away = (float(g.data.node_lat[candidates[0]]), float(g.data.node_lon[candidates[0]]))
    states = [guide.update(*away) for _ in range(OFF_ROUTE_FIXES)]
    assert not states[0].off_route  # one bad fix is not a wrong turn
    assert states[-1].off_route
    new = monaco.route(away, FONTVIEILLE)
    assert np.hypot(*(np.array(g.project(*new.points[0])) - np.array(g.project(*away)))) < 30
    assert new.maneuvers[-1].type == "arrive"
