"""Updates: what the enrolled TUF repository offers (version, size, notes), why an install waits or was
refused, download and flashing progress, and the last rollback of head-unit content.

The update itself is ``cockpit.ota.OtaClient.update`` on a worker thread (metadata, downloads and UDS
flashing take seconds); its progress and result come back to the UI thread through queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cockpit.ota.content import APP_DATA, MAP, PROFILE, VOICE_MODEL
from cockpit.ota.paths import default_state_dir, enrolled_repository
from cockpit.state_store import SignalValue

from ..context import UiContext
from ..widgets.card import Card
from .base import Panel

if TYPE_CHECKING:
    from cockpit.ota.client import Offer, UpdateReport

COLUMNS = 5


class _UpdateWorker(QObject):
    """One update at a time off the UI thread; ``progress`` and ``done`` arrive queued on the UI thread."""

    progress = Signal(str, int, int)
    done = Signal(object)

    def start(self, work: Callable[[Callable[[str, int, int], None]], object]) -> None:
        threading.Thread(target=self._run, args=(work,), name="cockpit-ota", daemon=True).start()

    def _run(self, work: Callable[[Callable[[str, int, int], None]], object]) -> None:
        try:
            result = work(self.progress.emit)
        except Exception as exc:  # shown as a line in the panel; the worker thread must not die silently
            result = exc
        self.done.emit(result)


class UpdatesPanel(Panel):
    key = "updates"
    icon = "⟳"

    def __init__(self, ctx: UiContext, state_dir: Path | None = None) -> None:
        super().__init__(ctx)
        self.state_dir = state_dir or default_state_dir()
        self.busy = False
        self.report: UpdateReport | None = None
        self.worker = _UpdateWorker()
        self.worker.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.worker.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        gap = ctx.px(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(gap, gap, gap, gap)
        layout.setSpacing(gap)
        bar = QHBoxLayout()
        self.source = QLabel()
        self.source.setObjectName("dim")
        bar.addWidget(self.source, 1)
        self.check_button = QPushButton(self.tr("Check for updates"))
        self.install_button = QPushButton(self.tr("Install"))
        self.check_button.clicked.connect(lambda: self.start(install=False))
        self.install_button.clicked.connect(lambda: self.start(install=True))
        bar.addWidget(self.check_button)
        bar.addWidget(self.install_button)
        layout.addLayout(bar)
        card = Card(ctx, self.tr("Available updates"))
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Update"), self.tr("Version"), self.tr("Installed"), self.tr("Size"), self.tr("State")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        # Wrapped cells in a monospace font that has the Chinese glyphs itself: with the theme's Latin-only
        # one, Chinese falls back to a taller font that Qt's row size hint does not count, and a cell loses
        # its last line (seen at 800x480 in Chinese).
        self.table.setStyleSheet(
            'QTableView { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; }'
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        card.body.addWidget(self.table, 1)
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        card.body.addWidget(self.progress_bar)
        layout.addWidget(card, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._show_enrolment()

    def title(self) -> str:
        return self.tr("Updates")

    def refresh(self, changed: dict[str, SignalValue]) -> None:
        pass  # nothing here follows signals: the panel changes when an update check ends

    def shown(self) -> None:
        self._show_enrolment()
        if self.report is None and not self.busy:
            self.start(install=False)  # opening the panel is asking what is new (metadata only)

    # -- actions ---------------------------------------------------------------------------------------
    def start(self, install: bool) -> None:
        repo = enrolled_repository(self.state_dir)
        if self.busy or repo is None:
            return
        self.busy = True
        self.check_button.setEnabled(False)
        self.install_button.setEnabled(False)
        self.status.setText(self.tr("Installing…") if install else self.tr("Checking for updates…"))
        session, state_dir = self.ctx.session, self.state_dir

        def work(progress: Callable[[str, int, int], None]) -> UpdateReport:
            from cockpit.ota.car import DiagnosticVehicle, conditions_from_store
            from cockpit.ota.client import OtaClient

            vehicle = DiagnosticVehicle(
                session.diagnostics(), lambda dtcs: conditions_from_store(session.store, dtcs)
            )
            return OtaClient(state_dir, repo).update(vehicle, install=install, progress=progress)

        self.worker.start(work)

    def _progress(self, name: str, done: int, total: int) -> None:
        self.progress_bar.show()
        self.progress_bar.setFormat(f"{name}: %p %")
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)

    def _finished(self, result: object) -> None:
        self.busy = False
        self.progress_bar.hide()
        self.check_button.setEnabled(True)
        if isinstance(result, Exception):
            self.status.setText(self.tr("The update check failed: %1").replace("%1", str(result)))
            self.install_button.setEnabled(True)
            return
        self.show_report(result)  # type: ignore[arg-type]

    # -- what is shown ---------------------------------------------------------------------------------
    def _show_enrolment(self) -> None:
        repo = enrolled_repository(self.state_dir)
        lines = []
        if repo is None:
            self.source.setText(self.tr("No update repository enrolled"))
            lines.append(self.tr("Enrol one with: cockpit ota update --repo URL --root ROOT.json"))
        else:
            self.source.setText(self.tr("Repository: %1").replace("%1", repo))
        rollback = self._last_rollback()
        if rollback:
            lines.append(self.tr("Last rollback: %1").replace("%1", rollback))
        if not self.busy and self.report is None:
            self.status.setText("\n".join(lines))
        self.check_button.setEnabled(repo is not None and not self.busy)
        self.install_button.setEnabled(repo is not None and not self.busy)

    def _last_rollback(self) -> str | None:
        from cockpit.ota.slots import Slots

        last = Slots(self.state_dir / "content").state().get("last_rollback")
        if isinstance(last, dict):
            return f"{last.get('reason')} (slot {last.get('slot')})"
        return last or None

    def show_report(self, report: UpdateReport) -> None:
        self.report = report
        self.table.setRowCount(len(report.offers))
        for row, offer in enumerate(report.offers):
            what = self._what(offer)
            cells = [
                "\n".join(line for line in (offer.name, what, offer.notes) if line),
                offer.version,
                offer.installed or "—",
                _size(offer.length),
                self._state(offer, report),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        lines = []
        if report.problem is not None:
            lines.append(self.tr("Update refused: %1").replace("%1", report.problem.reason))
        elif not report.offers:
            lines.append(self.tr("The repository offers nothing"))
        elif not any(o.new for o in report.offers) and not report.installed:
            lines.append(self.tr("Everything is up to date"))
        ready = [o.name for o in report.offers if o.new and o.name not in report.installed]
        if ready and report.problem is None:
            lines.append(self.tr("Ready to install: %1").replace("%1", ", ".join(ready)))
        if report.installed:
            lines.append(self.tr("Installed: %1").replace("%1", ", ".join(report.installed)))
        for reason in report.waiting_for:
            lines.append(self.tr("Waiting: %1").replace("%1", reason))
        if any(o.kind == "content" and o.name in report.installed for o in report.offers):
            lines.append(self.tr("New content is checked at the next start and rolled back if it is broken"))
        self.status.setText("\n".join(lines))
        self.install_button.setEnabled(any(o.new and o.name not in report.installed for o in report.offers))

    def _what(self, offer: Offer) -> str:
        """What the artifact changes: the ECU and hardware it is for, or the content a bundle carries."""
        if offer.ecu:
            text = self.tr("%1 firmware").replace("%1", offer.ecu)
            return text + (f" · {offer.hardware_id}" if offer.hardware_id else "")
        kinds = {
            PROFILE: self.tr("vehicle profile"),
            MAP: self.tr("map"),
            VOICE_MODEL: self.tr("voice model"),
            APP_DATA: self.tr("app data"),
        }
        return ", ".join(kinds.get(kind, kind) for kind in offer.contents)

    def _state(self, offer: Offer, report: UpdateReport) -> str:
        if offer.refusal is not None:
            return self.tr("Refused: %1").replace("%1", offer.refusal.reason)
        if offer.name in report.installed:
            return self.tr("Installed")
        if offer.new:
            return self.tr("New")
        return self.tr("Up to date")


def _size(length: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if length >= size:
            return f"{length / size:.1f} {unit}"
    return f"{length} B"
