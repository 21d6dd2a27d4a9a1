from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cockpit.navigation.mapdata import ROAD_CLASSES, MapData
from cockpit.navigation.osm_import import import_osm, parse_maxspeed, read_osm
from vehicle_bus.errors import InputError

from ...conftest import MONACO_PBF


def test_monaco_cache_holds_roads_areas_and_pois(monaco_map: Path) -> None:
    data = MapData.load(monaco_map)
    assert data.source == "osm"
    assert data.way_count > 1000 and len(data.node_lat) > 5000
    assert len(data.pois_in("charging")) == 11
    assert data.pois_in("fuel") and data.pois_in("parking")
    # Every road class Monaco has, one-ways (the roundabouts among them), names.
    assert {ROAD_CLASSES[c] for c in np.unique(data.way_class)} >= {"primary", "secondary", "residential"}
    assert (data.way_oneway[data.way_roundabout] == 1).all()
    assert "Boulevard Albert 1er" in data.way_name
    assert len(data.area_kind) > 1000  # buildings, parks, water
    sockets = [p for p in data.pois_in("charging") if any(k.startswith("socket:") for k in p["tags"])]
    assert sockets, "socket tags kept for the energy planner"
    south, west, north, east = data.bounds()
    assert 43.72 < south < north < 43.76 and 7.40 < west < east < 7.45


def test_maxspeed_values() -> None:
    assert parse_maxspeed("50") == 50
    assert parse_maxspeed("30 mph") == pytest.approx(48.28, abs=0.01)
    assert parse_maxspeed("FR:urban") == 50
    assert parse_maxspeed("signals") is None


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_osm(tmp_path / "nowhere.osm.pbf")


def test_truncated_file(tmp_path: Path) -> None:
    cut = tmp_path / "cut.osm.pbf"
    cut.write_bytes(MONACO_PBF.read_bytes()[:100_000])
    with pytest.raises(InputError, match="not a readable OSM file"):
        read_osm(cut)


def test_not_osm(tmp_path: Path) -> None:
    junk = tmp_path / "photo.osm.pbf"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(InputError, match="not a readable OSM file"):
        read_osm(junk)


def test_region_without_roads(tmp_path: Path) -> None:
    osm = tmp_path / "sea.osm"
    osm.write_text(
        '<?xml version="1.0"?><osm version="0.6">'
        '<node id="1" lat="43.7" lon="7.4" version="1"><tag k="name" v="buoy"/></node>'
        '<node id="2" lat="43.71" lon="7.41" version="1"/>'
        '<way id="3" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way></osm>'
    )
    with pytest.raises(InputError, match="no roads"):
        import_osm(osm, tmp_path / "sea.navmap.npz")
    assert not (tmp_path / "sea.navmap.npz").exists()


def test_damaged_cache(tmp_path: Path) -> None:
    bad = tmp_path / "bad.navmap.npz"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a readable map cache"):
        MapData.load(bad)


def test_turn_lanes_kept_per_direction(tmp_path: Path) -> None:
    osm = tmp_path / "lanes.osm"
    nodes = "".join(f'<node id="{i}" lat="43.7" lon="{7.4 + i / 1000}" version="1"/>' for i in (1, 2, 3))
    osm.write_text(
        f'<?xml version="1.0"?><osm version="0.6">{nodes}'
        '<way id="4" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/>'
        '<tag k="oneway" v="yes"/><tag k="turn:lanes" v="left|through"/></way>'
        '<way id="5" version="1"><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/>'
        '<tag k="turn:lanes:backward" v="through|right"/></way></osm>'
    )
    data = read_osm(osm)
    assert data.turn_lanes(0, forward=True) == "left|through" and data.turn_lanes(0, forward=False) == ""
    assert data.turn_lanes(1, forward=False) == "through|right" and data.turn_lanes(1, forward=True) == ""


def test_an_older_cache_is_imported_again_not_misread(monaco_map: Path, tmp_path: Path) -> None:
    """A cache of an older version beside its .pbf is rebuilt by open_map (a stale one would lack lanes)."""
    import json

    from cockpit.navigation.map_source import open_map
    from cockpit.navigation.mapdata import CACHE_VERSION, cache_path_for

    pbf = tmp_path / "monaco-latest.osm.pbf"
    pbf.symlink_to(MONACO_PBF.resolve())
    cache = cache_path_for(pbf, tmp_path)
    with np.load(monaco_map) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(bytes(arrays["meta"]).decode())
    meta["version"] = CACHE_VERSION - 1
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    with cache.open("wb") as fh:
        np.savez(fh, **arrays)
    with pytest.raises(InputError, match="version"):
        MapData.load(cache)
    data = open_map(pbf, cache_dir=tmp_path)
    assert data.way_turn_lanes and MapData.load(cache).way_count == data.way_count


def test_swap_stations_are_their_own_poi_category(tmp_path: Path) -> None:
    osm = tmp_path / "swap.osm"
    osm.write_text(
        '<?xml version="1.0"?><osm version="0.6">'
        '<node id="1" lat="43.7" lon="7.4" version="1"/><node id="2" lat="43.7" lon="7.41" version="1"/>'
        '<node id="3" lat="43.71" lon="7.4" version="1"><tag k="amenity" v="charging_station"/>'
        '<tag k="brand" v="NIO"/><tag k="name" v="NIO Power Swap Station"/></node>'
        '<node id="4" lat="43.71" lon="7.41" version="1"><tag k="amenity" v="charging_station"/>'
        '<tag k="socket:type2_combo" v="2"/></node>'
        '<way id="5" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/></way></osm>'
    )
    data = read_osm(osm)
    assert [p["name"] for p in data.pois_in("swap")] == ["NIO Power Swap Station"]
    assert len(data.pois_in("charging")) == 1
