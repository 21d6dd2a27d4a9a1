"""Reprogramming the simulated ECUs over UDS on a python-can virtual bus: the ISO 14229 sequence, and an
interrupted flash (bus drop, power cut, wrong image, wrong key) that leaves the ECU recoverable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cockpit.simulator.diagnostics.in_process import CarOnBus, car_on_bus
from vehicle_bus.diagnostics.firmware_image import FirmwareImage
from vehicle_bus.diagnostics.flash import flash_ecu

PAYLOAD = bytes(i % 253 for i in range(4000))  # five TransferData blocks with the header


def image(version: str = "3.9.2", hw: str = "H02.4", ecu: str = "BMS") -> bytes:
    return FirmwareImage(ecu, hw, version, PAYLOAD).to_bytes()


@pytest.fixture
def car() -> Iterator[CarOnBus]:
    with car_on_bus(timeout=0.5) as car:
        yield car


def software(car: CarOnBus, name: str = "BMS") -> str:
    report = car.tester.uds.scan([car.tester.description.ecu(name)])[0]
    return {v.did: v.text for v in report.info}[0xF195]


def flash(car: CarOnBus, data: bytes, **options: object):
    return flash_ecu(car.tester.uds, car.tester.description.ecu("BMS"), data, **options)  # type: ignore[arg-type]


def test_the_iso_14229_sequence_and_the_new_version_in_diag_info(car: CarOnBus) -> None:
    bms = car.runner.diagnostics.server("BMS")
    seen: list[int] = []
    handle = bms.handle
    bms.handle = lambda req, functional=False: (seen.append(req[0]), handle(req, functional))[1]
    result = flash(car, image())
    assert result.ok and result.software_version == "BMS 3.9.2" and result.bytes_sent == len(image())
    blocks = seen.count(0x36)
    assert blocks == -(-len(image()) // 1024)  # 1024 data bytes per TransferData, as the ECU allows
    assert seen == [0x10, 0x10, 0x27, 0x27, 0x31, 0x34, *[0x36] * blocks, 0x37, 0x31, 0x11, *seen[-1:]]
    assert seen[-1] == 0x22  # the version read back after the reset
    info = car.tester.uds.info([car.tester.description.ecu("BMS")])[0]
    assert {v.name: v.text for v in info.info}["Software version"] == "BMS 3.9.2"


def test_a_bus_drop_mid_transfer_leaves_the_bootloader_and_the_next_flash_completes(car: CarOnBus) -> None:
    bms = car.runner.diagnostics.server("BMS")

    def drop(done: int, total: int) -> None:
        if done >= 2000:
            bms.silent = True  # the connector falls out after half the image

    result = flash(car, image(), progress=drop)
    assert not result.ok and result.step == "transfer data"
    assert "stopped answering" in result.problem and "waits in its bootloader" in result.problem
    assert "cockpit diag flash BMS FILE" in result.problem
    bms.silent = False
    assert software(car) == "BOOTLOADER"  # reachable, and says it has no application
    dtcs = car.tester.uds.read_dtcs([car.tester.description.ecu("BMS")])[0]
    assert "refused" in dtcs.problem  # the application's services are gone until it is flashed
    again = flash(car, image())
    assert again.ok and software(car) == "BMS 3.9.2"


def test_a_power_cut_mid_transfer_is_recovered_by_flashing_again(car: CarOnBus) -> None:
    bms = car.runner.diagnostics.server("BMS")
    cut = []

    def power_cut(done: int, total: int) -> None:
        if done >= 1000 and not cut:
            cut.append(done)
            bms.power_cycle()

    result = flash(car, image(), progress=power_cut)
    assert not result.ok and result.step == "transfer data"
    assert software(car) == "BOOTLOADER"
    assert flash(car, image()).ok and software(car) == "BMS 3.9.2"


def test_an_image_for_other_hardware_fails_the_dependency_check(car: CarOnBus) -> None:
    result = flash(car, image(hw="H09.9"))
    assert not result.ok and result.step == "check programming dependencies"
    assert "reported failure" in result.problem
    assert software(car) == "BOOTLOADER"
    assert flash(car, image()).ok


def test_a_wrong_key_is_refused_before_anything_is_erased(car: CarOnBus) -> None:
    result = flash(car, image(), security=lambda level, seed: b"\x00\x00\x00\x00")
    assert not result.ok and result.step == "security access"
    assert "invalid key (NRC 0x35)" in result.problem and "still runs its previous software" in result.problem
    assert software(car) == "BMS 3.9.1"
