"""The health panel's OBD-II part: the emission-relevant ECU shows MIL, readiness, pending and permanent
codes and the freeze frame of the code that lit the MIL."""

from __future__ import annotations

import time

from ui.panels.diagnostics import DiagnosticsPanel

from .test_diagnostics import idle, wait_for


def test_the_vcu_shows_mil_readiness_codes_and_freeze_frame(qtbot, ctx, session) -> None:
    session.faults.add("12v-low")
    panel = DiagnosticsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 720)
    panel.show()
    panel.shown()
    idle(panel)
    # The VCU confirms the code after a second of failing; the panel re-reads while it is visible.
    deadline = time.monotonic() + 30
    while "MIL</td><td>on" not in panel.info.text():
        assert time.monotonic() < deadline, panel.info.text()
        wait_for(lambda: not panel.busy, timeout_s=30)
        panel.show_info("VCU")
        wait_for(lambda: "Freeze frame (P0562)" in panel.info.text() and not panel.busy, timeout_s=30)
    text = panel.info.text()
    assert "MIL</td><td>on" in text and "Monitors complete</td><td>components" in text
    assert "Pending codes</td><td>P0562" in text and "Permanent codes</td><td>P0562" in text
