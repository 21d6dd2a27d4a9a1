"""The voice overlay: listening level, live transcript, what was understood, and the result."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ..context import UiContext

SHOW_RESULT_S = 5.0
FLOOR_DB = -60.0


class VoiceOverlay(QFrame):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("card")
        t = ctx.theme
        self.setStyleSheet(f"QFrame#card {{ background: {t.surface}; border: 2px solid {t.accent}; }}")
        col = QVBoxLayout(self)
        col.setContentsMargins(ctx.px(18), ctx.px(12), ctx.px(18), ctx.px(12))
        col.setSpacing(ctx.px(6))
        top = QHBoxLayout()
        self.state = QLabel()
        self.state.setObjectName("cardTitle")
        self.engine = QLabel()
        self.engine.setObjectName("dim")
        self.cancel = QPushButton(self.tr("Cancel"))
        top.addWidget(self.state)
        top.addStretch(1)
        top.addWidget(self.engine)
        top.addWidget(self.cancel)
        col.addLayout(top)
        self.level = QProgressBar()
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setFixedHeight(ctx.px(8))
        col.addWidget(self.level)
        self.transcript = QLabel()
        self.transcript.setObjectName("value")
        self.transcript.setWordWrap(True)
        self.understood = QLabel()
        self.understood.setObjectName("dim")
        self.understood.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        for w in (self.transcript, self.understood, self.result):
            col.addWidget(w)
        self._hide_at: float | None = None
        self.hide()

    def place(self) -> None:
        """Centred over the lower part of the parent window."""
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(parent.width() - self.ctx.px(40), self.ctx.px(720))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move((parent.width() - width) // 2, parent.height() - self.height() - self.ctx.px(90))
        self.raise_()

    def start_listening(self, engine: str) -> None:
        self._hide_at = None
        self.state.setText(self.tr("Listening…"))
        self.engine.setText(engine)
        self.cancel.show()
        self.level.setValue(0)
        self.level.show()
        for w in (self.transcript, self.understood, self.result):
            w.clear()
        self.show()
        self.place()

    def set_level(self, dbfs: float) -> None:
        self.level.setValue(round(max(0.0, min(1.0, (dbfs - FLOOR_DB) / -FLOOR_DB)) * 100))

    def set_partial(self, text: str) -> None:
        self.transcript.setText(f"“{text}”" if text else "")

    def set_thinking(self) -> None:
        self.state.setText(self.tr("Understanding…"))
        self.level.hide()

    def set_understood(self, text: str, intents: list[str]) -> None:
        self.transcript.setText(f"“{text}”" if text else "")
        self.understood.setText(
            self.tr("Understood: {0}").format(", ".join(intents)) if intents else self.tr("Not understood")
        )
        self.place()

    def set_pending(self, text: str) -> None:
        self.state.setText(self.tr("Working…"))
        self.result.setText(text)

    def show_result(self, text: str, error: bool = False) -> None:
        t = self.ctx.theme
        self.state.setText(self.tr("Voice"))
        self.level.hide()
        self.cancel.hide()
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {t.danger if error else t.text};")
        self.show()
        self.place()
        self._hide_at = time.monotonic() + SHOW_RESULT_S

    def tick(self) -> None:
        if self._hide_at is not None and time.monotonic() >= self._hide_at:
            self._hide_at = None
            self.hide()
