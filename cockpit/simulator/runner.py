"""Runs the simulated car on a bus: physics every 10 ms, frames when due, requests as they arrive.

Real time by default (frames stamped with the wall clock), or ``fast`` without pacing (for making logs:
frames stamped with simulation time from ``start_time``). ``rate`` floods the bus with filler frames on
extended ids up to that many frames per second in total, for load tests.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

import can

from .diagnostics.network import DiagnosticNetwork
from .ecu_network import EcuNetwork

STEP_S = 0.01
# Filler traffic: extended (29-bit) ids, as gateway and ADAS traffic on a real car, up to 2,000 of them.
FILLER_BASE_ID = 0x18F00000
FILLER_IDS = 2000


class SimulationRunner:
    def __init__(
        self,
        network: EcuNetwork,
        bus: can.BusABC | None = None,
        listeners: list[can.Listener] | None = None,
        fast: bool = False,
        rate: float | None = None,
        start_time: float | None = None,
    ) -> None:
        self.network = network
        self.car = network.car
        self.bus = bus
        self.listeners = list(listeners or [])
        self.fast = fast
        self.start_time = time.time() if start_time is None else start_time
        base = network.frames_per_second
        self.filler_per_step = max(0.0, (rate - base) * STEP_S) if rate else 0.0
        self._filler_due = 0.0
        self._filler_seq = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.frames_sent = 0
        self.on_step: Callable[[float], None] | None = None
        # The ECUs also answer diagnostic requests (UDS, OBD-II) when there is a bus to ask them on.
        self.diagnostics = DiagnosticNetwork(self.car) if bus is not None else None

    def _filler(self, timestamp: float) -> list[can.Message]:
        self._filler_due += self.filler_per_step
        count = int(self._filler_due)
        self._filler_due -= count
        out = []
        for _ in range(count):
            k = self._filler_seq
            self._filler_seq += 1
            out.append(
                can.Message(
                    timestamp=timestamp,
                    arbitration_id=FILLER_BASE_ID + k % FILLER_IDS,
                    is_extended_id=True,
                    data=k.to_bytes(8, "little"),
                    is_rx=False,
                )
            )
        return out

    def step(self) -> list[can.Message]:
        """One 10 ms step: requests in, physics, frames out; returns the frames sent."""
        if self.bus is not None:
            while (msg := self.bus.recv(timeout=0)) is not None:
                self.network.receive(msg)
                if self.diagnostics is not None:
                    self.diagnostics.receive(msg)
        self.car.step(STEP_S)
        t = self.car.t
        stamp = time.time() if not self.fast else self.start_time + t
        frames = self.network.due_frames(t, stamp)
        if self.diagnostics is not None:
            for frame in (answers := self.diagnostics.step()):
                frame.timestamp = stamp
            frames += answers
        if self.filler_per_step:
            frames += self._filler(stamp)
        for frame in frames:
            if self.bus is not None:
                self.bus.send(frame)
            for listener in self.listeners:
                listener.on_message_received(frame)
        self.frames_sent += len(frames)
        if self.on_step is not None:
            self.on_step(t)
        return frames

    def run(self, duration: float = math.inf) -> None:
        """Run until ``duration`` seconds of simulation time (or :meth:`stop`)."""
        steps = math.inf if math.isinf(duration) else round(duration / STEP_S)
        wall0 = time.monotonic()
        t0 = self.car.t
        n = 0
        while n < steps and not self._stop.is_set():
            self.step()
            n += 1
            if not self.fast:
                delay = wall0 + (self.car.t - t0) - time.monotonic()
                if delay > 0:
                    self._stop.wait(delay)
                elif delay < -1.0:
                    wall0 -= delay  # we fell far behind (machine suspended): do not try to catch up

    def start(self, duration: float = math.inf) -> None:
        """Run on a background thread (the head unit's in-process simulator)."""
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, args=(duration,), name="cockpit-sim", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)
