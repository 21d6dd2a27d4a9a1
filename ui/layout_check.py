"""Find what a person would see as a broken layout: text cut or elided, widgets clipped by their parent or
the window, siblings drawn over each other, buttons under the 48 px touch target, and scroll bars where a
screen should fit.

It reads Qt's own numbers, not pixels: a label or button whose size hint (its text in its font, its
padding) is larger than the size the layout gave it has cut text; a child whose rectangle leaves its
parent's is clipped. Lists (tables, item views, text boxes) may scroll; a widget may also say so with the
``scrollable`` property. Widgets that float on purpose (overlays, map controls) carry ``floating``; their
own children are still checked. A custom-painted widget reports its own problems through a
``layout_problems() -> list[str]`` method (overlapping labels it draws, for example).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

from .theme import TOUCH_PX

SLACK = 1  # px: rounding in Qt's own hints


@dataclass(frozen=True)
class LayoutProblem:
    kind: str  # clipped | outside | overlap | text | touch | scrollbar | drawing | window
    widget: str  # a readable path from the window to the widget
    detail: str
    rect: tuple[int, int, int, int]  # x, y, width, height in window coordinates

    def line(self) -> str:
        x, y, w, h = self.rect
        return f"{self.kind}: {self.widget} at {x},{y} {w}×{h}: {self.detail}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def check_panels(window: QWidget, keys: list[str], size: tuple[int, int]) -> dict[str, list[LayoutProblem]]:
    """Show each panel of a head-unit window in turn and check the whole window with it."""
    found = {}
    for key in keys:
        window.show_panel(window.panel_keys.index(key))  # type: ignore[attr-defined]
        window.tick()  # type: ignore[attr-defined]
        settle()
        found[key] = check_window(window, size)
    return found


def settle() -> None:
    """Run the layouts that text set in the last tick asked for (they run on posted events), as the
    screen would before its next paint: a check or a picture taken before them sees stale sizes."""
    from PySide6.QtCore import QCoreApplication

    for _ in range(3):  # a layout run may post another (a child's size changed its parent's)
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def check_window(window: QWidget, size: tuple[int, int] | None = None) -> list[LayoutProblem]:
    """Every problem in what ``window`` shows now; ``size`` is the screen it must fit (default its own)."""
    problems: list[LayoutProblem] = []
    want = size or (window.width(), window.height())
    if (window.width(), window.height()) != tuple(want):
        problems.append(
            LayoutProblem(
                "window",
                describe(window, window),
                f"asked for {want[0]}×{want[1]}, the layout needs {window.width()}×{window.height()}",
                (0, 0, window.width(), window.height()),
            )
        )
    _walk(window, window, problems)
    return problems


def _walk(widget: QWidget, window: QWidget, problems: list[LayoutProblem]) -> None:
    _check_widget(widget, window, problems)
    if isinstance(widget, (QAbstractItemView, QTextEdit, QPlainTextEdit, QGraphicsView)):
        return  # their insides are Qt's business (and a list may scroll)
    children = [c for c in widget.children() if isinstance(c, QWidget) and _shown(c)]
    scrolls = _scroll_allowed(widget)
    for child in children:
        rect = _window_rect(child, window)
        if not scrolls and not child.property("floating"):
            if not widget.rect().contains(child.geometry()) and not _in_scroll_viewport(child):
                problems.append(
                    LayoutProblem(
                        "clipped", describe(child, window), "reaches outside its parent", _tuple(rect)
                    )
                )
            elif not QRect(0, 0, window.width(), window.height()).contains(rect) and _inside(widget, window):
                where = describe(child, window)
                problems.append(LayoutProblem("outside", where, "reaches outside the window", _tuple(rect)))
        _walk(child, window, problems)
    _check_overlaps(widget, children, window, problems)


def _check_widget(widget: QWidget, window: QWidget, problems: list[LayoutProblem]) -> None:
    rect = _tuple(_window_rect(widget, window))
    if isinstance(widget, QScrollBar):
        area = _owning_scroll_area(widget)
        if area is not None and not _list_like(area):
            problems.append(
                LayoutProblem(
                    "scrollbar", describe(area, window), "shows a scroll bar: its content does not fit", rect
                )
            )
        return
    if isinstance(widget, (QPushButton, QToolButton)) and min(widget.width(), widget.height()) < TOUCH_PX:
        problems.append(
            LayoutProblem(
                "touch",
                describe(widget, window),
                f"a touch target of {widget.width()}×{widget.height()} px, under {TOUCH_PX} px",
                rect,
            )
        )
    need = _text_need(widget)
    if need is not None:
        w, h = need
        if widget.width() + SLACK < w or widget.height() + SLACK < h:
            what = _text_of(widget) or "content"
            problems.append(
                LayoutProblem(
                    "text",
                    describe(widget, window),
                    f"{what!r} needs {w}×{h}, has {widget.width()}×{widget.height()}",
                    rect,
                )
            )
    hook = getattr(widget, "layout_problems", None)
    if callable(hook):
        for detail in hook():
            problems.append(LayoutProblem("drawing", describe(widget, window), detail, rect))


def _text_need(widget: QWidget) -> tuple[int, int] | None:
    """The size the widget needs to show all its text (None: nothing to check)."""
    if isinstance(widget, QLabel):
        if not widget.text() and widget.pixmap().isNull():
            return None
        if widget.wordWrap():
            # Wrapped text may take more lines, never more width than it has: check the height it needs.
            inner = widget.contentsRect().width()
            extra = widget.height() - widget.contentsRect().height()
            return (0, widget.heightForWidth(widget.width()) if inner > 0 else 0) if extra >= 0 else None
        hint = widget.minimumSizeHint()
        return hint.width(), hint.height()
    if isinstance(widget, (QAbstractButton, QComboBox)):
        if isinstance(widget, QAbstractButton) and not widget.text():
            return None
        hint = widget.sizeHint()
        return hint.width(), hint.height()
    if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
        width = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
        # The frame and text margins of a line edit take about one average character on each side.
        return width + 2 * widget.fontMetrics().averageCharWidth(), 0
    return None


def _check_overlaps(
    parent: QWidget, children: list[QWidget], window: QWidget, problems: list[LayoutProblem]
) -> None:
    if isinstance(parent, (QStackedWidget, QAbstractScrollArea)):
        return  # one page at a time; a scroll area's viewport and bars are laid out by Qt
    placed = [c for c in children if not c.property("floating") and not c.isWindow()]
    for i, a in enumerate(placed):
        ga = a.geometry().adjusted(SLACK, SLACK, -SLACK, -SLACK)
        for b in placed[i + 1 :]:
            if ga.intersects(b.geometry().adjusted(SLACK, SLACK, -SLACK, -SLACK)):
                overlap = ga.intersected(b.geometry())
                problems.append(
                    LayoutProblem(
                        "overlap",
                        describe(a, window),
                        f"overlaps {_name(b)} by {overlap.width()}×{overlap.height()}",
                        _tuple(_window_rect(a, window)),
                    )
                )


def _scroll_allowed(widget: QWidget) -> bool:
    """True inside a scroll area's viewport that may scroll: children may lie outside it."""
    if widget.objectName() == "qt_scrollarea_viewport":
        area = widget.parentWidget()
        return area is not None and _list_like(area)
    return False


