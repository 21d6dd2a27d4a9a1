"""The reader thread's only job: keep the latest raw frame per arbitration id, and count.

At 8,000 frames/s, decoding every frame in Python starves everything else. The reader thread stores the
newest bytes per id and marks the id changed; consumers (the UI tick, the decode thread) take the changed
frames when they need values, so a message repeated 100 times between two ticks is decoded once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import can


@dataclass(slots=True)
class FrameEntry:
    """The latest frame of one arbitration id, with counters."""

    arbitration_id: int
    is_extended: bool
    channel: object
    dlc: int
    data: bytes
    timestamp: float
    first_timestamp: float
    count: int = 1
    previous_data: bytes = b""

    @property
    def changed_bytes(self) -> int:
        """Bytes that differ between the last two frames (bit i set = byte i changed).

        Worked out when read, not per frame: the CAN monitor asks a few times a second, frames come
        thousands of times.
        """
        old, new = self.previous_data, self.data
        if self.count < 2 or old == new:
            return 0
        mask = 0
        for i in range(max(len(old), len(new))):
            if i >= len(old) or i >= len(new) or old[i] != new[i]:
                mask |= 1 << i
        return mask


@dataclass(slots=True)
class BusCounters:
    frames: int = 0
    error_frames: int = 0
    remote_frames: int = 0
    first_timestamp: float | None = None
    last_timestamp: float | None = None


class FrameCache(can.Listener):
    """A :class:`can.Listener` that keeps the newest frame per id and which ids changed since last asked."""

    def __init__(self) -> None:
        self.entries: dict[int, FrameEntry] = {}
        self.counters = BusCounters()
        # One set of changed ids per consumer (the decoder, the CAN monitor…), so each takes only what
        # changed since its own last look.
        self._changed: dict[str, set[int]] = {}
        self._changed_sets: tuple[set[int], ...] = ()
        self._lock = threading.Lock()

    def on_message_received(self, msg: can.Message) -> None:
        counters = self.counters
        ts = msg.timestamp
        with self._lock:
            counters.frames += 1
            if counters.first_timestamp is None:
                counters.first_timestamp = ts
            counters.last_timestamp = ts
            if msg.is_error_frame:
                counters.error_frames += 1
                return
            if msg.is_remote_frame:
                counters.remote_frames += 1
                return
            key = msg.arbitration_id
            data = bytes(msg.data)
            entry = self.entries.get(key)
            if entry is None:
                self.entries[key] = FrameEntry(key, msg.is_extended_id, msg.channel, msg.dlc, data, ts, ts)
            else:
                entry.previous_data = entry.data
                entry.data = data
                entry.dlc = msg.dlc
                entry.timestamp = ts
                entry.channel = msg.channel
                entry.count += 1
            for changed in self._changed_sets:
                changed.add(key)

    def take_changed(self, consumer: str = "decoder") -> list[FrameEntry]:
        """Copies of the entries that received a frame since ``consumer`` last asked (everything, the first
        time), safe to read on any thread."""
        with self._lock:
            entries = self.entries
            if consumer not in self._changed:
                self._changed[consumer] = set()
                self._changed_sets = tuple(self._changed.values())
                return [_copy(entry) for entry in entries.values()]
            changed = self._changed[consumer]
            out = [_copy(entries[key]) for key in changed]
            changed.clear()
            return out

    def snapshot(self) -> list[FrameEntry]:
        """Copies of every entry (for the CAN monitor's full refresh)."""
        with self._lock:
            return [_copy(entry) for entry in self.entries.values()]

    def counters_snapshot(self) -> BusCounters:
        with self._lock:
            c = self.counters
            return BusCounters(c.frames, c.error_frames, c.remote_frames, c.first_timestamp, c.last_timestamp)


def _copy(entry: FrameEntry) -> FrameEntry:
    return FrameEntry(
        entry.arbitration_id,
        entry.is_extended,
        entry.channel,
        entry.dlc,
        entry.data,
        entry.timestamp,
        entry.first_timestamp,
        entry.count,
        entry.previous_data,
    )
