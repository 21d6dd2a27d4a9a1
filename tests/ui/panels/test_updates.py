"""The Updates panel on the running simulated car: what is new, an install that waits for Park, an ECU
flashed over UDS, and a refusal shown with its reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cockpit.ota.client import OtaClient
from cockpit.ota.keys import init_keys
from cockpit.ota.repository import Repository
from cockpit.session import Session, SessionOptions
from ui.context import UiContext
from ui.panels.updates import UpdatesPanel
from ui.theme import DARK, apply_theme
from ui.units import Units
from vehicle_bus.diagnostics.firmware_image import FirmwareImage

from .test_diagnostics import wait_for


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    init_keys(tmp_path / "keys")
    repo = Repository(tmp_path / "repo", tmp_path / "keys")
    image = tmp_path / "bms-3.9.2.img"
    image.write_bytes(FirmwareImage("BMS", "H02.4", "3.9.2", b"\x5a" * 3000).to_bytes())
    repo.add([image], notes="Faster DC charging")
    return repo


def panel_for(qtbot, session: Session, state: Path) -> UpdatesPanel:
    from PySide6.QtWidgets import QApplication as App

    apply_theme(App.instance(), DARK, 1.0)
    panel = UpdatesPanel(UiContext(session, DARK, Units(), session.commands), state_dir=state)
    qtbot.addWidget(panel)
    panel.resize(1280, 600)
    panel.show()
    return panel


@pytest.fixture
def parked(qapp) -> Iterator[Session]:
    s = Session(SessionOptions(use_can_config=False, cycle="idle"))
    s.start()
    assert s.commands.wait_for_status()
    try:
        yield s
    finally:
        s.close()


def cells(panel: UpdatesPanel) -> list[list[str]]:
    t = panel.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_check_then_install_flashes_the_bms(qtbot, parked: Session, repo: Repository, tmp_path: Path) -> None:
    state = tmp_path / "car"
    OtaClient(state, str(repo.dir), repo.dir / "metadata" / "1.root.json")  # enrolled at the factory
    panel = panel_for(qtbot, parked, state)
    assert str(repo.dir) in panel.source.text() and panel.check_button.isEnabled()
    panel.check_button.click()
    wait_for(lambda: not panel.busy and panel.report is not None)
    row = cells(panel)[0]
    assert row[0] == "bms-3.9.2.img\nBMS firmware · H02.4\nFaster DC charging" and row[1:] == [
        "3.9.2",
        "3.9.1",
        "3.1 kB",
        "New",
    ]
    panel.install_button.click()
    wait_for(lambda: not panel.busy and "bms-3.9.2.img" in panel.report.installed)
    assert cells(panel)[0][4] == "Installed"
    panel.grab().save(str(tmp_path / "updates.png"))


def test_a_tampered_image_is_refused_on_screen(
    qtbot, parked: Session, repo: Repository, tmp_path: Path
) -> None:
    state = tmp_path / "car"
    OtaClient(state, str(repo.dir), repo.dir / "metadata" / "1.root.json")
    target = repo.dir / "targets" / "bms-3.9.2.img"
    data = bytearray(target.read_bytes())
    data[100] ^= 0xFF
    target.write_bytes(bytes(data))
    panel = panel_for(qtbot, parked, state)
    panel.install_button.click()
    wait_for(lambda: not panel.busy and panel.report is not None)
    assert cells(panel)[0][4].startswith("Refused: bms-3.9.2.img does not match its signed hash")
    assert panel.report.installed == []


def test_not_enrolled_says_how(qtbot, parked: Session, tmp_path: Path) -> None:
    panel = panel_for(qtbot, parked, tmp_path / "nothing")
    assert panel.source.text() == "No update repository enrolled"
    assert "cockpit ota update --repo URL --root ROOT.json" in panel.status.text()
    assert not panel.check_button.isEnabled()


def test_a_content_bundle_says_what_it_carries(
    qtbot, parked: Session, repo: Repository, tmp_path: Path
) -> None:
    from ...cockpit.ota.conftest import bundle

    files = {"vehicle.toml": b'name = "demo"\n', "maps/monaco.osm.pbf": b"pbf"}
    repo.add([bundle(tmp_path / "content-2.tar.gz", files)], notes="Monaco map")
    state = tmp_path / "car"
    OtaClient(state, str(repo.dir), repo.dir / "metadata" / "1.root.json")
    panel = panel_for(qtbot, parked, state)
    panel.check_button.click()
    wait_for(lambda: not panel.busy and panel.report is not None)
    names = {row[0].split("\n")[0]: row[0] for row in cells(panel)}
    assert names["content-2.tar.gz"] == "content-2.tar.gz\nvehicle profile, map\nMonaco map"


def test_the_table_draws_chinese_in_its_own_font_so_wrapped_rows_keep_every_line(
    qtbot, parked: Session, tmp_path: Path
) -> None:
    from PySide6.QtGui import QFontDatabase, QRawFont

    if "Noto Sans Mono CJK SC" not in QFontDatabase.families():
        pytest.skip("fonts-noto-cjk is not installed")
    panel = panel_for(qtbot, parked, tmp_path / "nothing")
    # A fallback font for the Chinese lines is taller than the rows Qt sizes: the last line was cut.
    drawn_with = QRawFont.fromFont(panel.table.font())  # the font itself, not its fallbacks
    assert drawn_with.supportsCharacter("固") and drawn_with.supportsCharacter("B")
