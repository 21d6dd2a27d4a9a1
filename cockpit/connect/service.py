"""The connected car: one broker link carrying telemetry, Home Assistant discovery and remote commands.

:class:`ConnectService` is composed on a :class:`~cockpit.session.Session` by ``cockpit run --mqtt`` and
``cockpit sim --mqtt``. Its :meth:`tick` runs on the thread that owns the session's command layer (the UI
tick, or :func:`run_headless`), so remote commands are executed exactly where touch and voice are.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .broker import BrokerConfig
from .homeassistant import PREFIX, discovery
from .keychain import Keychain, connect_dir
from .link import VehicleLink
from .outbox import DropPolicy, Outbox
from .remote import RemoteCommands, RemoteEvent, SeenIds
from .telemetry import Telemetry, dumps
from .topics import Topics, check_vehicle_id

if TYPE_CHECKING:
    from ..session import Session

log = logging.getLogger("cockpit.connect")


@dataclass
class ConnectOptions:
    broker: BrokerConfig
    vehicle_id: str | None = None
    rate_hz: float = 1.0
    queue: Path | None = None  # default: <user data>/connect/<vehicle>/outbox.sqlite
    queue_max: int = 100_000
    drop: DropPolicy = "oldest"
    keychain: Path | None = None
    home_assistant: str | None = PREFIX  # discovery prefix; None: no discovery
    remote: bool = True


def default_vehicle_id(session: Session) -> str:
    """The VIN where the car has one we know (the simulated car's); else a random id kept on disk."""
    if session.kind == "simulator":
        from ..simulator.diagnostics.ecus import VIN

        return VIN
    path = connect_dir() / "vehicle-id"
    try:
        return check_vehicle_id(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        pass
    vehicle_id = f"sc-{secrets.token_hex(6)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(vehicle_id + "\n")
    return vehicle_id


class ConnectService:
    def __init__(self, session: Session, options: ConnectOptions) -> None:
        self.session = session
        self.options = options
        self.vehicle_id = check_vehicle_id(options.vehicle_id or default_vehicle_id(session))
        self.topics = Topics(self.vehicle_id)
        folder = connect_dir() / self.vehicle_id
        self.outbox = Outbox(options.queue or folder / "outbox.sqlite", options.queue_max, options.drop)
        client_id = f"cockpit-{self.vehicle_id}"
        self.link = VehicleLink(options.broker, self.topics, self.outbox, client_id)
        self.telemetry = Telemetry(session.store, self.link, options.rate_hz)
        self.keychain = Keychain(options.keychain)
        self.remote = RemoteCommands(
            self.vehicle_id,
            self.keychain,
            SeenIds(
                folder / "seen-commands.sqlite"
                if options.queue is None
                else options.queue.with_suffix(".seen")
            ),
            lambda: session.commands,
            session.store.value,
            lambda result: self.link.publish(self.topics.result, dumps(result)),
        )
        self.remote.enabled = options.remote
        self.link.subscribe(self.topics.command, lambda _topic, payload: self.remote.submit(payload))
        if options.home_assistant:
            self.link.on_connected.append(self._publish_discovery)
        self._dropped_reported = 0

    def start(self) -> None:
        self.link.start()

    @property
    def problem(self) -> str | None:
        return self.link.problem

    def tick(self) -> list[RemoteEvent]:
        """Telemetry batch if due, remote commands, the outbox pump; returns remote events settled now."""
        self.telemetry.tick()
        events = self.remote.poll()
        self.link.pump()
        if self.outbox.dropped > self._dropped_reported:
            log.warning(
                "telemetry queue full (%d messages): %d dropped (%s first)",
                self.outbox.max_messages,
                self.outbox.dropped - self._dropped_reported,
                self.outbox.drop,
            )
            self._dropped_reported = self.outbox.dropped
        return events

    def status(self) -> dict[str, Any]:
        return {
            "vehicle_id": self.vehicle_id,
            "broker": self.options.broker.where,
            "connected": self.link.connected,
            "problem": self.link.problem,
            "queued": len(self.outbox),
            "dropped": self.outbox.dropped,
            "next_seq": self.telemetry.next_seq,
            "remote": self.remote.enabled,
        }

    def close(self) -> None:
        self.telemetry.tick(now=float("inf"))  # the last changes go into the queue, not away
        self.link.pump()
        self.link.close()
        self.outbox.close()
        self.remote.seen.close()

    def _publish_discovery(self) -> None:
        for topic, config in discovery(
            self.topics, self.session.vehicle.name, self.options.home_assistant or PREFIX
        ):
            self.link.client.publish(topic, json.dumps(config).encode(), qos=1, retain=True)


def run_headless(session: Session, service: ConnectService, stop: threading.Event, hz: float = 20.0) -> None:
    """The head unit's tick without a window: decode, follow commands, connect."""
    while not stop.is_set():
        session.tick()
        session.commands.update()
        service.tick()
        stop.wait(1.0 / hz)
