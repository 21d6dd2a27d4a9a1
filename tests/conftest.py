"""Shared fixtures: where ../shared is, and small DBC text builders."""

from __future__ import annotations

import os
from pathlib import Path

# Qt tests draw offscreen; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
KONA = SHARED / "data" / "can" / "hyundai-kona-ev"


@pytest.fixture
def kona_dir() -> Path:
    if not KONA.is_dir():
        pytest.skip(f"shared Kona data not found at {KONA}")
    return KONA
