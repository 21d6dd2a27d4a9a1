"""The whole window on the simulated car: store values, climate through the bus, replay, small sizes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import can
import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from cockpit.cli.run import open_session
from cockpit.session import Session, SessionOptions
from ui.app import Look, build_window
from ui.shell import HeadUnitWindow

from .conftest import pump_events

DRIVER = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"


def run(window: HeadUnitWindow, qtbot, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        window.tick()
        pump_events(0.016)


def run_until(window: HeadUnitWindow, condition, timeout: float = 30.0) -> bool:
    """Tick the window until ``condition()`` holds: frames and ticks come later on a busy machine, so wait
    for what the test needs (generously), not for a fixed time."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return condition()
        window.tick()
        pump_events(0.016)
    return True


@pytest.fixture
def window(qtbot) -> Iterator[HeadUnitWindow]:
    session = open_session(SessionOptions(use_can_config=False))
    win = build_window(session, Look())
    qtbot.addWidget(win)
    win.show()
    yield win
    session.close()


def test_status_bar_and_energy_panel_show_what_the_store_holds(window: HeadUnitWindow, qtbot) -> None:
    window.show_panel_key("energy")  # home is the first panel; the energy panel refreshes when visible
    run(window, qtbot, 2.0)
    # Freeze the car, then let the slower-refreshing cards catch up with the last values.
    window.ctx.session.simulator.stop()
    store = window.ctx.session.store
    energy = window.panel("energy")

    def shown(path: str, text, expected: str) -> bool:
        value = store.value(path)
        return value is not None and text() == expected.format(value)

    soc_path = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed"
    assert run_until(window, lambda: f"{store.value(soc_path):.0f} %" in window.status.battery.text())
    assert run_until(window, lambda: shown("Vehicle.Speed", window.status.speed.text, "{:.0f} km/h"))
    assert run_until(window, lambda: energy.ring.soc == store.value(soc_path))
    voltage = "Vehicle.Powertrain.TractionBattery.CurrentVoltage"
    assert run_until(window, lambda: shown(voltage, energy.pack["voltage"].text, "{:.1f} V"))
    assert "frames/s" in window.status.source.text() and "Simulator demo-bev" in window.status.source.text()


def test_climate_tap_sends_the_frame_and_shows_the_value_only_when_reported(
    window: HeadUnitWindow, qtbot
) -> None:
    session = window.ctx.session
    db = session.vehicle.database.db
    request = db.get_message_by_name("IVI_HvacRequest")
    with can.Bus(interface="virtual", channel=session.sim_channel) as sniffer:
        assert run_until(window, lambda: window.climate.driver.label.text() == "22°")
        window.climate.driver.plus.click()
        # Asked, not yet reported: the label keeps the car's value and shows the target as pending.
        assert window.climate.driver.label.text().startswith("22°")
        assert "→ 23" in window.climate.driver.label.text()
        sent = None
        deadline = time.monotonic() + 30
        while sent is None and time.monotonic() < deadline:
            msg = sniffer.recv(timeout=0.1)
            if msg is not None and msg.arbitration_id == request.frame_id:
                sent = request.decode(msg.data)
        assert sent is not None and sent["DriverTempReq"] == 23
        assert run_until(window, lambda: window.climate.driver.label.text() == "23°")
    assert session.store.value(DRIVER) == 23


def test_replay_seek_lands_where_asked(qtbot, tmp_path: Path) -> None:
    from cockpit.cli.main import main

    log = tmp_path / "drive.log"
    assert main(["sim", "--fast", "--duration", "40", "--record", str(log), "--quiet"]) == 0
    session = open_session(SessionOptions(replay=str(log), use_can_config=False))
    try:
        win = build_window(session, Look())
        # The log is indexed on a thread while the window is already up; the replay bar joins when ready.
        assert session.wait_until_loaded()
        win.tick()
        qtbot.addWidget(win)
        win.show()
        assert win.replay_bar is not None
        run(win, qtbot, 0.5)
        win.replay_bar.timeline.setValue(300)  # 30.0 s
        seeked = time.monotonic()
        win.replay_bar._seek()
        run(win, qtbot, 0.3)
        played = time.monotonic() - seeked  # 0.3 s, or more on a busy machine: the replay goes on meanwhile
        assert 30.0 - 0.011 <= session.replay.position <= 30.0 + played + 0.011
        assert 30 <= int(win.replay_bar.position.text().split(":")[1]) <= 30 + played
        # The WLTC drive at 30 s is at speed; the display follows the log, not the start of it.
        assert session.store.value("Vehicle.Speed") > 10
    finally:
        session.close()


