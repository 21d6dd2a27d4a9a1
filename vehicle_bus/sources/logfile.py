"""Open any CAN log the product supports, and read it without stopping at the first defect.

:class:`LogFile` picks the reader from the file name and, for ``.csv``, from the header line:

* ``.asc``, ``.blf``, ``.trc``, ``.mf4``, ``.db`` and python-can's ``.csv`` are read with python-can's own
  readers; ``.log`` (candump -L) with :class:`~vehicle_bus.sources.candump.CandumpReader`, the same format
  parsed several times faster (candump logs are the common case and python-can's reader is the ingest
  bottleneck, see docs/benchmarks.md);
* SavvyCAN GVRET CSV is read with :class:`~vehicle_bus.sources.gvret.GVRETReader`. GVRET files are named
  ``.csv`` in the wild, but python-can's built-in CSV reader always wins the ``.csv`` suffix in
  :func:`can.LogReader` (plugins cannot override a built-in suffix), so the GVRET plugin is registered for
  ``.gvret`` and this module sniffs the header of every ``.csv`` to route GVRET files to it;
* ``name.<format>.gz`` is the same format gzip-compressed (not ``.db``: SQLite needs a real file).

Bad input never ends a run with a traceback. Problems found when opening (missing file, unknown suffix,
wrong content) raise :class:`~vehicle_bus.errors.LogFormatError` from the constructor. Problems found while
reading are collected in :attr:`LogFile.report`: a corrupt line of a text format is skipped and counted and
the read goes on; a truncated or corrupt binary file yields the frames before the damage and says why it
stopped.
"""

from __future__ import annotations

import gc
import gzip
import importlib.util
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import can

from vehicle_bus.errors import LogFormatError
from vehicle_bus.sources.candump import CandumpReader, FrameRecord
from vehicle_bus.sources.gvret import EXPECTED_HEADER, GVRETReader, is_gvret_header

__all__ = ["SUPPORTED", "LogFile", "LogReadReport"]

SUPPORTED = (".asc", ".blf", ".log", ".trc", ".csv", ".mf4", ".db", ".gvret")
#: Inner formats a ``.gz`` may wrap: every text format, and the binary ones that read from a stream.
GZIP_INNER = (".asc", ".log", ".trc", ".csv", ".gvret", ".blf", ".mf4")

_FORMAT_OF_SUFFIX = {suffix: suffix[1:] for suffix in SUPPORTED}
_TEXT_FORMATS = frozenset(("asc", "log", "trc", "csv", "gvret"))
_FORMAT_NAMES = {
    "asc": "Vector ASC",
    "blf": "Vector BLF",
    "log": "candump (canutils) log",
    "trc": "PEAK TRC",
    "csv": "python-can CSV",
    "mf4": "ASAM MDF4",
    "db": "python-can SQLite",
    "gvret": "SavvyCAN GVRET CSV",
}
_MAGIC = {
    "blf": (b"LOGG",),
    # "UnFinMF " marks an MDF4 file whose writer did not finish; asammdf still reads what is there.
    "mf4": (b"MDF     ", b"UnFinMF "),
    "db": (b"SQLite format 3\x00",),
}
_PYTHON_CAN_CSV_HEADER = ["timestamp", "arbitration_id", "extended", "remote", "error", "dlc", "data"]
_MAX_EXAMPLES = 5
_MAX_PREAMBLE_LINES = 256
_Reader = can.io.generic.MessageReader
_SNIFF_BYTES = 4096
# Read errors of the file itself (disk, truncated or corrupt gzip stream), as opposed to bad content.
_READ_ERRORS = (OSError, EOFError, zlib.error)


_BLF_HEADER_SIZE = 144  # can.io.blf.FILE_HEADER_SIZE


def _supported_list() -> str:
    plain = ", ".join(SUPPORTED)
    packed = ", ".join(f"{suffix}.gz" for suffix in GZIP_INNER)
    return f"Supported: {plain}, and compressed {packed}"


# A Python object's repr in a library's message ("'<mmap.mmap closed=False, …>' is not a valid MDF file")
# says nothing to a user: it is the file they gave.
_OBJECT_REPR = re.compile(r"'?<[A-Za-z_][\w.]* [^<>]*>'?")


