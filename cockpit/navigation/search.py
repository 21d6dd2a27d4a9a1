"""Find places by name (streets and POIs, fuzzy) or by category, ordered by road distance from the car."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process, utils
from scipy.sparse.csgraph import dijkstra

from .graph import RoadGraph, Snap
from .mapdata import POI_CATEGORIES

MIN_SCORE = 70.0
CLOSE_SCORE = 5.0
# Words a user types for a category, in English and Chinese.
CATEGORY_WORDS = {
    "charging": ("charging", "charger", "charge", "ev", "充电", "充电站"),
    "fuel": ("fuel", "petrol", "gas", "gas station", "加油", "加油站"),
    "parking": ("parking", "car park", "park", "停车", "停车场"),
    "swap": ("swap", "battery swap", "power swap", "换电", "换电站"),
}


@dataclass
class Place:
    name: str
    kind: str  # "street" or a POI category
    lat: float
    lon: float
    road_m: float = math.inf  # driving distance from the car
    score: float = 100.0
    tags: dict | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind,
            "lat": round(self.lat, 7),
            "lon": round(self.lon, 7),
            "road_m": None if math.isinf(self.road_m) else round(self.road_m, 1),
            "tags": self.tags or {},
        }


def category_of(query: str) -> str | None:
    q = query.strip().lower()
    for category, words in CATEGORY_WORDS.items():
        if q == category or q in words:
            return category
    return None


class PlaceIndex:
    def __init__(self, graph: RoadGraph) -> None:
        self.graph = graph
        data = graph.data
        self.places: list[Place] = []
        # One entry per street name, at the middle of its longest chain.
        best: dict[str, int] = {}
        for c in range(len(graph.chain_a)):
            name = graph.chain_name(c)
            if name and (name not in best or graph.chain_len[c] > graph.chain_len[best[name]]):
                best[name] = c
        for name, c in sorted(best.items()):
            lat, lon = graph.chain_points(c, graph.chain_len[c] / 2, graph.chain_len[c] / 2)[0]
            self.places.append(Place(name, "street", lat, lon))
        for poi in data.pois:
            label = poi["name"] or poi["category"].capitalize()
            self.places.append(Place(label, poi["category"], poi["lat"], poi["lon"], tags=poi["tags"]))
        self._names = [p.name for p in self.places]

    def search(self, query: str, near: tuple[float, float] | None = None, limit: int = 20) -> list[Place]:
        category = category_of(query)
        if category is not None:
            found = [Place(**vars(p)) for p in self.places if p.kind == category]
        else:
            hits = process.extract(
                query,
                self._names,
                scorer=fuzz.WRatio,
                processor=utils.default_process,
                limit=None,
                score_cutoff=MIN_SCORE,
            )
            found = []
            top = hits[0][1] if hits else 0.0
            # Near-equal matches are ordered by distance; clearly worse ones are dropped.
            for _, score, i in (h for h in hits if h[1] >= top - CLOSE_SCORE):
                place = Place(**vars(self.places[i]))
                place.score = float(score)
                found.append(place)
        if near is not None:
            self.measure(found, near)
            found.sort(key=lambda p: p.road_m)
        else:
            found.sort(key=lambda p: -p.score)
        return found[:limit]

    def measure(self, places: list[Place], near: tuple[float, float]) -> None:
        """Set each place's driving distance from ``near`` (one Dijkstra over road lengths)."""
        if not places:
            return
        g = self.graph
        start = g.snap(*near)
        sources, offsets = _leave(g, start)
        dist = dijkstra(g.length_csr, indices=sources)
        dist = np.atleast_2d(dist)
        reach = np.min(dist + np.array(offsets)[:, None], axis=0)
        for place in places:
            snap = g.snap(place.lat, place.lon)
            place.road_m = _arrive(g, snap, reach, start) + snap.distance_m


def _leave(g: RoadGraph, s: Snap) -> tuple[list[int], list[float]]:
    c, length = s.chain, float(g.chain_len[s.chain])
    sources, offsets = [], []
    if g.chain_oneway[c] != -1:
        sources.append(int(g.chain_b[c]))
        offsets.append(length - s.offset_m)
    if g.chain_oneway[c] != 1:
        sources.append(int(g.chain_a[c]))
        offsets.append(s.offset_m)
    return sources, offsets


def _arrive(g: RoadGraph, s: Snap, reach: np.ndarray, start: Snap) -> float:
    c, length = s.chain, float(g.chain_len[s.chain])
    best = math.inf
    if g.chain_oneway[c] != -1:
        best = min(best, reach[g.chain_a[c]] + s.offset_m)
    if g.chain_oneway[c] != 1:
        best = min(best, reach[g.chain_b[c]] + length - s.offset_m)
    if c == start.chain:
        forward = s.offset_m >= start.offset_m
        if g.chain_oneway[c] != (-1 if forward else 1):
            best = min(best, abs(s.offset_m - start.offset_m))
    return float(best)


__all__ = ["POI_CATEGORIES", "Place", "PlaceIndex", "category_of"]
