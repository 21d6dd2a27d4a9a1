"""A rounded card with a small title: the building block of every panel."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..context import UiContext


class Card(QFrame):
    def __init__(self, ctx: UiContext, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        m = ctx.px(14)
        self.body.setContentsMargins(m, ctx.px(8), m, ctx.px(10))
        self.body.setSpacing(ctx.px(6))
        self.title_label = QLabel(title.upper())
        self.title_label.setObjectName("cardTitle")
        if title:
            self.body.addWidget(self.title_label)


def value_label(text: str = "—", kind: str = "value") -> QLabel:
    label = QLabel(text)
    label.setObjectName(kind)
    return label
