"""OBD-II decoding checked against python-OBD's decoders (an independent implementation of SAE J1979,
used here as a test-time reference only), and the simulated car answering every mode end to end."""

from __future__ import annotations

import random
import time

import pytest

from cockpit.simulator.diagnostics.in_process import car_on_bus
from vehicle_bus.diagnostics.obd import PIDS, dtc_list, monitor_status, supported_pids

obd = pytest.importorskip("obd")
from obd.commands import commands  # noqa: E402
from obd.protocols.protocol import Message  # noqa: E402

NAMES = {  # our monitor names → python-OBD's attributes
    "misfire": "MISFIRE_MONITORING",
    "fuel_system": "FUEL_SYSTEM_MONITORING",
    "components": "COMPONENT_MONITORING",
    "catalyst": "CATALYST_MONITORING",
    "heated_catalyst": "HEATED_CATALYST_MONITORING",
    "evaporative_system": "EVAPORATIVE_SYSTEM_MONITORING",
    "secondary_air_system": "SECONDARY_AIR_SYSTEM_MONITORING",
    "oxygen_sensor": "OXYGEN_SENSOR_MONITORING",
    "oxygen_sensor_heater": "OXYGEN_SENSOR_HEATER_MONITORING",
    "egr_vvt_system": "EGR_VVT_SYSTEM_MONITORING",
    "nmhc_catalyst": "NMHC_CATALYST_MONITORING",
    "nox_scr_aftertreatment": "NOX_SCR_AFTERTREATMENT_MONITORING",
    "boost_pressure": "BOOST_PRESSURE_MONITORING",
    "exhaust_gas_sensor": "EXHAUST_GAS_SENSOR_MONITORING",
    "pm_filter": "PM_FILTER_MONITORING",
}


def reference(command: object, payload: bytes) -> object:
    message = Message([])
    message.data = bytearray(payload)
    return command.decode([message])  # type: ignore[attr-defined]


def test_pid_01_mil_and_readiness_match_python_obd() -> None:
    rng = random.Random(1979)
    for _ in range(300):
        data = bytes(rng.randrange(256) for _ in range(4))
        ours, theirs = monitor_status(data), reference(commands[1][0x01], b"\x41\x01" + data)
        assert (ours["mil"], ours["confirmed_dtcs"], ours["ignition"]) == (
            theirs.MIL,
            theirs.DTC_count,
            theirs.ignition_type,
        )
        for name, monitor in ours["monitors"].items():
            test = getattr(theirs, NAMES[name])
            assert (monitor["available"], monitor["complete"]) == (test.available, test.complete), name


@pytest.mark.parametrize("pid", sorted(PIDS))
def test_live_pid_formulas_match_python_obd(pid: int) -> None:
    name, length, convert = PIDS[pid]
    rng = random.Random(pid)
    for _ in range(50):
        data = bytes(rng.randrange(256) for _ in range(length))
        theirs = reference(commands[1][pid], bytes([0x41, pid]) + data)
        if pid == 0x51:  # an enumeration: python-OBD names the code, we keep its number
            assert convert(data) == data[0] and (data[0] != 8 or theirs == "Electric")
            continue
        assert convert(data) == pytest.approx(theirs.magnitude, abs=0.05), (name, data.hex())


def test_dtc_lists_and_supported_pids_match_python_obd() -> None:
    payload = bytes([0x43, 3, 0x05, 0x62, 0xC7, 0x50, 0x0A, 0xA6])
    theirs = [code.upper() for code, _ in reference(commands.GET_DTC, payload)]  # python-OBD: "P0aa6"
    assert dtc_list(payload) == theirs == ["P0562", "U0750", "P0AA6"]
    bitmap = bytes([0x80, 0x08, 0x00, 0x01])
    theirs_bits = reference(commands[1][0x00], b"\x41\x00" + bitmap)
    assert supported_pids(0x00, bitmap) == {i + 1 for i, bit in enumerate(theirs_bits) if bit}


def test_the_simulated_car_answers_every_mode() -> None:
    with car_on_bus(["12v-low"], timeout=0.5) as car:
        report = car.tester.obd.read()
        vcu = "0x7E8"
        assert vcu in report.responders
        assert {0x01, 0x0D, 0x42, 0x46, 0x5B} <= set(report.supported_pids[vcu])
        status = report.status[vcu]
        assert status["mil"] and status["confirmed_dtcs"] == 1 and status["ignition"] == "spark"
        assert status["monitors"]["components"] == {"available": True, "complete": True}
        assert not status["monitors"]["catalyst"]["available"]  # an EV has no combustion monitors
        assert report.stored_dtcs[vcu] == report.pending_dtcs[vcu] == report.permanent_dtcs[vcu] == ["P0562"]
        frame = report.freeze_frame[vcu]
        assert frame["dtc"] == "P0562" and frame["values"]["control_module_voltage_v"] < 11.8
        car.simulation.car.faults.repair("12v-low")
        deadline = time.monotonic() + 10
        while report.permanent_dtcs[vcu] and time.monotonic() < deadline:
            time.sleep(0.2)  # the VCU runs its monitors every 100 ms; the 12 V recovers with the fault
            report = car.tester.obd.read()
        assert report.permanent_dtcs[vcu] == [] and report.stored_dtcs[vcu] == ["P0562"]
        assert not report.status[vcu]["mil"]
