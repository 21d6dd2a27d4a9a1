"""The CAN monitor on the running simulated vehicle: ids, names, counts, changed bytes, signals, the plot,
the 2,000-id flood, recording from the button, the Raspberry Pi profile's coalesced repaints, and the
screenshots at 1280×720 and 800×480."""

from __future__ import annotations

import math
import shutil
import time
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import can
import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtTest import QTest

from cockpit.runtime_profile import PI
from ui.models.frame_table import COUNT_COLUMN, DATA_COLUMN, ID_COLUMN, NAME_COLUMN
from ui.panels.can_monitor import CanMonitorPanel

DRIVE_STATUS = 0x101
# Ids of our own on the simulated bus: below every simulated one (the table's first row), and above every
# filler id (its last row, out of view).
TOP_ID = 0x0A0
BOTTOM_ID = 0x1FFFFFF0


@pytest.fixture
def panel(qtbot, ctx, tmp_path: Path) -> CanMonitorPanel:
    p = CanMonitorPanel(ctx, record_dir=tmp_path)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    return p


@pytest.fixture
def pi_panel(qtbot, ctx, tmp_path: Path) -> CanMonitorPanel:
    """The panel as the Raspberry Pi profile runs it, at the Pi's 800×480."""
    p = CanMonitorPanel(replace(ctx, profile=PI), record_dir=tmp_path)
    qtbot.addWidget(p)
    p.resize(800, 480)
    p.show()
    return p


