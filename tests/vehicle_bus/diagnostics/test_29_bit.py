"""An ECU on 29-bit normal-fixed addressing (ISO 15765-4: request 0x18DA<ECU><tester>, response
0x18DA<tester><ECU>, functional 0x18DB33F1): the simulated on-board charger, asked over a python-can
``virtual`` bus like the 11-bit ECUs: discovery, identification, DTCs, OBD-II and flashing."""

from __future__ import annotations

from collections.abc import Iterator

import can
import pytest

from cockpit.simulator.diagnostics.in_process import CarOnBus, car_on_bus
from vehicle_bus.diagnostics.discovery import ELEVEN_BIT, TARGETS_29
from vehicle_bus.diagnostics.firmware_image import FirmwareImage
from vehicle_bus.diagnostics.flash import flash_ecu

# A generous answer timeout: the OBD window stays 0.5 s, but a loaded machine must not fail UDS requests.
TIMEOUT_S = 3.0
OBC_REQUEST, OBC_RESPONSE, FUNCTIONAL_29 = 0x18DA44F1, 0x18DAF144, 0x18DB33F1


@pytest.fixture(scope="module")
def car() -> Iterator[CarOnBus]:
    with car_on_bus(["charger-input"], timeout=TIMEOUT_S) as car:
        yield car


@pytest.fixture
def frames(car: CarOnBus) -> Iterator[list[can.Message]]:
    """Every frame on the car's bus while the test runs (a connection of its own sees them all)."""
    seen: list[can.Message] = []
    bus = can.Bus(interface="virtual", channel=car.channel)
    notifier = can.Notifier(bus, [seen.append], timeout=0.05)
    yield seen
    notifier.stop()
    bus.shutdown()


@pytest.mark.slow  # one TesterPresent per 29-bit address, 30 ms each: about 8 s
def test_the_discovery_scan_over_the_29_bit_range_finds_the_charger(car: CarOnBus) -> None:
    found = car.tester.discover(ids_11=(), targets_29=TARGETS_29)
    assert [f.to_json() for f in found] == [
        {"request": "0x18DA44F1", "response": "0x18DAF144", "addressing": "29-bit", "answer": "positive"}
    ]
    # And no 11-bit id hears the 29-bit ECU: a scan of the 11-bit range finds the four 11-bit ECUs only.
    eleven = car.tester.discover(ids_11=[i for i in ELEVEN_BIT if 0x7E0 <= i < 0x7F0], targets_29=())
    assert [f.request_id for f in eleven] == [0x7E0, 0x7E1, 0x7E2, 0x7E3]


def test_identification_and_live_values_over_29_bit_ids(car: CarOnBus, frames: list[can.Message]) -> None:
    obc = car.tester.description.ecu("OBC")
    (report,) = car.tester.uds.info([obc])
    assert report.problem is None and report.address == "0x18DA44F1"
    info = {v.name: v.text for v in report.info + report.live}
    assert info["Software version"] == "OBC 1.3.0" and info["Hardware version"] == "H02.0"
    assert info["Charge source"] == "--" and info["Charging power"] == "0.00 kW"
    ours = [m for m in frames if m.arbitration_id in (OBC_REQUEST, OBC_RESPONSE)]
    assert ours and all(m.is_extended_id for m in ours)
    assert {m.arbitration_id for m in ours} == {OBC_REQUEST, OBC_RESPONSE}  # with flow control both ways


def test_dtcs_with_freeze_frames_over_29_bit_ids(car: CarOnBus) -> None:
    (report,) = car.tester.uds.read_dtcs([car.tester.description.ecu("OBC")])
    assert report.problem is None
    (dtc,) = report.dtcs or []
    assert (dtc.code, dtc.summary) == ("P0D27", "active")
    assert dtc.description == "Battery charger input voltage performance"
    assert dtc.first_seen is not None and dtc.occurrences == 1


def test_obd_ii_asks_both_functional_ids_and_the_charger_answers_on_29_bit(
    car: CarOnBus, frames: list[can.Message]
) -> None:
    report = car.tester.obd.read()
    assert report.problem is None and report.responders == ["0x7E8", "0x18DAF144"]
    assert report.supported_pids["0x18DAF144"] == [0x01, 0x42]
    assert report.status["0x18DAF144"]["mil"] and not report.status["0x7E8"]["mil"]
    assert report.stored_dtcs == {"0x7E8": [], "0x18DAF144": ["P0D27"]}
    assert report.permanent_dtcs["0x18DAF144"] == ["P0D27"]
    assert report.freeze_frame["0x18DAF144"]["dtc"] == "P0D27"
    functional = [m for m in frames if m.arbitration_id == FUNCTIONAL_29]
    assert functional and all(m.is_extended_id for m in functional)


def test_flashing_over_29_bit_ids() -> None:
    with car_on_bus(timeout=0.5) as car:
        obc = car.tester.description.ecu("OBC")
        image = FirmwareImage("OBC", "H02.0", "1.3.1", bytes(i % 251 for i in range(2500))).to_bytes()
        result = flash_ecu(car.tester.uds, obc, image)
        assert result.ok, result.problem
        assert result.software_version == "OBC 1.3.1"
