"""Media buttons: icons that exist, say what they do, and show the player's state without a glyph."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from cockpit.media.controller import NowPlaying
from cockpit.media.queue import Repeat
from ui.icons import ICONS_DIR
from ui.widgets import media_buttons as mb


def now(**changes) -> NowPlaying:
    base = dict(
        track=None, playing=False, position_s=0.0, level=4, muted=False, ducked=False, shuffle=False,
        repeat=Repeat.OFF,
    )  # fmt: skip
    return NowPlaying(**{**base, **changes})


def test_every_media_icon_ships() -> None:
    looks = [mb.PLAY, mb.PAUSE, mb.NEXT, mb.PREVIOUS, mb.SHUFFLE, mb.QUIETER, mb.LOUDER, mb.UP_NEXT, mb.MUTE]
    looks += [mb.UNMUTE, *mb.REPEAT.values()]
    assert [icon for icon, _, _ in looks if not (ICONS_DIR / f"{icon}.svg").exists()] == []


def test_buttons_show_the_players_state_by_icon_and_name(qapp, ctx) -> None:
    play, repeat, volume = QPushButton(), QPushButton(), QPushButton()
    repeat.setCheckable(True)
    mb.show_play(play, ctx, now(playing=True))
    assert play.accessibleName() == "Pause" and play.text() == "" and not play.icon().isNull()
    assert play.toolTip() == "Pause"
    mb.show_repeat(repeat, ctx, now(repeat=Repeat.ONE))
    assert repeat.isChecked() and repeat.accessibleName() == "Repeat one"
    mb.show_repeat(repeat, ctx, now())
    assert not repeat.isChecked() and repeat.accessibleName() == "Repeat off"
    mb.show_volume(volume, ctx, now(level=7))
    assert volume.text() == "7" and volume.accessibleName() == "Mute"
    mb.show_volume(volume, ctx, now(muted=True))
    assert volume.text() == "" and volume.accessibleName() == "Unmute"


def test_a_button_without_its_svg_still_reads(qapp, ctx) -> None:
    button = QPushButton()
    mb.show(button, ctx, ("no-such-media-icon", "▶", "Play"))
    assert button.text() == "▶" and button.accessibleName() == "Play"
