"""The low-power profile's simplified map: at district zoom the minor streets, buildings and road casings
are left out, so there is less to draw; zoomed in, the map is the full one again. And the sea: filled at
every zoom, day and night, where the coastline puts it, and nowhere on a map without one."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QImage

from cockpit.navigation.builtin_town import generate_town
from cockpit.navigation.navigator import Navigator
from ui.widgets.map_layers import build_layers
from ui.widgets.map_render import CITY, DAY, DISTRICT, NIGHT, STREET, BaseRenderer, BaseRequest


@pytest.fixture(scope="module")
def layers(qapp):
    return build_layers(Navigator(generate_town()).graph)


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].copy()


def render(layers, scale: float, simplified: bool) -> np.ndarray:
    xs = [t.bounds.center().x() for t in layers.tiles]
    ys = [t.bounds.center().y() for t in layers.tiles]
    centre = QPointF(float(np.mean(xs)), float(np.mean(ys)))
    request = BaseRequest(centre, scale, 800, 480, NIGHT, simplified)
    return pixels(BaseRenderer(QFont(), 1.0).render(layers, request).image)


def test_simplified_map_draws_less_at_low_zoom_and_all_when_zoomed_in(layers) -> None:
    land = np.array([int(NIGHT.land[5:7], 16), int(NIGHT.land[3:5], 16), int(NIGHT.land[1:3], 16), 255])

    def drawn(img: np.ndarray) -> int:
        return int((img.reshape(-1, 4) != land).any(axis=1).sum())

    full, simple = render(layers, DISTRICT, False), render(layers, DISTRICT, True)
    assert drawn(simple) < 0.8 * drawn(full)
    assert drawn(simple) > 0  # the main roads are still there
    close_full, close_simple = render(layers, STREET, False), render(layers, STREET, True)
    assert np.array_equal(close_full, close_simple)


# -- the sea (issue 17 point 3) ----------------------------------------------------------------------------
# Points checked on the real Monaco extract: Port Hercule's basin, the open sea south-east, the Casino and
# Moneghetti (town, no building or road at the exact spot).
SEA_POINTS = {"Port Hercule": (43.7347, 7.4237), "open sea": (43.7200, 7.4500)}
LAND_POINTS = {"Casino": (43.7395, 7.4275), "Moneghetti": (43.7370, 7.4170)}


@pytest.fixture(scope="module")
def monaco(qapp, monaco_map):
    from cockpit.navigation.mapdata import MapData

    graph = Navigator(MapData.load(monaco_map)).graph
    return graph, build_layers(graph)


def colour_at(graph, layers, lat: float, lon: float, scale: float, style) -> str:
    x, y = graph.project(lat, lon)
    image = (
        BaseRenderer(QFont(), 1.0).render(layers, BaseRequest(QPointF(x, -y), scale, 160, 120, style)).image
    )
    return QColor(image.pixel(80, 60)).name()


@pytest.mark.parametrize("style", [NIGHT, DAY], ids=["night", "day"])
@pytest.mark.parametrize("scale", [CITY, DISTRICT, STREET], ids=["city", "district", "street"])
def test_monaco_sea_is_water_and_the_town_is_land(monaco, style, scale: float) -> None:
    graph, layers = monaco
    for name, (lat, lon) in SEA_POINTS.items():
        assert colour_at(graph, layers, lat, lon, scale, style) == style.water, name
    for name, (lat, lon) in LAND_POINTS.items():
        assert colour_at(graph, layers, lat, lon, scale, style) == style.land, name


def test_the_built_in_town_has_no_sea(layers) -> None:
    assert not any("sea" in t.areas for t in layers.tiles)
    picture = render(layers, CITY, False)
    water = np.array([int(NIGHT.water[5:7], 16), int(NIGHT.water[3:5], 16), int(NIGHT.water[1:3], 16), 255])
    assert (picture.reshape(-1, 4) == water).all(axis=1).mean() < 0.02  # its river (0.1 %), no more
