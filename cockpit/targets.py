"""Actuator targets in flight: sent, pending until the vehicle reports the value, or failed on timeout.

The screen never shows what it asked for, only what the car reports back; this tracker says which
controls have a request on the way (shown as pending) and which gave up (shown as failed with a reason).
The cabin-control command layer builds on it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from vehicle_bus.errors import TransmitRefusedError

from .state_store import StateStore

DEFAULT_TIMEOUT_S = 3.0
# Requests repeat at the request messages' cycle while pending, as the demo DBC specifies.
REPEAT_S = 0.1


@dataclass
class Target:
    path: str
    value: Any
    sent_at: float
    state: str = "pending"  # pending, confirmed, failed
    reason: str = ""
    last_sent: float = 0.0


class TargetTracker:
    def __init__(self, store: StateStore, transmitter: Any, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.store = store
        self.transmitter = transmitter
        self.timeout_s = timeout_s
        self.targets: dict[str, Target] = {}

    def set(self, path: str, value: Any) -> Target:
        """Send a target; a refused one comes back failed with the reason, nothing sent."""
        now = time.monotonic()
        if self.transmitter is None:
            target = Target(path, value, now, "failed", "the source is a log replay: nothing can be set")
        else:
            try:
                self.transmitter.send(path, value)
                target = Target(path, value, now, last_sent=now)
            except TransmitRefusedError as exc:
                target = Target(path, value, now, "failed", exc.line())
        self.targets[path] = target
        return target

    def update(self) -> list[Target]:
        """Resolve pending targets against the store; returns the ones that changed state."""
        changed = []
        now = time.monotonic()
        for target in self.targets.values():
            if target.state != "pending":
                continue
            reported = self.store.value(target.path)
            if reported == target.value:
                target.state = "confirmed"
                self.transmitter.release(target.path)
                changed.append(target)
            elif now - target.sent_at > self.timeout_s:
                target.state = "failed"
                target.reason = f"no response from the vehicle within {self.timeout_s:.0f} s"
                self.transmitter.release(target.path)
                changed.append(target)
            elif now - target.last_sent >= REPEAT_S:
                self.transmitter.send(target.path, target.value)
                target.last_sent = now
        return changed

    def pending(self, path: str) -> Target | None:
        target = self.targets.get(path)
        return target if target is not None and target.state == "pending" else None
