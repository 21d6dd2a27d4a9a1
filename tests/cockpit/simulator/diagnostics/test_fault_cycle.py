"""Fault → DTC with status bits → warning lamp on the bus → repair → clear → gone, all on a virtual bus."""

from __future__ import annotations

import time

import can
import pytest

from cockpit.simulator.diagnostics.in_process import car_on_bus
from cockpit.simulator.faults import Faults
from vehicle_bus.errors import InputError

# The UDS timeout: generous, since an answer takes milliseconds on an idle machine but a busy one delays the
# simulated ECUs (at 0.5 s these tests failed under load). Silent ECUs cost this much time once per test.
TIMEOUT_S = 3.0

LAMP_ID = 0x331


def _lamps(car, seconds: float = 0.6) -> dict[str, int]:
    """The newest IC_Warnings frame a third node on the bus sees, decoded: listening ``seconds``, or longer
    (up to 30 s) until one has come, on a busy machine."""
    bus = can.Bus(interface="virtual", channel=car.channel)
    message = car.simulation.network.db.get_message_by_frame_id(LAMP_ID)
    last = None
    end = time.monotonic() + seconds
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < end or (last is None and time.monotonic() < deadline):
            msg = bus.recv(timeout=0.05)
            if msg is not None and msg.arbitration_id == LAMP_ID:
                last = msg
    finally:
        bus.shutdown()
    assert last is not None, "no IC_Warnings frame on the bus"
    return message.decode(last.data, decode_choices=False)


def _bms_dtcs(car) -> list:
    (report,) = car.tester.uds.read_dtcs([car.tester.description.ecu("BMS")])
    assert report.problem is None
    return report.dtcs


def _wait_for(check, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < end, "condition not reached"
        time.sleep(0.05)


def test_fault_sets_dtc_and_lamp_repair_clears_test_failed_clear_removes_it() -> None:
    with car_on_bus(timeout=TIMEOUT_S) as car:
        assert _bms_dtcs(car) == []
        assert _lamps(car)["WarnHvIsolation"] == 0
        car.simulation.car.faults.add("hv-isolation")
        _wait_for(lambda: any(d.status & 0x08 for d in _bms_dtcs(car)))
        (dtc,) = _bms_dtcs(car)
        assert dtc.code == "P0AA6"
        assert dtc.status == 0xAF  # failed now, pending, confirmed, warning lamp requested
        assert _lamps(car)["WarnHvIsolation"] == 1

        car.simulation.car.faults.repair("hv-isolation")
        _wait_for(lambda: not _bms_dtcs(car)[0].status & 0x01)
        (dtc,) = _bms_dtcs(car)
        assert dtc.status & 0x08 and not dtc.status & 0x80  # stored, lamp request off
        assert dtc.summary == "stored"
        assert _lamps(car)["WarnHvIsolation"] == 0

        (cleared,) = car.tester.uds.clear([car.tester.description.ecu("BMS")])
        assert cleared.cleared
        time.sleep(0.3)  # the monitor runs again and passes
        assert _bms_dtcs(car) == []


def test_clearing_while_the_fault_is_still_there_brings_the_code_back() -> None:
    with car_on_bus(["tyre-low-fl"], timeout=TIMEOUT_S) as car:
        tpms = car.tester.description.ecu("TPMS")
        car.tester.uds.clear([tpms])

        def codes() -> list:
            (report,) = car.tester.uds.read_dtcs([tpms])
            return report.dtcs or []

        _wait_for(lambda: [d.code for d in codes()] == ["C0750"])  # the monitor runs again and fails
        assert codes()[0].summary in ("pending", "active")


def test_malformed_iso_tp_frames_do_not_kill_an_ecu() -> None:
    with car_on_bus(timeout=TIMEOUT_S) as car:
        bus = can.Bus(interface="virtual", channel=car.channel)
        try:
            for data in (
                b"\x21\x01\x02\x03\x04\x05\x06\x07",  # consecutive frame with no first frame
                b"\x10\x03\x22\xf1\x90",  # first frame announcing fewer bytes than a single frame holds
                b"\x00\x22\xf1\x90\xaa\xaa\xaa\xaa",  # single frame of length 0
                b"\x09\x22\xf1\x90\xaa\xaa\xaa\xaa",  # single frame longer than 7 bytes
                b"",  # an empty frame
                b"\x30\x00\x00",  # flow control nobody asked for
                b"\x10\x40\x2e\xf1\x98\x41\x41\x41",  # first frame whose consecutive frames never come
            ):
                bus.send(can.Message(arbitration_id=0x7E1, data=data, is_extended_id=False))
                time.sleep(0.02)
        finally:
            bus.shutdown()
        server = car.runner.diagnostics.server("BMS")
        assert server.transport.errors >= 3  # counted and dropped
        (report,) = car.tester.uds.scan([car.tester.description.ecu("BMS")])
        assert report.problem is None and report.answered


def test_faults_can_be_added_and_repaired_at_run_time() -> None:
    faults = Faults(["12v-low"])
    faults.add("sensor-lost")
    assert faults.active("sensor-lost") and faults.active("12v-low")
    faults.repair("12v-low")
    assert not faults.active("12v-low")
    with pytest.raises(InputError, match="unknown fault 'flat-battery'"):
        faults.add("flat-battery")
