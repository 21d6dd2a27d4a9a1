"""The user data folder of the CLI tests is a temporary one, so the built-in town's cache is not written
to the real home (Monaco's import is the session-wide ``monaco_map`` of tests/conftest.py); progress bars
are checked on a stderr that says it is a terminal."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


class TerminalBuffer(io.StringIO):
    """A stream that says it is a terminal, as stderr is when a person runs the command."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def on_terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[], TerminalBuffer]:
    """Call it in the test (capsys takes stderr back after the fixtures run): stderr becomes a terminal."""

    def activate() -> TerminalBuffer:
        stream = TerminalBuffer()
        monkeypatch.setattr(sys, "stderr", stream)
        return stream

    return activate
