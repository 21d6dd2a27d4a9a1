"""The map as a car shows it: one-way arrows, a scale bar with a round distance, POIs grouped when they would
overlap, names in the UI language, street names kept off the route, place names out from under the panel's
boxes.
On the real Monaco extract: only the driving POIs until the driver asks for another category, no marker over
a name, the scale bar or the attribution, at every screen size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF

from cockpit.navigation.builtin_town import generate_town
from cockpit.navigation.mapdata import POI_CATEGORIES, MapData
from cockpit.navigation.navigator import Navigator
from ui.widgets.map_layers import build_layers
from ui.widgets.map_pois import DRIVING, SPARSE_CELL_PX
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
    view.show_categories(POI_CATEGORIES)  # all asked for: every POI shown, even zoomed out
    view.scale = 0.02  # zoomed out: the stations crowd together
    view.center = view.layers.extent.center()
    markers = view.markers(view.transform())
    assert sum(m.count for m in markers) == len(view.layers.pois)
    assert any(m.count > 1 for m in markers)
    for i, a in enumerate(markers):  # no two circles overlap
        for b in markers[i + 1 :]:
            d = a.pos - b.pos
            assert d.x() ** 2 + d.y() ** 2 >= (a.radius + b.radius) ** 2


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


def test_street_names_keep_off_markers_the_driver_asked_for(qapp, town: Navigator) -> None:
    layers = build_layers(town.graph)
    label = max(layers.tiles, key=lambda t: len(t.labels)).labels[0]
    renderer = BaseRenderer(qapp.font(), 1.0)
    centre = QPointF(label.x, label.y)
    base = renderer.render(layers, BaseRequest(centre, STREET, 600, 400, NIGHT))
    assert any(o.containsPoint(QPointF(300, 200), Qt.FillRule.OddEvenFill) for o in base.labels)
    marker = (QPointF(label.x, label.y),)  # a restaurant searched for, right on the name
    base = renderer.render(
        layers, BaseRequest(centre, STREET, 600, 400, NIGHT, keep_off=marker, marker_px=10)
    )
    assert not any(o.intersects(QPolygonF(QRectF(290, 190, 20, 20))) for o in base.labels)


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


# -- Monaco: a map that reads at a glance (issue 17 point 3) ----------------------------------------------
MONTE_CARLO = (43.7397, 7.4270)  # the Casino: the densest knot of shops, restaurants and parkings


@pytest.fixture(scope="module")
def monaco_layers(qapp, monaco_map):
    graph = Navigator(MapData.load(monaco_map)).graph
    x, y = graph.project(*MONTE_CARLO)
    return build_layers(graph), QPointF(x, -y)


def monaco_view(qtbot, monaco_layers, size=(1170, 600), scale=DISTRICT) -> MapView:
    layers, centre = monaco_layers
    view = MapView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_layers(layers, "© OpenStreetMap contributors")
    view.center, view.scale = centre, scale
    view.grab()  # paints once: the base picture with its street names
    return view


def test_default_zoom_shows_only_driving_pois_and_no_marker_covers_a_name(qtbot, monaco_layers) -> None:
    view = monaco_view(qtbot, monaco_layers)
    frame = view.frame_layout(view.transform())
    # Monaco has 500 shops, restaurants, hotels and toilets: none of them at a glance, parkings yes.
    assert frame.markers and len(frame.markers) <= 40
    assert all(m.categories <= DRIVING for m in frame.markers)
    names = [name for name, _, _ in frame.places]
    assert "Monte-Carlo" in names
    for name, _, box in frame.places:
        assert not any(m.rect().intersects(box) for m in frame.markers), name
    assert view.layout_problems() == []


def test_searching_food_shows_food_markers_over_the_names(qtbot, monaco_layers) -> None:
    view = monaco_view(qtbot, monaco_layers)
    assert not any("food" in m.categories for m in view.markers(view.transform()))
    view.show_categories(["food"])
    view.grab()
    frame = view.frame_layout(view.transform())
    food = [m for m in frame.markers if "food" in m.categories]
    assert sum(m.count for m in food) >= 50
    for name, _, box in frame.places:  # the names moved or left out, not covered
        assert not any(m.rect().intersects(box) for m in food), name
    assert view.layout_problems() == []


def test_street_zoom_shows_a_few_other_pois_off_the_street_names(qtbot, monaco_layers) -> None:
    view = monaco_view(qtbot, monaco_layers, scale=STREET)
    frame = view.frame_layout(view.transform())
    others = [m for m in frame.markers if not m.categories <= DRIVING]
    assert others  # shops and restaurants appear close up
    cells = (view.width() // SPARSE_CELL_PX + 1) * (view.height() // SPARSE_CELL_PX + 1)
    assert sum(m.count for m in others) <= cells  # sparse: at most one per screen cell
    streets = view.street_label_outlines(view.transform())
    assert len(streets) > 10
    names = [box for _, _, box in frame.places] + [m.rect() for m in frame.markers]
    for box in names:  # no marker and no place name over a street name
        assert not any(o.boundingRect().intersects(box) and o.intersects(QPolygonF(box)) for o in streets)
    assert view.layout_problems() == []


@pytest.mark.parametrize("size", [(727, 376), (951, 496), (1170, 600), (1847, 616), (1800, 936), (200, 150)])
def test_scale_bar_and_attribution_overlap_nothing_at_any_size(qtbot, monaco_layers, size) -> None:
    view = monaco_view(qtbot, monaco_layers, size=size)
    view.attribution_inset = 60 if size[0] > 300 else 0  # the panel's buttons on the right
    chrome = view.frame_layout(view.transform()).chrome
    bar, credit = chrome["scale bar"], chrome["attribution"]
    assert QRectF(view.rect()).contains(bar) and not bar.intersects(credit)
    assert view.layout_problems() == []
