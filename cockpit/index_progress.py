"""How far the reading of a long log has got: percent done and time left, for the banner and the terminal.

A log does not say how many frames it holds, so the total is estimated before reading, cheaply: text logs
(candump, GVRET, ASC, TRC, CSV, also gzipped) hold about one frame per line, so their newlines are counted
(a fast byte scan, far quicker than parsing); a BLF file's header states its object count. Other formats
(MF4, SQLite) get the frame count alone. The percent never claims 100 before the reading has ended, since
headers and comments make the estimate a little high.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

T = TypeVar("T")
TEXT_SUFFIXES = (".log", ".asc", ".trc", ".csv", ".gvret")
CHUNK = 1 << 20


@dataclass(frozen=True)
class Progress:
    frames: int
    expected: int | None  # estimated total; None when the format does not allow a cheap estimate
    elapsed_s: float
    done: bool = False

    @property
    def fraction(self) -> float | None:
        if self.done:
            return 1.0
        if not self.expected:
            return None
        return min(self.frames / self.expected, 0.99)

    @property
    def seconds_left(self) -> float | None:
        f = self.fraction
        if f is None or f <= 0 or self.elapsed_s <= 0 or self.done:
            return None
        return self.elapsed_s * (1 - f) / f

    def text(self, label: str) -> str:
        """One line, e.g. ``reading drive.log: 42 % (120,000 frames), about 8 s left…``."""
        f, left = self.fraction, self.seconds_left
        if f is None:
            return f"reading {label}: {self.frames:,} frames…"
        eta = f", about {format_seconds(left)} left" if left is not None and self.frames else ""
        return f"reading {label}: {f * 100:.0f} % ({self.frames:,} frames){eta}…"


def format_seconds(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60} min {seconds % 60:02d} s"


def expected_frames(path: Path) -> int | None:
    """About how many frames the log at ``path`` holds, or None when that cannot be told cheaply."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    compressed = suffixes[-1:] == [".gz"]
    suffix = suffixes[-2] if compressed and len(suffixes) == 2 else suffixes[-1] if suffixes else ""
    try:
        if suffix in TEXT_SUFFIXES:
            with gzip.open(path, "rb") if compressed else path.open("rb") as f:
                return _count_lines(f)
        if suffix == ".blf" and not compressed:
            return _blf_object_count(path)
    except (OSError, EOFError, ValueError):
        return None  # the reader itself will say what is wrong with the file
    return None


def _count_lines(f: IO[bytes]) -> int:
    lines, last = 0, b"\n"
    while chunk := f.read(CHUNK):
        lines += chunk.count(b"\n")
        last = chunk[-1:]
    return lines + (last != b"\n")


def _blf_object_count(path: Path) -> int | None:
    import can  # python-can parses the header; the reader is opened again to read the frames

    with can.BLFReader(str(path)) as reader:
        return int(reader.object_count) or None


def tracked(
    items: Iterable[T],
    expected: int | None,
    report: Callable[[Progress], None],
    every_s: float = 0.25,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[T]:
    """``items`` unchanged, calling ``report`` at the start, every ``every_s`` and at the end."""
    start = next_at = clock()
    frames = 0
    report(Progress(0, expected, 0.0))
    for item in items:
        frames += 1
        if not frames & 0x3FF:  # the clock is read every 1,024 frames: cheap next to parsing them
            now = clock()
            if now >= next_at:
                report(Progress(frames, expected, now - start))
                next_at = now + every_s
        yield item
    report(Progress(frames, expected, clock() - start, done=True))
