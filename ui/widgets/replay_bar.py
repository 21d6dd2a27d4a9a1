"""Replay controls, shown when the source is a log: play/pause, speed, a timeline to seek, loop."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSlider

from ..context import UiContext
from ..icons import set_icon

SPEEDS = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, math.inf)


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:d}:{seconds % 60:02d}"


class ReplayBar(QFrame):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.replay = ctx.session.replay
        self.setObjectName("replayBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(ctx.px(12), ctx.px(4), ctx.px(12), ctx.px(4))
        self.play = QPushButton()
        side = ctx.touch(48)
        self.play.setStyleSheet(f"min-height: {side - 2}px; min-width: {side - 2}px; padding: 0px;")
        self.play.setFixedSize(side, side)
        self.play.clicked.connect(self.toggle)
        self._playing: bool | None = None
        self._show_playing(True)
        self.position = QLabel("0:00")
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setRange(0, max(1, int(self.replay.duration * 10)) if self.replay else 1)
        self.timeline.sliderReleased.connect(self._seek)
        self.duration = QLabel(_clock(self.replay.duration) if self.replay else "0:00")
        self.speed = QComboBox()
        for s in SPEEDS:
            self.speed.addItem("max" if math.isinf(s) else f"{s:g}×", s)
        if self.replay:
            self.speed.setCurrentIndex(
                min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - self.replay.speed))
            )
        self.speed.currentIndexChanged.connect(self._speed)
        self.speed.setMinimumHeight(ctx.px(48))
        self.loop = QPushButton()
        self.loop.setCheckable(True)
        set_icon(self.loop, "repeat", ctx.theme.text, ctx.px(22), "#ffffff", text=self.tr("Loop"))
        self.loop.setMinimumHeight(ctx.touch(48))
        self.loop.setChecked(bool(self.replay and self.replay.loop))
        self.loop.toggled.connect(self._loop)
        for w in (self.play, self.position):
            row.addWidget(w)
        row.addWidget(self.timeline, 1)
        for w in (self.duration, self.speed, self.loop):
            row.addWidget(w)

    def toggle(self) -> None:
        if self.replay is None:
            return
        if self.replay.state == "paused":
            self.replay.resume()
        elif self.replay.state == "finished":
            self.replay.seek(0)
            self.replay.start()
        else:
            self.replay.pause()
        self.refresh()

    def _seek(self) -> None:
        if self.replay is not None:
            self.replay.seek(self.timeline.value() / 10)
            if self.replay.state == "stopped":
                self.replay.start()

    def _speed(self) -> None:
        if self.replay is not None:
            self.replay.set_speed(self.speed.currentData())

    def _loop(self, on: bool) -> None:
        if self.replay is not None:
            self.replay.loop = on

    def refresh(self) -> None:
        if self.replay is None:
            return
        position = self.replay.position
        self.position.setText(_clock(position))
        if not self.timeline.isSliderDown():
            self.timeline.setValue(int(position * 10))
        self._show_playing(self.replay.state not in ("paused", "finished"))

    def _show_playing(self, playing: bool) -> None:
        """The button shows what a tap does: pause while playing, play while paused."""
        if playing == self._playing:
            return  # refresh runs every tick: re-render the icon only when the state flips
        self._playing = playing
        name, glyph = ("player-pause", "❚❚") if playing else ("player-play", "▶")
        set_icon(self.play, name, self.ctx.theme.text, self.ctx.px(26), missing_text=glyph)
