"""Shared fixtures: where ../shared is, Monaco imported once per session, and small DBC text builders."""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

# Qt tests draw offscreen; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Loaded vehicle data is cached between runs (cockpit/vehicle_cache.py): in a folder of the test run's own,
# not the user's cache.
if "COCKPIT_CACHE_DIR" not in os.environ:
    os.environ["COCKPIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="cockpit-test-cache-")
    atexit.register(shutil.rmtree, os.environ["COCKPIT_CACHE_DIR"], True)

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


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_ui_thread() -> None:
    """Before each test, once Qt is in use: delete the windows earlier tests closed (``deleteLater``) and
    collect their garbage here, on the UI thread.

    Python's cyclic garbage collector runs on whichever thread allocates. Left to it, a closed test window
    was collected on a later test's worker thread (a map loading); Qt cannot stop timers or delete widgets
    from there, and the UI thread then crashed on the freed objects.
    """
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
