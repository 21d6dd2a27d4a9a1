"""`cockpit companion` bad input: one line, exit 2, nothing started."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.cli.main import main


@pytest.fixture(autouse=True)
def own_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["companion", "pair"], "no companion server is running"),
        (["companion", "devices", "--json"], "no companion server is running"),
        (["companion", "revoke"], "revoke needs the phone's id"),
        (["companion", "--port", "70000"], "--port 70000 is not a port number"),
    ],
)
def test_bad_input_is_one_line(argv: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
