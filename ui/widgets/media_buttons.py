"""The media buttons of the media panel, the now-playing bar and the home screen's tile, drawn with the icon
set (Tabler SVGs recoloured by the theme) at a 48 px touch size.

An icon button has no text to read, so each says what it does in its accessible name and tooltip (what a
screen reader, and a test, reads). A button whose state changes (play/pause, repeat, mute) is re-iconed only
when its state does: the 10 Hz media timer must not set the same icon ten times a second.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QPushButton

from cockpit.media.controller import NowPlaying
from cockpit.media.queue import Repeat

from ..context import UiContext
from ..icons import set_icon

ICON_PX = 24  # at the reference size
CONTEXT = "MediaButtons"

# icon, glyph shown if the SVG cannot be loaded, name (marked for lupdate, translated when shown)
PLAY = ("player-play", "▶", QT_TRANSLATE_NOOP("MediaButtons", "Play"))
PAUSE = ("player-pause", "❚❚", QT_TRANSLATE_NOOP("MediaButtons", "Pause"))
NEXT = ("player-skip-forward", "▶|", QT_TRANSLATE_NOOP("MediaButtons", "Next song"))
PREVIOUS = ("player-skip-back", "|◀", QT_TRANSLATE_NOOP("MediaButtons", "Previous song"))
SHUFFLE = ("arrows-shuffle", "⤮", QT_TRANSLATE_NOOP("MediaButtons", "Shuffle"))
QUIETER = ("minus", "−", QT_TRANSLATE_NOOP("MediaButtons", "Quieter"))
LOUDER = ("plus", "+", QT_TRANSLATE_NOOP("MediaButtons", "Louder"))
MUTE = ("volume", "♪", QT_TRANSLATE_NOOP("MediaButtons", "Mute"))
UNMUTE = ("volume-off", "♪ ✕", QT_TRANSLATE_NOOP("MediaButtons", "Unmute"))
UP_NEXT = ("playlist", "≡", QT_TRANSLATE_NOOP("MediaButtons", "Up next"))
REPEAT = {
    Repeat.OFF: ("repeat-off", "↻", QT_TRANSLATE_NOOP("MediaButtons", "Repeat off")),
    Repeat.ALL: ("repeat", "↻", QT_TRANSLATE_NOOP("MediaButtons", "Repeat all")),
    Repeat.ONE: ("repeat-once", "↻1", QT_TRANSLATE_NOOP("MediaButtons", "Repeat one")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def show(button: QPushButton, ctx: UiContext, look: tuple[str, str, str], text: str = "") -> None:
    """Give ``button`` the icon, name and optional ``text`` of ``look``, unless it has them already."""
    icon_name, glyph, name = look
    key = f"{icon_name}|{text}|{ctx.theme.name}"
    if button.property("mediaLook") == key:
        return
    button.setProperty("mediaLook", key)
    missing = f"{glyph} {text}".strip()
    set_icon(button, icon_name, ctx.theme.text, ctx.px(ICON_PX), "#ffffff", text=text, missing_text=missing)
    button.setAccessibleName(_tr(name))
    button.setToolTip(_tr(name))


def media_button(
    ctx: UiContext,
    look: tuple[str, str, str],
    action: Callable[[], object],
    after: Callable[[], None],
    checkable: bool = False,
) -> QPushButton:
    """A 48 px icon button that runs ``action`` and then ``after`` (the owner's refresh)."""
    button = QPushButton()
    button.setObjectName("mediaButton")
    button.setCheckable(checkable)
    button.setMinimumSize(ctx.touch(), ctx.touch())
    show(button, ctx, look)
    button.clicked.connect(lambda: (action(), after()))
    return button


def show_play(button: QPushButton, ctx: UiContext, now: NowPlaying) -> None:
    show(button, ctx, PAUSE if now.playing else PLAY)


def show_repeat(button: QPushButton, ctx: UiContext, now: NowPlaying) -> None:
    button.setChecked(now.repeat is not Repeat.OFF)  # the accent says "on" as for shuffle
    show(button, ctx, REPEAT[now.repeat])


def show_volume(button: QPushButton, ctx: UiContext, now: NowPlaying) -> None:
    """The speaker icon with the level beside it; crossed out, and no level, when muted."""
    if now.muted:
        show(button, ctx, UNMUTE)
    else:
        show(button, ctx, MUTE, text=str(now.level))
