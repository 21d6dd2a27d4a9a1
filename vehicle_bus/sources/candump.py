"""A fast reader for candump ``-L`` logs (``(1436509052.249713) can0 123#DEADBEEF``).

python-can's :class:`can.CanutilsLogReader` builds each frame's data one byte at a time; on the ingest
benchmark that loop is most of the cost of replaying a candump log. This reader parses the same format with
``bytes.fromhex`` and counts bad lines instead of raising on them. Same output: python-can messages with
the interface name as ``channel``, ``is_rx`` from a trailing ``R``/``T``, CAN FD (``##``), remote
(``#R``) and error frames.

:meth:`CandumpReader.records` gives the same frames as plain ``(timestamp, channel, arbitration_id, data)``
tuples: building a :class:`can.Message` (it checks every field) is two thirds of reading a line, and
``cockpit decode`` needs only those four fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import can
from can.io.generic import TextIOMessageReader

MAX_BAD_LINES_KEPT = 20
_CAN_ERR_FLAG = 0x20000000
_CANFD_BRS = 0x01
_CANFD_ESI = 0x02

#: ``(timestamp, channel, arbitration_id, data)`` of one frame, as its :class:`can.Message` has them.
FrameRecord = tuple[float, "int | str", int, "bytes | bytearray"]
# Data parts that are not a classic data frame: CAN FD (``##``) and remote frames.
_SPECIAL = ("#", "R", "r")


class CandumpReader(TextIOMessageReader):
    """Iterate over the frames of a candump ``-L`` log; bad lines are skipped and counted."""

    def __init__(self, file: Any, **kwargs: Any) -> None:
        super().__init__(file, mode="r")
        self.bad_lines: list[tuple[int, str]] = []
        self.bad_line_count = 0

    def _bad(self, lineno: int, reason: str) -> None:
        self.bad_line_count += 1
        if len(self.bad_lines) < MAX_BAD_LINES_KEPT:
            self.bad_lines.append((lineno, reason))

    def __iter__(self) -> Iterator[can.Message]:
        lines: Iterable[str] = self.file
        yield from self._parse(enumerate(lines, start=1))
        self.stop()

    def records(self) -> Iterator[FrameRecord]:
        """The frames as :data:`FrameRecord` tuples, with the fields :meth:`__iter__`'s messages have.

        ``cockpit decode``'s hot loop: a classic data frame is read here in one piece; anything else (CAN
        FD, remote and error frames, bad lines) goes through :meth:`_parse` as in :meth:`__iter__`.
        """
        fromhex = bytes.fromhex
        lines: Iterable[str] = self.file
        for lineno, line in enumerate(lines, start=1):
            parts = line.split()
            try:
                can_id, _, data = parts[2].partition("#")
                ident = int(can_id, 16)
                if data[:1] not in _SPECIAL and not (ident & _CAN_ERR_FLAG and len(can_id) > 3):
                    channel = parts[1]
                    yield (
                        float(parts[0][1:-1]),
                        int(channel) if channel.isdigit() else channel,
                        ident,
                        fromhex(data),
                    )
                    continue
            except (IndexError, ValueError):
                pass  # a bad line: _parse says why
            for msg in self._parse(((lineno, line),)):
                yield msg.timestamp, msg.channel, msg.arbitration_id, msg.data
        self.stop()

    def _parse(self, lines: Iterable[tuple[int, str]]) -> Iterator[can.Message]:
        """The frames of numbered lines; bad lines are counted, with the reason, and skipped."""
        for lineno, line in lines:
            parts = line.split()
            if not parts:
                continue
            try:
                stamp, channel, frame = parts[0], parts[1], parts[2]
                timestamp = float(stamp[1:-1])
                can_id, _, data = frame.partition("#")
                ident = int(can_id, 16)
            except (IndexError, ValueError):
                self._bad(lineno, f"not a candump -L line: {line.strip()[:60]!r}")
                continue
            is_rx = not (len(parts) > 3 and parts[3] in ("T", "t"))
            try:
                yield _message(
                    timestamp, int(channel) if channel.isdigit() else channel, can_id, ident, data, is_rx
                )
            except ValueError:
                self._bad(lineno, f"bad frame data in {frame[:40]!r}")


def _message(
    timestamp: float, channel: int | str, can_id: str, ident: int, data: str, is_rx: bool
) -> can.Message:
    """The frame one line's fields describe; ValueError for bad data."""
    extended = len(can_id) > 3
    if data.startswith("#"):  # CAN FD: ID##<flags><data>
        flags = int(data[1], 16)
        payload = bytes.fromhex(data[2:])
        return can.Message(
            timestamp=timestamp,
            arbitration_id=ident & 0x1FFFFFFF,
            is_extended_id=extended,
            is_fd=True,
            bitrate_switch=bool(flags & _CANFD_BRS),
            error_state_indicator=bool(flags & _CANFD_ESI),
            channel=channel,
            is_rx=is_rx,
            dlc=len(payload),
            data=payload,
        )
    if data[:1] in ("R", "r"):
        return can.Message(
            timestamp=timestamp,
            arbitration_id=ident & 0x1FFFFFFF,
            is_extended_id=extended,
            is_remote_frame=True,
            channel=channel,
            is_rx=is_rx,
            dlc=int(data[1:]) if len(data) > 1 else 0,
        )
    if ident & _CAN_ERR_FLAG and extended:
        return can.Message(timestamp=timestamp, is_error_frame=True, channel=channel, is_rx=is_rx)
    payload = bytes.fromhex(data)
    return can.Message(
        timestamp=timestamp,
        arbitration_id=ident,
        is_extended_id=extended,
        channel=channel,
        is_rx=is_rx,
        dlc=len(payload),
        data=payload,
    )
