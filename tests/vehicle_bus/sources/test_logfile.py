from __future__ import annotations

import gc
import gzip
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import can
import pytest

from vehicle_bus.errors import LogFormatError
from vehicle_bus.sources.logfile import SUPPORTED, LogFile

T0 = 1_700_000_000.0
MARKER_ID = 0x5A5  # the one frame a test corrupts; its hex appears on exactly one line
WriteText = Callable[[str, str], Path]


@dataclass(frozen=True)
class Caps:
    """What a format keeps of a frame, as python-can writes and reads it."""

    channel: Callable[[int], Any] | None  # how a written channel reads back, None if not kept
    fd: bool
    absolute_time: bool


CAPS = {
    ".asc": Caps(channel=lambda c: c, fd=True, absolute_time=False),
    ".blf": Caps(channel=lambda c: c, fd=True, absolute_time=True),
    ".log": Caps(channel=lambda c: f"can{c}", fd=True, absolute_time=True),
    # TRC numbers buses from 1: python-can's writer adds one and its reader keeps that number.
    ".trc": Caps(channel=lambda c: c + 1, fd=False, absolute_time=True),
    ".csv": Caps(channel=None, fd=False, absolute_time=True),
    ".mf4": Caps(channel=lambda c: c, fd=True, absolute_time=True),
    ".db": Caps(channel=None, fd=False, absolute_time=True),
}


def sample_messages(count: int = 30, fd: bool = False) -> list[can.Message]:
    msgs = []
    for i in range(count):
        extended = i % 3 == 1
        can_id = 0x18DAF100 + i if extended else 0x100 + i
        if i == count // 2:
            can_id, extended = MARKER_ID, False
        msgs.append(
            can.Message(
                timestamp=T0 + i * 0.01,
                arbitration_id=can_id,
                is_extended_id=extended,
                data=bytes((i + k) % 256 for k in range(i % 9)),
                channel=i % 2,
            )
        )
    if fd:
        msgs.append(
            can.Message(
                timestamp=T0 + count * 0.01,
                arbitration_id=0x456,
                is_extended_id=False,
                data=bytes(range(64)),
                channel=0,
                is_fd=True,
                bitrate_switch=True,
            )
        )
    return msgs


def write_log(path: Path, msgs: list[can.Message]) -> Path:
    with can.Logger(path) as logger:
        for msg in msgs:
            logger.on_message_received(msg)
    return path


