"""The banner says how far the reading of a long replay log has got, while the window is already up."""

from __future__ import annotations

import time
from pathlib import Path

import can

from cockpit.cli.run import open_session
from cockpit.session import SessionOptions
from ui.app import Look, build_window

from .conftest import pump_events


def test_the_banner_shows_percent_and_time_left_while_a_long_log_is_read(qtbot, tmp_path: Path) -> None:
    log = tmp_path / "long.log"
    with can.Logger(str(log)) as out:
        for k in range(120_000):
            out.on_message_received(can.Message(timestamp=k / 1000, arbitration_id=0x101, data=bytes(8)))
    session = open_session(SessionOptions(replay=str(log), use_can_config=False))
    try:
        win = build_window(session, Look())
        qtbot.addWidget(win)
        win.show()
        shown = set()
        deadline = time.monotonic() + 120
        while session.replay is None and session.problem is None and time.monotonic() < deadline:
            win.tick()
            if win.banner.isVisible():
                shown.add(win.banner.text())
            pump_events(0.016)
        assert session.replay is not None
        assert any("long.log" in text and " % (" in text and "left" in text for text in shown), shown
        win.tick()
        assert not win.banner.isVisible()  # gone once the replay runs
    finally:
        session.close()
