"""State of charge as a ring, with the range in its middle."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..context import UiContext


class SocRing(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.soc: float | None = None
        self.caption = ""
        self.charging = False
        self.setMinimumSize(ctx.px(120), ctx.px(120))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set(self, soc: float | None, caption: str, charging: bool) -> None:
        if (soc, caption, charging) != (self.soc, self.caption, self.charging):
            self.soc, self.caption, self.charging = soc, caption, charging
            self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            # A painter left open on an exception takes the whole process down in Qt.
            p.end()

    def _paint(self, p: QPainter) -> None:
        t = self.ctx.theme
        side = min(self.width(), self.height()) - self.ctx.px(8)
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        width = max(6.0, side * 0.07)
        rect.adjust(width / 2, width / 2, -width / 2, -width / 2)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(t.border), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawArc(rect, 225 * 16, -270 * 16)
        if self.soc is not None:
            colour = t.positive if self.charging else (t.danger if self.soc < 10 else t.accent)
            p.setPen(QPen(QColor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawArc(rect, 225 * 16, round(-270 * 16 * max(0.0, min(100.0, self.soc)) / 100))
        p.setPen(QColor(t.text))
        font = QFont(self.font())
        font.setPixelSize(max(12, round(side * 0.2)))
        font.setWeight(QFont.Weight.Light)
        p.setFont(font)
        text = f"{self.soc:.0f}%" if self.soc is not None else "—"
        p.drawText(rect.adjusted(0, -side * 0.08, 0, -side * 0.08), Qt.AlignmentFlag.AlignCenter, text)
        font.setPixelSize(max(10, round(side * 0.085)))
        font.setWeight(QFont.Weight.Normal)
        p.setFont(font)
        p.setPen(QColor(t.text_dim))
        p.drawText(rect.adjusted(0, side * 0.22, 0, side * 0.22), Qt.AlignmentFlag.AlignCenter, self.caption)
