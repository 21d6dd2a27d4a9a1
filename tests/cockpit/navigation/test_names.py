"""Names in the UI language: OSM's name:zh / name:en kept by the import, the built-in town's Chinese names,
and search by either form."""

from __future__ import annotations

from pathlib import Path

from cockpit.navigation.mapdata import MapData
from cockpit.navigation.navigator import Navigator


def test_osm_import_keeps_names_in_other_languages(monaco: Navigator) -> None:
    assert monaco.data.local_name("Monaco-Ville", "en") == "Monaco City"  # its place node's name:en
    assert monaco.data.local_name("Boulevard des Moulins", "zh") == "Boulevard des Moulins"  # none in OSM


def test_builtin_town_streets_have_chinese_names_and_search_finds_them(town: Navigator) -> None:
    streets = {n for n in town.data.way_name if n}
    assert all(town.data.local_name(n, "zh") != n for n in streets)
    assert town.data.local_name("Shaanxi Road", "zh") == "陕西路"
    assert town.places.search("陕西路", limit=1)[0].name == "Shaanxi Road"


def test_names_survive_the_cache(town: Navigator, tmp_path: Path) -> None:
    path = tmp_path / "town.navmap.npz"
    town.data.save(path)
    assert MapData.load(path).local_name("Shaanxi Road", "zh") == "陕西路"
