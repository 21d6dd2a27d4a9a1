"""Remote commands, safely: signed, fresh, once, allowed, and then the same command layer as touch.

A message on the vehicle's ``cmd`` topic is checked in this order, and the first failure is the result
published on ``cmd/result`` and logged (the head unit lists it too):

1. remote access on (the head unit's switch) — else ``disabled``;
2. JSON object with ``id``, ``vehicle``, ``function``, ``expires``, ``key``, ``sig`` — else ``invalid``;
3. ``key`` is an active key in the car's keychain and ``sig`` verifies — else ``unauthenticated``;
   ``vehicle`` is this car — else ``unauthenticated`` (signed for another car);
4. not expired, and not valid for longer than :data:`MAX_LIFETIME_S` — ``expired`` / ``invalid``;
5. ``id`` not seen before (ids are remembered on disk until their expiry) — else ``replayed``;
6. the key's rate (:class:`RateLimit`) — else ``rate_limited``;
7. the allow-list (comfort and charging functions only) and its conditions (unlocking and opening the
   charge port only when parked) — ``forbidden`` / ``refused``;
8. the command layer: ``refused`` with the vehicle's or the layer's reason, ``failed`` on a timeout, or
   ``confirmed`` when the car reports the value.

Signature before freshness: an unauthenticated message must not be able to fill the replay memory.
Messages arrive on paho's thread and only queue there (a bounded queue; a flood beyond it is counted and
dropped); :meth:`RemoteCommands.poll` does the work on the command layer's thread.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..commands import Command, CommandError, CommandLayer, Operation
from ..commands.functions import FUNCTIONS
from ..commands.remote import ALLOWED, opens_the_car
from .keychain import Keychain
from .signing import signature_valid

log = logging.getLogger("cockpit.connect.remote")

MAX_LIFETIME_S = 300.0
INBOX = 64  # messages waiting for poll(); more is a flood
PARK = 126  # VSS gear code

# Comfort and charging only, nothing that moves the car: the one allow-list of every remote path (the phone
# companion uses it too), in cockpit/commands/remote.py.
_opens = opens_the_car


@dataclass
class RemoteEvent:
    """One remote command and what became of it (what the head unit lists)."""

    command_id: str | None
    status: str  # pending, confirmed, refused, failed, expired, unauthenticated, replayed, invalid, ...
    reason: str = ""
    function: str | None = None
    value: Any = None
    instance: str | None = None
    sender: str = ""
    at: float = field(default_factory=time.time)

    def result(self) -> dict[str, Any]:
        out = {"id": self.command_id, "status": self.status, "ts": round(self.at, 3)}
        if self.reason:
            out["reason"] = self.reason
        if self.function:
            out["function"] = self.function
        return out

    def line(self) -> str:
        what = f"{self.function}={self.value}" if self.function else "message"
        who = f" from {self.sender}" if self.sender else ""
        why = f": {self.reason}" if self.reason else ""
        return f"remote {what}{who} {self.status}{why}"


class RateLimit:
    """A token bucket per sender: ``burst`` commands at once, then ``per_s`` a second."""

    def __init__(self, burst: int = 5, per_s: float = 1.0) -> None:
        self.burst, self.per_s = burst, per_s
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, sender: str, now: float) -> bool:
        tokens, since = self._buckets.get(sender, (float(self.burst), now))
        tokens = min(self.burst, tokens + (now - since) * self.per_s)
        if tokens < 1:
            self._buckets[sender] = (tokens, now)
            return False
        self._buckets[sender] = (tokens - 1, now)
        return True


class SeenIds:
    """Command ids already used, kept on disk until they expire (a restart does not reopen a replay)."""

    def __init__(self, path: Path | str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY, expires REAL)")

    def first_use(self, command_id: str, expires: float, now: float) -> bool:
        self._db.execute("DELETE FROM seen WHERE expires < ?", (now,))
        try:
            self._db.execute("INSERT INTO seen VALUES (?, ?)", (command_id, expires))
        except sqlite3.IntegrityError:
            return False
        return True

    def close(self) -> None:
        self._db.close()


class RemoteCommands:
    def __init__(
        self,
        vehicle_id: str,
        keychain: Keychain,
        seen: SeenIds,
        layer: Callable[[], CommandLayer],
        reported: Callable[[str], Any],
        publish: Callable[[dict[str, Any]], None],
        rate: RateLimit | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.vehicle_id = vehicle_id
        self.keychain = keychain
        self.seen = seen
        self._layer = layer
        self._reported = reported
        self._publish = publish
        self.rate = rate or RateLimit()
        self.clock = clock
        self.enabled = True
        self.activity: deque[RemoteEvent] = deque(maxlen=50)
        self.flooded = 0  # messages dropped because the inbox was full
        self._inbox: deque[bytes] = deque()
        self._inbox_lock = threading.Lock()
        self._pending: list[tuple[RemoteEvent, list[Operation]]] = []
        self._flood_reported = 0.0

    # -- paho's thread --------------------------------------------------------------------------------------
    def submit(self, payload: bytes) -> None:
        with self._inbox_lock:
            if len(self._inbox) >= INBOX:
                self.flooded += 1
                return
            self._inbox.append(payload)

    # -- the command layer's thread -------------------------------------------------------------------------
    def poll(self) -> list[RemoteEvent]:
        """Check and execute what arrived, follow commands in flight; returns events settled now."""
        with self._inbox_lock:
            payloads, self._inbox = list(self._inbox), deque()
        settled = [self._handle(p) for p in payloads]
        settled = [e for e in settled if e.status != "pending"]
        settled += self._follow()
        if self.flooded and self.clock() - self._flood_reported > 5.0:
            self._flood_reported = self.clock()
            self._record(RemoteEvent(None, "rate_limited", f"command flood: {self.flooded} messages dropped"))
            self.flooded = 0
        return settled

    def _handle(self, payload: bytes) -> RemoteEvent:
        event = self._check(payload)
        if event.status == "pending":
            self._execute(event)
        if event.status != "pending":
            self._record(event)
        else:
            self.activity.append(event)
        return event

    def _check(self, payload: bytes) -> RemoteEvent:
        if not self.enabled:
            return self._early(payload, "disabled", "remote access is off on the head unit")
        try:
            body = json.loads(payload)
        except (ValueError, UnicodeDecodeError) as exc:
            return RemoteEvent(None, "invalid", f"malformed JSON ({exc})")
        if not isinstance(body, dict):
            return RemoteEvent(None, "invalid", "a command is a JSON object")
        command_id = body.get("id") if isinstance(body.get("id"), str) else None
        missing = [k for k in ("id", "vehicle", "function", "expires", "key", "sig") if k not in body]
        if missing or command_id is None or not isinstance(body.get("expires"), (int, float)):
            why = f"missing {', '.join(missing)}" if missing else "id must be a string, expires a number"
            return RemoteEvent(command_id, "invalid", why)
        event = RemoteEvent(command_id, "pending", function=str(body["function"]), value=body.get("value"))
        public_key = self.keychain.public_key(str(body["key"]))
        if public_key is None:
            return self._fail(event, "unauthenticated", "not signed by a key paired with this car")
        event.sender = self.keychain.name_of(str(body["key"]))
        if not signature_valid(public_key, body):
            return self._fail(event, "unauthenticated", "bad signature")
        if body["vehicle"] != self.vehicle_id:
            return self._fail(event, "unauthenticated", "signed for another vehicle")
        now = self.clock()
        if body["expires"] < now:
            return self._fail(event, "expired", f"expired {now - body['expires']:.0f} s ago")
        if body["expires"] > now + MAX_LIFETIME_S:
            return self._fail(event, "invalid", f"valid for more than {MAX_LIFETIME_S:.0f} s")
        if not self.seen.first_use(command_id, float(body["expires"]), now):
            return self._fail(event, "replayed", "this command id was already used")
        if not self.rate.allow(str(body["key"]), now):
            return self._fail(event, "rate_limited", "too many commands; wait a moment")
        function = event.function or ""
        if function not in FUNCTIONS:
            return self._fail(event, "forbidden", f"unknown function {function!r}")
        if function not in ALLOWED:
            return self._fail(event, "forbidden", f"{function} cannot be commanded remotely")
        if _opens(function, event.value) and not self._parked():
            return self._fail(event, "refused", "vehicle not parked")
        instance = body.get("instance")
        event.instance = instance if isinstance(instance, str) else None
        return event

    def _early(self, payload: bytes, status: str, reason: str) -> RemoteEvent:
        """An event for a message refused before its checks (remote access off): what it asked, if legible."""
        try:
            body = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            body = None
        if not isinstance(body, dict):
            return RemoteEvent(None, status, reason)
        command_id, function = body.get("id"), body.get("function")
        return RemoteEvent(
            command_id if isinstance(command_id, str) else None,
            status,
            reason,
            function=function if isinstance(function, str) else None,
            value=body.get("value"),
        )

    @staticmethod
    def _fail(event: RemoteEvent, status: str, reason: str) -> RemoteEvent:
        event.status, event.reason = status, reason
        return event

    def _parked(self) -> bool:
        speed = self._reported("Vehicle.Speed")
        gear = self._reported("Vehicle.Powertrain.Transmission.SelectedGear")
        return gear == PARK and speed is not None and abs(speed) < 0.5

    def _execute(self, event: RemoteEvent) -> None:
        try:
            command = Command(
                event.function or "", value=event.value, instance=event.instance, origin="remote"
            )
            operations = self._layer().execute(command)
        except CommandError as exc:
            self._fail(event, "refused", exc.line())
            return
        self._pending.append((event, operations))

    def _follow(self) -> list[RemoteEvent]:
        settled, still = [], []
        for event, operations in self._pending:
            if any(op.state == "pending" for op in operations):
                still.append((event, operations))
                continue
            failed = next((op for op in operations if op.state != "confirmed"), None)
            if failed is None:
                event.status = "confirmed"
            elif failed.reason.startswith("refused"):
                self._fail(event, "refused", failed.reason.removeprefix("refused: "))
            else:
                self._fail(event, "failed", failed.reason or failed.state)
            event.at = self.clock()
            self._record(event, known=True)
            settled.append(event)
        self._pending = still
        return settled

    def _record(self, event: RemoteEvent, known: bool = False) -> None:
        if not known:
            self.activity.append(event)
        level = logging.INFO if event.status == "confirmed" else logging.WARNING
        log.log(level, "%s", event.line())
        self._publish(event.result())
