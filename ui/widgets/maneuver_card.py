"""The next maneuver as a driver glances at it: a large icon, the distance, what to do and onto which street,
the lanes to take; at a charging or swap stop, what to do there instead."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..context import UiContext
from ..icons import pixmap


class ManeuverCard(QFrame):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        px = ctx.px
        self.setObjectName("navBanner")
        row = QHBoxLayout(self)
        row.setContentsMargins(px(12), px(8), px(14), px(8))
        row.setSpacing(px(12))
        self.icon = QLabel()
        self.icon.setFixedSize(px(56), px(56))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout()
        col.setSpacing(px(2))
        self.distance = QLabel()
        self.distance.setObjectName("navDistance")
        self.instruction = QLabel()
        self.instruction.setObjectName("navInstruction")
        self.instruction.setWordWrap(True)
        self.lanes = QLabel()
        self.lanes.setObjectName("navLanes")
        self.note = QLabel()  # the charge on arrival, or the stop's details
        self.note.setObjectName("navNote")
        self.note.setWordWrap(True)
        for label in (self.distance, self.instruction, self.lanes, self.note):
            col.addWidget(label)
        row.addLayout(col, 1)
        self.icon_name = ""

    def show_step(
        self, icon: tuple[str, str], distance: str, instruction: str, lanes: str, note: str
    ) -> None:
        name, glyph = icon
        image = pixmap(name, "#ffffff", self.ctx.px(52))
        if image is not None:
            self.icon.setPixmap(image)
        else:
            self.icon.setText(glyph)
        self.icon_name = name if image is not None else glyph
        self.distance.setText(distance)
        self.distance.setVisible(bool(distance))
        self.instruction.setText(instruction)
        self.lanes.setText(lanes)
        self.lanes.setVisible(bool(lanes))
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def text(self) -> str:
        """Everything the card says, one line per label shown (for tests and logs)."""
        labels = (self.distance, self.instruction, self.lanes, self.note)
        return "\n".join(label.text() for label in labels if not label.isHidden())

    def height_for(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()

    @staticmethod
    def style(accent: str, px: Callable[[float], int]) -> str:
        return (
            f"QFrame#navBanner {{ background: {accent}; border-radius: {px(14)}px; }}"
            f"QFrame#navBanner QLabel {{ color: white; background: transparent; }}"
            f"QLabel#navDistance {{ font-size: {px(26)}px; font-weight: 700; }}"
            f"QLabel#navInstruction {{ font-size: {px(19)}px; font-weight: 600; }}"
            f"QLabel#navLanes {{ font-size: {px(22)}px; }}"
            f"QLabel#navNote {{ font-size: {px(15)}px; }}"
        )
