"""Read an OpenStreetMap extract (``.osm.pbf``) with pyosmium into a :class:`MapData` cache.

One streaming pass with node locations and assembled areas: drivable ways become roads (class, one-way,
speed, name, ref, roundabout), closed ways and multipolygons become water, parks and buildings, rivers and
the coastline become lines, ``place=*`` nodes become labels, and charging stations, fuel stations and
car parks (nodes or areas) become POIs with their tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import osmium

from vehicle_bus.errors import InputError

from .coastline import CoastWay, assemble_sea
from .mapdata import AREA_KINDS, CLASS_SPEED_KMH, LINE_KINDS, ROAD_CLASSES, MapData, cache_path_for

_CLASS_INDEX = {name: i for i, name in enumerate(ROAD_CLASSES)}
_CLASS_INDEX.update({f"{name}_link": i for i, name in enumerate(ROAD_CLASSES[:5])})
_NO_CARS = {"no", "private", "agricultural", "forestry", "delivery", "destination_only_not"}
_ZONE_SPEEDS = {"urban": 50.0, "rural": 80.0, "motorway": 130.0, "trunk": 110.0, "living_street": 20.0}
_POI_TAGS = (("amenity", "charging_station", "charging"), ("amenity", "fuel", "fuel"))
# The categories a map app searches besides the car's own (key, values or None for any, category).
_MORE_POI_TAGS = (
    ("amenity", ("restaurant", "fast_food", "cafe", "food_court", "bar", "pub"), "food"),
    ("tourism", ("hotel", "motel", "guest_house", "hostel", "apartment"), "hotel"),
    ("amenity", ("toilets",), "toilets"),
    ("shop", None, "shop"),
)
_KEEP_POI_TAGS = re.compile(
    r"^(socket:.*|capacity|operator|brand|network|fee|opening_hours|charging_station:output|maxpower|"
    r"access|parking|name|ref|battery_swap|amenity|tourism|shop|cuisine|addr:.*)$"
)
_NAME_KEYS = (("zh", ("name:zh-Hans", "name:zh")), ("en", ("name:en",)))
# Objects in an extract, per byte of .osm.pbf (Monaco: ~50,000 objects in 0.69 MB); sizes the bar.
_OBJECTS_PER_BYTE = 0.075


def parse_maxspeed(text: str | None) -> float | None:
    """km/h from an OSM ``maxspeed`` value: "50", "30 mph", "FR:urban", "none"; None when unusable."""
    if not text:
        return None
    text = text.strip().lower()
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(mph|km/h|kmh)?", text)
    if match:
        value = float(match.group(1))
        return value * 1.609344 if match.group(2) == "mph" else value
    zone = text.partition(":")[2]
    if zone in _ZONE_SPEEDS:
        return _ZONE_SPEEDS[zone]
    if text == "walk":
        return 7.0
    return None


def _oneway(tags: Any, roundabout: bool, cls_name: str) -> int:
    value = tags.get("oneway")
    if value in ("yes", "true", "1"):
        return 1
    if value in ("-1", "reverse"):
        return -1
    if value == "no":
        return 0
    return 1 if roundabout or cls_name == "motorway" else 0


def _turn_lanes(tags: Any, oneway: int) -> list[str]:
    """(forward, backward) ``turn:lanes``: the plain key is the only direction of a one-way road."""
    plain = tags.get("turn:lanes") or ""
    forward = tags.get("turn:lanes:forward") or (plain if oneway == 1 else "")
    backward = tags.get("turn:lanes:backward") or (plain if oneway == -1 else "")
    return [forward, backward]


def _car_allowed(tags: Any) -> bool:
    for key in ("motor_vehicle", "motorcar", "vehicle", "access"):
        value = tags.get(key)
        if value is not None:
            return value not in _NO_CARS
    return tags.get("area") != "yes"


def _area_kind(tags: Any) -> str | None:
    if tags.get("natural") == "water" or tags.get("waterway") == "riverbank":
        return "water"
    if tags.get("landuse") in ("reservoir", "basin"):
        return "water"
    if tags.get("leisure") in ("park", "garden", "pitch", "golf_course", "nature_reserve"):
        return "park"
    if tags.get("landuse") in ("grass", "forest", "meadow", "recreation_ground", "village_green", "cemetery"):
        return "park"
    if tags.get("natural") in ("wood", "scrub", "grassland"):
        return "park"
    if tags.get("building") not in (None, "no"):
        return "building"
    return None


def _line_kind(tags: Any) -> str | None:
    if tags.get("waterway") in ("river", "stream", "canal"):
        return "river"
    if tags.get("natural") == "coastline":
        return "coastline"
    if tags.get("railway") in ("rail", "light_rail", "subway", "tram") and tags.get("tunnel") != "yes":
        return "rail"
    return None


def _is_swap_station(tags: Any) -> bool:
    """A battery-swap station. OSM has no approved tag: ``amenity=battery_swap(_station)``,
    ``battery_swap=yes`` on a charging station, or one named as NIO names its Power Swap Stations."""
    if tags.get("amenity") in ("battery_swap", "battery_swap_station") or tags.get("battery_swap") == "yes":
        return True
    name = (tags.get("name") or "") + " " + (tags.get("name:en") or "")
    return tags.get("amenity") == "charging_station" and ("power swap" in name.lower() or "换电" in name)


def _poi_category(tags: Any) -> str | None:
    if _is_swap_station(tags):
        return "swap"
    for key, value, category in _POI_TAGS:
        if tags.get(key) == value:
            return category
    if tags.get("amenity") == "parking" and tags.get("access") not in ("private", "no"):
        return "parking"
    for key, values, category in _MORE_POI_TAGS:
        value = tags.get(key)
        if value is not None and (values is None or value in values):
            return category
    return None


class _Collector:
    def __init__(self) -> None:
        self.node_index: dict[int, int] = {}
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.way_nodes: list[int] = []
        self.way_start = [0]
        self.way_class: list[int] = []
        self.way_oneway: list[int] = []
        self.way_speed: list[float] = []
        self.way_roundabout: list[bool] = []
        self.way_name: list[str] = []
        self.names: dict[str, dict[str, str]] = {}
        self.way_ref: list[str] = []
        self.way_turn_lanes: list[list[str]] = []
        self.way_index: dict[int, int] = {}  # OSM way id → road index
        self.signal_ids: list[int] = []  # OSM ids of highway=traffic_signals nodes
        self.addresses: list[list[Any]] = []  # [lat, lon, street, house number]
        self.restrictions: list[tuple[int, int, int, bool]] = []  # OSM (from way, via node, to way, only)
        self.area_kind: list[int] = []
        self.area_ring_start = [0]
        self.ring_start = [0]
        self.ring_lat: list[float] = []
        self.ring_lon: list[float] = []
        self.line_kind: list[int] = []
        self.line_start = [0]
        self.line_lat: list[float] = []
        self.line_lon: list[float] = []
        self.coast: list[CoastWay] = []
        self.pois: list[dict[str, Any]] = []
        self.places: list[dict[str, Any]] = []
        self.bad_locations = 0

    def node(self, n: Any) -> None:
        tags = n.tags
        if not len(tags):
            return
        if tags.get("highway") == "traffic_signals":
            self.signal_ids.append(n.id)
        if tags.get("addr:housenumber") and tags.get("addr:street"):
            self._address(n.location.lat, n.location.lon, tags)
        category = _poi_category(tags)
        if category is not None:
            self._poi(category, n.location.lat, n.location.lon, tags)
        place = tags.get("place")
        if place in ("city", "town", "village", "suburb", "quarter", "neighbourhood") and tags.get("name"):
            self._translations(tags)
            self.places.append(
                {"lat": n.location.lat, "lon": n.location.lon, "name": tags["name"], "kind": place}
            )

    def _translations(self, tags: Any) -> None:
        """Keep the Chinese and English forms of a name (``name:zh-Hans`` before ``name:zh``)."""
        name = tags.get("name")
        if not name:
            return
        for lang, keys in _NAME_KEYS:
            local = next((tags.get(k) for k in keys if tags.get(k)), None)
            if local and local != name:
                self.names.setdefault(name, {})[lang] = local

    def _address(self, lat: float, lon: float, tags: Any) -> None:
        self.addresses.append([round(lat, 7), round(lon, 7), tags["addr:street"], tags["addr:housenumber"]])

    def _poi(self, category: str, lat: float, lon: float, tags: Any) -> None:
        kept = {t.k: t.v for t in tags if _KEEP_POI_TAGS.match(t.k)}
        name = tags.get("name") or tags.get("brand") or tags.get("operator") or ""
        self._translations(tags)
        self.pois.append({"lat": lat, "lon": lon, "category": category, "name": name, "tags": kept})

    def way(self, w: Any) -> None:
        tags = w.tags
        highway = tags.get("highway")
        if highway in _CLASS_INDEX and _car_allowed(tags):
            self._road(w, highway, tags)
        kind = _line_kind(tags)
        if kind is not None:
            start = len(self.line_lat)
            try:
                for nr in w.nodes:
                    self.line_lat.append(nr.lat)
                    self.line_lon.append(nr.lon)
            except osmium.InvalidLocationError:
                del self.line_lat[start:], self.line_lon[start:]
                self.bad_locations += 1
                return
            self.line_kind.append(LINE_KINDS.index(kind))
            self.line_start.append(len(self.line_lat))
            if kind == "coastline":
                ids = [nr.ref for nr in w.nodes]
                self.coast.append(CoastWay(ids, self.line_lat[start:], self.line_lon[start:]))

    def _road(self, w: Any, highway: str, tags: Any) -> None:
        refs = []
        try:
            for nr in w.nodes:
                refs.append((nr.ref, nr.lat, nr.lon))
        except osmium.InvalidLocationError:
            self.bad_locations += 1
            return
        if len(refs) < 2:
            return
        cls = _CLASS_INDEX[highway]
        roundabout = tags.get("junction") in ("roundabout", "circular")
        for ref, lat, lon in refs:
            index = self.node_index.get(ref)
            if index is None:
                index = self.node_index[ref] = len(self.lat)
                self.lat.append(lat)
                self.lon.append(lon)
            self.way_nodes.append(index)
        self.way_start.append(len(self.way_nodes))
        self.way_class.append(cls)
        self.way_oneway.append(_oneway(tags, roundabout, highway))
        self.way_speed.append(parse_maxspeed(tags.get("maxspeed")) or CLASS_SPEED_KMH[cls])
        self.way_roundabout.append(roundabout)
        self.way_name.append(tags.get("name") or "")
        self._translations(tags)
        self.way_ref.append(tags.get("ref") or "")
        self.way_turn_lanes.append(_turn_lanes(tags, self.way_oneway[-1]))
        self.way_index[w.id] = len(self.way_turn_lanes) - 1

    def relation(self, r: Any) -> None:
        """A turn restriction with a via node (via-way restrictions are rare and not kept)."""
        tags = r.tags
        if tags.get("type") != "restriction":
            return
        value = tags.get("restriction:motorcar") or tags.get("restriction") or ""
        kind = value.split("_", 1)[0]
        if kind not in ("no", "only") or "motorcar" in (tags.get("except") or ""):
            return
        roles: dict[str, list[tuple[str, int]]] = {}
        for m in r.members:
            roles.setdefault(m.role, []).append((m.type, m.ref))
        frm, via, to = roles.get("from", []), roles.get("via", []), roles.get("to", [])
        if len(frm) == len(via) == len(to) == 1 and frm[0][0] == to[0][0] == "w" and via[0][0] == "n":
            self.restrictions.append((frm[0][1], via[0][1], to[0][1], kind == "only"))

    def area(self, a: Any) -> None:
        tags = a.tags
        category = _poi_category(tags)
        kind = _area_kind(tags)
        address = bool(tags.get("addr:housenumber") and tags.get("addr:street"))
        if category is None and kind is None and not address:
            return
        rings: list[list[tuple[float, float]]] = []
        try:
            for outer in a.outer_rings():
                rings.append([(p.lat, p.lon) for p in outer])
                for inner in a.inner_rings(outer):
                    rings.append([(p.lat, p.lon) for p in inner])
        except osmium.InvalidLocationError:
            self.bad_locations += 1
            return
        if not rings:
            return
        outer = np.array(rings[0])
        lat, lon = float(outer[:, 0].mean()), float(outer[:, 1].mean())
        if category is not None:
            self._poi(category, lat, lon, tags)
        if address:
            self._address(lat, lon, tags)
        if kind is None:
            return
        for ring in rings:
            for lat, lon in ring:
                self.ring_lat.append(lat)
                self.ring_lon.append(lon)
            self.ring_start.append(len(self.ring_lat))
        self.area_kind.append(AREA_KINDS.index(kind))
        self.area_ring_start.append(len(self.ring_start) - 1)

    def add_sea(self, bbox: tuple[float, float, float, float] | None) -> list[str]:
        """The sea from the coastline, as one area of kind "sea"; the note to report when it is broken."""
        if bbox is None and self.lat:
            bbox = (min(self.lat), min(self.lon), max(self.lat), max(self.lon))
        sea = assemble_sea(self.coast, bbox)
        if sea.rings:
            for ring in sea.rings:
                self.ring_lat += [lat for lat, _ in ring]
                self.ring_lon += [lon for _, lon in ring]
                self.ring_start.append(len(self.ring_lat))
            self.area_kind.append(AREA_KINDS.index("sea"))
            self.area_ring_start.append(len(self.ring_start) - 1)
        return [sea.broken] if sea.broken else []

    def build(self, name: str, notes: list[str]) -> MapData:
        f64, i64 = np.float64, np.int64
        return MapData(
            node_lat=np.array(self.lat, f64),
            node_lon=np.array(self.lon, f64),
            way_start=np.array(self.way_start, i64),
            way_nodes=np.array(self.way_nodes, np.int32),
            way_class=np.array(self.way_class, np.uint8),
            way_oneway=np.array(self.way_oneway, np.int8),
            way_speed=np.array(self.way_speed, np.float32),
            way_roundabout=np.array(self.way_roundabout, bool),
            way_name=self.way_name,
            way_ref=self.way_ref,
            way_turn_lanes=self.way_turn_lanes,
            turn_restrictions=[
                [self.way_index[f], self.node_index[v], self.way_index[t], int(only)]
                for f, v, t, only in self.restrictions
                if f in self.way_index and t in self.way_index and v in self.node_index
            ],
            addresses=self.addresses,
            signal_nodes=sorted(self.node_index[i] for i in self.signal_ids if i in self.node_index),
            area_kind=np.array(self.area_kind, np.uint8),
            area_ring_start=np.array(self.area_ring_start, i64),
            ring_start=np.array(self.ring_start, i64),
            ring_lat=np.array(self.ring_lat, f64),
            ring_lon=np.array(self.ring_lon, f64),
            line_kind=np.array(self.line_kind, np.uint8),
            line_start=np.array(self.line_start, i64),
            line_lat=np.array(self.line_lat, f64),
            line_lon=np.array(self.line_lon, f64),
            pois=self.pois,
            places=self.places,
            source="osm",
            name=name,
            names=self.names,
            notes=notes,
        )


def read_osm(path: Path, progress: Callable[[int, int], None] | None = None) -> MapData:
    """Parse ``path``; ``progress(done, estimated_total)`` is called every few thousand objects."""
    path = Path(path)
    if not path.is_file():
        raise InputError("map file not found", where=str(path), fix="Give an existing .osm.pbf file")
    total = max(1, int(path.stat().st_size * _OBJECTS_PER_BYTE))
    collector = _Collector()
    count = 0
    try:
        for obj in osmium.FileProcessor(str(path)).with_locations().with_areas():
            if obj.is_node():
                collector.node(obj)
            elif obj.is_way():
                collector.way(obj)
            elif obj.is_area():
                collector.area(obj)
            elif obj.is_relation():
                collector.relation(obj)
            count += 1
            if progress is not None and count % 5000 == 0:
                progress(count, max(total, count))
    except RuntimeError as exc:
        # libosmium says what is wrong with the file (truncated blob, unknown format, bad header).
        raise InputError(
            f"not a readable OSM file ({str(exc).strip().splitlines()[0]})",
            where=str(path),
            fix="Give an .osm.pbf extract, e.g. from download.geofabrik.de",
        ) from None
    if progress is not None:
        progress(count, count)
    if count == 0:
        raise InputError("the file holds no OSM data", where=str(path), fix="Give an .osm.pbf extract")
    if not collector.way_class:
        raise InputError(
            "no roads in this region (no drivable highway=* ways)",
            where=str(path),
            fix="Give an extract that covers roads",
        )
    name = path.name.removesuffix(".pbf").removesuffix(".osm")
    return collector.build(name, collector.add_sea(_header_bbox(path)))


def _header_bbox(path: Path) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) the extract says it covers (its header's box), None when it says nothing."""
    reader = osmium.io.Reader(str(path), osmium.osm.osm_entity_bits.NOTHING)
    try:
        box = reader.header().box()
    finally:
        reader.close()
    if not box.valid():
        return None
    return (box.bottom_left.lat, box.bottom_left.lon, box.top_right.lat, box.top_right.lon)


def import_osm(
    path: Path, out: Path | None = None, progress: Callable[[int, int], None] | None = None
) -> Path:
    """Read ``path`` and write its cache (in the user data folder unless ``out``); returns the cache path."""
    data = read_osm(path, progress)
    target = out or cache_path_for(Path(path))
    data.save(target)
    return target
