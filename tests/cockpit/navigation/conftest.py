"""A navigator on Monaco (imported once per session: tests/conftest.py), and the built-in town."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.navigation.builtin_town import generate_town
from cockpit.navigation.mapdata import MapData
from cockpit.navigation.navigator import Navigator


@pytest.fixture(scope="session")
def monaco(monaco_map: Path) -> Navigator:
    return Navigator(MapData.load(monaco_map))


@pytest.fixture(scope="session")
def town() -> Navigator:
    return Navigator(generate_town())
