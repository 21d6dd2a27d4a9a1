"""Vehicle health: which ECUs answer, their trouble codes (with text, status, first/last seen), clearing
codes after a confirmation, each ECU's identification and live values, and a developer menu that injects
faults into the simulated car.

Every diagnostic request runs on a worker thread (a UDS request waits up to a second for an ECU that may
never answer); the result comes back to the UI thread through a queued signal.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QWidget,
)

from cockpit.state_store import SignalValue

from ..context import UiContext
from ..diagnostic_terms import term
from ..models.dtc_table import DESCRIPTION_COLUMN, DtcRow, DtcTableModel
from ..widgets.card import Card
from .base import Panel

if TYPE_CHECKING:
    from vehicle_bus.diagnostics import EcuReport, EcuSpec, ObdReport
    from vehicle_bus.diagnostics.tester import Tester

# The developer menu re-reads the codes this long after a fault changes: the ECU confirms a fault after
# failing for a second.
REREAD_AFTER_MS = 1500
AUTO_READ_S = 5.0
OBD_RESPONSE_IDS = range(0x7E8, 0x7F0)  # ISO 15765-4: the emission-relevant ECUs answer OBD-II here


class _Worker(QObject):
    """Runs one job at a time off the UI thread; ``done(job, result)`` arrives queued on the UI thread."""

    done = Signal(str, object)

    def run(self, job: str, work: Callable[[], object]) -> None:
        threading.Thread(target=self._run, args=(job, work), name=f"cockpit-diag-{job}", daemon=True).start()

    def _run(self, job: str, work: Callable[[], object]) -> None:
        try:
            result = work()
        except Exception as exc:  # shown as a line in the panel; the worker thread must not die silently
            result = exc
        self.done.emit(job, result)


class DiagnosticsPanel(Panel):
    key = "health"
    icon = "✚"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.session = ctx.session
        self.busy: str | None = None
        self.scans: dict[str, EcuReport] = {}  # ECU name → EcuReport of the last scan
        self.dtc_reports: list = []
        self.selected: str | None = None
        self.status_text = ""
        self._pending: list[str] = []
        self._scanned_once = False
        self._read_at = 0.0
        self._quiet = False
        self.worker = _Worker()
        self.worker.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        t = ctx.theme
        colors = {
            "active": QColor(t.danger),
            "pending": QColor(t.warning),
            "stored": QColor(t.text_dim),
            "passed": QColor(t.positive),
        }
        self.model = DtcTableModel(colors)
        gap = ctx.px(10)
        grid = QGridLayout(self)
        grid.setContentsMargins(gap, gap, gap, gap)
        grid.setSpacing(gap)
        grid.addLayout(self._toolbar(), 0, 0, 1, 2)
        grid.addWidget(self._confirm_bar(), 1, 0, 1, 2)
        grid.addWidget(self._ecu_card(), 2, 0, 2, 1)
        grid.addWidget(self._dtc_card(), 2, 1)
        grid.addWidget(self._info_card(), 3, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 6)
        grid.setRowStretch(2, 1)
        grid.setRowStretch(3, 1)
        self._set_status(self.tr("Not scanned yet"))

    def title(self) -> str:
        return self.tr("Vehicle health")

    # -- building -------------------------------------------------------------------------------------------
    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(self.ctx.px(8))
        self.scan_button = QPushButton(self.tr("Scan"))
        self.read_button = QPushButton(self.tr("Read codes"))
        self.clear_button = QPushButton(self.tr("Clear codes…"))
        self.scan_button.clicked.connect(self.scan)
        self.read_button.clicked.connect(self.read_codes)
        self.clear_button.clicked.connect(self.ask_clear)
        for button in (self.scan_button, self.read_button, self.clear_button):
            row.addWidget(button)
        self.status = _WrappedLine()
        self.status.setObjectName("dim")
        # Wrapped within the button row's height (a label free to grow would make the whole panel taller
        # than a small screen); the tooltip has all of it.
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status.setFixedHeight(self.ctx.touch(48))
        row.addWidget(self.status, 1)
        self.fault_button = QPushButton(self.tr("Faults (developer)"))
        self.fault_menu = QMenu(self)
        self.fault_actions = {}
        for name, label in self._fault_labels().items():
            action = self.fault_menu.addAction(label)
            action.setCheckable(True)
            action.toggled.connect(lambda on, n=name: self.set_fault(n, on))
            self.fault_actions[name] = action
        self.fault_button.setMenu(self.fault_menu)
        faults = self.session.faults
        self.fault_button.setVisible(faults is not None)
        if faults is not None:
            for name, action in self.fault_actions.items():
                action.setChecked(faults.active(name))
        row.addWidget(self.fault_button)
        return row

    def _fault_labels(self) -> dict[str, str]:
        return {
            "tyre-low-fl": self.tr("Tyre pressure low: front left"),
            "tyre-low-fr": self.tr("Tyre pressure low: front right"),
            "tyre-low-rl": self.tr("Tyre pressure low: rear left"),
            "tyre-low-rr": self.tr("Tyre pressure low: rear right"),
            "12v-low": self.tr("12 V battery low"),
            "cell-imbalance": self.tr("Battery cells out of balance"),
            "hv-isolation": self.tr("High-voltage isolation fault"),
            "charging-fault": self.tr("Charging fault"),
            "sensor-lost": self.tr("Outside temperature sensor lost"),
            "tpms-diag-silent": self.tr("TPMS stops answering diagnostics"),
        }

    def _confirm_bar(self) -> QWidget:
        self.confirm = QWidget()
        row = QHBoxLayout(self.confirm)
        row.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_yes = QPushButton(self.tr("Clear codes"))
        self.confirm_no = QPushButton(self.tr("Cancel"))
        self.confirm_yes.clicked.connect(self.clear_codes)
        self.confirm_no.clicked.connect(self.confirm.hide)
        row.addWidget(self.confirm_text, 1)
        row.addWidget(self.confirm_yes)
        row.addWidget(self.confirm_no)
        self.confirm.hide()
        return self.confirm

    def _ecu_card(self) -> Card:
        card = Card(self.ctx, self.tr("ECUs"))
        self.ecu_list = QListWidget()
        self.ecu_list.setObjectName("plain")
        self.ecu_list.currentItemChanged.connect(self._ecu_selected)
        self.ecu_list.setMinimumHeight(self.ctx.px(60))
        card.body.addWidget(self.ecu_list, 1)
        return card

    def _dtc_card(self) -> Card:
        card = Card(self.ctx, self.tr("Trouble codes"))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Small minimums: at 800×480 the cards share little height and scroll inside rather than overflow.
        self.table.setMinimumHeight(self.ctx.px(60))
        card.body.addWidget(self.table, 1)
        self.no_codes = QLabel()
        self.no_codes.setObjectName("dim")
        card.body.addWidget(self.no_codes)
        return card

    def _info_card(self) -> Card:
        card = Card(self.ctx, self.tr("ECU information"))
        self.info = QLabel(self.tr("Select an ECU"))
        self.info.setObjectName("dim")
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.info.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.info)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        scroll.setMinimumHeight(self.ctx.px(60))
        scroll.setProperty("scrollable", True)  # a long detail box: the one place here that may scroll
        card.body.addWidget(scroll, 1)
        return card

    # -- the shell's calls ----------------------------------------------------------------------------------
    def refresh(self, changed: dict[str, SignalValue]) -> None:
        # Diagnostics is request and answer, not the signal stream: while the panel is visible the codes
        # are read again every few seconds, so a fault appearing or healing shows without a tap.
        if self.scans and self.busy is None and time.monotonic() - self._read_at > AUTO_READ_S:
            self._start("dtc", "", self._read_all, quiet=True)

    def shown(self) -> None:
        if not self._scanned_once:
            self._scanned_once = True
            self.scan()

    # -- actions --------------------------------------------------------------------------------------------
    def scan(self) -> None:
        self._start("scan", self.tr("Scanning…"), self._do_scan)

    def read_codes(self) -> None:
        self._start("dtc", self.tr("Reading trouble codes…"), self._read_all)

    def ask_clear(self) -> None:
        count = len(self._answering() or [])
        self.confirm_text.setText(
            _fill(
                self.tr(
                    "Clear the stored trouble codes of %1 ECUs? Codes of faults that are still present come "
                    "back at the next self-test."
                ),
                count,
            )
        )
        self.confirm.show()

    def clear_codes(self) -> None:
        self.confirm.hide()
        self._start("clear", self.tr("Clearing trouble codes…"), self._do_clear)

    def show_info(self, name: str) -> None:
        self.info.setText(_fill(self.tr("Reading %1…"), name))
        self._start("info", "", lambda: self._read_info(name), quiet=True)

    def set_fault(self, name: str, on: bool) -> None:
        faults = self.session.faults
        if faults is None or faults.active(name) == on:
            return
        if on:
            faults.add(name)
        else:
            faults.repair(name)
        QTimer.singleShot(REREAD_AFTER_MS, self.read_codes)

    # -- work (on the worker thread) ------------------------------------------------------------------------
    def _tester(self) -> Tester:
        return self.session.diagnostics()

    def _read_info(self, name: str) -> tuple[EcuReport, ObdReport | None]:
        """The ECU's identification and live values; OBD-II too when it is an emission-relevant ECU."""
        spec = self._spec(name)
        (report,) = self._tester().uds.info([spec])
        obd = self._tester().obd.read() if spec.response_id in OBD_RESPONSE_IDS else None
        return report, obd

    def _spec(self, name: str) -> EcuSpec:
        return self._tester().description.ecu(name)

    def _answering(self) -> list[EcuSpec] | None:
        """The ECUs the last scan heard (None before a scan: ask them all)."""
        if not self.scans:
            return None
        names = [n for n, r in self.scans.items() if r.answered]
        return [self._spec(n) for n in names]

    def _read_all(self) -> list:
        return self._tester().uds.read_dtcs(self._answering())

    def _do_scan(self) -> tuple[list, list]:
        tester = self._tester()
        scans = tester.uds.scan()
        answered = [tester.description.ecu(r.name) for r in scans if r.answered]
        return scans, tester.uds.read_dtcs(answered) if answered else []

    def _do_clear(self) -> list:
        tester = self._tester()
        targets = self._answering()
        tester.uds.clear(targets)
        return tester.uds.read_dtcs(targets)

    # -- results (on the UI thread) -------------------------------------------------------------------------
    def _start(self, job: str, text: str, work: Callable[[], object], quiet: bool = False) -> None:
        if self.busy is not None:
            if job not in self._pending and (not quiet or job == "info"):
                self._pending.append(job)
            return
        self.busy = job
        self._quiet = quiet
        self._started_at = time.monotonic()
        if not quiet:
            for button in (self.scan_button, self.read_button, self.clear_button):
                button.setEnabled(False)
            self._set_status(text)
        self.worker.run(job, work)

    def _finished(self, job: str, result: object) -> None:
        self.busy = None
        if job in ("scan", "dtc", "clear"):
            self._read_at = time.monotonic()
        for button in (self.scan_button, self.read_button, self.clear_button):
            button.setEnabled(True)
        elapsed = time.monotonic() - self._started_at
        if isinstance(result, Exception):
            line = getattr(result, "line", None)
            self._set_status(line() if callable(line) else f"{type(result).__name__}: {result}")
        elif job == "scan":
            scans, dtcs = result  # type: ignore[misc]
            self.scans = {r.name: r for r in scans}
            self._show_dtcs(dtcs)
            self._show_ecus()
            self._set_status(self._scan_summary(scans, elapsed))
            if self.selected is None and scans:
                # Show something useful at once: the first ECU with codes (else the first one).
                first = next((r for r in scans if r.dtc_count), scans[0])
                self._select(first.name)
        elif job in ("dtc", "clear"):
            self._show_dtcs(result)  # type: ignore[arg-type]
            self._show_ecus()
            if job == "clear":
                self._set_status(_fill(self.tr("Codes cleared in %1 s"), f"{elapsed:.2f}"))
            elif not self._quiet:
                self._set_status(_fill(self.tr("Codes read in %1 s"), f"{elapsed:.2f}"))
        elif job == "info":
            report, obd = result  # type: ignore[misc]
            self._show_info(report, obd)
            if report.problem:
                self._set_status(self._problem_text(report))
        if self._pending:
            pending = self._pending.pop(0)
            if pending == "info":
                if self.selected:
                    self.show_info(self.selected)
            else:
                {"scan": self.scan, "dtc": self.read_codes, "clear": self.clear_codes}[pending]()

    def _scan_summary(self, scans: list, elapsed: float) -> str:
        answered = sum(1 for r in scans if r.answered)
        parts = [_fill(self.tr("%1 of %2 ECUs answered in %3 s"), answered, len(scans), f"{elapsed:.2f}")]
        parts += [p for r in scans if (p := self._problem_text(r))]
        return "; ".join(parts)

    def _problem_text(self, report: EcuReport) -> str:
        if report.problem is None:
            return ""
        if not report.answered:
            return _fill(self.tr("No answer from %1 after %2 s"), report.name, f"{report.waited_s:.1f}")
        return report.problem

    def _show_dtcs(self, reports: list) -> None:
        self.dtc_reports = reports
        rows = []
        for report in reports:
            if report.name in self.scans and report.dtc_count is not None:
                self.scans[report.name].dtc_count = report.dtc_count
            for d in report.dtcs or ():
                rows.append(
                    DtcRow(
                        report.name,
                        d.code,
                        d.summary,
                        d.status,
                        tuple(d.to_json()["status_bits"]),
                        d.description,
                        (d.first_seen.time, d.first_seen.odometer_km) if d.first_seen else None,
                        (d.last_seen.time, d.last_seen.odometer_km) if d.last_seen else None,
                        d.occurrences,
                    )
                )
        order = {"active": 0, "pending": 1, "stored": 2, "passed": 3}
        rows.sort(key=lambda r: (order.get(r.state, 4), r.ecu, r.code))
        self.model.set_rows(rows)
        silent = [r.name for r in reports if not r.answered]
        if rows:
            self.no_codes.setText("")
        elif silent:
            self.no_codes.setText(self.tr("No codes from the ECUs that answered"))
        else:
            self.no_codes.setText(self.tr("No trouble codes stored"))

    def _show_ecus(self) -> None:
        t = self.ctx.theme
        current = self.selected
        self.ecu_list.blockSignals(True)
        self.ecu_list.clear()
        for name, report in self.scans.items():
            r = report
            if r.answered:
                count = r.dtc_count or 0
                version = next((v.text for v in r.info if v.did == 0xF195), "")
                codes = (
                    self.tr("no codes")
                    if not count
                    else self.tr("1 code")
                    if count == 1
                    else _fill(self.tr("%1 codes"), count)
                )
                detail = f"{version} · {codes}" if version else codes
                color = t.danger if count else t.positive
            else:
                detail = self._problem_text(r)
                color = t.warning
            item = QListWidgetItem(f"● {name}  {r.address}\n    {detail}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setForeground(QColor(color))
            self.ecu_list.addItem(item)
            if name == current:
                self.ecu_list.setCurrentItem(item)
        self.ecu_list.blockSignals(False)

    def _select(self, name: str) -> None:
        for i in range(self.ecu_list.count()):
            item = self.ecu_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                self.ecu_list.setCurrentItem(item)  # → _ecu_selected → info is read
                return

    def _ecu_selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.selected = item.data(Qt.ItemDataRole.UserRole)
        self.show_info(self.selected)

    def _show_info(self, report: EcuReport, obd: ObdReport | None = None) -> None:
        ident = [(self.tr("Address"), f"{report.address} → 0x{report.response_id:03X}")]
        ident += [(term(v.name), v.text) for v in report.info]
        live = [(term(v.name), v.text) for v in report.live]
        problem = self._problem_text(report)
        note = f"<p style='color:{self.ctx.theme.warning}'>{escape(problem)}</p>" if problem else ""
        # Identification beside live values: two columns fit the card without scrolling at 1280×720.
        columns = "".join(
            f"<td valign='top' style='padding-right:{self.ctx.px(28)}px'>{self._info_table(rows)}</td>"
            for rows in (ident, live, self._obd_rows(obd, f"0x{report.response_id:03X}"))
            if rows
        )
        self.info.setObjectName("plain")
        head = f"<b>{escape(report.name)}</b> — {escape(term(report.description))}{note}"
        self.info.setText(f"{head}<table><tr>{columns}</tr></table>")

    def _obd_rows(self, obd: ObdReport | None, responder: str) -> list[tuple[str, str]]:
        """OBD-II (SAE J1979) of this ECU: MIL and readiness, pending and permanent codes, freeze frame."""
        if obd is None or responder not in obd.responders:
            return []
        rows = []
        status = obd.status.get(responder)
        if status:
            rows.append((self.tr("MIL"), self.tr("on") if status["mil"] else self.tr("off")))
            monitors = status["monitors"].items()
            ready = [n for n, m in monitors if m["available"] and m["complete"]]
            waiting = [n for n, m in monitors if m["available"] and not m["complete"]]
            rows.append((self.tr("Monitors complete"), ", ".join(ready) or "—"))
            rows.append((self.tr("Monitors not complete"), ", ".join(waiting) or "—"))
        for label, codes in (
            (self.tr("Pending codes"), obd.pending_dtcs),
            (self.tr("Permanent codes"), obd.permanent_dtcs),
        ):
            rows.append((label, ", ".join(codes.get(responder, [])) or "—"))
        frame = obd.freeze_frame.get(responder)
        if frame:
            values = ", ".join(f"{k} {v:g}" for k, v in frame["values"].items())
            rows.append((_fill(self.tr("Freeze frame (%1)"), frame["dtc"]), values))
        return rows

    def _info_table(self, rows: list[tuple[str, str]]) -> str:
        dim = self.ctx.theme.text_dim
        cells = "".join(
            f"<tr><td style='padding-right:{self.ctx.px(12)}px;color:{dim}'>{escape(k)}</td>"
            f"<td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table>{cells}</table>"

    def _set_status(self, text: str) -> None:
        self.status_text = text
        self.status.setText(text)
        self.status.setToolTip(text)


class _WrappedLine(QLabel):
    """A label that wraps within the height it is given and never asks its layout for more: a wrapping
    QLabel otherwise makes the whole panel height-for-width, and the scroll area around the panel then
    sizes it by its preferred height, taller than a small screen."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False


def _fill(text: str, *values: object) -> str:
    """Qt's %1, %2 … placeholders (translations may reorder them)."""
    for i, value in reversed(list(enumerate(values, 1))):
        text = text.replace(f"%{i}", str(value))
    return text