def gzip_file(path: Path) -> Path:
    packed = path.with_name(path.name + ".gz")
    with path.open("rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return packed


def gvret_text(msgs: list[can.Message]) -> str:
    lines = ["Time Stamp,ID,Extended,Dir,Bus,LEN,D1,D2,D3,D4,D5,D6,D7,D8"]
    for m in msgs:
        data = ",".join(f"{b:02X}" for b in m.data)
        ext = "true" if m.is_extended_id else "false"
        lines.append(
            f"{round(m.timestamp * 1e6)},{m.arbitration_id:08X},{ext},Rx,{m.channel},{m.dlc},{data},"
        )
    return "\n".join(lines) + "\n"


def assert_same_frames(got: list[can.Message], sent: list[can.Message], caps: Caps) -> None:
    assert len(got) == len(sent)
    for g, s in zip(got, sent, strict=True):
        assert (g.arbitration_id, g.is_extended_id, g.dlc, bytes(g.data)) == (
            s.arbitration_id,
            s.is_extended_id,
            s.dlc,
            bytes(s.data),
        )
        if caps.channel is not None:
            assert g.channel == caps.channel(s.channel)
        if caps.fd:
            assert (g.is_fd, g.bitrate_switch) == (s.is_fd, s.bitrate_switch)
    if caps.absolute_time:
        assert [g.timestamp for g in got] == pytest.approx([s.timestamp for s in sent], abs=1e-4)
    else:
        assert [g.timestamp - got[0].timestamp for g in got] == pytest.approx(
            [s.timestamp - sent[0].timestamp for s in sent], abs=1e-4
        )


def line_number_of(path: Path, pattern: str) -> int:
    lines = path.read_text().splitlines()
    hits = [n for n, line in enumerate(lines, 1) if re.search(pattern, line, re.IGNORECASE)]
    assert len(hits) == 1, hits
    return hits[0]


def corrupt_line(path: Path, lineno: int, how: Callable[[str], str]) -> None:
    lines = path.read_text().splitlines(keepends=True)
    lines[lineno - 1] = how(lines[lineno - 1])
    path.write_text("".join(lines))


def bad_hex_id(line: str) -> str:
    return re.sub("5a5", "5G5", line, flags=re.IGNORECASE)


def cut_in_half(line: str) -> str:
    return line[: len(line) // 2] + "\n"


# -- every python-can format round trip ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(CAPS))
def test_python_can_formats_read_back(tmp_path: Path, suffix: str) -> None:
    caps = CAPS[suffix]
    sent = sample_messages(fd=caps.fd)
    log = LogFile(write_log(tmp_path / f"capture{suffix}", sent))
    assert log.format == suffix[1:]
    assert_same_frames(list(log), sent, caps)
    assert log.report.frames == len(sent)
    assert log.report.summary() is None


@pytest.mark.parametrize("suffix", [".asc", ".log", ".trc", ".csv"])
def test_gzipped_text_formats_written_by_python_can(tmp_path: Path, suffix: str) -> None:
    caps = CAPS[suffix]
    sent = sample_messages(fd=caps.fd)
    log = LogFile(write_log(tmp_path / f"capture{suffix}.gz", sent))
    assert log.format == suffix[1:]
    assert_same_frames(list(log), sent, caps)


@pytest.mark.parametrize("suffix", [".blf", ".mf4"])
def test_gzipped_binary_formats(tmp_path: Path, suffix: str) -> None:
    # python-can cannot write these compressed, but its LogReader reads them, and so do we.
    sent = sample_messages(fd=True)
    log = LogFile(gzip_file(write_log(tmp_path / f"capture{suffix}", sent)))
    assert_same_frames(list(log), sent, CAPS[suffix])


def test_gvret_csv_is_recognised_by_its_header(write_text: WriteText) -> None:
    sent = sample_messages()
    plain = write_text("savvy.csv", gvret_text(sent))
    for path in (plain, gzip_file(plain)):
        log = LogFile(path)
        assert log.format == "gvret"
        assert_same_frames(list(log), sent, Caps(channel=lambda c: c, fd=False, absolute_time=True))


def test_a_log_can_be_read_again_and_the_report_starts_over(tmp_path: Path) -> None:
    path = write_log(tmp_path / "capture.log", sample_messages())
    corrupt_line(path, line_number_of(path, "5a5#"), bad_hex_id)
    log = LogFile(path)
    first = [(m.timestamp, m.arbitration_id) for m in log]
    second = [(m.timestamp, m.arbitration_id) for m in log]
    assert first == second and len(first) == 29
    assert (log.report.frames, log.report.bad_lines) == (29, 1)


# -- corrupt lines in text formats --------------------------------------------------------------------

CORRUPTIONS = [
    (".asc", bad_hex_id),
    (".log", bad_hex_id),
    (".log", cut_in_half),
    (".trc", bad_hex_id),
    (".trc", cut_in_half),
    (".csv", bad_hex_id),
    (".csv", cut_in_half),
    (".gvret", bad_hex_id),
    (".gvret", cut_in_half),
]


@pytest.mark.parametrize(("suffix", "how"), CORRUPTIONS, ids=[f"{s}-{h.__name__}" for s, h in CORRUPTIONS])
@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gz"])
def test_a_corrupt_line_is_counted_and_the_rest_comes_through(
    tmp_path: Path, suffix: str, how: Callable[[str], str], compressed: bool
) -> None:
    sent = sample_messages()
    path = tmp_path / f"capture{suffix}"
    if suffix == ".gvret":
        path.write_text(gvret_text(sent))
        caps = Caps(channel=lambda c: c, fd=False, absolute_time=True)
    else:
        write_log(path, sent)
        caps = CAPS[suffix]
    bad_line = line_number_of(path, "5a5")
    corrupt_line(path, bad_line, how)
    if compressed:
        path = gzip_file(path)

    log = LogFile(path)
    got = list(log)

    assert_same_frames(got, [m for m in sent if m.arbitration_id != MARKER_ID], caps)
    assert log.report.bad_lines == 1
    assert log.report.examples[0].startswith(f"{path}:{bad_line}: ")
    assert log.report.stopped is None
    summary = log.report.summary()
    assert summary is not None and "\n" not in summary and "29 frames" in summary


def test_asc_header_state_survives_a_bad_line(write_text: WriteText) -> None:
    # With "base dec", ids and data are decimal; a reader restarted without the header would read hex.
    path = write_text(
        "dec.asc",
        "date Mon Jan 2 10:00:00.000 am 2023\n"
        "base dec  timestamps absolute\n"
        "internal events logged\n"
        "Begin Triggerblock Mon Jan 2 10:00:00.000 am 2023\n"
        " 0.000000 1  256             Rx   d 2 1 2\n"
        " 0.010000 1  2z5             Rx   d 2 1 2\n"
        " 0.020000 1  512             Rx   d 2 10 20\n"
        "End TriggerBlock\n",
    )
    log = LogFile(path)
    got = [(m.arbitration_id, bytes(m.data)) for m in log]
    assert got == [(256, b"\x01\x02"), (512, b"\x0a\x14")]
    assert log.report.bad_lines == 1
    assert log.report.examples[0].startswith(f"{path}:6: ")


@pytest.mark.parametrize("suffix", [".csv", ".trc", ".log", ".asc"])
def test_bad_lines_before_the_first_frame_and_at_the_end(tmp_path: Path, suffix: str) -> None:
    # A bad line before any frame is read tests the header replay hardest: the CSV header must not be
    # skipped twice, the TRC columns and ASC base must still be known.
    sent = sample_messages()
    sent[0].arbitration_id, sent[0].is_extended_id = 0x5B5, False
    sent[-1].arbitration_id, sent[-1].is_extended_id = 0x5C5, False
    path = write_log(tmp_path / f"capture{suffix}", sent)
    first, last = line_number_of(path, "5b5"), line_number_of(path, "5c5")
    corrupt_line(path, first, lambda line: re.sub("5b5", "5G5", line, flags=re.IGNORECASE))
    corrupt_line(path, last, lambda line: re.sub("5c5", "5G5", line, flags=re.IGNORECASE))
    log = LogFile(path)
    assert_same_frames(list(log), sent[1:-1], CAPS[suffix])
    assert log.report.bad_lines == 2
    assert [e.split(":")[1] for e in log.report.examples] == [str(first), str(last)]


def test_only_five_examples_but_every_bad_line_is_counted(tmp_path: Path) -> None:
    path = write_log(tmp_path / "capture.log", sample_messages())
    lines = path.read_text().splitlines(keepends=True)
    for n in range(3, 11):
        lines[n] = "this is not a candump line\n"
    path.write_text("".join(lines))
    log = LogFile(path)
    assert len(list(log)) == 22
    assert log.report.bad_lines == 8
    assert [e.split(":")[1] for e in log.report.examples] == ["4", "5", "6", "7", "8"]


def test_gvret_bad_lines_feed_the_report(write_text: WriteText) -> None:
    text = gvret_text(sample_messages(5)).splitlines(keepends=True)
    text.insert(3, "12345,00000100,false,Rx,0,8,01,02\n")
    path = write_text("savvy.csv", "".join(text))
    log = LogFile(path)
    assert len(list(log)) == 5
    assert log.report.bad_lines == 1
    assert log.report.examples == [f"{path}:4: LEN 8 but only 2 data bytes given"]


# -- damaged files ------------------------------------------------------------------------------------


def test_truncated_blf_gives_the_frames_before_the_cut(tmp_path: Path) -> None:
    sent = sample_messages(200)
    path = write_log(tmp_path / "capture.blf", sent)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 6 // 10])
    log = LogFile(path)
    got = list(log)
    assert 0 < len(got) < len(sent)
    assert_same_frames(got, sent[: len(got)], CAPS[".blf"])
    assert log.report.stopped is not None and "truncated" in log.report.stopped
    assert "stopped early" in (log.report.summary() or "")


def test_truncated_gzip_gives_the_lines_before_the_cut(tmp_path: Path) -> None:
    sent = sample_messages(2000)
    path = write_log(tmp_path / "capture.log.gz", sent)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    log = LogFile(path)
    got = list(log)
    assert 0 < len(got) < len(sent)
    assert_same_frames(got, sent[: len(got)], CAPS[".log"])
    assert log.report.stopped is not None and "ends early" in log.report.stopped


def test_truncated_mf4_stops_quietly(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_log(tmp_path / "capture.mf4", sample_messages())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    # asammdf's half-built object raises in __del__; Python would print that as "Exception ignored in ...".
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    log = LogFile(path)
    assert list(log) == []
    gc.collect()
    assert unraisable == []
    assert log.report.stopped is not None and "MDF4" in log.report.stopped
    assert capfd.readouterr() == ("", "")


def test_a_corrupt_mf4_is_named_in_words_not_a_python_object(tmp_path: Path) -> None:
    path = tmp_path / "capture.mf4"
    path.write_bytes(b"MDF     4.10    " + bytes(range(256)) * 12)
    log = LogFile(path)
    assert list(log) == []
    stopped = log.report.stopped or ""
    assert "cannot be read as ASAM MDF4" in stopped and "<" not in stopped and "mmap" not in stopped


def test_corrupt_sqlite_stops_quietly(tmp_path: Path) -> None:
    path = write_log(tmp_path / "capture.db", sample_messages())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    log = LogFile(path)
    assert list(log) == []
    assert log.report.stopped is not None


# -- refused at open ----------------------------------------------------------------------------------


def refused(path: Path) -> str:
    with pytest.raises(LogFormatError) as caught:
        LogFile(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(f"{path}: ")
    return text


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "nope.asc")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "logs.asc"
    folder.mkdir()
    assert "folder" in refused(folder)


def test_unreadable_file(write_text: WriteText, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_text("locked.asc", "date Mon Jan 2 10:00:00.000 am 2023\n")

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(self))

    # Tests may run as root, where chmod 000 does not lock anything out.
    monkeypatch.setattr(Path, "open", denied)
    assert "Permission denied" in refused(path)


def test_empty_file(write_text: WriteText) -> None:
    assert "empty" in refused(write_text("empty.log", ""))


def test_empty_gzip(tmp_path: Path) -> None:
    path = tmp_path / "empty.log.gz"
    with gzip.open(path, "wb"):
        pass
    assert "empty" in refused(path)


def test_unknown_suffix_lists_the_supported_ones(write_text: WriteText) -> None:
    text = refused(write_text("notes.txt", "hello\n"))
    assert "'.txt'" in text
    assert all(suffix in text for suffix in SUPPORTED)
    assert ".asc.gz" in text


def test_gzip_of_an_unknown_type(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt.gz"
    with gzip.open(path, "wt") as fh:
        fh.write("hello\n")
    assert "'.txt.gz'" in refused(path)


def test_gzip_of_sqlite_says_to_decompress(tmp_path: Path) -> None:
    path = gzip_file(write_log(tmp_path / "capture.db", sample_messages(3)))
    assert "Decompress" in refused(path)


def test_gz_suffix_on_a_file_that_is_not_gzip(write_text: WriteText) -> None:
    assert "gzip" in refused(write_text("capture.log.gz", "(1.0) can0 100#00\n"))


def test_csv_with_an_unrelated_header(write_text: WriteText) -> None:
    text = refused(write_text("prices.csv", "date,open,close\n2024-01-01,1,2\n"))
    assert "date,open,close" in text
    assert "Time Stamp,ID,Extended,Bus,LEN" in text and "timestamp,arbitration_id" in text


def test_gvret_suffix_with_another_header(write_text: WriteText) -> None:
    assert "GVRET" in refused(
        write_text("capture.gvret", "timestamp,arbitration_id,extended,remote,error,dlc,data\n")
    )


@pytest.mark.parametrize("suffix", [".blf", ".mf4", ".db"])
def test_binary_suffix_on_text_content(write_text: WriteText, suffix: str) -> None:
    assert "signature" in refused(write_text(f"capture{suffix}", "(1.0) can0 100#00\n"))


def test_mf4_without_the_extra_says_how_to_install_it(tmp_path, monkeypatch) -> None:
    import sys

    import can

    path = tmp_path / "x.mf4"
    with can.Logger(str(path)) as out:
        out.on_message_received(can.Message(arbitration_id=1, data=b"\x01"))
    monkeypatch.setitem(sys.modules, "asammdf", None)  # as a default install, without the mf4 extra
    with pytest.raises(LogFormatError) as err:
        LogFile(path)
    assert 'pip install "smart-cockpit[mf4]"' in str(err.value)


# -- what python-can's ASC reader passes over silently is counted -------------------------------------


def test_asc_garbage_and_frames_shorter_than_their_dlc_are_counted(tmp_path: Path) -> None:
    msgs = sample_messages(4)
    path = write_log(tmp_path / "dirty.asc", msgs)
    lines = path.read_text().splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if " Rx " in line)
    lines.insert(first + 1, "this is not ASC\n")
    lines.insert(first + 2, "x" * 5000 + "\n")
    lines.insert(first + 3, "   9.000000 1  123             Rx   d 8 01 02\n")
    lines.insert(first + 4, "   9.100000 1  Statistic: D 0 R 0 XD 0 XR 0 E 0 O 0 B 0.00%\n")
    path.write_text("".join(lines))
    log = LogFile(path)
    got = list(log)
    assert len(got) == len(msgs)
    assert log.report.bad_lines == 3
    reasons = "\n".join(log.report.examples)
    assert f"dirty.asc:{first + 2}: not a Vector ASC line: 'this is not ASC'" in reasons
    assert "line of 5,000 characters" in reasons and "DLC 8 but only 2 data bytes" in reasons


def test_utf16_text_log_is_refused_when_opened(tmp_path: Path) -> None:
    path = write_log(tmp_path / "wide.asc", sample_messages(2))
    path.write_bytes(path.read_text().encode("utf-16"))
    with pytest.raises(LogFormatError) as caught:
        LogFile(path)
    assert "UTF-16" in str(caught.value) and "iconv" in str(caught.value)


def test_a_blf_without_objects_reads_no_frame_and_says_so(tmp_path: Path) -> None:
    path = write_log(tmp_path / "empty.blf", [])
    log = LogFile(path)
    assert list(log) == []
    error = log.report.no_frame_error()
    assert error is not None and "no readable CAN frame" in str(error) and "empty.blf" in str(error)
