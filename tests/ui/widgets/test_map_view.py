"""The map as a car shows it: one-way arrows, a scale bar with a round distance, POIs grouped when they would
overlap, names in the UI language, street names kept off the route, place names out from under the panel's
boxes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from cockpit.navigation.builtin_town import generate_town
from cockpit.navigation.navigator import Navigator
from ui.widgets.map_layers import build_layers
from ui.widgets.map_render import NIGHT, STREET, BaseRenderer, BaseRequest
from ui.widgets.map_view import DISTRICT, MapView


@pytest.fixture(scope="module")
def town() -> Navigator:
    return Navigator(generate_town())


def test_one_way_streets_get_arrows_and_names_follow_the_language(qapp, town: Navigator) -> None:
    layers = build_layers(town.graph, "zh")
    assert sum(len(t.arrows) for t in layers.tiles) > 20
    labels = {label.text for t in layers.tiles for label in t.labels}
    assert "陕西路" in labels and "Shaanxi Road" not in labels
    assert "老城" in {name for _, _, name, _ in layers.places}


def test_scale_bar_is_a_round_distance_that_fits(qtbot) -> None:
    view = MapView()
    qtbot.addWidget(view)
    for scale in (0.02, 0.4, 2.0, 6.0):
        view.scale = scale
        metres = view.scale_bar_metres()
        assert f"{metres:g}".lstrip("0.")[0] in "125"
        assert 40 <= metres * scale <= 110


def test_pois_that_would_overlap_are_one_group_with_a_count(qtbot, town: Navigator) -> None:
    view = MapView()
    qtbot.addWidget(view)
    view.resize(800, 480)
    view.set_layers(build_layers(town.graph), "")
    view.scale = 0.02  # zoomed out: the stations crowd together
    t = view.transform()
    everything = view.to_map(QPointF(-1e4, -1e4)), view.to_map(QPointF(1e4, 1e4))
    groups = view.poi_groups(t, QRectF(everything[0], everything[1]))
    assert sum(count for _, _, count in groups) == len(view.layers.pois)
    assert any(count > 1 for _, _, count in groups)
    r = 9 * view.ui_scale
    centres = [pos for pos, _, _ in groups]
    for i, a in enumerate(centres):
        assert all((a - b).manhattanLength() >= 2.2 * r * 0.5 for b in centres[i + 1 :])


def test_street_names_keep_off_the_route(qapp, town: Navigator) -> None:
    layers = build_layers(town.graph)
    tile = max(layers.tiles, key=lambda t: len(t.labels))
    label = tile.labels[0]
    route = QPainterPath(QPointF(label.x - 300, label.y))
    route.lineTo(label.x + 300, label.y)
    renderer = BaseRenderer(qapp.font(), 1.0)
    drawn: list[str] = []
    original = renderer._text_path

    def spy(text, font, x, y):
        drawn.append(text)
        return original(text, font, x, y)

    renderer._text_path = spy
    centre = QPointF(label.x, label.y)
    renderer.render(layers, BaseRequest(centre, STREET, 600, 400, NIGHT))
    assert label.text in drawn
    drawn.clear()
    renderer.render(layers, BaseRequest(centre, STREET, 600, 400, NIGHT, avoid=route))
    assert label.text not in drawn


def test_place_names_move_out_from_under_the_panels_boxes(qtbot, town: Navigator) -> None:
    view = MapView()
    qtbot.addWidget(view)
    view.resize(800, 480)
    view.set_layers(build_layers(town.graph), "")
    view.scale = DISTRICT
    x, y, name, _kind = view.layers.places[0]
    view.center = QPointF(x, y)
    free = {n: box for n, _, box in view.place_boxes(view.transform())}
    assert name in free
    view.keep_clear = [free[name].adjusted(-20, -4, 20, 4)]  # a search box right over the town's name
    placed = {n: box for n, _, box in view.place_boxes(view.transform())}
    assert all(not box.intersects(view.keep_clear[0]) for box in placed.values())
    assert name in placed  # moved a line away, still on the map
