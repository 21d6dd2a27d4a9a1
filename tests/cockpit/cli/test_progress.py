"""Long work shows a bar on a terminal, and nothing when the output is for a program."""

from __future__ import annotations

import json
from pathlib import Path

import can

from cockpit.cli.main import main
from cockpit.cli.progress import IndexBar
from cockpit.cli.run import open_session
from cockpit.index_progress import Progress
from cockpit.session import SessionOptions


def test_sim_fast_draws_a_bar_on_a_terminal(capsys, tmp_path: Path, on_terminal) -> None:
    terminal = on_terminal()
    assert main(["sim", "--fast", "--duration", "20", "--record", str(tmp_path / "a.log")]) == 0
    bar = terminal.err.getvalue()
    assert "simulating: 100%" in bar and "20/20" in bar
    assert "cockpit sim: demo-bev" in bar  # the summary still follows


def test_sim_json_and_quiet_draw_no_bar(capsys, tmp_path: Path, on_terminal) -> None:
    terminal = on_terminal()
    assert main(["sim", "--fast", "--duration", "5", "--record", str(tmp_path / "b.log"), "--json"]) == 0
    summary = json.loads(terminal.out.getvalue())
    assert summary["vehicle"] == "demo-bev" and summary["frames"] > 0 and summary["seconds"] == 5
    assert main(["sim", "--fast", "--duration", "5", "--record", str(tmp_path / "c.log"), "--quiet"]) == 0
    assert terminal.err.getvalue() == ""


def test_sim_draws_no_bar_when_stderr_is_not_a_terminal(capsys, tmp_path: Path) -> None:
    assert main(["sim", "--fast", "--duration", "5", "--record", str(tmp_path / "d.log")]) == 0
    assert "simulating" not in capsys.readouterr().err


def test_sim_draws_no_bar_when_stdout_is_redirected(tmp_path: Path, on_terminal) -> None:
    terminal = on_terminal(stdout=False)
    assert main(["sim", "--fast", "--duration", "5", "--record", str(tmp_path / "e.log")]) == 0
    assert "simulating" not in terminal.err.getvalue() and "cockpit sim: demo-bev" in terminal.err.getvalue()


def test_reading_a_log_shows_percent_then_completes(on_terminal) -> None:
    err = on_terminal().err
    bar = IndexBar("drive.log")
    for frames in (0, 25_000, 50_000):
        bar(Progress(frames, 100_000, frames / 50_000))
    assert "reading drive.log:  50%" in err.getvalue()
    bar(Progress(99_000, 100_000, 2.0, done=True))
    assert "reading drive.log: 100%" in err.getvalue() and "99.0k/99.0k" in err.getvalue()


def test_the_head_unit_shows_a_replays_reading_on_the_terminal(tmp_path: Path, on_terminal) -> None:
    log = tmp_path / "drive.log"
    with can.Logger(str(log)) as out:
        for k in range(5000):
            out.on_message_received(can.Message(timestamp=k / 100, arbitration_id=0x101, data=bytes(8)))
    terminal = on_terminal()
    session = open_session(SessionOptions(replay=str(log), use_can_config=False), terminal_progress=True)
    try:
        assert session.wait_until_loaded()
    finally:
        session.close()
    assert "reading drive.log: 100%" in terminal.err.getvalue() and "5.00k/5.00k" in terminal.err.getvalue()
