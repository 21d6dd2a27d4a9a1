"""One pipeline for every source: frames → frame cache (+ recorder) → coalesced decode → a sink.

A live bus is read by python-can's :class:`can.Notifier` thread, a replay by its own thread; both only
update the frame cache and hand frames to a recorder. Decoding happens in :meth:`Pipeline.tick`, called by
whoever needs values (the UI tick, or the pipeline's own decode thread at a fixed rate), and touches only
the ids that changed since the previous tick.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import can

from .decoder import SignalDecoder
from .frame_cache import FrameCache
from .recorder import Recorder
from .sources.replay import Replay

Sink = Callable[[str, Any, float], None]
# After a read error the reader thread waits this long before trying the bus again, so a dead adapter
# costs a retry a few times a second rather than a busy loop.
READ_RETRY_S = 0.25


class ReadErrors(can.Listener):
    """Takes the bus reader thread's errors (an adapter unplugged, an interface down).

    Without a listener that handles errors, python-can's notifier thread dies with a traceback; with this
    one it records the error, backs off and retries, and whoever watches the pipeline can reopen the bus.
    """

    def __init__(self) -> None:
        self.count = 0
        self.last: str | None = None

    def on_message_received(self, msg: can.Message) -> None:
        pass

    def on_error(self, exc: Exception) -> None:
        self.count += 1
        self.last = str(exc) or type(exc).__name__
        time.sleep(READ_RETRY_S)


class Pipeline:
    def __init__(self, decoder: SignalDecoder, sink: Sink) -> None:
        self.decoder = decoder
        self.sink = sink
        self.cache = FrameCache()
        self.read_errors = ReadErrors()
        self._listeners: list[can.Listener] = [self.cache, self.read_errors]
        self._notifier: can.Notifier | None = None
        self._replay: Replay | None = None
        self._recorder: Recorder | None = None
        self._ticker: threading.Thread | None = None
        self._ticking = threading.Event()
        self._tick_lock = threading.Lock()
        self.bus: can.BusABC | None = None

    # -- sources --------------------------------------------------------------------------------------------
    def attach_bus(self, bus: can.BusABC) -> None:
        """Start reading ``bus`` on a notifier thread."""
        self.bus = bus
        self._notifier = can.Notifier(bus, list(self._listeners), timeout=0.1)

    def detach_bus(self) -> None:
        """Stop reading the current bus (keeping listeners such as a recorder running)."""
        notifier, self._notifier = self._notifier, None
        if notifier is not None:
            # Notifier.stop() also stops its listeners; they belong to the pipeline, not to this bus. The
            # error listener stays: a failed bus's reader thread may raise once more before it sees the stop,
            # and an error nobody handles ends the thread with a traceback on stderr.
            notifier.listeners = [self.read_errors]
            notifier.stop(timeout=1)
        if self.bus is not None:
            self.bus.shutdown()
            self.bus = None

    @property
    def notifier(self) -> can.Notifier | None:
        return self._notifier

    def attach_replay(self, replay: Replay) -> None:
        self._replay = replay
        replay.listeners = list(self._listeners)

    @property
    def replay(self) -> Replay | None:
        return self._replay

    # -- recording ------------------------------------------------------------------------------------------
    def start_recording(self, recorder: Recorder) -> None:
        self.stop_recording()
        self._recorder = recorder
        self._set_listeners([*self._listeners, recorder])

    def stop_recording(self) -> Recorder | None:
        recorder, self._recorder = self._recorder, None
        if recorder is not None:
            self._set_listeners([x for x in self._listeners if x is not recorder])
            recorder.stop()
        return recorder

    def _set_listeners(self, listeners: list[can.Listener]) -> None:
        self._listeners = listeners
        if self._notifier is not None:
            # Notifier reads its listener list per frame; replacing the list object is atomic.
            self._notifier.listeners = list(listeners)
        if self._replay is not None:
            self._replay.listeners = list(listeners)

    # -- decoding -------------------------------------------------------------------------------------------
    def tick(self) -> int:
        """Decode the frames that changed since the last tick into the sink; returns values emitted."""
        with self._tick_lock:
            before = self.decoder.stats.emitted
            feed, sink = self.decoder.feed, self.sink
            for entry in self.cache.take_changed():
                feed(entry.arbitration_id, entry.data, entry.timestamp, sink)
            return self.decoder.stats.emitted - before

    def start_decoding(self, hz: float = 50.0) -> None:
        """Tick on a thread of our own at ``hz`` (for headless use; the UI calls :meth:`tick` itself)."""
        if self._ticker is not None:
            return
        self._ticking.set()
        period = 1.0 / hz

        def loop() -> None:
            next_at = time.monotonic()
            while self._ticking.is_set():
                self.tick()
                next_at += period
                delay = next_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                else:
                    next_at = time.monotonic()

        self._ticker = threading.Thread(target=loop, name="cockpit-decode", daemon=True)
        self._ticker.start()

    def close(self) -> None:
        self._ticking.clear()
        if self._ticker is not None:
            self._ticker.join(timeout=2)
            self._ticker = None
        if self._replay is not None:
            self._replay.stop()
        if self._notifier is not None:
            self._notifier.stop()
            self._notifier = None
        self.stop_recording()
        self.tick()
