"""The now-playing bar under every panel: what plays, play/pause, next, previous and volume.

Hidden while nothing is queued, so a small screen keeps its height for the panel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from cockpit.media.controller import NowPlaying

from ..context import UiContext
from ..media_bridge import MediaBridge
from .track_text import shown_name


def clock(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60}:{s % 60:02d}"


def volume_text(now: NowPlaying) -> str:
    return "♪ ✕" if now.muted else f"♪ {now.level}"


class NowPlayingBar(QFrame):
    def __init__(self, ctx: UiContext, bridge: MediaBridge, open_media: Callable[[], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.bridge = bridge
        self.setObjectName("nowPlaying")
        self.setFixedHeight(ctx.px(56))
        row = QHBoxLayout(self)
        row.setContentsMargins(ctx.px(12), ctx.px(4), ctx.px(12), ctx.px(4))
        row.setSpacing(ctx.px(8))
        self.title = QPushButton()
        self.title.setObjectName("nowPlayingTitle")
        self.title.setFlat(True)
        self.title.clicked.connect(open_media)
        self.time = QLabel()
        c = bridge.controller
        self.prev = self._button("|◀", c.previous)
        self.play = self._button("▶", c.toggle_play)
        self.next = self._button("▶|", c.next)
        self.quieter = self._button("−", c.quieter)
        self.mute = self._button("", c.toggle_mute)
        self.louder = self._button("+", c.louder)
        row.addWidget(self.title, 1)
        row.addWidget(self.time)
        for b in (self.prev, self.play, self.next, self.quieter, self.mute, self.louder):
            row.addWidget(b)
        bridge.changed.connect(self.refresh)
        self.refresh()

    def _button(self, text: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumSize(self.ctx.px(48), self.ctx.px(48))
        button.clicked.connect(lambda: (action(), self.refresh()))
        return button

    def refresh(self) -> None:
        now = self.bridge.controller.now_playing()
        self.setVisible(now.track is not None)
        if now.track is None:
            return
        self.title.setText(f"{now.track.title} · {shown_name(now.track.artist)}")
        self.time.setText(f"{clock(now.position_s)} / {clock(now.track.duration_s)}")
        self.play.setText("❚❚" if now.playing else "▶")
        self.mute.setText(volume_text(now))
