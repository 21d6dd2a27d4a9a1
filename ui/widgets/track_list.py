"""A touch list of songs: a tap on a row plays it, a tap on the icon at its right end acts on the queue.

The trailing icon (``ACTION_ROLE``: add to the queue while browsing, remove in Up next) is drawn by the
delegate in a 48 px square, the touch size, and the view tells a tap there (``action_clicked``) from a tap
on the rest of the row (``row_clicked``) by where the press landed.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import QListView, QScroller, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ..context import UiContext
from ..icons import pixmap
from ..models.track_list import ACTION_ROLE

_Index = QModelIndex | QPersistentModelIndex


class RowDelegate(QStyledItemDelegate):
    """Rows at least a touch target high, with room kept at the right for the action icon."""

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action_width = ctx.px(48)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        # no width of its own: the row is the list's width and a long line is elided, never scrolled sideways
        return QSize(1, max(size.height() + self.ctx.px(10), self.ctx.px(56)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        name = index.data(ACTION_ROLE)
        if not name:
            super().paint(painter, option, index)
            return
        text = QStyleOptionViewItem(option)
        text.rect = option.rect.adjusted(0, 0, -self.action_width, 0)
        super().paint(painter, text, index)
        size = self.ctx.px(24)
        image = pixmap(name, self.ctx.theme.text, size)
        if image is not None:
            zone = option.rect.adjusted(option.rect.width() - self.action_width, 0, 0, 0)
            painter.drawPixmap(zone.center() - QPoint(size // 2, size // 2), image)


class TrackListView(QListView):
    row_clicked = Signal(QModelIndex)
    action_clicked = Signal(QModelIndex)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.delegate = RowDelegate(ctx, self)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._press_x = -1
        self.clicked.connect(self._clicked)
        # kinetic scrolling by finger on the touch screen, as the CAN monitor's tables have it
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press_x = int(event.position().x())
        super().mousePressEvent(event)

    def action_zone(self, index: QModelIndex) -> QPoint:
        """Where the row's action icon is, in viewport coordinates (for a tap, or a test's)."""
        rect = self.visualRect(index)
        return QPoint(rect.right() - self.delegate.action_width // 2, rect.center().y())

    def _clicked(self, index: QModelIndex) -> None:
        on_icon = self._press_x >= self.viewport().width() - self.delegate.action_width
        if index.data(ACTION_ROLE) and on_icon:
            self.action_clicked.emit(index)
        else:
            self.row_clicked.emit(index)