class PaintSpy(QObject):
    """When a widget was painted, and where."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.paints: list[tuple[float, QRect]] = []
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.paints.append((time.monotonic(), event.region().boundingRect()))
        return False

    def painted(self, rect: QRect, after: float) -> bool:
        return any(t > after and region.intersects(rect) for t, region in self.paints)


def warm_up(panel: CanMonitorPanel, run_session, seconds: float = 1.0) -> None:
    run_session(seconds, lambda: panel.refresh({}))
    panel.session.tick()
    panel.poll()


def row_texts(panel: CanMonitorPanel, arbitration_id: int) -> dict[int, str]:
    row = panel.model.row_of(arbitration_id)
    assert row is not None, f"0x{arbitration_id:X} not in the table"
    return {c: panel.model.index(row, c).data() for c in (ID_COLUMN, NAME_COLUMN, COUNT_COLUMN)}


def test_table_shows_every_id_with_names_and_growing_counts(panel, run_session) -> None:
    assert panel.key == "can" and panel.title() == "CAN monitor"
    warm_up(panel, run_session)
    frames = panel.session.frames()
    assert len(frames) > 10
    assert panel.model.rowCount() == len(frames)
    assert set(panel.model.ids()) == {f.arbitration_id for f in frames}
    first = row_texts(panel, DRIVE_STATUS)
    assert first[ID_COLUMN] == "101" and first[NAME_COLUMN] == "VCU_DriveStatus"

    run_session(0.3, lambda: panel.refresh({}))
    panel.poll()
    assert int(row_texts(panel, DRIVE_STATUS)[COUNT_COLUMN]) > int(first[COUNT_COLUMN])
    assert panel.stats.text_of("ids") == str(panel.model.rowCount())
    assert int(panel.stats.text_of("frames").replace(",", "")) > 0


def test_changed_bytes_flag_the_rolling_counter(panel, run_session, session) -> None:
    warm_up(panel, run_session)
    # A message with a rolling counter and checksum: bytes change every frame.
    flagged = {i: panel.model.changed_bytes(i) for i in panel.model.ids()}
    assert flagged[DRIVE_STATUS] != 0
    entry = next(f for f in session.frames() if f.arbitration_id == DRIVE_STATUS)
    assert entry.changed_bytes & ~flagged[DRIVE_STATUS] == 0


def test_selecting_an_id_shows_its_signals_and_a_signal_plots_live(panel, run_session) -> None:
    warm_up(panel, run_session)
    assert panel.select_id(DRIVE_STATUS)
    assert panel.selected_id == DRIVE_STATUS
    shown = [panel.signals.item(r, 0).text() for r in range(panel.signals.rowCount())]
    assert "VehicleSpeed" in shown
    r = shown.index("VehicleSpeed")
    assert panel.signals.item(r, 2).text() == "km/h"
    assert panel.signals.item(r, 1).text() not in ("", "—")
    assert "VCU_DriveStatus" in panel.detail_title.text()

    # Tap the signal's row, as a finger would.
    panel.signals.scrollToItem(panel.signals.item(r, 0))
    rect = panel.signals.visualRect(panel.signals.model().index(r, 0))
    QTest.mouseClick(panel.signals.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.plotted_signal == "VehicleSpeed"
    assert "km/h" in panel.plot_title.text()
    before = panel.plot_points()
    run_session(0.6, lambda: panel.refresh({}))
    after = panel.plot_points()
    assert after >= before + 3
    # The line is redrawn at the profile's plot rate: within one plot period it has every sample so far.
    run_session(panel.ctx.profile.plot_every_s + 0.1, lambda: panel.refresh({}))
    xs, _ = panel.curve.getData()
    assert after <= len(xs) <= panel.plot_points() and max(xs) <= 0 and min(xs) >= -60
    after = panel.plot_points()

    # Back after a while on another panel: the line breaks over the gap instead of joining it.
    panel.poll(time.monotonic() + 5)
    _, ys = panel.curve.getData()
    assert panel.plot_points() == after + 1
    assert math.isnan(ys[-2]) and panel.curve.opts["connect"] == "finite"


def test_unknown_id_says_so(panel, run_session, session) -> None:
    session.simulator.filler_per_step = 1
    warm_up(panel, run_session, 0.5)
    unknown = next(i for i in panel.model.ids() if session.message_name(i) is None)
    assert panel.select_id(unknown)
    assert panel.signals.item(0, 0).text() == "No DBC message for this ID"
    assert int(panel.stats.text_of("unknown")) >= 1


def test_two_thousand_ids_keep_selection_and_update_fast(panel, run_session, session) -> None:
    session.simulator.filler_per_step = 40  # 4,000 extra frames/s over 2,000 extended ids
    warm_up(panel, run_session, 1.5)
    assert panel.model.rowCount() > 2000
    assert panel.model.rowCount() == len(session.frames())
    assert panel.select_id(DRIVE_STATUS)
    timings = []
    for _ in range(10):
        run_session(0.1, lambda: panel.refresh({}))
        panel.poll()
        timings.append(panel.last_update_s)
        selected = panel.table.selectionModel().selectedRows()
        assert [panel.model.arbitration_id(i.row()) for i in selected] == [DRIVE_STATUS]
        assert panel.selected_id == DRIVE_STATUS
    timings.sort()
    print(
        f"\nupdate() with {panel.model.rowCount()} ids: median {timings[5] * 1000:.2f} ms, "
        f"max {timings[-1] * 1000:.2f} ms"
    )
    # The strict bound (a 16 ms frame) is in the model's own test; here the bus threads compete for the GIL
    # on a machine that may be busy with other tests, so this only guards against a gross regression.
    assert timings[5] < 0.05


def test_record_button_writes_a_readable_log(panel, run_session, tmp_path: Path) -> None:
    warm_up(panel, run_session, 0.3)
    qtbot_click(panel.stats.record)
    assert panel.recording and panel.stats.record.isChecked()
    assert panel.recording_path is not None and panel.recording_path.parent == tmp_path
    assert panel.recording_path.name.startswith("cockpit-") and panel.recording_path.suffix == ".blf"
    run_session(0.6, lambda: panel.refresh({}))
    assert "Recording" in panel.stats.status.text()
    qtbot_click(panel.stats.record)
    assert not panel.recording and not panel.stats.record.isChecked()
    status = panel.stats.status.text()
    assert status.startswith("Saved " + panel.recording_path.name)
    shown = int(status.split("·")[1].split()[0].replace(",", ""))
    assert shown > 100
    read = sum(1 for _ in can.LogReader(str(panel.recording_path)))
    assert read >= shown


def test_bad_recording_folder_shows_one_line(panel, run_session, tmp_path: Path) -> None:
    panel.record_dir = tmp_path / "missing"
    qtbot_click(panel.stats.record)
    assert not panel.recording and not panel.stats.record.isChecked()
    line = panel.stats.status.text()
    assert "folder does not exist" in line and "missing" in line
    assert not panel.stats.status.isHidden()
    run_session(0.2, lambda: panel.refresh({}))  # the panel goes on


def qtbot_click(button) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("size", [(1280, 720), (800, 480)])
def test_screenshots(panel, run_session, session, tmp_path: Path, size: tuple[int, int]) -> None:
    session.simulator.filler_per_step = 2
    panel.resize(*size)
    warm_up(panel, run_session, 1.2)
    panel.select_id(DRIVE_STATUS)
    panel.select_signal("VehicleSpeed")
    run_session(1.0, lambda: panel.refresh({}))
    qtbot_click(panel.stats.record)
    run_session(0.3, lambda: panel.refresh({}))
    panel.poll()
    image = panel.grab()
    assert (image.width(), image.height()) == size
    # Narrow screens put the signals under the table, wide ones beside it.
    expected = Qt.Orientation.Vertical if size[0] < 900 else Qt.Orientation.Horizontal
    assert panel.splitter.orientation() == expected
    table, detail = panel.splitter.sizes()
    assert table > 0 and detail > 0
    path = tmp_path / f"can_monitor_{size[0]}.png"
    assert image.save(str(path))
    shutil.copy(path, f"/tmp/can_monitor_{size[0]}.png")
    qtbot_click(panel.stats.record)
    # Touch sizes: rows and the button stay finger-sized.
    assert panel.table.verticalHeader().defaultSectionSize() >= 40
    assert panel.stats.record.height() >= 48


# -- the Raspberry Pi profile: one repaint per update period -------------------------------------------------
def send(bus: can.BusABC, arbitration_id: int, data: bytes) -> None:
    bus.send(can.Message(arbitration_id=arbitration_id, data=data, is_extended_id=arbitration_id > 0x7FF))


def data_text(panel: CanMonitorPanel, arbitration_id: int) -> str:
    return panel.model.index(panel.model.row_of(arbitration_id), DATA_COLUMN).data()


def test_pi_profile_repaints_the_table_once_per_period_with_the_new_data_in_view(
    pi_panel, run_session, session
) -> None:
    period = PI.table_update_s
    session.simulator.filler_per_step = 20  # 2,000 more frames/s over 2,000 ids: every tick has rows to take
    with can.Bus(interface="virtual", channel=session.sim_channel) as bus:
        send(bus, TOP_ID, bytes(8))
        warm_up(pi_panel, run_session, 1.0)
        assert pi_panel.model.row_of(TOP_ID) == 0
        spy = PaintSpy(pi_panel.table.viewport())
        run_session(2.0, lambda: pi_panel.refresh({}))
        # Rows changed at every tick, but the table was painted once per period (not ~100 times).
        assert 2 <= len(spy.paints) <= 2.0 / period + 2

        send(bus, TOP_ID, bytes.fromhex("CAFE000000000001"))
        sent = time.monotonic()
        run_session(period + 0.15, lambda: pi_panel.refresh({}))
    assert data_text(pi_panel, TOP_ID) == "CA FE 00 00 00 00 00 01"
    row = pi_panel.table.visualRect(pi_panel.model.index(0, DATA_COLUMN))
    assert spy.painted(row, after=sent)


def test_pi_profile_shows_a_row_changed_out_of_view_once_scrolled_to(pi_panel, run_session, session) -> None:
    period = PI.table_update_s
    session.simulator.filler_per_step = 20
    with can.Bus(interface="virtual", channel=session.sim_channel) as bus:
        send(bus, BOTTOM_ID, bytes(8))
        warm_up(pi_panel, run_session, 1.0)
        row = pi_panel.model.row_of(BOTTOM_ID)
        assert row == pi_panel.model.rowCount() - 1 > 2000
        send(bus, BOTTOM_ID, bytes.fromhex("0102030405060708"))
        run_session(period + 0.1, lambda: pi_panel.refresh({}))

        pi_panel.table.scrollToBottom()
        spy = PaintSpy(pi_panel.table.viewport())
        scrolled = time.monotonic()
        run_session(period + 0.15, lambda: pi_panel.refresh({}))
    rect = pi_panel.table.visualRect(pi_panel.model.index(pi_panel.model.row_of(BOTTOM_ID), DATA_COLUMN))
    assert pi_panel.table.viewport().rect().intersects(rect)
    assert data_text(pi_panel, BOTTOM_ID) == "01 02 03 04 05 06 07 08"
    assert spy.painted(rect, after=scrolled)


def test_pi_profile_plot_gets_a_sample_per_period_and_redraws_at_its_plot_rate(pi_panel, run_session) -> None:
    warm_up(pi_panel, run_session, 0.6)
    assert pi_panel.select_id(DRIVE_STATUS) and pi_panel.select_signal("VehicleSpeed")
    redraws: list[tuple[float, int]] = []  # when, and how many points the line had
    pi_panel.curve.sigPlotChanged.connect(
        lambda curve: redraws.append((time.monotonic(), len(curve.getData()[0])))
    )
    before, started = pi_panel.plot_points(), time.monotonic()
    run_session(2.2, lambda: pi_panel.refresh({}))
    periods = (time.monotonic() - started) / PI.table_update_s
    # A sample every update period (not every tick)...
    assert periods - 2 <= pi_panel.plot_points() - before <= periods + 1
    # ...and the line redrawn at most once per plot period, with the samples taken so far.
    times = [t for t, _ in redraws]
    assert redraws and all(b - a >= PI.plot_every_s * 0.9 for a, b in pairwise(times))
    assert redraws[-1][1] >= pi_panel.plot_points() - PI.plot_every_s / PI.table_update_s
