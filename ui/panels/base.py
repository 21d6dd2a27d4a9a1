"""A panel of the head unit: one screen reached from the navigation rail."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from cockpit.state_store import SignalValue

from ..context import UiContext


class Panel(QWidget):
    """Subclasses set ``key`` (used by ``--panel``) and ``icon``, and implement :meth:`refresh`.

    The shell calls :meth:`refresh` on every UI tick while the panel is visible, with the values that
    changed since the previous tick (path → value), and :meth:`shown` when it becomes visible so it can
    catch up on everything.
    """

    key = "panel"
    icon = "●"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx

    def title(self) -> str:
        return self.key

    def refresh(self, changed: dict[str, SignalValue]) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def after_first_paint(self) -> None:
        """Build what is slow to build (plots): called once the window is on screen."""

    def background(self) -> None:
        """Called on every UI tick, visible or not: for work that must not miss data (keep it cheap)."""

    def shown(self) -> None:
        self.refresh(self.ctx.session.store.snapshot())

    def fit_changed(self) -> None:
        """The panel's minimum size changed (a new arrangement of its cards): refit it in the window.

        Qt runs a layout changed inside a resize only on a later event, and the scroll area around the panel
        sized it by the old minimum: run the layout now and ask the scroll area to size the panel again
        (its own layout request, which a changed child does not post to it).
        """
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.updateGeometry()
        area = self.parentWidget().parentWidget() if self.parentWidget() is not None else None
        if isinstance(area, QScrollArea):
            QCoreApplication.postEvent(area, QEvent(QEvent.Type.LayoutRequest))
