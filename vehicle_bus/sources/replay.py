"""Replay a recorded log as if it were a live bus: pacing, speed, pause, seek, loop, bus choice.

The log is read once into a compact index (about 25 bytes per classic frame), sorted by time, so seeking
and looping never re-parse the file. Frames go to the same :class:`can.Listener` objects a live bus feeds
(the frame cache, a recorder) and, optionally, back onto a real bus as ``can.player`` does.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import can
import numpy as np

_EXT, _FD, _REMOTE, _ERROR, _BRS, _RX = 1, 2, 4, 8, 16, 32
_BATCH = 512


@dataclass
class ReplayIndex:
    """Every frame of one log (optionally one bus of it) in time order."""

    times: np.ndarray  # float64 seconds, as in the log
    ids: np.ndarray  # uint32
    flags: np.ndarray  # uint8, the _EXT.. bits
    channel_codes: np.ndarray  # int16 index into channel_values
    channel_values: list[object]
    offsets: np.ndarray  # int64, data of frame i is blob[offsets[i]:offsets[i+1]]
    blob: bytes
    dlcs: np.ndarray

    def __len__(self) -> int:
        return len(self.times)

    @property
    def start(self) -> float:
        return float(self.times[0]) if len(self.times) else 0.0

    @property
    def duration(self) -> float:
        return float(self.times[-1] - self.times[0]) if len(self.times) else 0.0

    def message(self, i: int) -> can.Message:
        f = int(self.flags[i])
        return can.Message(
            timestamp=float(self.times[i]),
            arbitration_id=int(self.ids[i]),
            is_extended_id=bool(f & _EXT),
            is_fd=bool(f & _FD),
            is_remote_frame=bool(f & _REMOTE),
            is_error_frame=bool(f & _ERROR),
            bitrate_switch=bool(f & _BRS),
            is_rx=bool(f & _RX),
            channel=self.channel_values[self.channel_codes[i]],
            dlc=int(self.dlcs[i]),
            data=self.blob[self.offsets[i] : self.offsets[i + 1]],
        )


def build_index(
    messages: Iterable[can.Message],
    channel: object | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[ReplayIndex, list[object]]:
    """Read ``messages`` once into an index; keep only ``channel`` if given.

    Returns the index and every channel seen in the log (so a caller can say which buses exist).
    """
    times: list[float] = []
    ids: list[int] = []
    flags = bytearray()
    dlcs = bytearray()
    codes: list[int] = []
    channel_code: dict[object, int] = {}
    seen: dict[object, None] = {}
    blob = bytearray()
    offsets = [0]
    for n, msg in enumerate(messages, start=1):
        ch = msg.channel
        seen.setdefault(ch, None)
        if channel is not None and not _same_channel(ch, channel):
            continue
        code = channel_code.setdefault(ch, len(channel_code))
        times.append(msg.timestamp)
        ids.append(msg.arbitration_id)
        flags.append(
            (_EXT if msg.is_extended_id else 0)
            | (_FD if msg.is_fd else 0)
            | (_REMOTE if msg.is_remote_frame else 0)
            | (_ERROR if msg.is_error_frame else 0)
            | (_BRS if msg.bitrate_switch else 0)
            | (_RX if msg.is_rx else 0)
        )
        dlcs.append(min(msg.dlc, 255))
        codes.append(code)
        blob += msg.data
        offsets.append(len(blob))
        if progress is not None and n % 50_000 == 0:
            progress(n)
    t = np.asarray(times, dtype=np.float64)
    order = np.argsort(t, kind="stable")
    sorted_needed = len(t) > 1 and bool(np.any(np.diff(t) < 0))
    off = np.asarray(offsets, dtype=np.int64)
    index = ReplayIndex(
        times=t,
        ids=np.asarray(ids, dtype=np.uint32),
        flags=np.frombuffer(bytes(flags), dtype=np.uint8).copy(),
        channel_codes=np.asarray(codes, dtype=np.int16),
        channel_values=list(channel_code),
        offsets=off,
        blob=bytes(blob),
        dlcs=np.frombuffer(bytes(dlcs), dtype=np.uint8).copy(),
    )
    if sorted_needed:
        index = _reordered(index, order)
    return index, list(seen)


def _same_channel(a: object, b: object) -> bool:
    return a == b or str(a) == str(b)


def _reordered(index: ReplayIndex, order: np.ndarray) -> ReplayIndex:
    starts, ends = index.offsets[:-1][order], index.offsets[1:][order]
    blob = b"".join(index.blob[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True))
    lengths = ends - starts
    offsets = np.zeros(len(order) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return ReplayIndex(
        times=index.times[order],
        ids=index.ids[order],
        flags=index.flags[order],
        channel_codes=index.channel_codes[order],
        channel_values=index.channel_values,
        offsets=offsets,
        blob=blob,
        dlcs=index.dlcs[order],
    )


class Replay:
    """Plays a :class:`ReplayIndex` to listeners in real time (or scaled, or as fast as possible).

    ``speed`` is a factor of real time from 0.1 up; ``math.inf`` plays as fast as possible. All controls
    are safe to call from any thread while it plays.
    """

    MIN_SPEED = 0.1

    def __init__(
        self,
        index: ReplayIndex,
        listeners: Sequence[can.Listener] = (),
        speed: float = 1.0,
        loop: bool = False,
        retransmit: can.BusABC | None = None,
    ) -> None:
        self.index = index
        self.listeners = list(listeners)
        self.retransmit = retransmit
        self.loop = loop
        self.loops_done = 0
        self.sent = 0
        self._speed = self._check_speed(speed)
        self._cursor = 0
        self._paused = False
        self._stopped = False
        self._finished = len(index) == 0
        self._cond = threading.Condition()
        self._anchor_wall = 0.0
        self._anchor_log = index.start
        self._thread: threading.Thread | None = None

    # -- controls -------------------------------------------------------------------------------------------
    @property
    def speed(self) -> float:
        return self._speed

    @property
    def duration(self) -> float:
        return self.index.duration

    @property
    def position(self) -> float:
        """Seconds from the start of the log of the last frame delivered (or the seek target)."""
        with self._cond:
            if self._cursor >= len(self.index):
                return self.duration
            if self._paused or not self._running():
                return max(0.0, float(self.index.times[self._cursor]) - self.index.start)
            now_log = self._anchor_log + (time.monotonic() - self._anchor_wall) * self._speed
            upcoming = float(self.index.times[self._cursor])
            return max(0.0, min(now_log, upcoming) - self.index.start)

    @property
    def state(self) -> str:
        if self._finished:
            return "finished"
        if self._paused:
            return "paused"
        return "playing" if self._running() else "stopped"

    def set_speed(self, speed: float) -> None:
        speed = self._check_speed(speed)
        with self._cond:
            self._reanchor()
            self._speed = speed
            self._cond.notify_all()

    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._cond.notify_all()

    def resume(self) -> None:
        with self._cond:
            if self._paused:
                self._paused = False
                self._reanchor()
                self._cond.notify_all()

    def seek(self, seconds: float, prime: bool = True) -> None:
        """Jump to ``seconds`` from the log start. With ``prime``, the latest frame of every id before that
        point is delivered first, so slow messages show their value at once instead of at their next cycle.
        """
        target = self.index.start + min(max(0.0, seconds), self.duration)
        with self._cond:
            cursor = int(np.searchsorted(self.index.times, target, side="left"))
            self._cursor = cursor
            self._finished = cursor >= len(self.index) and not self.loop
            self._anchor_log = target
            self._anchor_wall = time.monotonic()
            if prime and cursor:
                ids = self.index.ids[:cursor][::-1]
                _, first = np.unique(ids, return_index=True)
                for i in sorted((cursor - 1 - first).tolist()):
                    self._deliver(self.index.message(i), send=False)
            self._cond.notify_all()

    def start(self) -> None:
        """Play on a background thread."""
        with self._cond:
            # Under the lock, so a stop() from another thread sees either no thread or a started one.
            if self._running():
                return
            self._stopped = False
            self._reanchor()
            thread = threading.Thread(target=self._run, name="cockpit-replay", daemon=True)
            thread.start()
            self._thread = thread

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until played once through (never, with loop on); True if finished."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._finished

    def run(self) -> None:
        """Play on the calling thread until the end (or until stopped)."""
        self._stopped = False
        with self._cond:
            self._reanchor()
        self._run()

    # -- engine ---------------------------------------------------------------------------------------------
    def _running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stopped

    def _check_speed(self, speed: float) -> float:
        if not (speed >= self.MIN_SPEED or math.isinf(speed)):
            raise ValueError(f"replay speed must be at least {self.MIN_SPEED}x, got {speed}")
        return float(speed)

    def _reanchor(self) -> None:
        i = min(self._cursor, len(self.index) - 1)
        self._anchor_log = float(self.index.times[i]) if len(self.index) else 0.0
        self._anchor_wall = time.monotonic()

    def _deliver(self, msg: can.Message, send: bool = True) -> None:
        for listener in self.listeners:
            listener.on_message_received(msg)
        if send and self.retransmit is not None and not msg.is_error_frame:
            self.retransmit.send(msg)
            self.sent += 1

    def _run(self) -> None:
        index = self.index
        times = index.times
        n = len(index)
        while True:
            with self._cond:
                if self._stopped:
                    return
                if self._paused:
                    self._cond.wait(0.1)
                    continue
                if self._cursor >= n:
                    if self.loop and n:
                        self.loops_done += 1
                        self._cursor = 0
                        self._reanchor()
                        continue
                    self._finished = True
                    return
                i = self._cursor
                if math.isinf(self._speed):
                    j = min(n, i + _BATCH)
                else:
                    now_log = self._anchor_log + (time.monotonic() - self._anchor_wall) * self._speed
                    if times[i] > now_log:
                        wait = (times[i] - now_log) / self._speed
                        self._cond.wait(min(wait, 0.05))
                        continue
                    j = int(np.searchsorted(times, now_log, side="right", sorter=None))
                    j = max(i + 1, min(j, i + _BATCH))
                self._cursor = j
            # Delivered outside the lock, so controls never wait behind a slow listener.
            for k in range(i, j):
                self._deliver(index.message(k))
