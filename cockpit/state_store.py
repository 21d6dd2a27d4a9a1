"""The cockpit's picture of the vehicle: VSS path → latest value, with history for plots.

Written by the decode side (any thread), read by the UI tick, voice and commands. Readers either pull
(``changes_since(version)``, what the UI tick uses: no callback crosses into Qt) or subscribe to be
called on the writer's thread. Memory stays flat however long it runs: one latest value per path and a
fixed-size ring of history per numeric path, thinned to ``history_hz``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class SignalValue:
    path: str
    value: Any
    unit: str | None
    timestamp: float
    source: str


Listener = Callable[[SignalValue], None]


class _History:
    """A fixed ring of (t, value) for one numeric signal, at most ``hz`` points per second."""

    __slots__ = ("_min_gap", "count", "head", "times", "values")

    def __init__(self, capacity: int, hz: float) -> None:
        # Filled, not np.empty: the OS gives an empty array's pages only when first written, so a ring
        # that fills over its 10 minutes made the process grow for 10 minutes (a looping replay's "leak").
        # Committed at once, the memory is what it will be, from the first value.
        self.times = np.full(capacity, np.nan)
        self.values = np.full(capacity, np.nan)
        self.head = 0
        self.count = 0
        self._min_gap = 1.0 / hz if hz > 0 else 0.0

    def add(self, t: float, value: float) -> None:
        if self.count:
            last = self.times[(self.head - 1) % len(self.times)]
            if 0 <= t - last < self._min_gap:
                # Thinning keeps the newest value of each slot so a plot ends on the current value.
                self.values[(self.head - 1) % len(self.times)] = value
                return
        self.times[self.head] = t
        self.values[self.head] = value
        self.head = (self.head + 1) % len(self.times)
        self.count = min(self.count + 1, len(self.times))

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        n, cap = self.count, len(self.times)
        if n < cap:
            return self.times[:n].copy(), self.values[:n].copy()
        order = np.r_[self.head : cap, 0 : self.head]
        return self.times[order], self.values[order]


class StateStore:
    """Thread-safe VSS state with change tracking and bounded per-signal history."""

    def __init__(
        self,
        units: dict[str, str | None] | None = None,
        history_seconds: float = 600.0,
        history_hz: float = 20.0,
    ) -> None:
        self._units = dict(units or {})
        self._values: dict[str, SignalValue] = {}
        self._changed_at: dict[str, int] = {}
        self._history: dict[str, _History] = {}
        self._history_capacity = max(1, int(history_seconds * history_hz))
        self._history_hz = history_hz
        self._listeners: list[tuple[Listener, frozenset[str] | None]] = []
        self._version = 0
        self._lock = threading.RLock()

    @property
    def version(self) -> int:
        return self._version

    def update(self, path: str, value: Any, timestamp: float, source: str = "") -> None:
        item = SignalValue(path, value, self._units.get(path), timestamp, source)
        with self._lock:
            self._version += 1
            self._values[path] = item
            self._changed_at[path] = self._version
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                history = self._history.get(path)
                if history is None:
                    history = self._history[path] = _History(self._history_capacity, self._history_hz)
                history.add(timestamp, float(value))
            listeners = self._listeners
        for listener, paths in listeners:
            if paths is None or path in paths:
                listener(item)

    def get(self, path: str) -> SignalValue | None:
        return self._values.get(path)

    def value(self, path: str, default: Any = None) -> Any:
        item = self._values.get(path)
        return default if item is None else item.value

    def snapshot(self) -> dict[str, SignalValue]:
        with self._lock:
            return dict(self._values)

    def changes_since(self, version: int) -> tuple[int, list[SignalValue]]:
        """Values changed after ``version``, and the version to ask with next time."""
        with self._lock:
            changed = [self._values[p] for p, v in self._changed_at.items() if v > version]
            return self._version, changed

    def history(self, path: str) -> tuple[np.ndarray, np.ndarray]:
        """(times, values) of a numeric signal, oldest first; empty arrays if none."""
        with self._lock:
            history = self._history.get(path)
            if history is None:
                return np.empty(0), np.empty(0)
            return history.arrays()

    def subscribe(self, listener: Listener, paths: Iterable[str] | None = None) -> Callable[[], None]:
        """Call ``listener`` (on the writer's thread) for each update; returns the unsubscribe function."""
        entry = (listener, frozenset(paths) if paths is not None else None)
        with self._lock:
            self._listeners = [*self._listeners, entry]

        def unsubscribe() -> None:
            with self._lock:
                self._listeners = [e for e in self._listeners if e is not entry]

        return unsubscribe
