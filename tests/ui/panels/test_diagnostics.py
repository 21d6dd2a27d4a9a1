"""The vehicle health panel on the running simulated car: scan, codes from injected faults, a silent ECU,
clearing after a confirmation, ECU information, and requests that never block the UI thread."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.models.dtc_table import CODE_COLUMN, DESCRIPTION_COLUMN, STATE_COLUMN
from ui.panels.diagnostics import DiagnosticsPanel


@pytest.fixture
def panel(qtbot, ctx) -> DiagnosticsPanel:
    p = DiagnosticsPanel(ctx)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    return p


def wait_for(check: Callable[[], bool], timeout_s: float = 15.0) -> None:
    """Process Qt events until ``check()``: the worker's results arrive as queued signals.

    A plain processEvents loop rather than qtbot.waitUntil: once an earlier test in the session has run
    an application event loop and quit it (``cockpit screenshot``), QEventLoop-based waits return at once
    without delivering events posted from other threads. Generous timeout: the machine is shared; a
    request normally takes a fraction of a second.
    """
    app = QApplication.instance()
    end = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < end, "timed out"
        app.processEvents()
        time.sleep(0.01)


def idle(panel: DiagnosticsPanel) -> None:
    wait_for(lambda: panel.busy is None and not panel._pending)


def codes(panel: DiagnosticsPanel) -> dict[str, tuple[str, str]]:
    m = panel.model
    return {
        m.index(r, CODE_COLUMN).data(): (
            m.index(r, STATE_COLUMN).data(),
            m.index(r, DESCRIPTION_COLUMN).data(),
        )
        for r in range(m.rowCount())
    }


def ecu_lines(panel: DiagnosticsPanel) -> dict[str, str]:
    return {
        panel.ecu_list.item(i).data(Qt.ItemDataRole.UserRole): panel.ecu_list.item(i).text()
        for i in range(panel.ecu_list.count())
    }


def test_showing_the_panel_scans_without_blocking_the_ui_thread(qtbot, panel, monkeypatch) -> None:
    assert panel.title() == "Vehicle health"
    # The tester is held back until shown() has returned: it returning at all shows the requests run on a
    # worker thread (a time limit would show it only on an idle machine).
    may_scan = threading.Event()
    tester = panel._tester

    def held_tester():
        assert may_scan.wait(60)
        return tester()

    monkeypatch.setattr(panel, "_tester", held_tester)
    panel.shown()
    assert panel.status_text == "Scanning…" and not panel.scan_button.isEnabled()
    may_scan.set()
    idle(panel)
    assert panel.status_text.startswith("5 of 5 ECUs answered in ")
    lines = ecu_lines(panel)
    assert list(lines) == ["VCU", "BMS", "BCM", "TPMS", "OBC"]
    assert "BMS 3.9.1 · no codes" in lines["BMS"]
    assert codes(panel) == {}
    assert panel.no_codes.text() == "No trouble codes stored"
    # The first ECU is selected and its identification and live values read.
    wait_for(lambda: "W0SCPD3E5N1000417" in panel.info.text())


def test_an_injected_fault_shows_as_an_active_code_and_clears_after_repair_and_confirmation(
    qtbot, panel, session
) -> None:
    panel.shown()
    idle(panel)
    panel.fault_actions["hv-isolation"].setChecked(True)
    assert session.faults.active("hv-isolation")
    wait_for(lambda: codes(panel).get("P0AA6", ("",))[0] == "active")
    assert "isolation fault" in codes(panel)["P0AA6"][1]
    idle(panel)
    assert "1 code" in ecu_lines(panel)["BMS"]

    panel.fault_actions["hv-isolation"].setChecked(False)  # repaired: stays stored until cleared
    wait_for(lambda: codes(panel).get("P0AA6", ("",))[0] == "stored")
    idle(panel)

    QTest.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert not panel.confirm.isHidden()
    assert "Clear the stored trouble codes of 5 ECUs?" in panel.confirm_text.text()
    QTest.mouseClick(panel.confirm_no, Qt.MouseButton.LeftButton)
    assert panel.confirm.isHidden() and panel.busy is None  # cancelled: nothing sent
    assert "P0AA6" in codes(panel)

    QTest.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(panel.confirm_yes, Qt.MouseButton.LeftButton)
    idle(panel)
    assert panel.status_text.startswith("Codes cleared in ")
    assert codes(panel) == {}


def test_a_silent_ecu_is_shown_with_the_time_waited(qtbot, panel, session) -> None:
    session.simulator.diagnostics.server("TPMS").silent = True
    panel.shown()
    idle(panel)
    # The time actually waited: the 1 s timeout plus opening the connection.
    silence = re.compile(r"No answer from TPMS after 1\.[0-3] s")
    assert silence.search(panel.status_text)
    assert panel.status_text.startswith("4 of 5 ECUs answered")
    assert silence.search(ecu_lines(panel)["TPMS"])
    panel.ecu_list.setCurrentRow(3)
    wait_for(lambda: "No answer from TPMS" in panel.info.text())


def test_on_a_log_replay_the_panel_explains_there_is_nothing_to_ask(qtbot, ctx, session, monkeypatch) -> None:
    monkeypatch.setattr(session, "kind", "replay")
    panel = DiagnosticsPanel(ctx)
    qtbot.addWidget(panel)
    panel.shown()
    idle(panel)
    assert panel.status_text.startswith("diagnostics need a CAN bus with ECUs on it")
    assert panel.scan_button.isEnabled()
