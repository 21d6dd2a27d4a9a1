"""The now-playing bar under every panel: what plays, play/pause, next, previous, volume, and Up next (opens
the media panel on its queue).

Hidden while nothing is queued, so a small screen keeps its height for the panel, and on the two panels that
show what plays themselves: the media panel (the full player) and home (its Now playing card). At 800×480
the bar took the height the player's volume rows and home's four tiles need.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ..context import UiContext
from ..media_bridge import MediaBridge
from . import media_buttons as mb
from .track_text import shown_name

OWN_PLAYER = frozenset({"media", "home"})


def clock(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60}:{s % 60:02d}"


class NowPlayingBar(QFrame):
    def __init__(self, ctx: UiContext, bridge: MediaBridge, open_media: Callable[[], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.bridge = bridge
        self.setObjectName("nowPlaying")
        margin = ctx.px(4)
        self.setFixedHeight(ctx.touch() + 2 * margin)  # a scaled 56 px was under the 48 px buttons at 800×480
        row = QHBoxLayout(self)
        row.setContentsMargins(ctx.px(12), margin, ctx.px(12), margin)
        row.setSpacing(ctx.px(8))
        self.title = QPushButton()
        self.title.setObjectName("nowPlayingTitle")
        self.title.setFlat(True)
        self.title.clicked.connect(open_media)
        self.time = QLabel()
        c = bridge.controller
        self.prev = mb.media_button(ctx, mb.PREVIOUS, c.previous, self.refresh)
        self.play = mb.media_button(ctx, mb.PLAY, c.toggle_play, self.refresh)
        self.next = mb.media_button(ctx, mb.NEXT, c.next, self.refresh)
        self.quieter = mb.media_button(ctx, mb.QUIETER, c.quieter, self.refresh)
        self.mute = mb.media_button(ctx, mb.MUTE, c.toggle_mute, self.refresh)
        self.louder = mb.media_button(ctx, mb.LOUDER, c.louder, self.refresh)
        # open the panel first: it is built on first show, and only then listens for the request
        self.queue = mb.media_button(ctx, mb.UP_NEXT, open_media, bridge.queue_wanted.emit)
        row.addWidget(self.title, 1)
        row.addWidget(self.time)
        for b in (self.prev, self.play, self.next, self.quieter, self.mute, self.louder, self.queue):
            row.addWidget(b)
        self.panel_plays = False  # the panel shown has its own player
        bridge.changed.connect(self.refresh)
        self.refresh()

    def follow_panel(self, key: str) -> None:
        """The window shows panel ``key``: the bar steps aside where the panel shows what plays."""
        self.panel_plays = key in OWN_PLAYER
        self.refresh()

    def refresh(self) -> None:
        now = self.bridge.controller.now_playing()
        self.setVisible(now.track is not None and not self.panel_plays)
        if now.track is None:
            return
        self.title.setText(f"{now.track.title} · {shown_name(now.track.artist)}")
        self.time.setText(f"{clock(now.position_s)} / {clock(now.track.duration_s)}")
        mb.show_play(self.play, self.ctx, now)
        mb.show_volume(self.mute, self.ctx, now)
