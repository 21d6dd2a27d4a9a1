"""Simplified Chinese through Qt's translation system: complete, compiled, and used by the window."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.app import TRANSLATIONS

REPO = Path(__file__).resolve().parents[2]


def sources(ts: Path) -> set[str]:
    return {m.findtext("source") for m in ET.parse(ts).getroot().iter("message")}


def test_every_string_of_the_ui_is_translated(tmp_path: Path) -> None:
    tool = shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not installed with PySide6")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (REPO / "ui").rglob("*.py"))
    subprocess.run([tool, *files, "-ts", str(fresh)], check=True, capture_output=True)
    shipped = TRANSLATIONS / "cockpit_zh.ts"
    missing = sources(fresh) - sources(shipped)
    assert not missing, f"add these to {shipped.name} and run pyside6-lrelease: {sorted(missing)}"
    unfinished = [m.findtext("source") for m in ET.parse(shipped).getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished"]  # fmt: skip
    assert not unfinished
    assert (TRANSLATIONS / "cockpit_zh.qm").stat().st_mtime >= shipped.stat().st_mtime - 1


def test_window_speaks_chinese_with_lang_zh(qtbot) -> None:
    from cockpit.cli.run import open_session
    from cockpit.session import SessionOptions
    from ui.app import Look, build_window

    session = open_session(SessionOptions(use_can_config=False))
    try:
        window = build_window(session, Look(lang="zh"))
        qtbot.addWidget(window)
        assert window.panel("energy").title() == "能耗"
        assert window.panel("can").title() == "CAN 监视器"
        assert "语音" in window.status.voice.text()
        english = build_window(session, Look(lang="en"))
        qtbot.addWidget(english)
        assert english.panel("energy").title() == "Energy"  # switching back leaves no Chinese behind
    finally:
        session.close()
