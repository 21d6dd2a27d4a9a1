"""The low-power profile's simplified map: at district zoom the minor streets, buildings and road casings
are left out, so there is less to draw; zoomed in, the map is the full one again."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QImage

from cockpit.navigation.builtin_town import generate_town
from cockpit.navigation.navigator import Navigator
from ui.widgets.map_layers import build_layers
from ui.widgets.map_render import DISTRICT, NIGHT, STREET, BaseRenderer, BaseRequest


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
