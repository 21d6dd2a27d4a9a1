"""The Chinese UI has no English left: every panel (each page of the paged ones, the health panel after a
scan) rendered in zh shows only Chinese, units, codes and names; guidance uses the map's Chinese names."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from cockpit.cli.run import open_session
from cockpit.navigation.maneuvers import Maneuver
from cockpit.session import SessionOptions
from ui.app import Look, build_window
from ui.language_check import english_words

from .conftest import pump_events, wait_until


@pytest.mark.slow
def test_every_panel_in_chinese_has_no_english_word(qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    session = open_session(SessionOptions(use_can_config=False, faults=("hv-isolation",)))
    window = build_window(session, Look(size=(1280, 720), lang="zh"))
    window.show()
    window.start()
    found: list[str] = []

    def check(where: str, root: QWidget = window) -> None:
        pump_events(0.05)
        found.extend(
            f"{where}: {word} in {text}" for word, text in english_words(root, {session.vehicle.name})
        )

    try:
        pump_events(1.0)
        for key in window.panel_keys:
            window.show_panel(window.panel_keys.index(key))
            panel = window.panel(key)
            if key == "health":
                panel.scan()
                assert wait_until(lambda p=panel: bool(p.scans), 60)
                pump_events(1.0)
            pages = getattr(panel, "show_page", None)
            count = {"energy": 4, "cabin": 6}.get(key, 0)
            for page in range(count):
                pages(page)
                check(f"{key} page {page}")
            check(key)
        navigation = window.panel("navigation")
        assert wait_until(lambda: navigation.nav is not None, 60)
        turn = Maneuver("turn", "left", "Shaanxi Road", 0.0, 0.0, 0.0)
        assert navigation.instruction(turn) == "左转，进入陕西路"
        assert "加油站" in [b.text() for b in navigation.categories.findChildren(QPushButton)]
    finally:
        window.timer.stop()
        window.close()
        session.close()
    assert not found, "\n".join(found)
