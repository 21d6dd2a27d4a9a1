"""The car as the update client sees it: conditions, its ECUs and their versions, and flashing.

Through a diagnostic tester (the in-process simulated car, or a real bus with ``--can``): the ECUs'
hardware and software versions come from their identification DIDs (F193, F195), the failing DTCs from
service 0x19, and flashing from ``vehicle_bus.diagnostics.flash``. Driving conditions come from a
function the caller supplies (the simulated car's state, or the head unit's state store).
"""

from __future__ import annotations

from collections.abc import Callable

from vehicle_bus.diagnostics.flash import flash_ecu
from vehicle_bus.diagnostics.tester import Tester

from .client import EcuIdentity
from .policy import Conditions

GEAR_PARK = 126  # VSS SelectedGear code for Park
SOFTWARE_VERSION, HARDWARE_VERSION = 0xF195, 0xF193
BOOTLOADER = "BOOTLOADER"  # what an ECU without valid software reports as its software version
VSS_GEAR = "Vehicle.Powertrain.Transmission.SelectedGear"
VSS_SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed"
VSS_CHARGING = "Vehicle.Powertrain.TractionBattery.Charging.IsCharging"


def version_of(software: str) -> str:
    """``BMS 3.9.1`` → ``3.9.1``: the version an ECU reports after its name."""
    return software.split()[-1] if software.split() else software


def conditions_from_store(store: object, active_dtcs: tuple[str, ...] = ()) -> Conditions:
    """Conditions from the head unit's state store: what the vehicle reports (VSS), not what was asked."""
    gear = store.value(VSS_GEAR)  # type: ignore[attr-defined]
    soc = store.value(VSS_SOC)  # type: ignore[attr-defined]
    return Conditions(
        parked=gear == GEAR_PARK,
        soc_percent=float(soc) if soc is not None else None,
        charging=bool(store.value(VSS_CHARGING, False)),  # type: ignore[attr-defined]
        active_dtcs=active_dtcs,
        gear="P" if gear == GEAR_PARK else str(gear),
    )


class DiagnosticVehicle:
    def __init__(self, tester: Tester, conditions: Callable[[tuple[str, ...]], Conditions]) -> None:
        self.tester = tester
        self._conditions = conditions
        self.flash_results: list = []

    def active_dtcs(self) -> tuple[str, ...]:
        reports = self.tester.uds.read_dtcs(details=False)
        return tuple(sorted({d.code for r in reports for d in r.dtcs or () if d.status & 0x01}))

    def conditions(self) -> Conditions:
        return self._conditions(self.active_dtcs())

    def ecus(self) -> dict[str, EcuIdentity]:
        out = {}
        for report in self.tester.uds.scan():
            values = {v.did: str(v.value) for v in report.info}
            # An ECU left in its bootloader by a broken flash still names itself (but no DTC service):
            # it is listed with no software, so the next update flashes it again.
            if SOFTWARE_VERSION in values:
                software = values[SOFTWARE_VERSION]
                version = None if software == BOOTLOADER else version_of(software)
                out[report.name] = EcuIdentity(values.get(HARDWARE_VERSION, ""), version)
        return out

    def flash(self, ecu: str, image: bytes, progress: Callable[[int, int], None] | None) -> str | None:
        result = flash_ecu(self.tester.uds, self.tester.description.ecu(ecu), image, progress)
        self.flash_results.append(result)
        return result.problem
