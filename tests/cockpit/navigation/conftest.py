"""Monaco imported once per test session (into a temporary folder), and the built-in town."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.navigation.builtin_town import generate_town
from cockpit.navigation.mapdata import MapData
from cockpit.navigation.navigator import Navigator
from cockpit.navigation.osm_import import import_osm

MONACO_PBF = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "osm" / "monaco-latest.osm.pbf"


@pytest.fixture(scope="session")
def monaco_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not MONACO_PBF.is_file():
        pytest.skip(f"shared Monaco extract not found at {MONACO_PBF}")
    return import_osm(MONACO_PBF, tmp_path_factory.mktemp("maps") / "monaco.navmap.npz")


@pytest.fixture(scope="session")
def monaco(monaco_cache: Path) -> Navigator:
    return Navigator(MapData.load(monaco_cache))


@pytest.fixture(scope="session")
def town() -> Navigator:
    return Navigator(generate_town())
