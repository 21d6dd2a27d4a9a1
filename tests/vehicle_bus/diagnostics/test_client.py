"""The head unit's UDS client against the simulated ECUs on a python-can virtual bus."""

from __future__ import annotations

import threading
import time

import can
import isotp
import pytest

from cockpit.simulator.diagnostics.in_process import car_on_bus
from vehicle_bus.diagnostics import EcuSpec

from ...manual_clock import ManualClock

# The UDS timeout: generous, since an answer takes milliseconds on an idle machine but a busy one delays the
# simulated ECUs (at 0.5 s these tests failed under load). Silent ECUs cost this much time once per test.
TIMEOUT_S = 3.0


@pytest.fixture(scope="module")
def car():
    with car_on_bus(["hv-isolation", "tyre-low-rr"], timeout=TIMEOUT_S) as car:
        yield car


def test_scan_finds_every_ecu_with_its_versions_and_dtc_count(car) -> None:
    reports = car.tester.uds.scan()
    assert [(r.name, r.answered, r.problem) for r in reports] == [
        ("VCU", True, None),
        ("BMS", True, None),
        ("BCM", True, None),
        ("TPMS", True, None),
        ("OBC", True, None),  # 29-bit normal-fixed addressing, 0x18DA44F1 / 0x18DAF144
    ]
    by_name = {r.name: r for r in reports}
    assert {v.name: v.text for v in by_name["BMS"].info}["Software version"] == "BMS 3.9.1"
    assert by_name["BMS"].dtc_count == 1
    assert by_name["TPMS"].dtc_count == 1
    assert by_name["VCU"].dtc_count == 0


def test_info_reads_vin_and_live_battery_values(car) -> None:
    vcu, bms = car.tester.uds.info([car.tester.description.ecu("VCU"), car.tester.description.ecu("BMS")])
    assert {v.did: v.value for v in vcu.info}[0xF190] == "W0SCPD3E5N1000417"  # 17 bytes: multi-frame
    live = {v.name: v.value for v in bms.live}
    assert live["State of health"] == pytest.approx(97.0)
    battery = car.simulation.car.battery
    low, high = battery.cell_voltages()
    assert live["Lowest cell voltage"] == pytest.approx(low, abs=0.002)
    assert live["Highest cell voltage"] == pytest.approx(high, abs=0.002)
    assert live["Isolation resistance"] < 500  # the injected isolation fault


def test_dtcs_carry_code_text_description_status_and_freeze_frame(car) -> None:
    reports = {r.name: r for r in car.tester.uds.read_dtcs()}
    (bms,) = reports["BMS"].dtcs
    assert bms.code == "P0AA6"
    assert "isolation" in bms.description
    assert bms.status & 0x09 == 0x09  # test failed and confirmed
    assert bms.summary == "active"
    assert bms.first_seen is not None and bms.first_seen.odometer_km == int(car.simulation.car.odometer_km)
    assert abs(bms.first_seen.time - time.time()) < 60
    assert bms.occurrences == 1
    assert [d.code for d in reports["TPMS"].dtcs] == ["C0765"]


def test_a_silent_ecu_is_reported_with_the_time_waited_and_does_not_hold_up_the_others(car) -> None:
    silent = EcuSpec("ADAS", 0x7E5, 0x7ED, "driver assistance")
    also_silent = EcuSpec("CAM", 0x7E6, 0x7EE, "camera")
    started = time.monotonic()
    reports = car.tester.uds.scan([*car.tester.description.ecus, silent, also_silent])
    elapsed = time.monotonic() - started
    adas, cam = reports[-2:]
    assert not adas.answered and not cam.answered
    assert adas.problem == f"no answer from ADAS (7E5h) after {TIMEOUT_S:.1f} s"
    assert min(adas.waited_s, cam.waited_s) >= TIMEOUT_S - 0.05
    assert all(r.answered for r in reports[:-2])
    # In parallel: the two timeouts overlap. One after the other would take at least their sum; that holds
    # at any load, where a fixed limit would not.
    assert elapsed < adas.waited_s + cam.waited_s


def _refusal(car, ecu: str, payload: bytes) -> str:
    report, answer = car.tester.uds.request(car.tester.description.ecu(ecu), payload)
    assert answer is None
    return report.problem or ""


@pytest.mark.parametrize(
    ("payload", "nrc"),
    [
        (b"\x85\x02", "service not supported (NRC 0x11)"),
        (b"\x10\x04", "sub function not supported (NRC 0x12)"),
        # Reprogramming: only from the extended session, and its services only in the programming one.
        (b"\x10\x02", "sub function not supported in active session (NRC 0x7E)"),
        (b"\x31\x01\xff\x00", "service not supported in active session (NRC 0x7F)"),
        (b"\x22\x12\x34", "request out of range (NRC 0x31)"),
        (b"\x22\xf1", "incorrect message length or invalid format (NRC 0x13)"),
        (b"\x19\x02", "incorrect message length or invalid format (NRC 0x13)"),
        (b"\x19\x42\xff", "sub function not supported (NRC 0x12)"),
        (b"\x14\x12\x34\x56", "request out of range (NRC 0x31)"),
        (b"\x11\x03", "sub function not supported in active session (NRC 0x7E)"),
        (b"\x2e\xf1\x98" + b"WS-00042", "service not supported in active session (NRC 0x7F)"),
    ],
)
def test_negative_responses_are_explained(car, payload: bytes, nrc: str) -> None:
    problem = _refusal(car, "BMS", payload)
    assert problem.startswith("BMS refused ")
    assert problem.endswith(nrc)