def _one_line(exc: BaseException, limit: int = 160) -> str:
    text = _OBJECT_REPR.sub("the file", " ".join(str(exc).split())) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass
class LogReadReport:
    """What one pass over a log found: frames delivered, lines skipped, and why it stopped early."""

    path: Path
    frames: int = 0
    bad_lines: int = 0
    #: ``"file:line: reason"`` for the first few bad lines.
    examples: list[str] = field(default_factory=list)
    #: Why reading stopped before the end of the file (truncated or corrupt data), or None.
    stopped: str | None = None
    #: Something about the file worth knowing although every frame was read (a BLF never finalised).
    notice: str | None = None

    def add_bad_line(self, lineno: int, reason: str) -> None:
        self.bad_lines += 1
        if len(self.examples) < _MAX_EXAMPLES:
            self.examples.append(f"{self.path}:{lineno}: {reason}")

    def _problems(self) -> list[str]:
        """What went wrong in this pass: skipped lines (with the first) and why reading stopped early."""
        found = []
        if self.bad_lines:
            noun = "line" if self.bad_lines == 1 else "lines"
            first = f" (first: {self.examples[0]})" if self.examples else ""
            found.append(f"skipped {self.bad_lines:,} bad {noun}{first}")
        if self.stopped is not None:
            found.append(f"stopped early: {self.stopped}")
        if self.notice is not None:
            found.append(self.notice)
        return found

    def no_frame_error(self) -> LogFormatError | None:
        """The error for a pass that delivered no frame at all (junk, an empty BLF), or None."""
        if self.frames:
            return None
        found = self._problems()
        return LogFormatError(
            "no readable CAN frame in the file" + (f": {'; '.join(found)}" if found else ""),
            where=str(self.path),
            fix="Check that it is a CAN log in the format its name says",
        )

    def summary(self) -> str | None:
        """One line for the end of a run, or None when the file was read cleanly."""
        found = self._problems()
        if not found:
            return None
        return "; ".join(
            [f"{self.path}: read {self.frames:,} frame{'' if self.frames == 1 else 's'}", *found]
        )


def _check_text(head: bytes, name: str, where: str) -> None:
    """A text log must be 8-bit text: UTF-16 (Windows tools save it) and binary data read as nothing but
    bad lines, so they are refused when opened, with what to do."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (head[1:2] == b"\x00" and head[3:4] == b"\x00"):
        raise LogFormatError(
            f"is UTF-16 text, but a {name} file is read as UTF-8/ASCII",
            where=where,
            fix="Save it again as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)",
        )
    if b"\x00" in head:
        offset = head.index(b"\x00")
        raise LogFormatError(
            f"holds binary data (a NUL byte at offset {offset}), not {name} text",
            where=where,
            fix="Check that the file name's suffix matches its content",
        )


def _frame_defect(msg: can.Message) -> str | None:
    """Why a frame a python-can text reader built is not a frame (it builds them unchecked), or None."""
    if msg.is_error_frame or msg.is_remote_frame:
        return None
    # Classic CAN allows DLC 9-15, meaning 8 bytes (python-can keeps the DLC as read).
    needed = msg.dlc if msg.is_fd else min(msg.dlc, 8)
    if len(msg.data) < needed:
        return f"DLC {msg.dlc} but only {len(msg.data)} data bytes given"
    return None


#: Lines of a Vector ASC file that are not frames but are ASC: header keywords and trigger blocks. Every
#: event line (frames, error frames, statistics, chip states, J1939) starts with a time stamp.
_ASC_NON_FRAME = re.compile(
    r"\s*(?:$|//|date\s|base\s|(?:no\s+)?internal\s+events\s+logged|begin\s+triggerblock|"
    r"end\s+triggerblock|\d+\.\d+\s)",
    re.IGNORECASE,
)
#: Longer than any ASC event line (a 64-byte CAN FD frame with its bit timings is about 400 characters).
_ASC_MAX_LINE = 2048


def _asc_garbage(line: str) -> str | None:
    """Why a line python-can's ASC reader passed over silently is not ASC, or None when it is."""
    length = len(line.rstrip("\r\n"))
    if length > _ASC_MAX_LINE:
        return f"line of {length:,} characters, longer than any Vector ASC line"
    if _ASC_NON_FRAME.match(line):
        return None
    return f"not a Vector ASC line: {line.strip()[:40]!r}"


