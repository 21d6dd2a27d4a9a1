"""The banner says how far the reading of a long replay log has got, while the window is already up."""

from __future__ import annotations

import time
from pathlib import Path

import can

from cockpit.cli.run import open_session
from cockpit.session import SessionOptions
from ui.app import Look, build_window

from .conftest import pump_events


def test_the_banner_shows_percent_and_time_left_while_a_long_log_is_read(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    import threading

    import cockpit.session as session_module

    # The reading waits a quarter of the way in until the window has shown it: on a busy machine the whole
    # log could otherwise be read before the window's first tick.
    seen = threading.Event()
    real_build_index = session_module.build_index

    def held_build_index(messages, *args, **kwargs):
        def gated():
            for n, message in enumerate(messages):
                if n == 30_000:
                    seen.wait(60)
                yield message

        return real_build_index(gated(), *args, **kwargs)

    monkeypatch.setattr(session_module, "build_index", held_build_index)
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
        # Until the reading is over (``loading`` cleared), not merely until the replay exists: the loader
        # attaches the replay a moment before it clears ``loading``, and a busy machine can tick in between.
        while session.loading is not None and time.monotonic() < deadline:
            win.tick()
            if win.banner.isVisible():
                shown.add(win.banner.text())
                if " % (" in win.banner.text():
                    seen.set()
            pump_events(0.016)
        assert session.replay is not None
        assert any("long.log" in text and " % (" in text and "left" in text for text in shown), shown
        win.tick()
        assert not win.banner.isVisible(), win.banner.text()  # gone once the replay runs
    finally:
        session.close()
