"""Reading a long log: the estimate of its length, and what the banner and the terminal are told."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import can
import pytest

from cockpit.index_progress import Progress, expected_frames, tracked
from cockpit.session import Session, SessionOptions


def write_log(path: Path, frames: int) -> Path:
    with can.Logger(str(path)) as out:
        for k in range(frames):
            out.on_message_received(can.Message(timestamp=k / 1000, arbitration_id=0x101, data=bytes(8)))
    return path


@pytest.mark.parametrize("suffix", [".log", ".asc", ".blf", ".log.gz"])
def test_the_estimate_is_close_to_the_frames_in_the_log(tmp_path: Path, suffix: str) -> None:
    log = write_log(tmp_path / f"drive{suffix}", 3000)
    expected = expected_frames(log)
    assert expected is not None and 3000 <= expected <= 3000 * 1.01


def test_no_estimate_for_formats_without_a_cheap_count(tmp_path: Path) -> None:
    assert expected_frames(tmp_path / "drive.mf4") is None
    assert expected_frames(tmp_path / "missing.log") is None  # the reader reports the missing file


def test_gzip_that_is_not_gzip_gives_no_estimate(tmp_path: Path) -> None:
    bad = tmp_path / "x.log.gz"
    bad.write_bytes(b"not gzip at all")
    assert expected_frames(bad) is None
    good = tmp_path / "y.log.gz"
    good.write_bytes(gzip.compress(b"(1.0) can0 100#00\n(2.0) can0 100#01"))
    assert expected_frames(good) == 2


def test_tracked_reports_percent_and_time_left_then_done() -> None:
    ticks = itertools.count(step=0.001)  # a clock that advances 1 ms per reading
    seen: list[Progress] = []
    items = list(tracked(range(10_000), 10_000, seen.append, every_s=0.0, clock=lambda: next(ticks)))
    assert items == list(range(10_000))  # passes everything through, in order
    assert seen[0].frames == 0 and seen[-1].done and seen[-1].fraction == 1.0
    middle = seen[len(seen) // 2]
    assert 0 < middle.fraction < 1 and middle.seconds_left is not None and middle.seconds_left > 0
    text = middle.text("drive.log")
    assert text.startswith("reading drive.log: ") and " % (" in text and "left" in text


def test_an_estimate_too_low_never_shows_100_before_the_end() -> None:
    state = Progress(frames=1200, expected=1000, elapsed_s=1.0)
    assert state.fraction == 0.99 and "99 %" in state.text("x")
    assert Progress(5, None, 1.0).text("x") == "reading x: 5 frames…"


def test_the_session_tells_the_banner_and_the_terminal_how_far_it_is(tmp_path: Path) -> None:
    log = write_log(tmp_path / "long.log", 60_000)
    session = Session(SessionOptions(replay=str(log), use_can_config=False))
    reports: list[tuple[Progress, str | None]] = []
    session.on_loading = lambda state: reports.append((state, session.loading))
    try:
        session.start()
        assert session.wait_until_loaded()
    finally:
        session.close()
    assert reports[-1][0].done and reports[-1][0].frames == 60_000
    assert all(text == state.text("long.log") for state, text in reports)  # what the banner shows
    assert any(" % (" in text and "left" in text for _, text in reports if text)
    assert session.loading is None
