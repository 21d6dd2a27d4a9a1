"""The sea assembled from coastline ways at import: closed against the extract's box on the water side (the
right of the coast's direction), islands left dry, nothing flooded when the coastline is broken."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import osmium
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath

from cockpit.navigation.mapdata import AREA_KINDS, MapData
from cockpit.navigation.osm_import import read_osm

# The extract's box: 0.1° square. A road keeps read_osm happy (an extract without roads is refused).
SOUTH, WEST, NORTH, EAST = 43.60, 7.30, 43.70, 7.40
Coast = list[tuple[float, float]]  # (lat, lon) in the way's direction


def write_extract(path: Path, coasts: list[Coast], shared_ends: bool = True) -> Path:
    """An .osm.pbf with a header box, one road and ``coasts`` as natural=coastline ways; with
    ``shared_ends`` a way starting where another ends reuses that node (they join into one chain)."""
    header = osmium.io.Header()
    header.add_box(osmium.osm.Box(WEST, SOUTH, EAST, NORTH))
    ids: dict[tuple[float, float], int] = {}
    nodes: list[osmium.osm.mutable.Node] = []

    def node(lat: float, lon: float) -> int:
        key = (lat, lon)
        if key not in ids or not shared_ends:
            ids[key] = len(nodes) + 1
            nodes.append(osmium.osm.mutable.Node(id=ids[key], location=(lon, lat)))
        return ids[key]

    road = [node(43.68, 7.34), node(43.68, 7.36)]
    ways = [osmium.osm.mutable.Way(id=1, nodes=road, tags={"highway": "primary"})]
    for i, coast in enumerate(coasts):
        refs = [node(lat, lon) for lat, lon in coast]
        ways.append(osmium.osm.mutable.Way(id=10 + i, nodes=refs, tags={"natural": "coastline"}))
    with osmium.SimpleWriter(str(path), header=header) as writer:
        for n in sorted(nodes, key=lambda n: n.id):
            writer.add_node(n)
        for w in ways:
            writer.add_way(w)
    return path


def sea_of(data: MapData) -> QPainterPath | None:
    """The sea rings as one odd-even path in (lon, lat), None when the import made no sea."""
    seas = [a for a, kind in enumerate(data.area_kind) if AREA_KINDS[kind] == "sea"]
    if not seas:
        return None
    (a,) = seas
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for r in range(data.area_ring_start[a], data.area_ring_start[a + 1]):
        s, e = data.ring_start[r], data.ring_start[r + 1]
        path.moveTo(data.ring_lon[s], data.ring_lat[s])
        for k in range(s + 1, e):
            path.lineTo(data.ring_lon[k], data.ring_lat[k])
        path.closeSubpath()
    return path


def is_sea(path: QPainterPath, lat: float, lon: float) -> bool:
    return path.contains(QPointF(lon, lat))


# A coast across the box, west to east, cut just inside its edges like an extract's, in two ways.
WEST_TO_EAST = [[(43.650, 7.301), (43.648, 7.330), (43.652, 7.350)], [(43.652, 7.350), (43.649, 7.399)]]


def test_an_open_coast_closes_along_the_box_on_its_right(tmp_path: Path) -> None:
    data = read_osm(write_extract(tmp_path / "coast.osm.pbf", WEST_TO_EAST[::-1]))  # ways out of order
    sea = sea_of(data)
    assert sea is not None and not data.notes
    # Walking east, the water is on the right: south of the coast, out to the box's corners.
    assert is_sea(sea, 43.62, 7.35) and is_sea(sea, 43.601, 7.301) and is_sea(sea, 43.601, 7.399)
    assert not is_sea(sea, 43.68, 7.35) and not is_sea(sea, 43.699, 7.301)
    assert not is_sea(sea, 43.60, 7.50)  # nothing beyond the extract


def test_the_same_coast_drawn_the_other_way_has_the_sea_on_the_other_side(tmp_path: Path) -> None:
    east_to_west = [list(reversed(way)) for way in reversed(WEST_TO_EAST)]
    sea = sea_of(read_osm(write_extract(tmp_path / "coast.osm.pbf", east_to_west)))
    assert sea is not None
    assert is_sea(sea, 43.68, 7.35) and not is_sea(sea, 43.62, 7.35)


def test_land_reaching_out_of_the_box_splits_the_sea_in_two(tmp_path: Path) -> None:
    # The coast dips out of the box's south edge and comes back: two chains, two pieces of sea.
    coasts = [[(43.650, 7.301), (43.630, 7.320), (43.601, 7.330)], [(43.601, 7.370), (43.650, 7.399)]]
    sea = sea_of(read_osm(write_extract(tmp_path / "cape.osm.pbf", coasts)))
    assert sea is not None
    assert is_sea(sea, 43.605, 7.305) and is_sea(sea, 43.605, 7.395)
    assert not is_sea(sea, 43.605, 7.35) and not is_sea(sea, 43.68, 7.35)


def test_an_island_in_the_sea_stays_dry(tmp_path: Path) -> None:
    # Counter-clockwise (land on the left), a closed way.
    island = [(43.62, 7.34), (43.62, 7.36), (43.63, 7.36), (43.63, 7.34), (43.62, 7.34)]
    sea = sea_of(read_osm(write_extract(tmp_path / "island.osm.pbf", [*WEST_TO_EAST, island])))
    assert sea is not None
    assert not is_sea(sea, 43.625, 7.35) and is_sea(sea, 43.61, 7.35) and not is_sea(sea, 43.68, 7.35)


def test_a_broken_coastline_floods_nothing_and_says_so_once(tmp_path: Path) -> None:
    # The second way does not start where the first ends: the first stops 2 km inside the box.
    broken = [[(43.650, 7.301), (43.648, 7.330)], [(43.652, 7.355), (43.649, 7.399)]]
    pbf = write_extract(tmp_path / "broken.osm.pbf", broken, shared_ends=False)
    data = read_osm(pbf)
    assert sea_of(data) is None
    assert len(data.notes) == 1 and "coastline broken at 43.64800,7.33000" in data.notes[0]
    assert data.line_kind.size == 2  # the coastline is still drawn as a line
    out = subprocess.run(
        [sys.executable, "-m", "cockpit", "map", "import", str(pbf), "--out", str(tmp_path / "b.navmap.npz")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.count("coastline broken") == 1


def test_the_head_unit_logs_a_broken_coastline_once_when_it_imports(tmp_path: Path, caplog) -> None:
    from cockpit.navigation.map_source import open_map

    broken = [[(43.650, 7.301), (43.648, 7.330)], [(43.652, 7.355), (43.649, 7.399)]]
    pbf = write_extract(tmp_path / "broken.osm.pbf", broken, shared_ends=False)
    with caplog.at_level("WARNING", logger="cockpit.navigation.map_source"):
        open_map(pbf, cache_dir=tmp_path)
        open_map(pbf, cache_dir=tmp_path)  # the cache: nothing imported, nothing said again
    assert [r.getMessage() for r in caplog.records if "coastline broken" in r.getMessage()] == [
        f"broken.osm.pbf: {read_osm(pbf).notes[0]}"
    ]


def test_no_coastline_no_sea(tmp_path: Path) -> None:
    data = read_osm(write_extract(tmp_path / "inland.osm.pbf", []))
    assert sea_of(data) is None and not data.notes


def test_monaco_has_its_sea_and_harbour_basins(monaco_map: Path) -> None:
    data = MapData.load(monaco_map)
    sea = sea_of(data)
    assert sea is not None and not data.notes
    assert is_sea(sea, 43.7347, 7.4237)  # Port Hercule's basin
    assert is_sea(sea, 43.7200, 7.4500)  # open sea south-east
    assert not is_sea(sea, 43.7395, 7.4275)  # the Casino
    assert not is_sea(sea, 43.7308, 7.4205)  # the Rock (Monaco-Ville)


@pytest.mark.parametrize("cut", [0.0005, 0.003])
def test_a_coast_a_little_outside_the_header_box_still_closes(tmp_path: Path, cut: float) -> None:
    """Complete ways reach out of an extract's box: their ends are carried to the grown box's edge."""
    coast = [[(43.650, WEST - cut), (43.648, 7.35), (43.649, EAST + cut)]]
    sea = sea_of(read_osm(write_extract(tmp_path / "out.osm.pbf", coast)))
    assert sea is not None and is_sea(sea, 43.62, 7.35) and not is_sea(sea, 43.68, 7.35)
