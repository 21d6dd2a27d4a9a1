"""The user data folder of the CLI tests is a temporary one, so the built-in town's cache is not written
to the real home (Monaco's import is the session-wide ``monaco_map`` of tests/conftest.py); progress bars
are checked on a stderr that says it is a terminal."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


class TerminalBuffer(io.StringIO):
    """A stream that says it is a terminal, as stdout and stderr are when a person runs the command."""

    def isatty(self) -> bool:
        return True


@dataclass
class Terminal:
    out: io.StringIO
    err: TerminalBuffer


@pytest.fixture
def on_terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Terminal]:
    """Call it in the test (capsys takes the streams back after the fixtures run): stderr becomes a
    terminal, and stdout too unless ``stdout=False`` (then it is redirected, as into a file)."""

    def activate(stdout: bool = True) -> Terminal:
        terminal = Terminal(TerminalBuffer() if stdout else io.StringIO(), TerminalBuffer())
        monkeypatch.setattr(sys, "stdout", terminal.out)
        monkeypatch.setattr(sys, "stderr", terminal.err)
        return terminal

    return activate
