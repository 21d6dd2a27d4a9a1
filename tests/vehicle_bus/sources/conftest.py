from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

# ../shared beside the repository root: real captures the tests may read but never copy.
SHARED = Path(__file__).resolve().parents[3].parent / "shared"


@pytest.fixture
def kona_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent (real Kona captures live there)")
    return SHARED / "data" / "can" / "hyundai-kona-ev"


@pytest.fixture
def write_text(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write ``text`` to ``tmp_path / name`` exactly as given (no newline translation)."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        return path

    return write
