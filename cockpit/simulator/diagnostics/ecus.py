"""The demo vehicle's diagnosable ECUs: identification, live data identifiers and fault monitors.

Addresses and DID encodings come from the vehicle's diagnostic description (``assets/diagnostics``);
this module says what each ECU reports and which condition of the simulated car sets which DTC. The
monitors watch the car's state, not the fault names, wherever the car models the effect (a leaking tyre's
pressure, the 12 V voltage, the cell spread), so a DTC appears for the same reason it would on a real car.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vehicle_bus.diagnostics.catalog import DiagnosticDescription, EcuSpec, dtc_number

if TYPE_CHECKING:
    from ..vehicle import SimulatedVehicle

Getter = Callable[["SimulatedVehicle"], object]
Monitor = Callable[["SimulatedVehicle"], bool]
VIN = "W0SCPD3E5N1000417"
TYRE_LOW_KPA = 200.0  # the same threshold that lights the tyre lamp
LV_LOW_V = 11.8
CELL_DEVIATION_V = 0.1
ISOLATION_OK_KOHM, ISOLATION_FAULT_KOHM, ISOLATION_MIN_KOHM = 2500, 85, 500
OPEN_CIRCUIT_C = -40.0  # what an NTC sensor with a broken wire reads
WHEELS = ("FL", "FR", "RL", "RR")


@dataclass
class EcuDefinition:
    spec: EcuSpec
    title: str
    identification: dict[int, str]
    live: dict[int, Getter]
    monitors: dict[int, Monitor]
    writable: set[int] = field(default_factory=lambda: {0xF198})
    obd: bool = False
    obd_pids: frozenset[int] | None = None  # mode 01 data PIDs it answers (None: all the car has)


def _ident(name: str, serial: str, hw: str, sw: str, part: str, vin: str = "") -> dict[int, str]:
    out = {0xF197: name, 0xF18C: serial, 0xF193: hw, 0xF195: sw, 0xF187: part, 0xF198: "--------"}
    if vin:
        out[0xF190] = vin
    return out


def isolation_kohm(car: SimulatedVehicle) -> float:
    return ISOLATION_FAULT_KOHM if car.faults.active("hv-isolation") else ISOLATION_OK_KOHM


def outside_temperature(car: SimulatedVehicle) -> float:
    return OPEN_CIRCUIT_C if car.faults.active("sensor-lost") else car.climate.state.outside_temp


def _cell_deviation(car: SimulatedVehicle) -> bool:
    low, high = car.battery.cell_voltages()
    return high - low > CELL_DEVIATION_V


def _charging_fault(car: SimulatedVehicle) -> bool:
    return car.charging.state == "FAULT" or car.faults.active("charging-fault")


def _charger_input_fault(car: SimulatedVehicle) -> bool:
    return car.faults.active("charger-input")


def _tyre_getter(wheel: str) -> Getter:
    return lambda car: car.tyre_kpa[wheel]


def _tyre_monitor(wheel: str) -> Monitor:
    return lambda car: car.tyre_kpa[wheel] < TYRE_LOW_KPA


def build_ecus(description: DiagnosticDescription) -> list[EcuDefinition]:
    spec = description.ecu
    tyre_codes = ("C0750", "C0755", "C0760", "C0765")
    return [
        EcuDefinition(
            spec("VCU"),
            "VehicleCtrl",
            _ident("VCU", "VCU2300417A", "H03.1", "VCU 4.2.7", "VC-4100-02", vin=VIN),
            {
                0x0101: lambda car: car.speed_kmh,
                0x0102: lambda car: car.lv_voltage,
                0x0103: lambda car: car.gear,
            },
            {dtc_number("P0562"): lambda car: car.lv_voltage < LV_LOW_V},
            obd=True,
        ),
        EcuDefinition(
            spec("BMS"),
            "BatteryMgmt",
            _ident("BMS", "BMS2300981C", "H02.4", "BMS 3.9.1", "BM-7730-11"),
            {
                0x0201: lambda car: car.battery.state.soc,
                0x0202: lambda car: car.battery.p.state_of_health,
                0x0203: lambda car: car.battery.state.voltage,
                0x0204: lambda car: car.battery.cell_voltages()[0],
                0x0205: lambda car: car.battery.cell_voltages()[1],
                0x0206: isolation_kohm,
                0x0207: lambda car: car.battery.state.temperature,
            },
            {
                dtc_number("P1A10"): _cell_deviation,
                dtc_number("P0AA6"): lambda car: isolation_kohm(car) < ISOLATION_MIN_KOHM,
                dtc_number("P1E00"): _charging_fault,
            },
        ),
        EcuDefinition(
            spec("BCM"),
            "BodyClimate",
            _ident("BCM", "BCM2301533F", "H01.7", "BCM 2.14.0", "BC-2210-05"),
            {
                0x0301: outside_temperature,
                0x0302: lambda car: car.climate.state.cabin_temp,
                0x0303: lambda car: "OPEN" if car.faults.active("sensor-lost") else "OK",
            },
            {dtc_number("P0073"): lambda car: car.faults.active("sensor-lost")},
        ),
        EcuDefinition(
            spec("TPMS"),
            "TyrePressure",
            _ident("TPMS", "TPM2300208B", "H01.2", "TPMS 1.6.3", "TP-0450-01"),
            {0x0401 + i: _tyre_getter(w) for i, w in enumerate(WHEELS)},
            {dtc_number(code): _tyre_monitor(w) for code, w in zip(tyre_codes, WHEELS, strict=True)},
        ),
        EcuDefinition(
            spec("OBC"),
            "OnBoardChgr",
            _ident("OBC", "OBC2301877D", "H02.0", "OBC 1.3.0", "OC-1150-03"),
            {
                0x0501: lambda car: car.charging.state,
                0x0502: lambda car: car.charging.power_w / 1000,
                0x0503: lambda car: car.charging.source if car.charging.plugged else "--",
            },
            {dtc_number("P0D27"): _charger_input_fault},
            obd=True,
            obd_pids=frozenset({0x42}),  # a charger reports its supply voltage, not speed or ambient
        ),
    ]
