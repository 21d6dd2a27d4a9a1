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
        self.servers = [UdsServer(ecu, car, d.dids, d.functional_id) for ecu in build_ecus(d)]
        self._listening = {d.functional_id} | {s.transport.request_id for s in self.servers}

    def server(self, name: str) -> UdsServer:
        return next(s for s in self.servers if s.name.lower() == name.lower())

    def receive(self, msg: can.Message) -> None:
        if msg.arbitration_id not in self._listening or msg.is_extended_id or msg.is_error_frame:
            return
        for server in self.servers:
            if server.transport.hears(msg.arbitration_id):
                server.receive(msg)

    def step(self) -> list[can.Message]:
        out: list[can.Message] = []
        for server in self.servers:
            out += server.step()
        return out