def test_a_log_that_cannot_be_opened_keeps_the_window_up_with_a_banner(qtbot, tmp_path: Path) -> None:
    session = open_session(SessionOptions(replay=str(tmp_path / "missing.blf"), use_can_config=False))
    try:
        win = build_window(session, Look())
        qtbot.addWidget(win)
        win.show()
        win.tick()
        assert win.banner.isVisible() and "missing.blf" in win.banner.text()
    finally:
        session.close()


def _visible_controls(win: QWidget) -> list[QWidget]:
    out = []
    for w in win.findChildren(QWidget):
        if isinstance(w, (QAbstractButton, QLabel)) and w.isVisibleTo(win) and w.width() > 0:
            out.append(w)
    return out


def test_at_800x480_every_control_is_visible_and_none_overlaps(qtbot) -> None:
    session = open_session(SessionOptions(use_can_config=False))
    try:
        win = build_window(session, Look(size=(800, 480)))
        qtbot.addWidget(win)
        win.show()
        run(win, qtbot, 1.0)
        QApplication.processEvents()
        fixed = [win.status, win.climate, win.rail]
        rects = []
        for bar in fixed:
            for w in _visible_controls(bar):
                top_left = w.mapTo(win, w.rect().topLeft())
                rect = w.rect().translated(top_left)
                assert win.rect().contains(rect), f"{w} is clipped: {rect}"
                rects.append((w, rect))
        for i, (a, ra) in enumerate(rects):
            for b, rb in rects[i + 1 :]:
                if a.isAncestorOf(b) or b.isAncestorOf(a):
                    continue
                assert not ra.intersects(rb), f"{a.objectName() or a} overlaps {b.objectName() or b}"
        buttons = [w for w, _ in rects if isinstance(w, QAbstractButton)]
        assert buttons and all(min(b.width(), b.height()) >= 48 * 0.72 for b in buttons)
    finally:
        session.close()


SIZES = [(800, 480), (1024, 600), (1280, 720), (1920, 720), (1920, 1080)]


def _on_screen(win: QWidget, w: QWidget) -> bool:
    rect = w.rect().translated(w.mapTo(win, w.rect().topLeft()))
    return w.isVisibleTo(win) and win.rect().contains(rect) and min(w.width(), w.height()) >= 48


def test_every_panel_is_two_taps_away_and_the_rail_shows_which_at_every_size(qtbot) -> None:
    session = open_session(SessionOptions(use_can_config=False))
    try:
        for size in SIZES:
            win = build_window(session, Look(size=size))
            qtbot.addWidget(win)
            win.show()
            pump_events(0.05)
            rail = win.rail
            # The rail never scrolls: no scroll area holds it, and Talk is on screen at its foot.
            parent = rail.parentWidget()
            while parent is not None:
                assert not isinstance(parent, QScrollArea), f"{size}: the rail sits in a scroll area"
                parent = parent.parentWidget()
            assert _on_screen(win, win.talk), size
            under_more = []
            for index in range(len(win.infos)):
                button = rail.buttons[index]
                if _on_screen(win, button):
                    button.click()  # one tap
                else:
                    under_more.append(index)
                    assert _on_screen(win, rail.more), (
                        f"{size}: panel {index} is neither on the rail nor under More"
                    )
                    rail.more.click()
                    pump_events(0.02)
                    tile = rail.sheet.tiles[index]
                    assert rail.sheet.isVisible() and _on_screen(win, tile), (size, index)
                    tile.click()  # the second tap
                pump_events(0.02)
                assert win.current == index and win.stack.currentIndex() == index, (size, index)
                assert not rail.sheet.isVisible()
                # The panel shown is a selected button on the rail, even when it came from the sheet.
                assert _on_screen(win, button) and button.isChecked(), (size, index)
                assert [b for b in rail.buttons if b.isChecked()] == [button]
            if size[1] >= 1080:
                # Ten panels: the tall screen shows most of them on the rail, the rest under More.
                assert len(win.infos) - len(under_more) >= 7, (size, under_more)
            if size == (800, 480):
                assert under_more  # every panel and Talk do not fit: some live under More
            win.close()
    finally:
        session.close()


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_rail_icons_take_the_theme_colours(qtbot, theme: str) -> None:
    from PySide6.QtGui import QIcon

    from ui.theme import THEMES

    session = open_session(SessionOptions(use_can_config=False))
    try:
        win = build_window(session, Look(size=(800, 480), theme=theme))
        qtbot.addWidget(win)
        t = THEMES[theme]
        rail = win.rail
        for button, state, colour in (
            (rail.buttons[1], QIcon.State.Off, t.text_dim),
            (rail.buttons[0], QIcon.State.On, t.accent),
            (rail.more, QIcon.State.Off, t.text_dim),
            (win.talk, QIcon.State.Off, t.text_dim),
        ):
            image = button.icon().pixmap(button.iconSize(), QIcon.Mode.Normal, state).toImage()
            inked = {
                image.pixelColor(x, y).name()
                for x in range(image.width())
                for y in range(image.height())
                if image.pixelColor(x, y).alpha() == 255
            }
            assert inked == {colour}, (button.text(), inked)
    finally:
        session.close()


