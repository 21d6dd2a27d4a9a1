from __future__ import annotations

import gzip
import io
import itertools
from collections.abc import Callable
from pathlib import Path

import can
import pytest

from vehicle_bus.errors import LogFormatError
from vehicle_bus.sources import gvret
from vehicle_bus.sources.gvret import GVRETReader, is_gvret_header
from vehicle_bus.sources.logfile import LogFile

HEADER = "Time Stamp,ID,Extended,Bus,LEN,D1,D2,D3,D4,D5,D6,D7,D8\n"
HEADER_DIR = "Time Stamp,ID,Extended,Dir,Bus,LEN,D1,D2,D3,D4,D5,D6,D7,D8\n"

WriteText = Callable[[str, str], Path]


def read_all(source: Path | io.StringIO) -> tuple[list[can.Message], GVRETReader]:
    reader = GVRETReader(source)
    return list(reader), reader


def row(us: int, can_id: int, data: bytes, bus: int = 0, ext: bool = False, trailing: str = "") -> str:
    fields = [str(us), f"{can_id:08X}", "true" if ext else "false", str(bus), str(len(data))]
    fields += [f"{b:02X}" for b in data]
    return ",".join(fields) + trailing + "\n"


def timestamps(msgs: list[can.Message]) -> list[float]:
    return [m.timestamp for m in msgs]


def is_non_decreasing(values: list[float]) -> bool:
    return all(a <= b for a, b in itertools.pairwise(values))


# -- the format ---------------------------------------------------------------------------------------


def test_rows_without_dir_column(write_text: WriteText) -> None:
    path = write_text(
        "plain.csv",
        HEADER
        + "1953613500,00000109,false,0,8,00,01,00,FF,FF,FF,0F,3D\n"
        + "1953613800,00000450,false,1,3,00,C2,05\n"
        + "1953614000,00000123,false,0,0\n",
    )
    msgs, reader = read_all(path)
    assert [(m.arbitration_id, m.channel, m.dlc, bytes(m.data)) for m in msgs] == [
        (0x109, 0, 8, bytes.fromhex("000100FFFFFF0F3D")),
        (0x450, 1, 3, bytes.fromhex("00C205")),
        (0x123, 0, 0, b""),
    ]
    assert timestamps(msgs) == pytest.approx([1953.6135, 1953.6138, 1953.614], abs=1e-9)
    assert not any(m.is_extended_id or m.is_fd or m.is_remote_frame for m in msgs)
    assert all(m.is_rx for m in msgs)
    assert reader.bad_line_count == 0


def test_dir_column_trailing_commas_and_crlf(write_text: WriteText) -> None:
    path = write_text(
        "dir.csv",
        (
            HEADER_DIR
            + "22213513,00000111,false,Rx,0,8,00,00,00,00,00,00,00,05,\n"
            + "22214519,00000140,false,Tx,1,2,01,3C,\n"
        ).replace("\n", "\r\n"),
    )
    msgs, reader = read_all(path)
    assert [(m.arbitration_id, m.channel, m.is_rx, bytes(m.data)) for m in msgs] == [
        (0x111, 0, True, bytes.fromhex("0000000000000005")),
        (0x140, 1, False, bytes.fromhex("013C")),
    ]
    assert reader.bad_line_count == 0


def test_columns_are_found_by_name_not_position(write_text: WriteText) -> None:
    path = write_text(
        "order.csv", "Bus,Dir,LEN,ID,Time Stamp,Extended,D1,D2\n1,Tx,2,18DAF110,2500000,true,AB,CD\n"
    )
    (msg,), _ = read_all(path)
    assert (msg.channel, msg.is_rx, msg.arbitration_id, msg.is_extended_id, msg.timestamp) == (
        1,
        False,
        0x18DAF110,
        True,
        2.5,
    )
    assert bytes(msg.data) == b"\xab\xcd"


def test_extended_ids_and_can_fd_rows(write_text: WriteText) -> None:
    fd_payload = bytes(range(64))
    path = write_text(
        "fd.csv",
        HEADER
        + row(1000, 0x18DAF110, b"\x02\x10\x03", ext=True)
        + row(2000, 0x456, fd_payload, bus=1, trailing=","),
    )
    (classic, fd), reader = read_all(path)
    assert classic.is_extended_id and classic.arbitration_id == 0x18DAF110 and not classic.is_fd
    assert fd.is_fd and fd.dlc == 64 and bytes(fd.data) == fd_payload and fd.channel == 1
    assert reader.bad_line_count == 0


