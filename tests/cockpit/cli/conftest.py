"""The user data folder of the CLI tests is a temporary one, so the built-in town's cache is not written
to the real home (Monaco's import is the session-wide ``monaco_map`` of tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"