class _Feed:
    """The lines of an open text file, counted. A read error ends the lines (kept in ``error``) instead of
    raising inside a reader, so the reader finishes normally and hands out what it has."""

    def __init__(self, file: Iterable[str]) -> None:
        self.lineno = 0
        self.error: BaseException | None = None
        self.done = False
        self.lines = self._lines(file)

    def _lines(self, file: Iterable[str]) -> Iterator[str]:
        try:
            for line in file:
                self.lineno += 1
                yield line
        except _READ_ERRORS as exc:
            self.error = exc
        self.done = True


class _ReaderInput:
    """What a python-can text reader gets as its ``file``: replayed preamble lines, then the shared feed.

    It records the lines it hands out until told to stop, so the lines a reader consumed before its first
    frame (headers: date, base, file version, columns) can be replayed to the next reader after a bad line.
    ``close()`` does nothing: the readers close their file at the end, but the file outlives each reader.
    """

    def __init__(self, preamble: list[str], feed: _Feed, record: bool, track: bool = False) -> None:
        self.recorded: list[str] | None = [] if record else None
        #: With ``track``, the lines taken from the feed, so the ones that made no frame can be judged.
        self.handed: list[str] | None = [] if track else None
        self.from_feed = False
        self._preamble = preamble
        self._feed = feed
        # One generator for the life of this input: readers iterate their file more than once (ASC reads
        # the header, then the body) and must continue where they left off, as with a real file.
        self._gen = self._lines()

    def _lines(self) -> Iterator[str]:
        for line in self._preamble:
            if self.recorded is not None:
                self.recorded.append(line)
            yield line
        self.from_feed = True
        for line in self._feed.lines:
            if self.recorded is not None:
                self.recorded.append(line)
            if self.handed is not None:
                self.handed.append(line)
            yield line

    def take_handed(self, keep_last: bool) -> list[tuple[int, str]]:
        """The feed's lines handed out since the last call, numbered; without the last one (the line that
        made a frame, or failed) unless ``keep_last``. Most calls find that one line only."""
        handed = self.handed
        if not handed or (len(handed) == 1 and not keep_last):
            if handed:
                handed.clear()
            return []
        self.handed = []
        last = self._feed.lineno
        numbered = list(enumerate(handed, start=last - len(handed) + 1))
        return numbered if keep_last else numbered[:-1]

    def stop_recording(self) -> list[str]:
        recorded = self.recorded or []
        self.recorded = None
        return recorded

    def __iter__(self) -> Iterator[str]:
        return self._gen

    def __next__(self) -> str:
        return next(self._gen)

    def close(self) -> None:
        pass


