"""Faults a demo or a test can inject into the simulated car (``cockpit sim --fault NAME``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vehicle_bus.errors import InputError

if TYPE_CHECKING:
    from .vehicle import SimulatedVehicle

FAULTS = {
    "tyre-low-fl": "front-left tyre losing pressure (slow puncture)",
    "tyre-low-fr": "front-right tyre losing pressure",
    "tyre-low-rl": "rear-left tyre losing pressure",
    "tyre-low-rr": "rear-right tyre losing pressure",
    "12v-low": "12 V battery low (DC-DC converter not charging it)",
    "cell-imbalance": "traction battery cells out of balance",
    "hv-isolation": "high-voltage isolation resistance low",
    "charging-fault": "charger communication fault: charging stops",
    "charger-input": "on-board charger sees its AC input voltage out of range: AC charging stops",
    "sensor-lost": "outside temperature sensor signal lost",
    "tpms-diag-silent": "tyre pressure module stops answering diagnostic requests",
}
LEAKED_KPA = 165.0


class Faults:
    def __init__(self, names: list[str] | tuple[str, ...] = ()) -> None:
        for name in names:
            _check(name)
        self.names = frozenset(names)

    # Faults change at run time (the developer menu) while the simulation thread reads them: each change
    # replaces the frozen set in one assignment, so the reader sees the old set or the new one.
    def add(self, name: str) -> None:
        """Inject a fault now."""
        _check(name)
        self.names = self.names | {name}

    def repair(self, name: str) -> None:
        """The workshop fixes it: the car's state recovers; stored DTCs stay until cleared."""
        _check(name)
        self.names = self.names - {name}

    def active(self, name: str) -> bool:
        return name in self.names

    def apply(self, car: SimulatedVehicle) -> None:
        for wheel in ("fl", "fr", "rl", "rr"):
            if f"tyre-low-{wheel}" in self.names:
                key = wheel.upper()
                car.tyre_kpa[key] = min(car.tyre_kpa[key], LEAKED_KPA)
        if "12v-low" in self.names:
            car.lv_voltage = 11.4
        car.battery.cell_spread_mv = 160.0 if "cell-imbalance" in self.names else 8.0


def _check(name: str) -> None:
    if name not in FAULTS:
        raise InputError(
            f"unknown fault {name!r}",
            fix="Valid faults: " + ", ".join(f"{k} ({v})" for k, v in FAULTS.items()),
        )
