"""Find places by name (streets and POIs, fuzzy) or by category, ordered by road distance from the car."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process, utils
from scipy.sparse.csgraph import dijkstra

from .energy import charger_power
from .graph import RoadGraph, Snap
from .mapdata import POI_CATEGORIES

MIN_SCORE = 70.0
CLOSE_SCORE = 5.0
# With a position, matches this far below the best stay in the list, ranked with their road distance.
NEAR_SCORE_SPREAD = 15.0
# Words a user types for a category, in English and Chinese.
CATEGORY_WORDS = {
    "charging": ("charging", "charger", "charge", "ev", "充电", "充电站"),
    "fuel": ("fuel", "petrol", "gas", "gas station", "加油", "加油站"),
    "parking": ("parking", "car park", "park", "停车", "停车场"),
    "swap": ("swap", "battery swap", "power swap", "换电", "换电站"),
    "food": ("food", "restaurant", "restaurants", "eat", "cafe", "coffee", "餐厅", "饭店", "吃饭", "美食"),
    "hotel": ("hotel", "hotels", "motel", "stay", "酒店", "宾馆", "住宿"),
    "shop": ("shop", "shops", "shopping", "store", "supermarket", "商店", "超市", "购物"),
    "toilets": ("toilet", "toilets", "restroom", "wc", "厕所", "洗手间", "卫生间"),
}
# Connector words in a charging query → the OSM socket:* keys they mean.
CONNECTORS = {
    "ccs": ("type2_combo", "ccs"),
    "type2_combo": ("type2_combo",),
    "chademo": ("chademo",),
    "type2": ("type2", "type2_cable"),
    "type 2": ("type2", "type2_cable"),
    "gb": ("gb_dc", "gb_ac"),
    "tesla": ("tesla_supercharger", "nacs"),
    "nacs": ("nacs", "tesla_supercharger"),
}
_KW = re.compile(r"(\d+(?:\.\d+)?)\s*kw\b", re.IGNORECASE)
_HOUSE = re.compile(r"^\s*(\d+[a-zA-Z]?)\s*,?\s+(\D.*?)\s*$|^\s*(\D.*?)\s*,?\s+(\d+[a-zA-Z]?)\s*$")
# In the ranking with a position, one match-score point is worth this many metres of driving.
METRES_PER_POINT = 200.0


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
            "score": round(self.score, 1),
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
        # Every form of a name is searchable: "陕西路" finds Shaanxi Road where the map has name:zh.
        forms = graph.data.names
        self._names = [" ".join([p.name, *forms.get(p.name, {}).values()]) for p in self.places]

    def search(self, query: str, near: tuple[float, float] | None = None, limit: int = 20) -> list[Place]:
        """Places for ``query`` (a name, a category, "ccs 150 kW", "12 Rue Grimaldi"), ranked by match score
        and, with ``near``, road distance (``METRES_PER_POINT`` of driving cost one point of score)."""
        category = category_of(query)
        charging = _charging_filter(query) if category is None else None
        address = self._addresses(query) if category is None and charging is None else []
        if category is not None:
            found = [Place(**vars(p)) for p in self.places if p.kind == category]
        elif charging is not None:
            found = [Place(**vars(p)) for p in self.places if p.kind == "charging" and _fits(p, *charging)]
        elif address:
            found = address
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
            # Clearly worse matches are dropped; with a position, a somewhat worse one close by may win.
            spread = NEAR_SCORE_SPREAD if near is not None else CLOSE_SCORE
            for _, score, i in (h for h in hits if h[1] >= top - spread):
                place = Place(**vars(self.places[i]))
                place.score = float(score)
                found.append(place)
        if near is not None:
            self.measure(found, near)
            found.sort(key=lambda p: (-p.score + p.road_m / METRES_PER_POINT, p.road_m))
        else:
            found.sort(key=lambda p: -p.score)
        return found[:limit]

    def _addresses(self, query: str) -> list[Place]:
        """ "12 Rue Grimaldi" or "Rue Grimaldi 12": that house number on the best-matching street."""
        match = _HOUSE.match(query)
        addresses = self.graph.data.addresses
        if not match or not addresses:
            return []
        number = (match.group(1) or match.group(4)).lower()
        street = match.group(2) or match.group(3)
        streets = sorted({a[2] for a in addresses})
        hits = process.extract(
            street, streets, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=MIN_SCORE
        )
        if not hits:
            return []
        top = hits[0][1]
        good = {h[0]: float(h[1]) for h in hits if h[1] >= top - CLOSE_SCORE}
        return [
            Place(f"{a[3]} {a[2]}", "address", a[0], a[1], score=good[a[2]])
            for a in addresses
            if a[2] in good and str(a[3]).lower() == number
        ]

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


def _charging_filter(query: str) -> tuple[tuple[str, ...], float] | None:
    """(socket keys, minimum kW) for a query about chargers by connector or power, else None."""
    q = query.lower()
    words = set(re.findall(r"[\w:]+", q))
    sockets: tuple[str, ...] = ()
    for word, keys in CONNECTORS.items():
        if word in q if " " in word else word in words:
            sockets += keys
    power = _KW.search(q)
    about_charging = bool(words & set(CATEGORY_WORDS["charging"]))
    if not sockets and power is None:
        return None if not about_charging else ((), 0.0)
    return sockets, float(power.group(1)) if power else 0.0


def _fits(place: Place, sockets: tuple[str, ...], min_kw: float) -> bool:
    tags = place.tags or {}
    if sockets and not any(f"socket:{s}" in tags or f"socket:{s}:output" in tags for s in sockets):
        return False
    return charger_power(tags)[0] >= min_kw if min_kw else True


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
