"""SavvyCAN "GVRET" CSV logs as a python-can message reader.

The format (as SavvyCAN writes it)::

    Time Stamp,ID,Extended,Dir,Bus,LEN,D1,D2,D3,D4,D5,D6,D7,D8
    22213513,00000111,false,Rx,0,8,00,00,00,00,00,00,00,00,

Time stamps are microseconds, the ID is hex, ``Dir`` is optional, and rows often end in a trailing comma.
A row carries at least ``LEN`` data bytes (up to 64 for CAN FD): some SavvyCAN versions write exactly ``LEN``
columns, others all eight even for a shorter frame. SavvyCAN's own loader takes the first ``LEN`` columns and
ignores the rest, and so does this reader; only a row with fewer data bytes than ``LEN`` is bad.

:class:`GVRETReader` is registered under the ``can.io.message_reader`` entry point for the ``.gvret``
suffix, so ``can.LogReader("capture.gvret")`` opens it. python-can's own CSV reader always owns ``.csv``;
:class:`vehicle_bus.sources.logfile.LogFile` sniffs the header of a ``.csv`` to route GVRET files here.

Real captures are not clean, and replay needs time to run forward, so the reader:

* re-stamps a stale prefix: rows before a clock restart near the start of the file (the logger kept the
  previous session's time for its first rows) get the first time stamp after the restart;
* treats a later backward jump as a discontinuity (logging restarted mid-file) and shifts the rest of
  the file so that time keeps running forward;
* undoes the small backsteps that interleaving several buses produces, with a bounded reorder buffer;
* skips and counts malformed lines instead of stopping.
"""

from __future__ import annotations

import itertools
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

import can
from can.io.generic import TextIOMessageReader
from can.typechecking import StringPathLike

from vehicle_bus.errors import LogFormatError

__all__ = ["GVRETReader", "is_gvret_header"]

#: Header columns every GVRET file has (``Dir`` and the data columns are handled separately).
REQUIRED_COLUMNS = ("Time Stamp", "ID", "Extended", "Bus", "LEN")
EXPECTED_HEADER = "Time Stamp,ID,Extended,Bus,LEN,D1,...,D8"

#: A backward step larger than this (seconds) is a clock restart, not bus interleaving.
RESTART_GAP_S = 1.0
#: A restart among this many first rows is a stale clock at the start of a capture ("within the first few
#: thousand rows"); the rows before it are re-stamped. These rows are held back until the count is reached.
STALE_PREFIX_ROWS = 4096
#: Reorder window in rows. The real Kona captures (two buses interleaved, frames arriving in per-bus bursts)
#: need at most 63 rows (230112-7, backsteps up to 22 ms at ~3,700 frames/s) and 18 rows (221217-1). Two
#: saturated 1 Mbit/s buses (16,000 frames/s) would need ~400 rows for the same 25 ms burst, so 1024 gives
#: 16x margin on the measured files and still covers busy buses.
REORDER_WINDOW = 1024
#: Only the first bad lines are kept with their reasons; the rest are just counted.
MAX_BAD_LINES_KEPT = 20

_CAN_FD_LENGTHS = frozenset((12, 16, 20, 24, 32, 48, 64))
_STD_ID_MAX = 0x7FF
_EXT_ID_MAX = 0x1FFFFFFF


def _header_names(line: str) -> list[str]:
    return [name.strip().strip('"') for name in line.lstrip("\ufeff").strip().split(",")]


def is_gvret_header(line: str) -> bool:
    """True when ``line`` is the header line of a SavvyCAN GVRET CSV file."""
    names = {name.lower() for name in _header_names(line)}
    return all(column.lower() in names for column in REQUIRED_COLUMNS)


def _first_bytes(tail: str, length: int) -> bytearray:
    """The frame's data from the data columns of a row: the first ``length`` of them, each two hex digits
    (SavvyCAN's rule when a row has more columns than LEN). Raises ValueError when there are fewer."""
    fields = tail.split(",", length)[:length]
    if len(fields) < length or any(len(byte.strip()) != 2 for byte in fields):
        raise ValueError("data")
    return bytearray.fromhex(" ".join(fields))


def _file_name(file: Any) -> str:
    if isinstance(file, (str, os.PathLike)):
        return os.fspath(file)
    return str(getattr(file, "name", "<GVRET stream>"))


