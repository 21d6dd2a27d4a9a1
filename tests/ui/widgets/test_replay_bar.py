"""The replay bar's buttons are icons in the theme's colour: pause while the log plays, play while paused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import can
import pytest
from PySide6.QtWidgets import QPushButton

from cockpit.session import Session, SessionOptions
from ui.context import UiContext
from ui.icons import pixmap
from ui.theme import DARK, apply_theme
from ui.units import Units
from ui.widgets.replay_bar import ReplayBar


@pytest.fixture
def replay_session(tmp_path: Path) -> Iterator[Session]:
    log = tmp_path / "short.log"
    with can.Logger(str(log)) as out:
        for k in range(2_000):
            out.on_message_received(can.Message(timestamp=k / 100, arbitration_id=0x101, data=bytes(8)))
    session = Session(SessionOptions(replay=str(log), use_can_config=False))
    session.start()
    try:
        assert session.wait_until_loaded(10)
        yield session
    finally:
        session.close()


def shows(button: QPushButton, name: str, colour: str, size: int) -> bool:
    """The button draws the icon ``name`` (and no glyph text)."""
    drawn = button.icon().pixmap(size, size).toImage()
    return not button.text() and drawn == pixmap(name, colour, size).toImage()


def test_play_button_is_an_icon_that_flips_between_pause_and_play(qapp, replay_session) -> None:
    apply_theme(qapp, DARK, 1.0)
    bar = ReplayBar(UiContext(replay_session, DARK, Units(), replay_session.commands))
    bar.refresh()
    assert shows(bar.play, "player-pause", DARK.text, 26)
    bar.toggle()
    assert replay_session.replay.state == "paused"
    assert shows(bar.play, "player-play", DARK.text, 26)
    bar.toggle()
    assert shows(bar.play, "player-pause", DARK.text, 26)
    assert min(bar.play.width(), bar.play.height()) >= 48
    assert bar.loop.text() == "Loop" and not bar.loop.icon().isNull()