def test_session_never_needs_qt(tmp_path: Path) -> None:
    # The core runs headless: a session decodes without a QApplication.
    session = Session(SessionOptions(use_can_config=False))
    session.start()
    try:
        soc = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed"
        deadline = time.monotonic() + 30
        while session.store.value(soc) is None and time.monotonic() < deadline:
            time.sleep(0.05)
            session.tick()
        assert session.store.value(soc) is not None
    finally:
        session.close()


def test_day_night_switch_rebuilds_the_window_and_keeps_the_trip(qtbot) -> None:
    from ui.app import HeadUnit

    session = open_session(SessionOptions(use_can_config=False))
    try:
        head_unit = HeadUnit(session, Look(theme="dark"))
        head_unit.show()
        assert run_until(head_unit.window, lambda: session.energy.since_start.distance_km > 0)
        head_unit.window.show_panel(1)
        distance = session.energy.since_start.distance_km
        old = head_unit.window
        head_unit.window.status.day_night.click()
        new = head_unit.window
        assert new is not old and new.ctx.theme.name == "light" and new.current == 1
        run(new, qtbot, 0.5)
        assert session.energy.since_start.distance_km >= distance  # the trip goes on
        new.status.day_night.click()
        assert head_unit.window.ctx.theme.name == "dark"
        head_unit.window.close()
    finally:
        session.close()


def test_missing_interface_is_waited_for_and_a_silent_car_greys_the_values(qtbot) -> None:
    from bench import gated_bus

    gated_bus.register()
    name = "ui-can0"
    session = open_session(SessionOptions(can=f"gated:{name}", use_can_config=False, no_data_s=0.5))
    win = build_window(session, Look())
    qtbot.addWidget(win)
    win.show()
    try:
        run(win, qtbot, 0.3)
        assert "waiting" in win.status.source.text() and name in win.status.source.text()  # not the simulator
        assert win.banner.isVisible() and win.banner.text().startswith(f"waiting for {name}")
        assert win.stack.graphicsEffect() is not None  # values greyed
        gated_bus.plug(name)
        with can.Bus(interface="virtual", channel=name) as car:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and (
                win.banner.isVisible() or win.stale or session.counters().frames < 10
            ):
                car.send(can.Message(arbitration_id=0x101, data=bytes(8), is_extended_id=False))
                run(win, qtbot, 0.05)
            assert not win.banner.isVisible() and win.stack.graphicsEffect() is None
            assert win.status.source.text().startswith(f"CAN {name}")
        # The car falls silent: after 0.5 s, "no data" with the age, values greyed again.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not win.stale:
            run(win, qtbot, 0.05)
        run(win, qtbot, 1.2)
        assert win.banner.text().startswith("no data from the car for ")
        assert win.stack.graphicsEffect() is not None
    finally:
        gated_bus.unplug(name)


def test_a_window_below_800x480_scrolls_and_says_so_once(qtbot, caplog) -> None:
    import logging

    caplog.set_level(logging.WARNING, logger="ui.shell")
    session = open_session(SessionOptions(use_can_config=False))
    try:
        win = build_window(session, Look(size=(640, 400)))
        qtbot.addWidget(win)
        win.show()
        pump_events(0.1)
        win.resize(600, 380)
        pump_events(0.1)
        lines = [r.getMessage() for r in caplog.records if "smaller than 800×480" in r.getMessage()]
        assert len(lines) == 1
        assert isinstance(win.stack.currentWidget(), QScrollArea)  # what does not fit scrolls, never cut
    finally:
        session.close()


def test_chinese_without_a_chinese_font_falls_back_to_english(qtbot, monkeypatch) -> None:
    import ui.app

    monkeypatch.setattr(ui.app, "has_chinese_font", lambda: False)
    session = open_session(SessionOptions(use_can_config=False))
    try:
        win = build_window(session, Look(lang="zh"))
        qtbot.addWidget(win)
        assert win.panel("energy").title() == "Energy" and win.ctx.lang == "en"
    finally:
        session.close()
