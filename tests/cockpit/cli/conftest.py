"""Monaco imported once for the CLI tests (0.5 s), into a temporary folder; the user data folder of the
tests is a temporary one too, so the built-in town's cache is not written to the real home."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.navigation.osm_import import import_osm

MONACO_PBF = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "osm" / "monaco-latest.osm.pbf"


@pytest.fixture(scope="session")
def monaco_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not MONACO_PBF.is_file():
        pytest.skip(f"shared Monaco extract not found at {MONACO_PBF}")
    return import_osm(MONACO_PBF, tmp_path_factory.mktemp("maps") / "monaco.navmap.npz")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"
