"""The demo car running in-process on a private virtual bus, with a diagnostic tester on that bus.

What ``cockpit diag`` without ``--can`` talks to, and what tests and the benchmark ask.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import can

from vehicle_bus.diagnostics.tester import DEFAULT_TIMEOUT_S, Tester

from ..runner import STEP_S, SimulationRunner
from ..setup import Simulation, build_simulation
from .network import CATALOG, DESCRIPTION

# The car has been switched on this long before the first request: its ECUs have run their self-tests,
# so a fault injected at start is already a confirmed DTC, as in a car that was driven in with it.
WARM_UP_S = 2.0


@dataclass
class CarOnBus:
    simulation: Simulation
    runner: SimulationRunner
    tester: Tester
    channel: str


@contextmanager
def car_on_bus(
    faults: list[str] | tuple[str, ...] = (),
    cycle: str = "idle",
    timeout: float = DEFAULT_TIMEOUT_S,
    warm_up_s: float = WARM_UP_S,
    soc: float | None = None,
    charge: str | None = None,
) -> Iterator[CarOnBus]:
    sim = build_simulation("bev", cycle, faults=list(faults), soc=soc, charge=charge)
    channel = f"cockpit-diag-{uuid.uuid4().hex[:8]}-sim"
    sim_bus = can.Bus(interface="virtual", channel=channel)
    runner = SimulationRunner(sim.network, bus=sim_bus)
    for _ in range(round(warm_up_s / STEP_S)):
        runner.step()
    runner.start()
    tester = Tester(can.Bus(interface="virtual", channel=channel), DESCRIPTION, CATALOG, timeout)
    try:
        yield CarOnBus(sim, runner, tester, channel)
    finally:
        tester.close()
        runner.stop()
        sim_bus.shutdown()
