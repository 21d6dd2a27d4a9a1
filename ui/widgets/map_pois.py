"""Which POIs a car map shows, and how markers that would overlap become one.

The rule (after car head units and OSM car styles, see docs/architecture.md "What the map shows"): the
places a driver drives to (charging, battery swap, parking, fuel) are shown from district zoom on; the
others (food, hotel, shop, toilets) only when the driver asked for that category, or at street zoom, and
then sparse: one per screen cell, named ones first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

DRIVING = frozenset({"charging", "swap", "parking", "fuel"})
# Worth most to a driver first when only a few of the other categories fit.
OTHER_RANK = {"toilets": 0, "food": 1, "hotel": 2, "shop": 3}
SPARSE_CELL_PX = 160.0
GROUP_DISTANCE = 2.2  # marker radii: closer than this (Manhattan) and two markers are one group


@dataclass
class Marker:
    pos: QPointF  # screen pixels
    categories: set[str]
    count: int
    radius: float
    wanted: bool  # of a category the driver asked for: it wins over names

    @property
    def category(self) -> str:
        return next(iter(self.categories)) if len(self.categories) == 1 else "mixed"

    def rect(self) -> QRectF:
        r = self.radius
        return QRectF(self.pos.x() - r, self.pos.y() - r, 2 * r, 2 * r)


def by_value(pois: list[tuple[float, float, str, str]]) -> list[int]:
    """POI indices, driving ones first, then named before unnamed and by ``OTHER_RANK``."""
    return sorted(
        range(len(pois)),
        key=lambda i: (pois[i][2] not in DRIVING, not pois[i][3], OTHER_RANK.get(pois[i][2], 9)),
    )


def shown(
    pois: list[tuple[float, float, str, str]],
    order: Iterable[int],
    to_screen: Callable[[QPointF], QPointF],
    view: QRectF,
    wanted: frozenset[str],
    street_zoom: bool,
    cell_px: float,
) -> list[tuple[QPointF, str]]:
    """Screen positions and categories of the POIs the map shows in ``view`` (map metres)."""
    out = []
    cells: set[tuple[int, int]] = set()
    for i in order:
        x, y, category, _name = pois[i]
        if not view.contains(x, y):
            continue
        if category in DRIVING or category in wanted:
            out.append((to_screen(QPointF(x, y)), category))
        elif street_zoom:
            pos = to_screen(QPointF(x, y))
            cell = (int(pos.x() // cell_px), int(pos.y() // cell_px))
            if cell not in cells:  # sparse: the best one per cell (``order`` is by value)
                cells.add(cell)
                out.append((pos, category))
    return out


def group(points: list[tuple[QPointF, str]], radius: float, wanted: frozenset[str]) -> list[Marker]:
    """Markers that would overlap made one group, drawn with its count at the mean position."""
    groups: list[list] = []  # [position sum, count, categories]
    for pos, category in points:
        for g in groups:
            if (g[0] / g[1] - pos).manhattanLength() < GROUP_DISTANCE * radius:
                g[0] += pos
                g[1] += 1
                g[2].add(category)
                break
        else:
            groups.append([QPointF(pos), 1, {category}])
    markers = [Marker(s / n, cats, n, _radius(radius, n), bool(cats & wanted)) for s, n, cats in groups]
    return _merged(markers, radius)


def _radius(radius: float, count: int) -> float:
    return radius if count == 1 else radius * 1.25


def _merged(markers: list[Marker], radius: float) -> list[Marker]:
    """Groups whose centres drifted together while they grew, merged until no two circles overlap."""
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(markers):
            for j in range(i + 1, len(markers)):
                b = markers[j]
                d = a.pos - b.pos
                if d.x() ** 2 + d.y() ** 2 < (a.radius + b.radius) ** 2:
                    n = a.count + b.count
                    pos = (a.pos * a.count + b.pos * b.count) / n
                    markers[i] = Marker(
                        pos, a.categories | b.categories, n, _radius(radius, n), a.wanted or b.wanted
                    )
                    del markers[j]
                    merged = True
                    break
            if merged:
                break
    return markers
