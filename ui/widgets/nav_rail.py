"""The navigation rail: the panels used most, a "More" sheet with the others, and push to talk at its foot.

A car's rail does not scroll. At 800×480 the height between the status bar and the climate strip holds five
touch-size buttons and Talk, not every panel, so the rail shows as many panels as fit, in the order of
``PANELS`` (most used first). When some do not fit, the last two places are the most recently used of the
others and "More", which opens a grid of all the others over the panels (as a car's dock keeps the app
opened from its launcher next to the launcher button). The panel on screen is therefore always a selected
button on the rail, and every panel is one tap (on the rail) or two (More, then its tile) away.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..context import UiContext
from ..icons import set_icon
from ..panels import PanelInfo

ICON_PX = 26  # at the reference size
TILE_ICON_PX = 34


def nav_button(ctx: UiContext, icon_name: str, glyph: str, title: str, icon_px: int = ICON_PX) -> QToolButton:
    """An icon over its name, recoloured by the theme (accent when checked); text if the icon is missing."""
    button = QToolButton()
    button.setObjectName("nav")
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    set_icon(
        button, icon_name, ctx.theme.text_dim, ctx.px(icon_px), ctx.theme.accent, title, f"{glyph}\n{title}"
    )
    button.ensurePolished()  # the style sheet's font decides the size the name needs
    return button


class NavRail(QFrame):
    """``chosen(index)`` when the driver picks a panel (on the rail or in the sheet); :meth:`select` marks
    the panel shown, whoever showed it (a tap, a shortcut, voice)."""

    chosen = Signal(int)

    def __init__(self, ctx: UiContext, panels: Sequence[PanelInfo], cover: QWidget) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("navRail")
        self.current = 0
        self.first_under_more = len(panels)  # every panel fits until the rail is given its height
        self._recent: int | None = None  # the last panel the driver opened from the sheet
        column = QVBoxLayout(self)
        column.setContentsMargins(ctx.px(8), ctx.px(12), ctx.px(8), ctx.px(12))
        column.setSpacing(ctx.px(8))
        self.group = QButtonGroup(self)
        self.buttons: list[QToolButton] = []
        for i, info in enumerate(panels):
            button = nav_button(ctx, info.icon, info.glyph, info.title())
            button.setCheckable(True)
            self.group.addButton(button, i)
            self.buttons.append(button)
            column.addWidget(button)
        self.more = nav_button(ctx, "apps", "⋯", self.tr("More"))
        self.more.setToolTip(self.tr("All other screens"))
        self.more.setCheckable(True)  # shown pressed while its sheet is open
        column.addWidget(self.more)
        column.addStretch(1)
        # Push to talk sits at the foot of the rail, in reach of the driver's hand (and F2).
        self.talk = nav_button(ctx, "microphone", "◉", self.tr("Talk"))
        self.talk.setToolTip(self.tr("Push to talk (F2)"))
        column.addWidget(self.talk)
        everything = [*self.buttons, self.more, self.talk]
        # One size for all, so the rail keeps one rhythm and its capacity is a division.
        width = max(ctx.touch(76), *(b.sizeHint().width() for b in everything))
        self.slot = max(ctx.touch(56), *(b.sizeHint().height() for b in everything))
        for button in everything:
            button.setFixedSize(width, self.slot)
        margins = column.contentsMargins()
        self.setFixedWidth(width + margins.left() + margins.right())
        # The rail adapts to any height: it must never be what makes the window taller.
        self.setMinimumHeight(margins.top() + margins.bottom() + 2 * self.slot + column.spacing())
        self.sheet = MoreSheet(ctx, panels, cover)
        self.group.idClicked.connect(self.chosen)
        self.more.clicked.connect(self._more_clicked)
        self.sheet.chosen.connect(self.chosen)
        self.sheet.closed.connect(lambda: self.more.setChecked(False))
        self.buttons[0].setChecked(True)

    def capacity(self) -> int:
        """How many panel buttons (More included) fit above Talk at the rail's height."""
        column = self.layout()
        margins = column.contentsMargins()
        spacing = column.spacing()
        room = self.height() - margins.top() - margins.bottom() - self.slot  # Talk
        return max(1, room // (self.slot + spacing))

    def select(self, index: int) -> None:
        """Mark panel ``index`` as the one shown; a panel from the sheet takes the rail's recent place."""
        self.current = index
        if index >= self.first_under_more:
            self._recent = index
        self.buttons[index].setChecked(True)
        self.sheet.hide()
        self._arrange()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._arrange()

    def _arrange(self) -> None:
        count = len(self.buttons)
        fits = self.capacity()
        # Not all fit: the first ones stay, then the recent one of the others, then More.
        first_under_more = count if fits >= count else max(0, fits - 2)
        self.first_under_more = first_under_more
        if self.current >= first_under_more:
            self._recent = self.current
        recent = self._recent if self._recent is not None and self._recent >= first_under_more else None
        if recent is None:
            recent = first_under_more  # until the driver opens one: the first of them
        for i, button in enumerate(self.buttons):
            button.setVisible(i < first_under_more or i == recent)
        self.more.setVisible(first_under_more < count)
        self.sheet.offer(range(first_under_more, count), self.current)

    def _more_clicked(self) -> None:
        if self.sheet.isVisible():
            self.sheet.hide()
        else:
            self.sheet.offer(range(self.first_under_more, len(self.buttons)), self.current)
            self.sheet.open()
        self.more.setChecked(self.sheet.isVisible())


class MoreSheet(QFrame):
    """The panels the rail has no room for, as a grid of large tiles over the panel area.

    Tapping a tile shows its panel; tapping beside the grid, the close button, Escape or More again closes it.
    """

    chosen = Signal(int)
    closed = Signal()

    def __init__(self, ctx: UiContext, panels: Sequence[PanelInfo], cover: QWidget) -> None:
        super().__init__(cover.parentWidget())
        self.ctx = ctx
        self.cover = cover
        self.setObjectName("moreSheet")
        self.setProperty("floating", True)  # lies over the panels on purpose (the layout check knows)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        t = ctx.theme
        scrim = "rgba(0, 0, 0, 110)" if t.name == "dark" else "rgba(16, 22, 31, 70)"
        self.setStyleSheet(
            f"QFrame#moreSheet {{ background: {scrim}; }}"
            f"QFrame#moreCard {{ background: {t.surface}; border: 1px solid {t.border};"
            f" border-radius: {ctx.px(18)}px; }}"
            f"QToolButton#nav {{ background: {t.surface_high}; border: 1px solid {t.border}; }}"
            f"QToolButton#nav:checked {{ border: 2px solid {t.accent}; }}"
            f"QToolButton#sheetClose {{ background: transparent; border: none; }}"
        )
        self.card = QFrame(self)
        self.card.setObjectName("moreCard")
        column = QVBoxLayout(self.card)
        pad = ctx.px(16)
        column.setContentsMargins(pad, ctx.px(8), pad, pad)
        column.setSpacing(ctx.px(10))
        top = QHBoxLayout()
        self.title = QLabel(self.tr("More screens"))
        self.title.setObjectName("cardTitle")
        self.close_button = QToolButton()
        self.close_button.setObjectName("sheetClose")
        self.close_button.setToolTip(self.tr("Close"))
        set_icon(self.close_button, "x", t.text_dim, ctx.px(ICON_PX), text="", missing_text="✕")
        self.close_button.setFixedSize(ctx.touch(), ctx.touch())
        self.close_button.clicked.connect(self.hide)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.close_button)
        column.addLayout(top)
        self.grid = QGridLayout()
        self.grid.setSpacing(ctx.px(12))
        column.addLayout(self.grid)
        self.tiles: dict[int, QToolButton] = {}
        for i, info in enumerate(panels):
            tile = nav_button(ctx, info.icon, info.glyph, info.title(), TILE_ICON_PX)
            tile.setCheckable(True)
            tile.setMinimumSize(
                max(ctx.touch(140), tile.sizeHint().width()), max(ctx.touch(100), tile.sizeHint().height())
            )
            tile.clicked.connect(lambda _checked=False, i=i: self._choose(i))
            tile.hide()
            self.tiles[i] = tile
        self._offered: tuple[int, ...] = ()
        cover.installEventFilter(self)
        self.hide()

    def offer(self, indices: Sequence[int] | range, current: int) -> None:
        """The panels to show as tiles (in this order) and the one on screen (marked)."""
        offered = tuple(indices)
        if offered != self._offered:
            self._offered = offered
            for tile in self.tiles.values():
                self.grid.removeWidget(tile)
                tile.hide()
            columns = min(len(offered), 4 if len(offered) > 6 else 3) or 1
            for n, i in enumerate(offered):
                self.grid.addWidget(self.tiles[i], n // columns, n % columns)
                self.tiles[i].show()
        for i, tile in self.tiles.items():
            tile.setChecked(i == current)
        if self.isVisible():
            self._place()

    def open(self) -> None:
        self._place()
        self.show()
        self.raise_()
        self.setFocus()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)  # type: ignore[arg-type]
        self.closed.emit()

    def _choose(self, index: int) -> None:
        self.hide()
        self.chosen.emit(index)

    def _place(self) -> None:
        self.setGeometry(self.cover.geometry())
        self.card.adjustSize()
        size = self.card.sizeHint().boundedTo(self.size())
        self.card.setGeometry(
            (self.width() - size.width()) // 2,
            (self.height() - size.height()) // 2,
            size.width(),
            size.height(),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.cover
            and event.type() in (QEvent.Type.Resize, QEvent.Type.Move)
            and self.isVisible()
        ):
            self._place()
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.card.geometry().contains(event.position().toPoint()):
            self.hide()  # a tap beside the grid: back to the panel
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
