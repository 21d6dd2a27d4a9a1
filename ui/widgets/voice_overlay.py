"""The voice overlay: listening level, live transcript, what was understood and how sure, the question
asked before acting (with yes/no to tap), and the result."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ..context import UiContext

SHOW_RESULT_S = 5.0
FLOOR_DB = -60.0
UNSURE_BELOW = 0.6  # the assistant asks below this (voice.understanding.parser.ASK_BELOW)


class VoiceOverlay(QFrame):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("card")
        self.setProperty("floating", True)  # lies over the panels on purpose (the layout check knows)
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
        self.confidence = QLabel()
        self.confidence.setObjectName("dim")
        self.result = QLabel()
        self.result.setWordWrap(True)
        for w in (self.transcript, self.understood, self.confidence, self.result):
            col.addWidget(w)
        # The question asked before acting: answered aloud, or here by touch.
        answer = QHBoxLayout()
        self.hint = QLabel(self.tr("Say yes or no"))
        self.hint.setObjectName("dim")
        self.yes = QPushButton(self.tr("Yes"))
        self.no = QPushButton(self.tr("No"))
        answer.addWidget(self.hint)
        answer.addStretch(1)
        answer.addWidget(self.yes)
        answer.addWidget(self.no)
        self.answer = QWidget()
        self.answer.setObjectName("answer")
        self.answer.setStyleSheet("QWidget#answer { background: transparent; }")
        self.answer.setLayout(answer)
        answer.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.answer)
        self.answer.hide()
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
        self.answer.hide()
        for w in (self.transcript, self.understood, self.confidence, self.result):
            w.clear()
        self.show()
        self.place()

    def listen_for_answer(self) -> None:
        """The microphone is open for the answer: the question stays on screen."""
        self.state.setText(self.tr("Listening…"))
        self.level.setValue(0)
        self.level.show()
        self.place()

    def set_level(self, dbfs: float) -> None:
        self.level.setValue(round(max(0.0, min(1.0, (dbfs - FLOOR_DB) / -FLOOR_DB)) * 100))

    def set_partial(self, text: str) -> None:
        self.transcript.setText(f"“{text}”" if text else "")

    def set_thinking(self) -> None:
        self.state.setText(self.tr("Understanding…"))
        self.level.hide()

    def set_understood(
        self, text: str, intents: list[str], confidence: float | None = None, also: str | None = None
    ) -> None:
        """``also``: a second reading that would do the opposite, said to show why the question is asked."""
        t = self.ctx.theme
        self.transcript.setText(f"“{text}”" if text else "")
        self.understood.setText(
            self.tr("Understood: {0}").format(", ".join(intents)) if intents else self.tr("Not understood")
        )
        if confidence is None or not intents:
            self.confidence.clear()
        else:
            line = self.tr("Confidence: {0} %").format(round(confidence * 100))
            if also:
                line += " · " + self.tr("also heard: “{0}”").format(also)
            self.confidence.setText(line)
            unsure = confidence < UNSURE_BELOW
            self.confidence.setStyleSheet(f"color: {t.warning};" if unsure else "")
        self.place()

    def ask(self, question: str) -> None:
        """Show the question asked before acting; it stays until answered or forgotten."""
        t = self.ctx.theme
        self._hide_at = None
        self.state.setText(self.tr("Please confirm"))
        self.level.hide()
        self.cancel.hide()
        self.result.setText(question)
        self.result.setStyleSheet(f"color: {t.accent}; font-weight: bold;")
        self.answer.show()
        self.show()
        self.place()

    def set_pending(self, text: str) -> None:
        self.state.setText(self.tr("Working…"))
        self.result.setText(text)

    def show_result(self, text: str, error: bool = False) -> None:
        t = self.ctx.theme
        self.state.setText(self.tr("Voice"))
        self.level.hide()
        self.cancel.hide()
        self.answer.hide()
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {t.danger if error else t.text};")
        self.show()
        self.place()
        self._hide_at = time.monotonic() + SHOW_RESULT_S

    def tick(self) -> None:
        if self._hide_at is not None and time.monotonic() >= self._hide_at:
            self._hide_at = None
            self.hide()
