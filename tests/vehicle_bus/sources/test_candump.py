"""Our candump reader must read exactly what python-can's CanutilsLogReader reads, only faster."""

from pathlib import Path

import can

from vehicle_bus.sources.candump import CandumpReader

LINES = """\
(1436509052.249713) can0 123#DEADBEEF
(1436509052.250000) can1 1F334455#1122334455667788 T
(1436509052.260000) vcan0 7FF#R
(1436509052.270000) vcan0 12345678#R4 R
(1436509052.280000) can0 456##1000102030405060708090A0B0C0D0E0F
(1436509052.290000) can0 20000080#0000000000000000
(1436509052.300000) can0 001#
(1436509052.310000) 2 0AB#0102
"""


def fields(m: can.Message) -> tuple:
    # python-can drops the interface name of error frames; ours keeps it, so it is not compared there.
    channel = None if m.is_error_frame else m.channel
    return (
        m.timestamp, m.arbitration_id, m.is_extended_id, m.is_remote_frame, m.is_error_frame, m.is_fd,
        m.bitrate_switch, m.error_state_indicator, channel, m.is_rx, m.dlc, bytes(m.data or b""),
    )  # fmt: skip


def test_same_frames_as_python_can(tmp_path: Path) -> None:
    path = tmp_path / "dump.log"
    path.write_text(LINES)
    ours = [fields(m) for m in CandumpReader(str(path))]
    theirs = [fields(m) for m in can.CanutilsLogReader(str(path))]
    assert ours == theirs
    assert len(ours) == 8
    assert [m.channel for m in CandumpReader(str(path)) if m.is_error_frame] == ["can0"]


def test_bad_lines_are_skipped_and_counted_with_their_number(tmp_path: Path) -> None:
    path = tmp_path / "bad.log"
    path.write_text("(1.0) can0 100#00\ngarbage here\n(2.0) can0 100#0G\n(3.0) can0 100#01\n")
    reader = CandumpReader(str(path))
    frames = list(reader)
    assert [bytes(m.data) for m in frames] == [b"\x00", b"\x01"]
    assert reader.bad_line_count == 2
    assert [n for n, _ in reader.bad_lines] == [2, 3]


def test_written_by_python_can_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "w.log"
    sent = [
        can.Message(
            timestamp=10 + k / 100, arbitration_id=k, data=bytes([k % 256] * (k % 9)), channel="vcan0"
        )
        for k in range(300)
    ]
    with can.Logger(str(path)) as out:
        for m in sent:
            out.on_message_received(m)
    got = list(CandumpReader(str(path)))
    assert [(m.arbitration_id, bytes(m.data)) for m in got] == [
        (m.arbitration_id, bytes(m.data)) for m in sent
    ]


def test_records_are_the_messages_fields_and_bad_lines_count_the_same(tmp_path: Path) -> None:
    """``records()`` (what ``cockpit decode`` reads) skips building messages, never what they say."""
    path = tmp_path / "mixed.log"
    path.write_text(LINES + "garbage here\n(9.0) can0 100#0G\n\n(9.5) can0 ZZZ#00\n(10.0) can0 100#01\n")
    by_message = CandumpReader(str(path))
    expected = [(m.timestamp, m.channel, m.arbitration_id, bytes(m.data)) for m in by_message]
    by_record = CandumpReader(str(path))
    got = [(t, channel, frame_id, bytes(data)) for t, channel, frame_id, data in by_record.records()]
    assert got == expected and len(got) == 9
    assert by_record.bad_lines == by_message.bad_lines and [n for n, _ in by_record.bad_lines] == [9, 10, 12]