def _inside(widget: QWidget, window: QWidget) -> bool:
    """The widget lies in the window (so a child leaving it is the first to, and worth a line)."""
    return QRect(0, 0, window.width(), window.height()).contains(_window_rect(widget, window))


def _in_scroll_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return parent is not None and parent.objectName() == "qt_scrollarea_viewport"


def _list_like(area: QWidget) -> bool:
    lists = (QAbstractItemView, QTextEdit, QPlainTextEdit)
    return isinstance(area, lists) or bool(area.property("scrollable"))


def _owning_scroll_area(bar: QScrollBar) -> QAbstractScrollArea | None:
    parent = bar.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def _shown(widget: QWidget) -> bool:
    return not widget.isHidden() and not widget.isWindow() and widget.width() > 0 and widget.height() > 0


def _window_rect(widget: QWidget, window: QWidget) -> QRect:
    top_left = widget.mapTo(window, QPoint(0, 0)) if widget is not window else QPoint(0, 0)
    return QRect(top_left, widget.size())


def _tuple(rect: QRect) -> tuple[int, int, int, int]:
    return rect.x(), rect.y(), rect.width(), rect.height()


def _text_of(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    value = text() if callable(text) else ""
    return " ".join(str(value).split())[:40]


def _name(widget: QWidget) -> str:
    kind = type(widget).__name__
    label = getattr(widget, "title_label", None)
    if isinstance(label, QLabel) and label.text():
        return f"{kind} {label.text()!r}"
    text = _text_of(widget) if isinstance(widget, (QLabel, QAbstractButton)) else ""
    if text:
        return f"{kind} {text!r}"
    name = widget.objectName()
    return f"{kind}#{name}" if name and not name.startswith("qt_") else kind


def describe(widget: QWidget, window: QWidget) -> str:
    """``Panel › Card 'TITLE' › QLabel 'text'``: the named ancestors, plain containers left out."""
    parts = []
    current: QWidget | None = widget
    while current is not None and current is not window:
        name = _name(current)
        if current is widget or name != type(current).__name__ or type(current).__module__.startswith("ui."):
            parts.append(name)
        current = current.parentWidget()
    return " › ".join(reversed(parts)) or _name(window)
