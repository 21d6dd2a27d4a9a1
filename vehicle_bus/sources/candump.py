"""A fast reader for candump ``-L`` logs (``(1436509052.249713) can0 123#DEADBEEF``).

python-can's :class:`can.CanutilsLogReader` builds each frame's data one byte at a time; on the ingest
benchmark that loop is most of the cost of replaying a candump log. This reader parses the same format with
``bytes.fromhex`` and counts bad lines instead of raising on them. Same output: python-can messages with
the interface name as ``channel``, ``is_rx`` from a trailing ``R``/``T``, CAN FD (``##``), remote
(``#R``) and error frames.
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
        message = can.Message
        fromhex = bytes.fromhex
        lines: Iterable[str] = self.file
        for lineno, line in enumerate(lines, start=1):
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
            channel_value: int | str = int(channel) if channel.isdigit() else channel
            try:
                if data.startswith("#"):  # CAN FD: ID##<flags><data>
                    flags = int(data[1], 16)
                    payload = fromhex(data[2:])
                    yield message(
                        timestamp=timestamp,
                        arbitration_id=ident & 0x1FFFFFFF,
                        is_extended_id=len(can_id) > 3,
                        is_fd=True,
                        bitrate_switch=bool(flags & _CANFD_BRS),
                        error_state_indicator=bool(flags & _CANFD_ESI),
                        channel=channel_value,
                        is_rx=is_rx,
                        dlc=len(payload),
                        data=payload,
                    )
                elif data[:1] in ("R", "r"):
                    yield message(
                        timestamp=timestamp,
                        arbitration_id=ident & 0x1FFFFFFF,
                        is_extended_id=len(can_id) > 3,
                        is_remote_frame=True,
                        channel=channel_value,
                        is_rx=is_rx,
                        dlc=int(data[1:]) if len(data) > 1 else 0,
                    )
                elif ident & _CAN_ERR_FLAG and len(can_id) > 3:
                    yield message(
                        timestamp=timestamp, is_error_frame=True, channel=channel_value, is_rx=is_rx
                    )
                else:
                    payload = fromhex(data)
                    yield message(
                        timestamp=timestamp,
                        arbitration_id=ident,
                        is_extended_id=len(can_id) > 3,
                        channel=channel_value,
                        is_rx=is_rx,
                        dlc=len(payload),
                        data=payload,
                    )
            except ValueError:
                self._bad(lineno, f"bad frame data in {frame[:40]!r}")
        self.stop()