def test_reads_a_text_file_object() -> None:
    msgs, _ = read_all(io.StringIO(HEADER + row(1_000_000, 0x100, b"\x01")))
    assert [(m.timestamp, m.arbitration_id) for m in msgs] == [(1.0, 0x100)]


# -- time stamps and order ----------------------------------------------------------------------------


def test_interleaved_buses_come_out_in_time_order(write_text: WriteText) -> None:
    # Each bus arrives in bursts of 10 frames, 1 ms apart; bus 1's burst is 20 ms older than bus 0's.
    lines, sent = [], []
    for burst in range(20):
        for bus, shift in ((0, 0), (1, -20_000)):
            for k in range(10):
                us = 1_000_000 + burst * 10_000 + k * 1_000 + shift + bus
                lines.append(row(us, 0x100 + bus, bytes([burst, k]), bus=bus))
                sent.append((us / 1e6, bus, burst, k))
    msgs, reader = read_all(write_text("buses.csv", HEADER + "".join(lines)))
    assert timestamps(msgs)[0] < timestamps(msgs)[-1]
    assert is_non_decreasing(timestamps(msgs))
    got = sorted((m.timestamp, m.channel, m.data[0], m.data[1]) for m in msgs)
    expected = sorted(sent)
    assert [g[1:] for g in got] == [e[1:] for e in expected]
    assert [g[0] for g in got] == pytest.approx([e[0] for e in expected])
    # Each bus's own order is untouched.
    for bus in (0, 1):
        own = [(m.data[0], m.data[1]) for m in msgs if m.channel == bus]
        assert own == sorted(own)
    assert (reader.late_frames, reader.discontinuities) == (0, 0)


def test_equal_timestamps_keep_file_order(write_text: WriteText) -> None:
    text = HEADER + row(2000, 0x200, b"") + "".join(row(1000, 0x100 + k, b"") for k in range(5))
    msgs, _ = read_all(write_text("ties.csv", text))
    assert [m.arbitration_id for m in msgs] == [0x100, 0x101, 0x102, 0x103, 0x104, 0x200]


def test_stale_prefix_is_restamped_to_the_restart_and_kept(write_text: WriteText) -> None:
    stale = [row(22_213_513 + k * 1000, 0x110 + k, bytes([k])) for k in range(5)]
    fresh = [row(-364_210 + k * 1000, 0x200 + k, bytes([k])) for k in range(50)]
    msgs, reader = read_all(write_text("stale.csv", HEADER_DIR.replace("Dir,", "") + "".join(stale + fresh)))
    assert len(msgs) == 55
    assert [m.arbitration_id for m in msgs[:6]] == [0x110, 0x111, 0x112, 0x113, 0x114, 0x200]
    assert timestamps(msgs[:6]) == [-0.36421] * 6
    assert timestamps(msgs[6:]) == pytest.approx([(-364_210 + k * 1000) / 1e6 for k in range(1, 50)])
    assert reader.discontinuities == 0


def test_restart_later_in_the_file_keeps_time_running_forward(write_text: WriteText) -> None:
    before = gvret.STALE_PREFIX_ROWS + 100  # past the stale-prefix range: a discontinuity, not a stale clock
    first = [row(10_000_000 + k * 1000, 0x100, b"") for k in range(before)]
    second = [row(500 + k * 1000, 0x200, b"") for k in range(100)]
    msgs, reader = read_all(write_text("restart.csv", HEADER + "".join(first + second)))
    assert len(msgs) == before + 100
    ts = timestamps(msgs)
    assert is_non_decreasing(ts)
    last_before = (10_000_000 + (before - 1) * 1000) / 1e6
    after = [m.timestamp for m in msgs if m.arbitration_id == 0x200]
    assert after[0] == pytest.approx(last_before)
    assert after[-1] - after[0] == pytest.approx(0.099)
    assert reader.discontinuities == 1


def test_backsteps_under_a_second_are_reordered_not_shifted(write_text: WriteText) -> None:
    text = HEADER + row(5_000_000, 0x1, b"") + row(4_100_000, 0x2, b"") + row(5_100_000, 0x3, b"")
    msgs, reader = read_all(write_text("back.csv", text))
    assert [(m.arbitration_id, m.timestamp) for m in msgs] == [(0x2, 4.1), (0x1, 5.0), (0x3, 5.1)]
    assert reader.discontinuities == 0


