"""FrameTableModel on hand-made frame entries: sorted rows, incremental inserts and changes, rates."""

from __future__ import annotations

import time

from PySide6.QtCore import QPersistentModelIndex, Qt

from ui.models.frame_table import (
    ARBITRATION_ID_ROLE,
    CHANGED_BYTES_ROLE,
    COUNT_COLUMN,
    DATA_COLUMN,
    ID_COLUMN,
    NAME_COLUMN,
    RATE_COLUMN,
    FrameTableModel,
)
from vehicle_bus.frame_cache import FrameEntry


def entry(i: int, data: bytes, count: int, previous: bytes = b"", extended: bool = False) -> FrameEntry:
    return FrameEntry(i, extended, None, len(data), data, 0.0, 0.0, count, previous)


def names(i: int) -> str | None:
    return {0x101: "VCU_DriveStatus"}.get(i)


def texts(model: FrameTableModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_rows_sorted_by_id_with_names_hex_and_data(qapp) -> None:
    model = FrameTableModel(names)
    model.update(
        [
            entry(0x300, b"\x01\x02", 1),
            entry(0x101, b"\x00" * 8, 5),
            entry(0x18F00001, b"\xab", 2, extended=True),
            entry(0x7, b"", 1, extended=True),
        ]
    )
    assert texts(model, ID_COLUMN) == ["101", "300", "00000007", "18F00001"]
    assert texts(model, NAME_COLUMN) == ["VCU_DriveStatus", "—", "—", "—"]
    assert texts(model, COUNT_COLUMN) == ["5", "1", "1", "2"]
    assert texts(model, DATA_COLUMN)[1] == "01 02"
    assert model.unknown_ids == 3
    assert model.row_of(0x300) == 1 and model.index(1, 0).data(ARBITRATION_ID_ROLE) == 0x300


def test_update_inserts_new_ids_in_place_and_signals_only_changed_rows(qapp, qtbot) -> None:
    model = FrameTableModel(names)
    ids = [0x100, 0x200, 0x400, 0x500]
    model.update([entry(i, b"\x00", 1) for i in ids])
    persistent = QPersistentModelIndex(model.index(model.row_of(0x400), 0))
    inserted: list[tuple[int, int]] = []
    changed: list[tuple[int, int]] = []
    resets: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    model.modelReset.connect(lambda: resets.append(1))

    frames = [entry(i, b"\x00", 1) for i in ids]
    frames[3] = entry(0x500, b"\x01", 2, previous=b"\x00")  # only 0x500 got a new frame
    frames += [entry(0x300, b"\x00", 1), entry(0x301, b"\x00", 1), entry(0x050, b"\x00", 1)]
    model.update(frames, now=time.monotonic())

    assert texts(model, ID_COLUMN) == ["050", "100", "200", "300", "301", "400", "500"]
    assert inserted == [(0, 0), (3, 4)]  # one insert per contiguous run
    assert changed == [(6, 6)]
    assert not resets
    assert persistent.row() == 5  # the 0x400 row moved with the inserts
    assert model.index(6, DATA_COLUMN).data(CHANGED_BYTES_ROLE) == 0b1


def test_changed_bytes_cover_changes_since_the_previous_refresh(qapp) -> None:
    model = FrameTableModel()
    model.update([entry(1, b"\x00\x00\x00", 1)])
    # Two frames since the last refresh: byte 0 changed in the first, byte 2 in the last.
    model.update([entry(1, b"\x05\x00\x07", 3, previous=b"\x05\x00\x06")])
    assert model.changed_bytes(1) == 0b101
    # A new frame with the same bytes: nothing highlighted any more.
    model.update([entry(1, b"\x05\x00\x07", 4, previous=b"\x05\x00\x07")])
    assert model.changed_bytes(1) == 0


def test_rate_from_count_deltas_over_a_window(qapp) -> None:
    model = FrameTableModel()
    model.update([entry(1, b"", 1)], now=100.0)
    assert model.index(0, RATE_COLUMN).data() == "…"
    model.update([entry(1, b"", 6)], now=100.5)
    model.update([entry(1, b"", 21)], now=101.0)
    assert model.rate(1) == 20.0
    assert model.index(0, RATE_COLUMN).data() == "20.0"
    # Silent for a second: the rate falls to zero.
    model.update([entry(1, b"", 21)], now=102.0)
    assert model.rate(1) == 0.0


def test_rows_out_of_view_change_quietly_and_read_new_when_painted(qapp) -> None:
    model = FrameTableModel()
    ids = range(0x100, 0x140)
    model.update([entry(i, b"\x00", 1) for i in ids], now=0.0)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    # Every id got a frame; the view shows rows 10 to 19.
    model.update([entry(i, b"\x01", 2, previous=b"\x00") for i in ids], now=0.1, shown=range(10, 20))
    assert changed == [(10, 19)]
    # The rows out of view changed all the same: a view scrolled to them reads the new data.
    assert model.index(50, DATA_COLUMN).data() == "01" and model.bytes_at(50) == (b"\x01", 0b1)


def test_rates_of_silent_ids_decay_only_when_swept(qapp) -> None:
    model = FrameTableModel()
    model.update([entry(1, b"", 1), entry(2, b"", 1)], now=100.0)
    model.update([entry(1, b"", 11), entry(2, b"", 11)], now=101.0)
    # Id 2 went silent; an update without the sweep leaves its rate for the next one with it.
    model.update([entry(1, b"", 21)], now=102.0, sweep=False)
    assert model.rate(1) == 10.0 and model.rate(2) == 10.0
    model.update([], now=102.1)
    assert model.rate(2) == 0.0


def test_ids_beyond_2000_update_incrementally_and_fast(qapp) -> None:
    model = FrameTableModel(names)
    base = 0x18F00000
    frames = [entry(base + k, k.to_bytes(8, "little"), 1, extended=True) for k in range(2500)]
    frames += [entry(k, b"\x00" * 8, 1) for k in range(0x100, 0x140)]
    model.update(frames, now=0.0)
    assert model.rowCount() == 2564
    assert model.headerData(0, Qt.Orientation.Horizontal) == "ID"

    timings = []
    for step in range(1, 11):
        # A fifth of the ids got frames since the last refresh (as the 2,000-id flood at 10 Hz).
        frames = [
            entry(f.arbitration_id, f.data, f.count + (1 if k % 5 == step % 5 else 0), f.data, f.is_extended)
            for k, f in enumerate(frames)
        ]
        # CPU time of this thread: the update's cost, which a busy machine does not change (wall time does).
        started = time.thread_time()
        model.update(frames, now=step * 0.1)
        timings.append(time.thread_time() - started)
    assert model.rowCount() == 2564
    # Well under a 16 ms frame (about 1–2 ms here).
    assert sorted(timings)[len(timings) // 2] < 0.016