def test_extended_session_allows_writing_the_workshop_code(car) -> None:
    bcm = car.tester.description.ecu("BCM")
    _, answer = car.tester.uds.request(bcm, b"\x10\x03")
    assert answer is not None and answer[:2] == b"\x50\x03"
    _, answer = car.tester.uds.request(bcm, b"\x2e\xf1\x98" + b"WS-00042")
    assert answer == b"\x6e\xf1\x98"
    (info,) = car.tester.uds.info([bcm])
    assert {v.did: v.value for v in info.info}[0xF198] == "WS-00042"


def test_an_ecu_will_not_reset_while_the_car_moves() -> None:
    with car_on_bus(cycle="wltc", warm_up_s=20.0, timeout=TIMEOUT_S) as car:
        assert car.simulation.car.speed_kmh > 1
        report = car.tester.uds.reset(car.tester.description.ecu("VCU"))
    assert report.problem == "VCU refused ECU reset: conditions not correct (NRC 0x22)"


def test_a_reset_ecu_is_briefly_off_the_bus_then_answers_again(car, monkeypatch) -> None:
    import cockpit.simulator.diagnostics.server as server

    # The ECU's restart time (RESET_S) on a clock the test moves: "during" is during however busy the machine.
    clock = ManualClock(start=time.monotonic())
    monkeypatch.setattr(server, "time", clock)
    tpms = car.tester.description.ecu("TPMS")
    assert car.tester.uds.reset(tpms).problem is None
    (during,) = car.tester.uds.scan([tpms])
    assert during.problem == f"no answer from TPMS (7E3h) after {TIMEOUT_S:.1f} s"
    clock.advance(server.RESET_S)
    (after,) = car.tester.uds.scan([tpms])
    assert after.problem is None


def test_a_malformed_answer_is_explained_not_raised(car) -> None:
    """A rogue ECU answers ReadDataByIdentifier with a truncated record."""
    bus = can.Bus(interface="virtual", channel=car.channel)
    rogue = isotp.CanStack(
        bus, address=isotp.Address(isotp.AddressingMode.Normal_11bits, txid=0x7EE, rxid=0x7E6)
    )
    rogue.start()
    try:
        spec = EcuSpec("ROGUE", 0x7E6, 0x7EE)

        def answer_badly() -> None:
            request = rogue.recv(block=True, timeout=2)
            if request:
                rogue.send(b"\x62\xf1")

        threading.Thread(target=answer_badly, daemon=True).start()
        (report,) = car.tester.uds.info([spec])
    finally:
        rogue.stop()
        bus.shutdown()
    assert report.answered
    assert report.problem.startswith("ROGUE sent an answer that does not parse")


def test_malformed_iso_tp_frames_on_the_answer_id_do_not_stop_the_answer(car) -> None:
    """Garbage on the BMS's response id while the head unit asks: the real answer still gets through."""
    bus = can.Bus(interface="virtual", channel=car.channel)
    try:
        for data in (b"\x21\x00\x00", b"\x30\x00\x00\x00", b"\x00", b"\xff\xff\xff\xff\xff\xff\xff\xff"):
            bus.send(can.Message(arbitration_id=0x7E9, data=data, is_extended_id=False))
        (report,) = car.tester.uds.scan([car.tester.description.ecu("BMS")])
    finally:
        bus.shutdown()
    assert report.problem is None and report.dtc_count == 1


def test_an_answer_cut_off_mid_transfer_is_explained(car) -> None:
    """A rogue ECU starts a multi-frame answer and never sends the rest: a timeout that names ISO-TP."""
    bus = can.Bus(interface="virtual", channel=car.channel)
    spec = EcuSpec("ROGUE", 0x7E6, 0x7EE)

    def first_frame_only() -> None:
        end = time.monotonic() + 2
        while time.monotonic() < end:
            msg = bus.recv(timeout=0.05)
            if msg is not None and msg.arbitration_id == spec.request_id:
                bus.send(
                    can.Message(arbitration_id=0x7EE, data=b"\x10\x14\x62\xf1\x90WSC", is_extended_id=False)
                )
                return

    try:
        threading.Thread(target=first_frame_only, daemon=True).start()
        (report,) = car.tester.uds.info([spec])
    finally:
        bus.shutdown()
    assert report.problem.startswith(f"no answer from ROGUE (7E6h) after {TIMEOUT_S:.1f} s; ISO-TP: ")
    assert "ConsecutiveFrameTimeout" in report.problem
