"""The sea cut into tiles covers exactly the sea: every point is water in the pieces where it is water in
the whole rings (islands stay dry), each cut piece stays inside its tile, and open sea is few rectangles."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath

from ui.widgets.sea_tiles import sea_pieces

TILE = 800.0


def odd_even(rings) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for xs, ys in rings:
        path.moveTo(float(xs[0]), float(ys[0]))
        for x, y in zip(xs[1:], ys[1:], strict=True):
            path.lineTo(float(x), float(y))
        path.closeSubpath()
    return path


def coast_with_an_island() -> list[tuple[np.ndarray, np.ndarray]]:
    """20 km wide: a wiggly coast across (sea below, y down), closed along the box, and an island."""
    xs = np.linspace(0, 20_000, 400)
    ys = 9_000 + 2_500 * np.sin(xs / 3_000) + 300 * np.sin(xs / 170)
    sea = (np.concatenate([xs, [20_000, 0]]), np.concatenate([ys, [20_000, 20_000]]))
    angle = np.linspace(0, 2 * np.pi, 60, endpoint=False)
    island = (12_000 + 1_500 * np.cos(angle), 16_000 - 900 * np.sin(angle))
    return [sea, island]


def test_pieces_are_the_sea_and_nothing_else() -> None:
    rings = coast_with_an_island()
    whole = odd_even(rings)
    pieces = sea_pieces(rings, TILE)
    cut = [p for p in pieces if p.rect is None]
    blocks = [QRectF(*p.rect) for p in pieces if p.rect is not None]
    for p in cut:  # a cut piece stays within its own tile
        tile = QRectF(p.key[0] * TILE, p.key[1] * TILE, TILE, TILE).adjusted(-1e-6, -1e-6, 1e-6, 1e-6)
        assert tile.contains(odd_even(p.rings).boundingRect())
    cut_paths = [odd_even(p.rings) for p in cut]
    rng = np.random.default_rng(7)
    for x, y in rng.uniform(-500, 20_500, size=(3000, 2)):
        point = QPointF(x, y)
        inside = sum(b.contains(point) for b in blocks) + sum(c.contains(point) for c in cut_paths)
        assert inside == int(whole.contains(point)), (x, y)
    assert whole.contains(QPointF(12_000, 19_000)) and not whole.contains(QPointF(12_000, 16_000))
    whole_tiles = sum(b.width() * b.height() for b in blocks) / TILE**2
    assert whole_tiles > 200 and len(blocks) < whole_tiles / 3  # open sea: blocks, not a square per tile


def test_no_rings_no_pieces() -> None:
    assert sea_pieces([], TILE) == []
