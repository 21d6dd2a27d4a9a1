"""Frames exactly as a reader produced them, as plain records: what ``cockpit decode --raw`` prints.

One record per :class:`can.Message` with every field a reader sets, so that the output of any of our
readers can be compared field by field with python-can's ``can.LogReader`` (the tests do).
"""

from __future__ import annotations

from typing import Any

import can

__all__ = ["CSV_COLUMNS", "csv_row", "frame_record"]

#: The fields of a record, in output order.
CSV_COLUMNS = (
    "t",
    "channel",
    "id",
    "extended",
    "fd",
    "brs",
    "esi",
    "error",
    "remote",
    "rx",
    "dlc",
    "data",
)


def frame_record(msg: can.Message) -> dict[str, Any]:
    """The frame as a JSON-ready dict: time stamp in seconds as read, id as a number, data as hex."""
    return {
        "t": msg.timestamp,
        "channel": msg.channel,
        "id": msg.arbitration_id,
        "extended": msg.is_extended_id,
        "fd": msg.is_fd,
        "brs": msg.bitrate_switch,
        "esi": msg.error_state_indicator,
        "error": msg.is_error_frame,
        "remote": msg.is_remote_frame,
        "rx": msg.is_rx,
        "dlc": msg.dlc,
        "data": bytes(msg.data).hex().upper(),
    }


def csv_row(msg: can.Message) -> list[Any]:
    """The same fields for CSV: the id in hex as candump writes it, flags as 0/1, no channel as empty."""
    width = 8 if msg.is_extended_id else 3
    return [
        repr(msg.timestamp),
        "" if msg.channel is None else msg.channel,
        f"{msg.arbitration_id:0{width}X}",
        int(msg.is_extended_id),
        int(msg.is_fd),
        int(msg.bitrate_switch),
        int(msg.error_state_indicator),
        int(msg.is_error_frame),
        int(msg.is_remote_frame),
        int(msg.is_rx),
        msg.dlc,
        bytes(msg.data).hex().upper(),
    ]