def test_frames_later_than_the_window_still_come_out_in_order(
    write_text: WriteText, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gvret, "REORDER_WINDOW", 2)
    text = HEADER + "".join(
        row(us, 0x100 + i, b"") for i, us in enumerate([1000, 2000, 3000, 4000, 5000, 1500, 6000])
    )
    msgs, reader = read_all(write_text("late.csv", text))
    assert len(msgs) == 7
    assert is_non_decreasing(timestamps(msgs))
    assert reader.late_frames == 1


# -- bad input ----------------------------------------------------------------------------------------


def test_bad_lines_are_skipped_and_counted_with_line_numbers(write_text: WriteText) -> None:
    text = (
        HEADER  # line 1
        + row(1000, 0x100, b"\x01")  # 2
        + "2000,00000101,false,0\n"  # 3: too few fields
        + "3000,00000102,false,0,2,0G,01\n"  # 4: bad hex
        + "4000,00000103,false,0,8,01,02,03\n"  # 5: LEN larger than the bytes given
        + "\n"  # 6: empty, skipped silently
        + "5000,XYZ,false,0,1,00\n"  # 7: bad ID
        + "6000,00000105,maybe,0,1,00\n"  # 8: bad Extended
        + "7000,00000106,false,0,2,0,C22\n"  # 9: digits that only pair up across fields
        + "8000,00000800,false,0,1,00\n"  # 10: standard ID above 0x7FF
        + "9000,00000107,false,0,2,01,0\n"  # 11: LEN 2 but the second byte is one digit
        + row(10_000, 0x108, b"\x08")  # 12
    )
    msgs, reader = read_all(write_text("bad.csv", text))
    assert [m.arbitration_id for m in msgs] == [0x100, 0x108]
    assert reader.bad_line_count == 8
    assert [n for n, _ in reader.bad_lines] == [3, 4, 5, 7, 8, 9, 10, 11]
    reasons = dict(reader.bad_lines)
    assert "field count" in reasons[3]
    assert "'0G'" in reasons[4]
    assert "LEN 8 but only 3 data bytes" in reasons[5]
    assert "'XYZ'" in reasons[7]
    assert "'maybe'" in reasons[8]
    assert "'0'" in reasons[9]
    assert "0x800" in reasons[10]
    assert "'0'" in reasons[11]


def test_columns_beyond_len_are_ignored_as_savvycan_does(write_text: WriteText) -> None:
    """SavvyCAN writes all eight data columns even for short frames; its loader takes the first LEN."""
    text = (
        HEADER
        + "1000,00000450,false,0,3,00,C2,05,00,00,00,00,00\n"  # padded with zeros
        + "2000,00000451,false,0,0,,,,,,,,\n"  # empty columns
        + "3000,00000452,false,0,2,AB,CD,xx,,,,,\n"  # junk SavvyCAN never reads
        + "4000,18DAF110,true,1,12,"
        + ",".join(["11"] * 16)
        + "\n"  # CAN FD: 16 columns, LEN 12
    )
    msgs, reader = read_all(write_text("padded.csv", text))
    assert reader.bad_line_count == 0
    assert [(m.arbitration_id, m.dlc, bytes(m.data), m.is_fd) for m in msgs] == [
        (0x450, 3, bytes.fromhex("00C205"), False),
        (0x451, 0, b"", False),
        (0x452, 2, bytes.fromhex("ABCD"), False),
        (0x18DAF110, 12, b"\x11" * 12, True),
    ]


def test_only_the_first_bad_lines_are_kept_but_all_are_counted(write_text: WriteText) -> None:
    text = HEADER + "garbage\n" * 30 + row(1000, 0x100, b"")
    msgs, reader = read_all(write_text("many.csv", text))
    assert len(msgs) == 1
    assert reader.bad_line_count == 30
    assert [n for n, _ in reader.bad_lines] == list(range(2, 22))


def test_a_file_that_is_not_gvret_is_refused_with_the_expected_header(write_text: WriteText) -> None:
    path = write_text("other.csv", "timestamp,arbitration_id,extended,remote,error,dlc,data\n")
    with pytest.raises(LogFormatError) as caught:
        GVRETReader(path)
    text = str(caught.value)
    assert "\n" not in text
    assert str(path) in text
    assert "Time Stamp,ID,Extended,Bus,LEN" in text


def test_an_empty_file_is_refused(write_text: WriteText) -> None:
    with pytest.raises(LogFormatError, match="empty"):
        GVRETReader(write_text("empty.csv", ""))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (HEADER, True),
        (HEADER_DIR.replace("\n", "\r\n"), True),
        ("\ufeff" + HEADER, True),
        ("timestamp,arbitration_id,extended,remote,error,dlc,data", False),
        ("1953613500,00000109,false,0,8,00,01,00,FF,FF,FF,0F,3D", False),
        ("", False),
    ],
)
def test_is_gvret_header(line: str, expected: bool) -> None:
    assert is_gvret_header(line) is expected