class GVRETReader(TextIOMessageReader):
    """Iterate over the frames of a SavvyCAN GVRET CSV log as :class:`can.Message`.

    :param file: a path, or a text file object (or any iterable of lines).
    :raises LogFormatError: if the first line is not a GVRET header.

    Frames come out in non-decreasing time stamp order (file order for equal stamps), with time stamps in
    seconds, ``channel`` set from ``Bus`` and ``is_rx`` from ``Dir`` where the file has it. After (or during)
    iteration, ``bad_line_count`` says how many lines were skipped and ``bad_lines`` holds
    ``(line number, reason)`` for the first :data:`MAX_BAD_LINES_KEPT` of them. ``late_frames`` counts
    frames that arrived later than the reorder window allows; they were given the time stamp of the frame
    before them so that the order still holds.
    """

    def __init__(self, file: StringPathLike | Iterable[str], **kwargs: Any) -> None:
        self.name = _file_name(file)
        if isinstance(file, (str, os.PathLike)):
            # A corrupt byte must turn into a bad line, not a UnicodeDecodeError that ends the read.
            file = open(file, encoding=kwargs.get("encoding", "utf-8"), errors="replace")  # noqa: SIM115
        super().__init__(file, mode="r")
        self.bad_lines: list[tuple[int, str]] = []
        self.bad_line_count = 0
        self.late_frames = 0
        self.discontinuities = 0
        # One iterator for the header and the rows, so that any iterable of lines works, not only files.
        self._lines: Iterator[str] = iter(self.file)
        try:
            header = next(self._lines, "")
        except BaseException:
            self.stop()
            raise
        if not is_gvret_header(header):
            self.stop()
            shown = header.strip()[:80] or "nothing (the file is empty)"
            raise LogFormatError(
                f"not a SavvyCAN GVRET CSV log: the first line is {shown!r}",
                where=self.name,
                fix=f"Expected a header like '{EXPECTED_HEADER}' (a Dir column may come before Bus)",
            )
        names = [name.lower() for name in _header_names(header)]
        self.has_dir = "dir" in names
        self._column_count = len(names)
        index = {name: i for i, name in reversed(list(enumerate(names)))}
        self._i_ts = index["time stamp"]
        self._i_id = index["id"]
        self._i_ext = index["extended"]
        self._i_bus = index["bus"]
        self._i_len = index["len"]
        self._i_dir = index.get("dir", -1)
        # Data follows LEN; D1 names its start when the header lists the data columns.
        self._data_start = index.get("d1", self._i_len + 1)
        fixed = (self._i_ts, self._i_id, self._i_ext, self._i_bus, self._i_len, self._i_dir)
        if self._data_start <= max(fixed):
            self._data_start = self._i_len + 1

    # -- bad lines -------------------------------------------------------------------------------------

    def _bad(self, lineno: int, reason: str) -> None:
        self.bad_line_count += 1
        if len(self.bad_lines) < MAX_BAD_LINES_KEPT:
            self.bad_lines.append((lineno, reason))

    def _diagnose(self, fields: list[str]) -> str:
        """Say why a row failed to parse (slow path, only for bad rows)."""
        ds = self._data_start
        if len(fields) <= max(self._i_ts, self._i_id, self._i_ext, self._i_bus, self._i_len, self._i_dir):
            return f"wrong field count: {len(fields)} fields, the header has {self._column_count} columns"
        try:
            length = int(fields[self._i_len])
        except ValueError:
            return f"LEN {fields[self._i_len].strip()!r} is not a number"
        if length < 0 or length > 64 or (length > 8 and length not in _CAN_FD_LENGTHS):
            return f"LEN {length} is not a CAN or CAN FD frame length"
        given = [f.strip() for f in fields[ds:]]
        while given and not given[-1]:
            given.pop()
        if len(given) < length:
            return f"LEN {length} but only {len(given)} data bytes given"
        for byte in given[:length]:
            if len(byte) != 2 or not all(c in "0123456789abcdefABCDEF" for c in byte):
                return f"data byte {byte!r} is not two hex digits"
        raw_ts = fields[self._i_ts].strip()
        try:
            float(raw_ts)
        except ValueError:
            return f"time stamp {raw_ts!r} is not a number"
        raw_id = fields[self._i_id].strip()
        try:
            arbitration_id = int(raw_id, 16)
        except ValueError:
            return f"ID {raw_id!r} is not hex"
        extended = fields[self._i_ext].strip().lower()
        if extended not in ("true", "false", "1", "0"):
            return f"Extended {fields[self._i_ext].strip()!r} is not true or false"
        limit = _EXT_ID_MAX if extended in ("true", "1") else _STD_ID_MAX
        if arbitration_id > limit or arbitration_id < 0:
            kind = "an extended (29-bit)" if limit == _EXT_ID_MAX else "a standard (11-bit)"
            return f"ID 0x{arbitration_id:X} is out of range for {kind} frame"
        raw_bus = fields[self._i_bus].strip()
        try:
            int(raw_bus)
        except ValueError:
            return f"Bus {raw_bus!r} is not a number"
        return "malformed row"

    # -- parsing ---------------------------------------------------------------------------------------

    def _parse(self) -> Iterator[can.Message]:
        """Frames in file order with the time stamps as written (seconds); bad rows skipped and counted."""
        i_ts, i_id, i_ext, i_bus, i_len, i_dir = (
            self._i_ts,
            self._i_id,
            self._i_ext,
            self._i_bus,
            self._i_len,
            self._i_dir,
        )
        ds = self._data_start
        has_dir = self.has_dir
        message = can.Message
        fromhex = bytearray.fromhex
        fd_lengths = _CAN_FD_LENGTHS
        # int() is the cost of a row, and LEN, Bus and ID take few distinct values: look them up instead.
        small = {str(i): i for i in range(65)}
        small_get = small.get
        ids: dict[str, int] = {}
        ids_get = ids.get
        lineno = 1
        for line in self._lines:
            lineno += 1
            # The data columns are the tail of the row: split them off in one piece.
            f = line.split(",", ds)
            try:
                raw = f[i_len]
                length = small_get(raw)
                if length is None:
                    length = int(raw)
                if length > 8 and length not in fd_lengths:
                    raise ValueError("length")
                # Spaces for commas make fromhex reject a one- or three-digit field instead of re-pairing
                # digits across fields; SavvyCAN's trailing comma becomes harmless trailing space.
                # A LEN 0 row may end at LEN, with no data part at all.
                tail = f[ds] if len(f) > ds else ""
                try:
                    data = fromhex(tail.replace(",", " "))
                except ValueError:
                    data = None
                if data is None or len(data) != length:
                    data = _first_bytes(tail, length)
                raw = f[i_ts]
                try:
                    us = int(raw)
                except ValueError:
                    us = float(raw)
                raw = f[i_id]
                aid = ids_get(raw)
                if aid is None:
                    aid = int(raw, 16)
                    if len(ids) < 8192:
                        ids[raw] = aid
                x = f[i_ext]
                if x == "false":
                    ext = False
                elif x == "true":
                    ext = True
                else:
                    x = x.strip().lower()
                    if x in ("true", "1"):
                        ext = True
                    elif x in ("false", "0"):
                        ext = False
                    else:
                        raise ValueError("extended flag")
                if aid > (_EXT_ID_MAX if ext else _STD_ID_MAX) or aid < 0:
                    raise ValueError("id range")
                raw = f[i_bus]
                bus = small_get(raw)
                if bus is None:
                    bus = int(raw)
            except (ValueError, IndexError):
                if line.strip():
                    self._bad(lineno, self._diagnose(line.split(",")))
                continue
            if has_dir:
                d = f[i_dir]
                rx = d == "Rx" or (d != "Tx" and d.strip().lower() != "tx")
            else:
                rx = True
            yield message(
                timestamp=us / 1e6,
                arbitration_id=aid,
                is_extended_id=ext,
                channel=bus,
                dlc=length,
                data=data,
                is_rx=rx,
                is_fd=length > 8,
            )

    # -- time stamps and order -------------------------------------------------------------------------

    def _read_prefix(self, parsed: Iterator[can.Message]) -> list[can.Message]:
        """The first rows, with any stale-clock rows before a restart re-stamped to the restart time.

        The rows are held until :data:`STALE_PREFIX_ROWS` have been read, because a restart found later in
        that range changes the time stamps of every row before it.
        """
        prefix: list[can.Message] = []
        high = float("-inf")
        for msg in itertools.islice(parsed, STALE_PREFIX_ROWS):
            ts = msg.timestamp
            if ts < high - RESTART_GAP_S:
                # Keep what the user recorded, at the only time that fits: the restart.
                for earlier in prefix:
                    earlier.timestamp = ts
                high = ts
            elif ts > high:
                high = ts
            prefix.append(msg)
        return prefix

    def __iter__(self) -> Iterator[can.Message]:
        parsed = self._parse()
        prefix = self._read_prefix(parsed)
        # The reorder buffer: ``held`` sorted by time stamp (``keys``), oldest at ``head``. A sorted list
        # beats heapq here because nearly every frame arrives in order and is a plain append; the few
        # interleaving backsteps are one bisect and a short memmove. Measured on 230112-7 with a 1024 window:
        # ~0.4-0.7 us/frame against ~0.8-1.6 us/frame for heappushpop with (ts, seq, msg) tuples.
        keys: list[float] = []
        held: list[can.Message] = []
        head = 0
        window = REORDER_WINDOW
        high = float("-inf")
        offset = 0.0
        last = float("-inf")
        for msg in itertools.chain(prefix, parsed):
            ts = msg.timestamp
            if offset:
                ts += offset
                msg.timestamp = ts
            if ts >= high:
                high = ts
                keys.append(ts)
                held.append(msg)
            elif ts < high - RESTART_GAP_S:
                # Logging restarted mid-file: continue from where time had got to.
                offset += high - ts
                ts = high
                msg.timestamp = ts
                self.discontinuities += 1
                keys.append(ts)
                held.append(msg)
            else:
                # bisect_right puts it after equal stamps, so equal stamps keep file order.
                i = bisect_right(keys, ts, head)
                keys.insert(i, ts)
                held.insert(i, msg)
            if len(keys) - head > window:
                out = held[head]
                out_ts = keys[head]
                head += 1
                if head >= window:
                    del keys[:head]
                    del held[:head]
                    head = 0
                if out_ts < last:
                    # Later than the window can repair: keep the order promise rather than the stamp.
                    out.timestamp = last
                    self.late_frames += 1
                else:
                    last = out_ts
                yield out
        for i in range(head, len(held)):
            out = held[i]
            if keys[i] < last:
                out.timestamp = last
                self.late_frames += 1
            else:
                last = keys[i]
            yield out
        self.stop()

    def stop(self) -> None:
        close = getattr(self.file, "close", None)
        if close is not None:
            close()
