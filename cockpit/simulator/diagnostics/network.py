"""The simulated car's diagnostic network: one UDS server per ECU, fed by the simulation runner.

The runner hands every frame it reads to :meth:`DiagnosticNetwork.receive` and sends what
:meth:`DiagnosticNetwork.step` returns, in the same 10 ms step as the status frames.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import can

from assets import ASSETS_DIR
from vehicle_bus.diagnostics.catalog import DiagnosticDescription, load_description

from .ecus import build_ecus
from .server import UdsServer

if TYPE_CHECKING:
    from ..vehicle import SimulatedVehicle

DESCRIPTION = ASSETS_DIR / "diagnostics" / "ecus.yaml"
CATALOG = ASSETS_DIR / "diagnostics" / "dtc_catalog.yaml"


class DiagnosticNetwork:
    def __init__(self, car: SimulatedVehicle, description: DiagnosticDescription | None = None) -> None:
        self.description = description or load_description(DESCRIPTION)
        d = self.description
        self.servers = [UdsServer(ecu, car, d.dids, d.functional_for(ecu.spec)) for ecu in build_ecus(d)]
        # (id, 29-bit?): an 11-bit 0x7E0 and a 29-bit 0x000007E0 are different frames.
        self._listening = {
            (i, s.transport.extended)
            for s in self.servers
            for i in (s.transport.request_id, s.transport.functional_id)
        }

    def server(self, name: str) -> UdsServer:
        return next(s for s in self.servers if s.name.lower() == name.lower())

    def receive(self, msg: can.Message) -> None:
        if msg.is_error_frame or (msg.arbitration_id, msg.is_extended_id) not in self._listening:
            return
        for server in self.servers:
            if server.transport.hears(msg):
                server.receive(msg)

    def step(self) -> list[can.Message]:
        out: list[can.Message] = []
        for server in self.servers:
            out += server.step()
        return out
