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


_LEFT_OPEN: set[int] = set()  # hidden top-level widgets a collection did not free (kept by something)


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_ui_thread() -> None:
    """Before each test, once Qt is in use: delete the windows earlier tests closed (``deleteLater``) and,
    when a closed window is left over, collect the garbage here, on the UI thread.

    Python's cyclic garbage collector runs on whichever thread allocates. Left to it, a test's window was
    collected on a later test's worker thread (a map loading); Qt cannot stop timers or delete widgets
    from there, and the UI thread then crashed on the freed objects. A full collection costs ~0.2 s, so it
    runs only when a new hidden top-level widget is found, not before every test.
    """
    global _LEFT_OPEN
    if "PySide6.QtWidgets" not in sys.modules:
        return
    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return

    def hidden() -> set[int]:
        return {shiboken6.getCppPointer(w)[0] for w in QApplication.topLevelWidgets() if not w.isVisible()}

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if hidden() - _LEFT_OPEN:
        gc.collect()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        _LEFT_OPEN = hidden()
