"""A diagnostic tester on its own connection to the bus: the UDS client and the OBD-II reader together.

It reads the bus through a notifier of its own, so it never competes with the head unit's pipeline for
frames (python-can lets one reader take each frame; a second connection to the same bus sees them all).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import can

from ..pipeline import ReadErrors
from .catalog import DiagnosticDescription, load_description, load_dtc_catalog
from .client import DiagnosticClient
from .discovery import Found, discover
from .obd import ObdReader

DEFAULT_TIMEOUT_S = 1.0
# Closing waits this long at most for a request in flight (a scan of silent ECUs ends in about a timeout).
CLOSE_WAIT_S = 3.0


class Tester:
    def __init__(
        self,
        bus: can.BusABC,
        description_path: str | Path,
        catalog_path: str | Path,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        description = load_description(description_path)
        self.bus = bus
        # A bus that fails (adapter pulled) is reported, retried a few times a second, and reopened by the
        # session; without an error listener the reader thread would die with a traceback on stderr.
        self.read_errors = ReadErrors()
        self.notifier = can.Notifier(bus, [self.read_errors], timeout=0.05)
        self._lock = threading.Lock()
        catalog = load_dtc_catalog(catalog_path)
        self.uds = DiagnosticClient(
            bus, description, catalog, timeout, notifier=self.notifier, lock=self._lock
        )
        self.obd = ObdReader(
            bus,
            self.notifier,
            description.functional_id,
            window=min(timeout, 0.5),
            lock=self._lock,
            extended=[(e.request_id, e.response_id) for e in description.extended_ecus],
            functional_id_29=description.functional_id_29,
        )

    @property
    def description(self) -> DiagnosticDescription:
        return self.uds.description

    def discover(self, **options: Any) -> list[Found]:
        """Which ids answer diagnostics (see ``discovery.discover``), between other requests."""
        with self._lock:
            return discover(self.bus, self.notifier, **options)

    def close(self) -> None:
        """Let a request in flight finish (bounded by its timeouts), then close; later ones are refused."""
        self.uds.closed = self.obd.closed = True
        acquired = self._lock.acquire(timeout=CLOSE_WAIT_S)
        try:
            self.notifier.stop(timeout=1)
            self.bus.shutdown()
        finally:
            if acquired:
                self._lock.release()
