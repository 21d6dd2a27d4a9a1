"""What the window benchmarks measure inside their child process: frame-to-paint latency of the speed
label, the first paint, and the UI tick per panel with each panel shown in turn."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from cockpit.session import Session
    from ui.shell import HeadUnitWindow


class PaintLatency(QObject):
    """From a speed frame being sent (its timestamp in the store) to the speed label being painted."""

    def __init__(self, window: HeadUnitWindow, session: Session, spawned: float | None = None) -> None:
        super().__init__()
        self.window, self.session, self.spawned = window, session, spawned
        self.first_paint: float | None = None
        self.latency: list[float] = []
        self._last_ts: float | None = None
        window.installEventFilter(self)
        window.status.speed.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            if self.first_paint is None and self.spawned is not None:
                self.first_paint = time.time() - self.spawned
            if obj is self.window.status.speed:
                item = self.session.store.get("Vehicle.Speed")
                if item is not None and item.timestamp != self._last_ts:
                    self._last_ts = item.timestamp
                    self.latency.append(time.time() - item.timestamp)
        return False


def cycle_panels(
    app: QApplication,
    window: HeadUnitWindow,
    seconds: float,
    settle_s: float,
    on_start: Callable[[], None] | None = None,
) -> dict[str, list[float]]:
    """Show each panel for ``seconds`` after ``settle_s``; returns its tick durations. Runs the event loop."""
    ticks: dict[str, list[float]] = {}
    panels = window.panel_keys
    step = [0]

    def next_panel() -> None:
        i = step[0]
        if i == 0 and on_start is not None:
            on_start()
        if i > 0:
            ticks[panels[i - 1]] = list(window.tick_times)
        if i == len(panels):
            app.quit()
            return
        window.tick_times.clear()
        window.show_panel(i)
        step[0] += 1
        QTimer.singleShot(int(seconds * 1000), next_panel)

    QTimer.singleShot(int(settle_s * 1000), next_panel)
    app.exec()
    return ticks
