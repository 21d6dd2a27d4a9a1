"""The companion composed on a running session: certificate, paired phones, web server, control channel.

:meth:`CompanionService.tick` runs on the thread that owns the session's command layer (the window's
tick, or :func:`run_headless`): phone commands execute there, and the phone's view of the car is rebuilt
there a few times a second.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from .bridge import CommandBridge
from .certificate import ensure_certificate
from .control import SOCKET_NAME, ControlChannel
from .devices import LINK_LIFETIME_S, DeviceRegistry
from .server import CompanionServer, ServerOptions
from .snapshot import SnapshotBuilder

if TYPE_CHECKING:
    from ..session import Session

log = logging.getLogger("cockpit.companion")

DEFAULT_PORT = 8443
SNAPSHOT_S = 0.25


def companion_dir() -> Path:
    return Path(platformdirs.user_data_dir("smart-cockpit")) / "companion"


def lan_address() -> str:
    """The address phones on the same network reach this machine at (no packet is sent to find it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.254.254.254", 1))
            return str(s.getsockname()[0])
        except OSError:
            return "127.0.0.1"


@dataclass
class CompanionOptions:
    port: int = DEFAULT_PORT
    bind: str = "0.0.0.0"
    host: str | None = None  # the address in pairing links; None: this machine's LAN address
    folder: Path | None = None  # certificate, paired phones, control socket; None: the user data folder


class CompanionService:
    def __init__(self, session: Session, options: CompanionOptions) -> None:
        self.session = session
        self.options = options
        self.folder = options.folder or companion_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o700)
        self.host = options.host or lan_address()
        self.certificate = ensure_certificate(self.folder, (self.host,))
        self.registry = DeviceRegistry(self.folder)
        self.bridge = CommandBridge()
        self._snapshots = SnapshotBuilder(session)
        self._state_lock = threading.Lock()
        self._state: tuple[int, dict[str, Any]] = (0, {})
        self._built_at = 0.0
        self.server = CompanionServer(
            ServerOptions(options.bind, options.port),
            self.certificate,
            self.registry,
            self.bridge,
            self.state,
        )
        self.control = ControlChannel(self.folder / SOCKET_NAME, self._control)
        self.server.extra_startup.append(self.control.start)

    def start(self) -> None:
        self.server.start()
        log.info("companion: serving on %s (certificate %s)", self.base_url, self.certificate.fingerprint)

    def close(self) -> None:
        self.server.stop()
        self.control.close()

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"https://{host}:{self.server.port or self.options.port}"

    def pairing_url(self) -> str:
        """A fresh one-time pairing link (good for two minutes)."""
        return f"{self.base_url}/pair/{self.registry.new_link().code}"

    # -- the command thread ---------------------------------------------------------------------------------
    def tick(self) -> None:
        layer = self.session.commands
        self.bridge.tick(layer, self.session.store)
        now = time.monotonic()
        if now - self._built_at >= SNAPSHOT_S:
            self._built_at = now
            snapshot = self._snapshots.build(layer)
            with self._state_lock:
                version, old = self._state
                if snapshot != old:
                    self._state = (version + 1, snapshot)

    # -- any thread -----------------------------------------------------------------------------------------
    def state(self) -> tuple[int, dict[str, Any]]:
        with self._state_lock:
            return self._state

    def _control(self, line: str) -> dict[str, Any]:
        verb, _, argument = line.partition(" ")
        if verb == "revoke":
            return {"revoked": self.registry.revoke(argument.strip())}
        if verb == "pair":
            return {
                "url": self.pairing_url(),
                "expires_in": LINK_LIFETIME_S,
                "fingerprint": self.certificate.fingerprint,
            }
        if verb == "state":
            return self.state()[1]
        return {
            "devices": [
                {"id": d.id, "name": d.name, "paired_at": d.paired_at} for d in self.registry.devices()
            ]
        }


def run_headless(
    session: Session, service: CompanionService, stop: threading.Event, hz: float = 20.0
) -> None:
    """The loop that stands in for the window's tick: decode, follow commands, serve the phone."""
    period = 1.0 / hz
    while not stop.wait(period):
        session.tick()
        session.commands.update()
        service.tick()
