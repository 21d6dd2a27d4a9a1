"""The sea of an extract, assembled from its ``natural=coastline`` ways.

OSM has no sea polygon: coastline ways run with the land on their left and the water on their right, and a
renderer joins them (osmcoastline does it for the planet). Here, for one extract: ways are joined into chains
by shared end nodes; a closed chain is an island (counter-clockwise) or an enclosed water body (clockwise);
an open chain ends where the extract was cut, so each end is carried straight to the nearest edge of the
extract's bounding box (a chain's last stretch is a poor guide: Monaco's coast ends on a jetty's tip), and
the box's edge is walked clockwise from one chain's end
to the next chain's start (clockwise keeps the water on the right). The rings are meant for the odd-even
rule: an island inside the sea is a hole.

An open chain that ends far inside the box is a coastline broken in the data (or an extract cut badly);
closing it would flood the land, so no sea is made and the caller says so once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

# A cut coastline ends near the extract's edge; farther in than this, a way is missing from the data.
BROKEN_END_M = 1500.0
_M_PER_DEG = 111_320.0

Ring = list[tuple[float, float]]  # (lat, lon) points, first point not repeated at the end


@dataclass
class CoastWay:
    nodes: list[int]  # OSM node ids
    lat: list[float]
    lon: list[float]


@dataclass
class Sea:
    rings: list[Ring] = field(default_factory=list)  # drawn with the odd-even rule
    broken: str = ""  # why no sea was made, "" when it was (or there is no coastline)


@dataclass
class _Box:
    south: float
    west: float
    north: float
    east: float

    @property
    def perimeter(self) -> float:
        return 2 * (self.east - self.west) + 2 * (self.north - self.south)

    def position(self, lat: float, lon: float) -> float:
        """Where a point on the edge lies, clockwise from the north-west corner (degrees walked)."""
        w, h = self.east - self.west, self.north - self.south
        edges = (
            (abs(lat - self.north), lon - self.west),
            (abs(lon - self.east), w + self.north - lat),
            (abs(lat - self.south), w + h + self.east - lon),
            (abs(lon - self.west), 2 * w + h + lat - self.south),
        )
        return min(edges)[1] % self.perimeter

    def corners(self) -> list[tuple[float, float, float]]:
        """(position, lat, lon) of the corners, clockwise from the north-west."""
        w, h = self.east - self.west, self.north - self.south
        return [
            (0.0, self.north, self.west),
            (w, self.north, self.east),
            (w + h, self.south, self.east),
            (2 * w + h, self.south, self.west),
        ]


def _chains(ways: list[CoastWay]) -> tuple[list[CoastWay], list[CoastWay]]:
    """Ways joined end to start: (open chains, closed rings)."""
    by_start: dict[int, list[int]] = {}
    for i, w in enumerate(ways):
        by_start.setdefault(w.nodes[0], []).append(i)
    ends = {w.nodes[-1] for w in ways}
    used = [False] * len(ways)

    def follow(first: int) -> CoastWay:
        chain = CoastWay(list(ways[first].nodes), list(ways[first].lat), list(ways[first].lon))
        used[first] = True
        while chain.nodes[-1] != chain.nodes[0]:
            following = [i for i in by_start.get(chain.nodes[-1], []) if not used[i]]
            if not following:
                break
            nxt = ways[following[0]]
            used[following[0]] = True
            chain.nodes += nxt.nodes[1:]
            chain.lat += nxt.lat[1:]
            chain.lon += nxt.lon[1:]
        return chain

    # Chains from their first way (one no way leads into), then what is left: rings of several ways.
    heads = [i for i, w in enumerate(ways) if w.nodes[0] not in ends or w.nodes[0] == w.nodes[-1]]
    opened = [follow(i) for i in heads if not used[i]]
    opened += [follow(i) for i in range(len(ways)) if not used[i]]
    closed = [c for c in opened if c.nodes[0] == c.nodes[-1] and len(c.nodes) >= 4]
    return [c for c in opened if c.nodes[0] != c.nodes[-1]], closed


def _signed_area(lat: np.ndarray, lon: np.ndarray) -> float:
    """Shoelace area in degrees² (lon east, lat north): positive counter-clockwise."""
    return float(np.sum(lon * np.roll(lat, -1) - np.roll(lon, -1) * lat)) / 2


def _to_edge(lat: float, lon: float, box: _Box, cos_lat: float) -> tuple[float, float, float]:
    """The point of the box's edge nearest to a chain's end, and how far (metres) the end is from it."""
    options = (
        (box.north - lat, box.north, lon),
        (lat - box.south, box.south, lon),
        ((box.east - lon) * cos_lat, lat, box.east),
        ((lon - box.west) * cos_lat, lat, box.west),
    )
    gap, lat_out, lon_out = min(options)
    return lat_out, lon_out, max(0.0, gap) * _M_PER_DEG


def assemble_sea(ways: list[CoastWay], bbox: tuple[float, float, float, float] | None) -> Sea:
    """The sea rings of an extract whose bounding box is ``bbox`` (south, west, north, east); without one,
    the coastline's own bounds. No coastline: no sea."""
    ways = [w for w in ways if len(w.nodes) >= 2]
    if not ways:
        return Sea()
    lats = np.concatenate([w.lat for w in ways])
    lons = np.concatenate([w.lon for w in ways])
    s, w_, n, e = bbox if bbox is not None else (lats.min(), lons.min(), lats.max(), lons.max())
    # Complete ways may reach out of the extract's box: the box grows to hold every coast point.
    box = _Box(min(s, lats.min()), min(w_, lons.min()), max(n, lats.max()), max(e, lons.max()))
    if box.perimeter <= 0:  # every point in one place: no extract to close anything against
        return Sea()
    cos_lat = math.cos(math.radians((box.south + box.north) / 2))
    open_chains, closed = _chains(ways)
    rings: list[Ring] = []
    islands = False
    for c in closed:
        lat, lon = np.array(c.lat[:-1]), np.array(c.lon[:-1])
        islands |= _signed_area(lat, lon) > 0
        rings.append(list(zip(lat.tolist(), lon.tolist(), strict=True)))
    if not open_chains:
        if islands:  # only islands: the whole extract is sea around them
            rings.insert(0, [(lat, lon) for _, lat, lon in box.corners()[::-1]])
        return Sea(rings)
    # Each open chain from its start (carried back) to its end (carried on), with both positions on the box.
    pieces = []
    for c in open_chains:
        end_lat, end_lon, end_in = _to_edge(c.lat[-1], c.lon[-1], box, cos_lat)
        start_lat, start_lon, start_in = _to_edge(c.lat[0], c.lon[0], box, cos_lat)
        if max(end_in, start_in) > BROKEN_END_M:
            lat, lon = (c.lat[-1], c.lon[-1]) if end_in >= start_in else (c.lat[0], c.lon[0])
            return Sea(
                broken=f"coastline broken at {lat:.5f},{lon:.5f}: it stops "
                f"{max(end_in, start_in) / 1000:.1f} km inside the extract, so no sea is drawn "
                "(the coastline still is); an extract with the whole coast there draws it"
            )
        pts = [(start_lat, start_lon), *zip(c.lat, c.lon, strict=True), (end_lat, end_lon)]
        pieces.append((box.position(start_lat, start_lon), box.position(end_lat, end_lon), pts))
    perimeter = box.perimeter
    left = set(range(len(pieces)))
    while left:
        first = min(left)
        ring: Ring = []
        current = first
        while True:
            left.discard(current)
            _, end_pos, pts = pieces[current]
            ring += pts
            # The next chain clockwise along the box's edge from this one's end (itself, if it is alone).
            nxt = min(range(len(pieces)), key=lambda i: (pieces[i][0] - end_pos) % perimeter)
            gap = (pieces[nxt][0] - end_pos) % perimeter
            corners = sorted(
                ((pos - end_pos) % perimeter, lat, lon)
                for pos, lat, lon in box.corners()
                if 0 < (pos - end_pos) % perimeter < gap
            )
            ring += [(lat, lon) for _, lat, lon in corners]
            if nxt == first or nxt not in left:
                break
            current = nxt
        rings.append(ring)
    return Sea(rings)
