"""The update client against the simulated car's ECUs over UDS: versions read from the ECUs, an ECU that
stops answering mid-flash reported and flashed again by the next update."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cockpit.ota.car import DiagnosticVehicle
from cockpit.ota.policy import Conditions
from cockpit.simulator.diagnostics.in_process import CarOnBus, car_on_bus

from .conftest import Setup, firmware


@pytest.fixture
def car() -> Iterator[CarOnBus]:
    with car_on_bus(timeout=0.5) as car:
        yield car


def vehicle(car: CarOnBus) -> DiagnosticVehicle:
    return DiagnosticVehicle(car.tester, lambda dtcs: Conditions(True, 80.0, False, dtcs, "P"))


def test_ecu_versions_come_from_the_ecus(car: CarOnBus) -> None:
    ecus = vehicle(car).ecus()
    assert {name: (e.hardware_id, e.version) for name, e in ecus.items()} == {
        "VCU": ("H03.1", "4.2.7"),
        "BMS": ("H02.4", "3.9.1"),
        "BCM": ("H01.7", "2.14.0"),
        "TPMS": ("H01.2", "1.6.3"),
        "OBC": ("H02.0", "1.3.0"),  # on 29-bit ids
    }


def test_an_ecu_that_stops_answering_mid_flash_is_flashed_again_next_time(
    setup: Setup, car: CarOnBus
) -> None:
    setup.repo.add([firmware(setup.work / "bms.img", size=6000)])
    bms = car.runner.diagnostics.server("BMS")
    car_view = vehicle(car)

    def pull_the_plug(name: str, done: int, total: int) -> None:
        if name == "bms.img → BMS" and 2000 <= done < total:
            bms.silent = True

    report = setup.client().update(car_view, progress=pull_the_plug)
    offer = report.offers[0]
    assert offer.refusal is not None and offer.refusal.code == "flash-failed"
    assert "stopped at transfer data" in offer.refusal.reason and "bootloader" in offer.refusal.reason
    assert report.installed == []
    bms.silent = False
    assert car_view.ecus()["BMS"].version is None  # in its bootloader: no software, so it is offered again
    again = setup.client().update(car_view)
    assert again.installed == ["bms.img"] and car_view.ecus()["BMS"].version == "3.9.2"