# -- python-can plugin --------------------------------------------------------------------------------


def test_can_logreader_opens_gvret_files_through_the_entry_point(tmp_path: Path) -> None:
    text = HEADER + row(1_000_000, 0x100, b"\x01\x02", bus=1) + row(2_000_000, 0x18DAF110, b"", ext=True)
    (tmp_path / "capture.gvret").write_text(text)
    with gzip.open(tmp_path / "capture.gvret.gz", "wt") as fh:
        fh.write(text)
    for name in ("capture.gvret", "capture.gvret.gz"):
        reader = can.LogReader(tmp_path / name)
        assert isinstance(reader, GVRETReader)
        msgs = list(reader)
        assert [(m.timestamp, m.arbitration_id, m.channel) for m in msgs] == [
            (1.0, 0x100, 1),
            (2.0, 0x18DAF110, 0),
        ]


# -- the real Kona captures ---------------------------------------------------------------------------


def test_real_two_bus_capture(kona_dir: Path) -> None:
    path = kona_dir / "230112-7-2019-pcan-ccan-power-off-on-ready-off.csv"
    log = LogFile(path)
    msgs = list(log)
    assert log.format == "gvret"
    assert len(msgs) == 39_546
    assert {m.channel for m in msgs} == {0, 1}
    ts = timestamps(msgs)
    assert is_non_decreasing(ts)
    assert ts[-1] - ts[0] == pytest.approx(10.84, abs=0.05)
    assert log.report.summary() is None
    # The first row of the file, as written.
    assert any(
        m.timestamp == 1953.6135
        and m.arbitration_id == 0x109
        and bytes(m.data) == bytes.fromhex("000100FFFFFF0F3D")
        for m in msgs[:100]
    )


def test_real_capture_with_a_stale_clock_prefix(kona_dir: Path) -> None:
    path = kona_dir / "250105-1-2020-comp-can-heating.csv"
    msgs, reader = read_all(path)
    assert len(msgs) == 27_982
    assert reader.bad_line_count == 0
    ts = timestamps(msgs)
    assert is_non_decreasing(ts)
    assert ts[0] == pytest.approx(-0.36421)
    # The 88 stale rows are kept, in file order, at the restart time.
    with path.open() as fh:
        first_ids = [int(line.split(",")[1], 16) for line in list(fh)[1:89]]
    assert [m.arbitration_id for m in msgs[:88]] == first_ids
    assert ts[:88] == [ts[0]] * 88
    assert ts[-1] == pytest.approx(46.14933)


def test_real_capture_where_the_second_bus_starts_earlier(kona_dir: Path) -> None:
    msgs, reader = read_all(kona_dir / "221217-1-2021-pcan-bcan-no-key.csv")
    assert len(msgs) == 14_294
    assert {m.channel for m in msgs} == {0, 1}
    assert is_non_decreasing(timestamps(msgs))
    # Line 5 (bus 1) is 12.5 ms older than line 2 (bus 0): it must come out first.
    assert msgs[0].channel == 1 and msgs[0].timestamp == pytest.approx(302.9918)
    assert (reader.late_frames, reader.bad_line_count) == (0, 0)


def test_real_capture_rewritten_with_all_eight_columns_reads_the_same_frames(
    kona_dir: Path, tmp_path: Path
) -> None:
    """The real capture as newer SavvyCAN versions write it: every row padded to D8. Before the LEN rule,
    the 5,590 rows shorter than eight bytes (14 % of this capture) were skipped as bad."""
    original = kona_dir / "230112-7-2019-pcan-ccan-power-off-on-ready-off.csv"
    lines = original.read_text(encoding="utf-8").splitlines()
    padded = [lines[0]]
    short_rows = 0
    for line in lines[1:]:
        fields = line.rstrip(",").split(",")
        missing = 13 - len(fields)
        short_rows += missing > 0
        padded.append(",".join(fields + ["00"] * missing))
    path = tmp_path / "padded.csv"
    path.write_text("\n".join(padded) + "\n", encoding="utf-8")

    expected, _ = read_all(original)
    got, reader = read_all(path)
    assert short_rows == 5590
    assert reader.bad_line_count == 0
    assert len(got) == len(expected) == 39546
    assert [(m.arbitration_id, m.dlc, bytes(m.data)) for m in got] == [
        (m.arbitration_id, m.dlc, bytes(m.data)) for m in expected
    ]
