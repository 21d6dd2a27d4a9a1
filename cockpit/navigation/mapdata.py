"""The compact map cache: numpy arrays for roads, areas, labels and POIs, saved as one ``.npz`` file.

Roads are OSM ways split nowhere: ``way_nodes[way_start[i]:way_start[i + 1]]`` are the road-node indices
of way ``i``; the graph (``graph.py``) cuts them at junctions. Areas (water, parks, buildings) are rings
of coordinates, several rings per area (outer and inner, drawn with the odd-even rule). Strings (names,
refs, POI tags) travel as one JSON document inside the archive.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs

from vehicle_bus.errors import InputError

# 2: per-way turn:lanes (forward, backward); turn restrictions; traffic signals; addresses; more POIs.
# 3: the sea, assembled from the coastline at import (area kind "sea"); what the import noticed (notes).
# An older cache is imported again, never misread.
CACHE_VERSION = 3
CACHE_SUFFIX = ".navmap.npz"

# Road classes, most important first; the index is the class code stored per way.
ROAD_CLASSES = (
    "motorway",
    "trunk",
    "primary",
    "secondary",
    "tertiary",
    "unclassified",
    "residential",
    "living_street",
    "service",
)
# Typical speed (km/h) where a road has no usable ``maxspeed``: urban European defaults.
CLASS_SPEED_KMH = (110.0, 90.0, 60.0, 50.0, 50.0, 40.0, 30.0, 10.0, 15.0)
# "sea": the rings assembled from the coastline (coastline.py), one area; drawn apart from "water" because
# a layer's rings are filled odd-even, and a harbour basin inside the sea would cut a hole in it.
AREA_KINDS = ("water", "park", "building", "sea")
LINE_KINDS = ("river", "coastline", "rail")
POI_CATEGORIES = ("charging", "fuel", "parking", "swap", "food", "hotel", "shop", "toilets")


# The array fields, saved one .npy each; the rest travels as JSON.
ARRAY_FIELDS = (
    "node_lat",
    "node_lon",
    "way_start",
    "way_nodes",
    "way_class",
    "way_oneway",
    "way_speed",
    "way_roundabout",
    "area_kind",
    "area_ring_start",
    "ring_start",
    "ring_lat",
    "ring_lon",
    "line_kind",
    "line_start",
    "line_lat",
    "line_lon",
)


@dataclass
class MapData:
    """Everything the navigation engine and the map view need, as flat arrays."""

    node_lat: np.ndarray  # float64, road nodes
    node_lon: np.ndarray
    way_start: np.ndarray  # int64, len(ways) + 1 offsets into way_nodes
    way_nodes: np.ndarray  # int32 road-node indices
    way_class: np.ndarray  # uint8 index into ROAD_CLASSES
    way_oneway: np.ndarray  # int8: 0 both ways, 1 forward only, -1 backward only
    way_speed: np.ndarray  # float32 km/h
    way_roundabout: np.ndarray  # bool
    way_name: list[str]
    way_ref: list[str]
    area_kind: np.ndarray  # uint8 index into AREA_KINDS, per area
    area_ring_start: np.ndarray  # int64, len(areas) + 1 offsets into ring indices
    ring_start: np.ndarray  # int64, len(rings) + 1 offsets into ring_lat/ring_lon
    ring_lat: np.ndarray
    ring_lon: np.ndarray
    line_kind: np.ndarray  # uint8 index into LINE_KINDS
    line_start: np.ndarray  # int64 offsets into line_lat/line_lon
    line_lat: np.ndarray
    line_lon: np.ndarray
    pois: list[dict[str, Any]] = field(default_factory=list)  # lat lon category name tags
    places: list[dict[str, Any]] = field(default_factory=list)  # lat lon name kind (town, suburb…)
    source: str = "osm"  # "osm" or "builtin"
    name: str = ""
    # A name in other languages where the map has it (OSM name:zh, name:en): name → {language: name}.
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    # OSM turn:lanes per way as (forward, backward) "left|through;right" strings; "" where not tagged.
    way_turn_lanes: list[list[str]] = field(default_factory=list)
    # OSM turn restrictions with a via node: [from way, via road node, to way, 1 for only_* / 0 for no_*].
    turn_restrictions: list[list[int]] = field(default_factory=list)
    signal_nodes: list[int] = field(default_factory=list)  # road nodes with traffic signals
    addresses: list[list[Any]] = field(default_factory=list)  # [lat, lon, street, house number]
    # What the import noticed and the user should hear once (e.g. a broken coastline: no sea drawn).
    notes: list[str] = field(default_factory=list)

    def turn_lanes(self, way: int, forward: bool) -> str:
        """The ``turn:lanes`` value for driving ``way`` forward or backward ("" where the map has none)."""
        if way >= len(self.way_turn_lanes):
            return ""
        return self.way_turn_lanes[way][0 if forward else 1]

    @property
    def way_count(self) -> int:
        return len(self.way_class)

    def bounds(self) -> tuple[float, float, float, float]:
        """(south, west, north, east) of the roads."""
        return (
            float(self.node_lat.min()),
            float(self.node_lon.min()),
            float(self.node_lat.max()),
            float(self.node_lon.max()),
        )

    def local_name(self, name: str, lang: str) -> str:
        """``name`` as the map writes it in ``lang`` (``zh``, ``en``), or as it is."""
        return self.names.get(name, {}).get(lang, name)

    def pois_in(self, category: str) -> list[dict[str, Any]]:
        return [p for p in self.pois if p["category"] == category]

    # -- persistence ----------------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "version": CACHE_VERSION,
            "way_name": self.way_name,
            "way_ref": self.way_ref,
            "way_turn_lanes": self.way_turn_lanes,
            "turn_restrictions": self.turn_restrictions,
            "signal_nodes": self.signal_nodes,
            "addresses": self.addresses,
            "pois": self.pois,
            "places": self.places,
            "source": self.source,
            "name": self.name,
            "names": self.names,
            "notes": self.notes,
        }
        arrays = {k: getattr(self, k) for k in ARRAY_FIELDS}
        tmp = path.with_name(path.name + ".part")
        with tmp.open("wb") as fh:
            np.savez(fh, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8), **arrays)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> MapData:
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(bytes(z["meta"]).decode())
                if meta.get("version") != CACHE_VERSION:
                    raise InputError(
                        f"map cache version {meta.get('version')} is not {CACHE_VERSION}",
                        where=str(path),
                        fix="Import the .osm.pbf again with `cockpit map import`",
                    )
                arrays = {k: z[k] for k in ARRAY_FIELDS}
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as exc:
            raise InputError(
                f"not a readable map cache ({type(exc).__name__})",
                where=str(path),
                fix="Import the .osm.pbf again with `cockpit map import`",
            ) from None
        return cls(
            **arrays,
            way_name=meta["way_name"],
            way_ref=meta["way_ref"],
            way_turn_lanes=meta["way_turn_lanes"],
            turn_restrictions=meta["turn_restrictions"],
            signal_nodes=meta["signal_nodes"],
            addresses=meta["addresses"],
            pois=meta["pois"],
            places=meta["places"],
            source=meta["source"],
            name=meta["name"],
            names=meta.get("names", {}),  # caches written before names were kept have none
            notes=meta["notes"],
        )


def is_current_cache(path: Path) -> bool:
    """Whether ``path`` is a map cache this version reads (an older one is imported again)."""
    try:
        with np.load(path, allow_pickle=False) as z:
            return json.loads(bytes(z["meta"]).decode()).get("version") == CACHE_VERSION
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, json.JSONDecodeError):
        return False


def maps_dir() -> Path:
    return Path(platformdirs.user_data_dir("smart-cockpit")) / "maps"


def cache_path_for(pbf: Path, folder: Path | None = None) -> Path:
    name = pbf.name
    for suffix in (".osm.pbf", ".pbf"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return (folder or maps_dir()) / (name + CACHE_SUFFIX)