class _CountingFile:
    """A binary file that counts the bytes read, to notice a BLF that ends before its header says."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        self.position += len(data)
        return data

    def close(self) -> None:
        self._file.close()


if hasattr(can.TRCReader, "_parse_line"):

    class _StrictTRCReader(can.TRCReader):
        """python-can's TRC reader drops a line it cannot index into with only a log warning; raise instead,
        so the line is counted like every other bad line."""

        def _parse_line(self, line: str) -> can.Message | None:
            return self._parse_cols(tuple(line.split(maxsplit=self._num_columns)))

    _TRC_READER: type[can.TRCReader] = _StrictTRCReader
else:  # pragma: no cover - a python-can without the private hook still reads, it just skips silently
    _TRC_READER = can.TRCReader

_TEXT_READERS: dict[str, Callable[[Any], _Reader]] = {
    "asc": can.ASCReader,
    "csv": can.CSVReader,
    "trc": _TRC_READER,
}


def _asammdf_available() -> bool:
    # A None entry in sys.modules is how a blocked import looks (and how the UI benchmark hides it).
    if "asammdf" in sys.modules:
        return sys.modules["asammdf"] is not None
    return importlib.util.find_spec("asammdf") is not None


@contextmanager
def _quiet_asammdf_teardown() -> Iterator[None]:
    """asammdf leaves a half-built MDF object behind when it refuses a damaged file, and that object's
    ``__del__`` raises; Python prints that as "Exception ignored in ..." with a traceback. Swallow only
    those, and only while we open an MF4."""
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        module = getattr(unraisable.object, "__module__", "") or ""
        if not module.startswith("asammdf"):
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous


class LogFile:
    """A CAN log on disk, in any supported format. Iterate it for :class:`can.Message`; iterate again to
    read it again (every pass reopens the file and refreshes :attr:`report`).

    :raises LogFormatError: when the file is missing, a folder, unreadable, empty, of an unsupported type,
        or does not contain what its name says.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        where = str(self.path)
        try:
            is_dir = self.path.is_dir()
            exists = is_dir or self.path.is_file()
        except OSError as exc:
            raise LogFormatError(f"cannot be opened ({_one_line(exc)})", where=where) from None
        if is_dir:
            raise LogFormatError("is a folder, not a log file", where=where, fix="Give a log file's path")
        if not exists:
            raise LogFormatError("no such file", where=where, fix="Check the path")

        suffix = self.path.suffix.lower()
        self.compressed = suffix == ".gz"
        inner = Path(self.path.stem).suffix.lower() if self.compressed else suffix
        if self.compressed and inner not in GZIP_INNER:
            what = f"unsupported compressed log type '{inner}.gz'" if inner else "a .gz of unknown content"
            if inner == ".db":
                fix = "Decompress it first: SQLite logs cannot be read from a .gz"
            else:
                fix = _supported_list()
            raise LogFormatError(what, where=where, fix=fix)
        if inner not in _FORMAT_OF_SUFFIX:
            what = f"unsupported log type '{suffix}'" if suffix else "no file type suffix"
            raise LogFormatError(what, where=where, fix=_supported_list())
        self.format: str = _FORMAT_OF_SUFFIX[inner]

        head = self._read_head(where)
        if not head:
            raise LogFormatError("the file is empty", where=where, fix="Record again or pick another log")
        self._check_content(head, where)
        self.report = LogReadReport(self.path)

    # -- opening ---------------------------------------------------------------------------------------

    def _read_head(self, where: str) -> bytes:
        """The first bytes of the (decompressed) content; checks that the file can be read at all."""
        try:
            with self.path.open("rb") as fh:
                raw = fh.read(_SNIFF_BYTES if not self.compressed else 1 << 16)
        except OSError as exc:
            reason = exc.strerror or _one_line(exc)
            raise LogFormatError(
                f"cannot be read ({reason})", where=where, fix="Check the file's permissions"
            ) from None
        if not self.compressed or not raw:
            return raw
        try:
            # A decompressor object gives what is there without insisting on the end of the stream, so a
            # truncated .gz still opens (its intact part is readable).
            return zlib.decompressobj(wbits=31).decompress(raw, _SNIFF_BYTES)
        except zlib.error as exc:
            raise LogFormatError(
                f"not a readable gzip file ({_one_line(exc)})",
                where=where,
                fix="Check the file, or remove the .gz suffix if it is not compressed",
            ) from None

    def _check_content(self, head: bytes, where: str) -> None:
        name = _FORMAT_NAMES[self.format]
        if self.format == "mf4" and not _asammdf_available():
            raise LogFormatError(
                "reading .mf4 logs needs asammdf, which is not installed",
                where=where,
                fix='Install the extra: pip install "smart-cockpit[mf4]"',
            )
        if self.format in _MAGIC:
            if not head.startswith(_MAGIC[self.format]):
                raise LogFormatError(
                    f"not {'an' if name[0] in 'AEIOU' else 'a'} {name} file "
                    f"(it does not start with the {name} signature)",
                    where=where,
                    fix="Check that the file name's suffix matches its content",
                )
            return
        if self.format in _TEXT_FORMATS:
            _check_text(head, name, where)
        if self.format not in ("csv", "gvret"):
            return
        first = head.decode("utf-8", errors="replace").splitlines()[0] if head.strip() else ""
        if is_gvret_header(first):
            self.format = "gvret"
            return
        names = [part.strip().lower() for part in first.lstrip("\ufeff").split(",")]
        if self.format == "csv" and names == _PYTHON_CAN_CSV_HEADER:
            return
        shown = first.strip()[:80]
        if self.format == "gvret":
            raise LogFormatError(
                f"not a SavvyCAN GVRET CSV log: the first line is {shown!r}",
                where=where,
                fix=f"Expected a header like '{EXPECTED_HEADER}' (a Dir column may come before Bus)",
            )
        raise LogFormatError(
            f"a CSV file of unknown layout: the first line is {shown!r}",
            where=where,
            fix=(
                f"Expected a SavvyCAN GVRET header ('{EXPECTED_HEADER}') or python-can's CSV header "
                f"('{','.join(_PYTHON_CAN_CSV_HEADER)}')"
            ),
        )

    def _open_text(self) -> IO[str]:
        # A corrupt byte becomes U+FFFD, which fails that line's parse: a bad line, not a dead read.
        if self.compressed:
            return gzip.open(self.path, "rt", encoding="utf-8", errors="replace")
        return self.path.open(encoding="utf-8", errors="replace")

    def _open_binary(self) -> IO[bytes]:
        if self.compressed:
            return gzip.open(self.path, "rb")  # type: ignore[return-value]
        return self.path.open("rb")

    # -- reading ---------------------------------------------------------------------------------------

    def __iter__(self) -> Iterator[can.Message]:
        self.report = LogReadReport(self.path)
        if self.format == "gvret":
            return self._read_own(self.report, GVRETReader)
        if self.format == "log":
            return self._read_own(self.report, CandumpReader)
        if self.format in _TEXT_FORMATS:
            return self._read_text(self.report, _TEXT_READERS[self.format])
        return self._read_binary(self.report)

    def records(self) -> Iterator[FrameRecord]:
        """Like iterating, but each frame as a ``(timestamp, channel, arbitration_id, data)`` tuple: for a
        candump log without building a :class:`can.Message` per line (most of a line's cost); for the
        other formats the messages' fields. :attr:`report` is kept the same way."""
        if self.format == "log":
            self.report = LogReadReport(self.path)
            return self._read_own(self.report, CandumpReader, records=True)
        return ((m.timestamp, m.channel, m.arbitration_id, m.data) for m in self)

    def _read_own(
        self,
        report: LogReadReport,
        reader_class: type[GVRETReader] | type[CandumpReader],
        records: bool = False,
    ) -> Iterator[Any]:
        """Read with one of our readers, which skip and count bad lines themselves."""
        reader: GVRETReader | CandumpReader | None = None
        try:
            with self._open_text() as fh:
                feed = _Feed(fh)
                try:
                    reader = reader_class(feed.lines)
                except LogFormatError as exc:
                    # The header was fine when the file was opened; it has changed since.
                    report.stopped = exc.what
                    return
                frames = reader.records() if records and isinstance(reader, CandumpReader) else reader
                for frame in frames:
                    report.frames += 1
                    yield frame
                if feed.error is not None:
                    report.stopped = f"the file ends early after line {feed.lineno} ({_one_line(feed.error)})"
        except _READ_ERRORS as exc:
            report.stopped = f"cannot be read ({_one_line(exc)})"
        finally:
            if reader is not None:
                report.bad_lines = reader.bad_line_count
                report.examples = [
                    f"{self.path}:{lineno}: {reason}" for lineno, reason in reader.bad_lines[:_MAX_EXAMPLES]
                ]

    def _read_text(
        self, report: LogReadReport, make_reader: Callable[[Any], _Reader]
    ) -> Iterator[can.Message]:
        """Read a line-based format with python-can's reader, resuming after every line it chokes on.

        A python-can text reader raises on a bad line, which ends its generator. The reader reads a
        counting feed, so the line it last took is the bad one; a fresh reader then continues on the same
        feed, after the header lines the first reader consumed before its first frame are replayed to it
        (its header state: ASC base and date, TRC version and columns, the CSV header it skips).
        """
        name = _FORMAT_NAMES[self.format]
        try:
            with self._open_text() as fh:
                feed = _Feed(fh)
                preamble: list[str] = []
                started = False
                failed_at = -1
                # python-can's ASC reader passes over any line it does not understand; judge those lines.
                judge = _asc_garbage if self.format == "asc" else None
                while True:
                    source = _ReaderInput(preamble, feed, record=not started, track=judge is not None)
                    try:
                        reader = make_reader(source)
                        for msg in reader:
                            if not started:
                                started = True
                                # The last recorded line is the one that made this first frame.
                                preamble = source.stop_recording()[:-1][:_MAX_PREAMBLE_LINES]
                            if judge is not None:
                                _judge_lines(source.take_handed(keep_last=False), judge, report)
                            defect = _frame_defect(msg)
                            if defect is not None:
                                report.add_bad_line(feed.lineno, defect)
                                continue
                            report.frames += 1
                            yield msg
                        if judge is not None:
                            _judge_lines(source.take_handed(keep_last=True), judge, report)
                        break
                    except Exception as exc:
                        if judge is not None:
                            # The last line handed out is the one that failed, counted below.
                            _judge_lines(source.take_handed(keep_last=False), judge, report)
                        reason = f"not a valid {name} line ({_one_line(exc)})"
                        if not source.from_feed or feed.done or feed.lineno == failed_at:
                            # No new line behind the error: resuming would fail the same way again.
                            report.stopped = f"line {feed.lineno}: {reason}"
                            break
                        failed_at = feed.lineno
                        report.add_bad_line(feed.lineno, reason)
                        if not started and source.recorded:
                            # Header lines sit at the top; the cap keeps a file of nothing but bad lines
                            # from replaying an ever longer preamble.
                            preamble = source.recorded[:-1][:_MAX_PREAMBLE_LINES]
                if feed.error is not None:
                    report.stopped = f"the file ends early after line {feed.lineno} ({_one_line(feed.error)})"
        except _READ_ERRORS as exc:
            report.stopped = f"cannot be read ({_one_line(exc)})"

    def _make_binary_reader(self, opened: list[Any]) -> tuple[_Reader, _CountingFile | None]:
        """The python-can reader for a binary format; everything opened is appended to ``opened``."""
        if self.format == "db":
            reader: _Reader = can.SqliteReader(str(self.path))
            opened.append(reader)
            return reader, None
        if self.format == "blf":
            file = self._open_binary()
            opened.append(file)
            counting = _CountingFile(file)
            reader = can.BLFReader(counting)
            opened.append(reader)
            return reader, counting
        if self.compressed:
            file = self._open_binary()
            opened.append(file)
            reader = can.MF4Reader(file)
        else:
            # A plain path lets asammdf read only what it needs; a .gz must come through a stream.
            reader = can.MF4Reader(self.path)
        opened.append(reader)
        return reader, None

    def _read_binary(self, report: LogReadReport) -> Iterator[can.Message]:
        name = _FORMAT_NAMES[self.format]
        opened: list[Any] = []
        try:
            with _quiet_asammdf_teardown():
                try:
                    reader, counting = self._make_binary_reader(opened)
                except Exception as exc:
                    report.stopped = f"cannot be read as {name} ({_one_line(exc)})"
                if report.stopped is not None:
                    # The half-built reader sits in reference cycles: collect it while the hook is in place.
                    gc.collect()
                    return
            try:
                for msg in reader:
                    report.frames += 1
                    yield msg
            except Exception as exc:
                report.stopped = (
                    f"{name} data is truncated or corrupt after {report.frames:,} frames ({_one_line(exc)})"
                )
                return
            if counting is not None:
                # BLF readers stop quietly at the end of the data they have; the header knows the real size.
                expected = int(getattr(reader, "file_size", 0) or 0)
                if expected <= _BLF_HEADER_SIZE < counting.position:
                    # The header python-can writes first and fills in only when the recording stops.
                    report.notice = (
                        "its header was never finalised (the recording was cut short, e.g. killed); "
                        "read to the end of the data"
                    )
                elif counting.position < expected:
                    report.stopped = (
                        f"the file is truncated: it ends after {counting.position:,} of the {expected:,} "
                        "bytes its header announces"
                    )
        finally:
            _close_quietly(opened)


def _judge_lines(
    lines: list[tuple[int, str]], judge: Callable[[str], str | None], report: LogReadReport
) -> None:
    for lineno, line in lines:
        reason = judge(line)
        if reason is not None:
            report.add_bad_line(lineno, reason)


def _close_quietly(opened: list[Any]) -> None:
    # Closing after a failed read can fail again (a half-open MDF, a closed database); that is not news.
    for thing in reversed(opened):
        close = getattr(thing, "stop", None) or getattr(thing, "close", None)
        with suppress(Exception):
            close()
