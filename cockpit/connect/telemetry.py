"""VSS signals out: retained current state per signal and a batched, sequenced stream.

Every ``1/rate_hz`` seconds the values that changed since the last batch become one stream message
``{"seq", "ts", "v": {path: value}}`` written to the outbox (so it survives a broker outage or a restart)
and, for each changed signal, a retained ``state/<path>`` message ``{"v", "ts", "seq"}`` whose ``seq``
names the batch that carried the value. Retained state is not queued: the newest value is all a late
reader wants, and the whole snapshot is republished at every connect.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterable
from typing import Any

from ..state_store import SignalValue, StateStore
from .link import VehicleLink

SEQ = "stream_seq"
_UNSENT = object()


def json_value(value: Any) -> Any:
    """A store value as compact JSON: floats to 4 decimals, tuples as lists, NaN as null."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return None if not math.isfinite(value) else round(value, 4)
    if isinstance(value, (tuple, list)):
        return [json_value(v) for v in value]
    try:
        return json_value(value.item())  # numpy scalars
    except AttributeError:
        return str(value)


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()


class Telemetry:
    def __init__(self, store: StateStore, link: VehicleLink, rate_hz: float = 1.0) -> None:
        if not rate_hz > 0:
            raise ValueError("rate_hz must be positive")
        self.store = store
        self.link = link
        self.interval = 1.0 / rate_hz
        self._version = 0
        self._last = -math.inf
        self._sent_seq: dict[str, int] = {}
        self._last_value: dict[str, Any] = {}  # path → seq of the batch that last carried it
        self.batches = 0
        link.on_connected.append(self.publish_snapshot)

    @property
    def next_seq(self) -> int:
        return self.link.outbox.counter(SEQ)

    def tick(self, now: float | None = None) -> bool:
        """Write a batch if one is due and something changed; True if one was written."""
        now = time.monotonic() if now is None else now
        if now - self._last < self.interval:
            return False
        self._last = now
        self._version, updated = self.store.changes_since(self._version)
        # The store counts every update; the stream carries values that differ from what it last sent.
        changed = [
            item for item in updated if self._last_value.get(item.path, _UNSENT) != json_value(item.value)
        ]
        if not changed:
            return False
        for item in changed:
            self._last_value[item.path] = json_value(item.value)
        seq = self.next_seq
        ts = round(time.time(), 3)
        batch = {"seq": seq, "ts": ts, "v": {item.path: json_value(item.value) for item in changed}}
        self.link.outbox.put(self.link.topics.stream, dumps(batch), counter=(SEQ, seq + 1))
        self.batches += 1
        self._publish_state(changed, seq, ts)
        return True

    def publish_snapshot(self) -> None:
        """Every signal's retained state (at connect: the broker may have lost it)."""
        last = self.next_seq - 1
        self._publish_state(self.store.snapshot().values(), last, round(time.time(), 3), known=True)

    def _publish_state(self, items: Iterable[SignalValue], seq: int, ts: float, known: bool = False) -> None:
        for item in items:
            carried = self._sent_seq.get(item.path, seq) if known else seq
            self._sent_seq[item.path] = carried
            payload = {"v": json_value(item.value), "ts": ts, "seq": carried}
            self.link.publish(self.link.topics.state(item.path), dumps(payload), retain=True)
