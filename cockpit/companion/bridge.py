"""Phone commands across threads: queued by the web server, executed where touch and voice commands are.

The web server's handler puts a :class:`PhoneRequest` in a queue and awaits its future; :meth:`
CommandBridge.tick` (on the thread that owns the command layer) checks it against the remote allow-list,
hands its commands to the layer, follows the operations and resolves the future with the car's answer:
``confirmed``, ``refused`` (the car's or the layer's reason), ``forbidden`` (not allowed from outside the
car), ``failed`` (no answer in time) or ``expired`` (not picked up within :data:`QUEUE_EXPIRY_S`).
Every settled request is logged and kept in :attr:`CommandBridge.activity` for the screen.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from ..commands import Command, CommandError, CommandLayer, Operation
from ..commands.remote import remote_refusal
from ..state_store import StateStore

log = logging.getLogger("cockpit.companion")

QUEUE_EXPIRY_S = 5.0  # a command the head unit could not start within this is not started late
PENDING_MAX = 16  # requests waiting for the command thread; more are refused at once


@dataclass
class PhoneRequest:
    request_id: str
    device: str  # the paired phone's name
    commands: list[Command]
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[dict[str, Any]]
    received: float = field(default_factory=time.monotonic)


@dataclass
class PhoneEvent:
    """One phone command and what became of it (what the head unit lists)."""

    request_id: str
    device: str
    what: str
    status: str
    reason: str = ""
    at: float = field(default_factory=time.time)

    def line(self) -> str:
        why = f": {self.reason}" if self.reason else ""
        return f"phone {self.device}: {self.what} {self.status}{why}"


class CommandBridge:
    def __init__(self) -> None:
        self._queue: queue.Queue[PhoneRequest] = queue.Queue(maxsize=PENDING_MAX)
        self._in_flight: list[tuple[PhoneRequest, list[Operation]]] = []
        self.activity: deque[PhoneEvent] = deque(maxlen=50)

    # -- the web server's thread ----------------------------------------------------------------------------
    def submit(self, request: PhoneRequest) -> bool:
        try:
            self._queue.put_nowait(request)
        except queue.Full:
            return False
        return True

    # -- the command layer's thread -------------------------------------------------------------------------
    def tick(self, layer: CommandLayer, store: StateStore) -> None:
        while True:
            try:
                request = self._queue.get_nowait()
            except queue.Empty:
                break
            self._start(request, layer, store)
        still = []
        for request, operations in self._in_flight:
            if any(op.state == "pending" for op in operations):
                still.append((request, operations))
                continue
            failed = next((op for op in operations if op.state != "confirmed"), None)
            if failed is None:
                self._settle(request, "confirmed")
            elif failed.reason.startswith("refused"):
                self._settle(request, "refused", failed.reason.removeprefix("refused: "))
            else:
                self._settle(request, "failed", failed.reason or failed.state)
        self._in_flight = still

    def _start(self, request: PhoneRequest, layer: CommandLayer, store: StateStore) -> None:
        if time.monotonic() - request.received > QUEUE_EXPIRY_S:
            self._settle(request, "expired", "the head unit was busy; nothing was done, try again")
            return
        speed = store.value("Vehicle.Speed")
        gear = store.value("Vehicle.Powertrain.Transmission.SelectedGear")
        for command in request.commands:
            refusal = remote_refusal(command.function, command.value, speed, gear)
            if refusal is not None:
                self._settle(request, *refusal)
                return
        operations: list[Operation] = []
        try:
            for command in request.commands:
                operations += layer.execute(command)
        except CommandError as exc:
            self._settle(request, "refused", exc.line())
            return
        self._in_flight.append((request, operations))

    def _settle(self, request: PhoneRequest, status: str, reason: str = "") -> None:
        what = ", ".join(c.describe() for c in request.commands)
        event = PhoneEvent(request.request_id, request.device, what, status, reason)
        self.activity.append(event)
        log.log(logging.INFO if status == "confirmed" else logging.WARNING, "%s", event.line())
        result = {"id": request.request_id, "status": status, "reason": reason}

        def resolve() -> None:
            if not request.future.done():
                request.future.set_result(result)

        # RuntimeError: the server stopped meanwhile; nobody waits for the answer.
        with contextlib.suppress(RuntimeError):
            request.loop.call_soon_threadsafe(resolve)
