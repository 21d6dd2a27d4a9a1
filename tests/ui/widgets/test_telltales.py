"""Telltales: lit by the car's signals (faults injected into the simulated car), their meaning on tap."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QToolTip

from cockpit.session import Session, SessionOptions
from ui.widgets.telltales import LAMPS, Telltales

from ..conftest import pump_events


def lamp(key: str):
    return next(lamp for lamp in LAMPS if lamp.key == key)


def test_doors_count_only_while_driving_and_12v_by_voltage() -> None:
    values = {"Vehicle.Cabin.Door.Row1.DriverSide.IsOpen": True, "Vehicle.Speed": 0.0}
    doors = lamp("doors")
    assert not doors.lit(values.get)
    values["Vehicle.Speed"] = 30.0
    assert doors.lit(values.get)
    assert lamp("12v").lit({"Vehicle.LowVoltageBattery.CurrentVoltage": 11.2}.get)
    assert not lamp("12v").lit({"Vehicle.LowVoltageBattery.CurrentVoltage": 13.9}.get)
    assert not lamp("belt").lit({}.get)  # a car that does not report it never shows it


def test_faults_light_their_lamps_and_a_tap_tells_the_meaning(qtbot, ctx) -> None:
    faulty = Session(SessionOptions(use_can_config=False, faults=("hv-isolation", "12v-low")))
    faulty.start()
    try:
        ctx.session = faulty
        bar = Telltales(ctx)
        qtbot.addWidget(bar)
        bar.show()
        end = time.monotonic() + 60
        while time.monotonic() < end and not {"isolation", "12v"} <= set(bar.lit()):
            faulty.tick()
            bar.refresh()
            pump_events(0.02)
        assert {"isolation", "12v"} <= set(bar.lit())
        assert "tyres" not in bar.lit()
        bar.buttons["isolation"].click()
        assert "isolation" in QToolTip.text()
    finally:
        faulty.close()
