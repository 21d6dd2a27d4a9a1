"""Shared fixtures: where ../shared is, Monaco imported once per session, and small DBC text builders."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Qt tests draw offscreen; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Loaded vehicle data is cached between runs (cockpit/vehicle_cache.py): in a folder of the test run's own,
# not the user's cache.
if "COCKPIT_CACHE_DIR" not in os.environ:
    os.environ["COCKPIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="cockpit-test-cache-")
    atexit.register(shutil.rmtree, os.environ["COCKPIT_CACHE_DIR"], True)
# Content installed over the air (maps, models, profiles in the active A/B slot) is read by every session:
# the tests' own folder, so a developer's installed content never changes what a test sees.
if "COCKPIT_OTA_DIR" not in os.environ:
    os.environ["COCKPIT_OTA_DIR"] = tempfile.mkdtemp(prefix="cockpit-test-ota-")
    atexit.register(shutil.rmtree, os.environ["COCKPIT_OTA_DIR"], True)

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
KONA = SHARED / "data" / "can" / "hyundai-kona-ev"
MONACO_PBF = SHARED / "data" / "osm" / "monaco-latest.osm.pbf"


@pytest.fixture(scope="session")
def monaco_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real Monaco extract imported (0.5 s) into a temporary map cache, once for all tests."""
    if not MONACO_PBF.is_file():
        pytest.skip(f"shared Monaco extract not found at {MONACO_PBF}")
    from cockpit.navigation.osm_import import import_osm

    return import_osm(MONACO_PBF, tmp_path_factory.mktemp("maps") / "monaco.navmap.npz")


@pytest.fixture
def kona_dir() -> Path:
    if not KONA.is_dir():
        pytest.skip(f"shared Kona data not found at {KONA}")
    return KONA


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Delete what a test closed with ``deleteLater`` (pytest-qt does it for ``qtbot.addWidget``).

    Deferred deletions run only in an event loop, and tests pump events with ``processEvents``, which leaves
    them alone: every closed window stayed alive for the whole run and was re-styled at each theme change
    (one UI test took 114 s in the full suite, 4 s alone).
    """
    yield
    core = sys.modules.get("PySide6.QtCore")
    if core is not None and core.QCoreApplication.instance() is not None:
        core.QCoreApplication.sendPostedEvents(None, core.QEvent.Type.DeferredDelete)
