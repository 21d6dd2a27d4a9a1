"""Start and stop charging, and flash the lights: what the phone companion asks, through the command layer."""

from __future__ import annotations

import time

from cockpit.commands import Command, CommandLayer
from cockpit.session import Session, SessionOptions

STATE = "Vehicle.SmartCockpit.Powertrain.TractionBattery.Charging.State"


def test_stop_and_start_charging_on_a_charger() -> None:
    session = Session(SessionOptions(cycle="idle", charge="ac", use_can_config=False))
    session.start()
    try:
        layer = CommandLayer(session, timeout_s=5)
        layer.wait_for_status()
        stop = layer.execute(Command("charging.active", value="stop"))
        layer.wait(stop, timeout_s=15)
        assert stop[0].state == "confirmed" and session.store.value(STATE) == "CONNECTED"
        start = layer.execute(Command("charging.active", value="start"))
        layer.wait(start, timeout_s=15)
        assert start[0].state == "confirmed" and session.store.value(STATE) == "CHARGING"
    finally:
        session.close()


def test_start_without_a_cable_is_refused_by_the_car(layer: CommandLayer) -> None:
    ops = layer.execute(Command("charging.active", value="start"))
    layer.wait(ops, timeout_s=15)
    assert ops[0].state == "failed" and ops[0].reason == "refused: charging cable not connected"


def test_flashing_the_lights_stops_by_itself(layer: CommandLayer) -> None:
    ops = layer.execute(Command("lights.flash", value=True))
    layer.wait(ops, timeout_s=15)
    assert ops[0].state == "confirmed"
    deadline = time.monotonic() + 60
    while layer.reported("lights.flash") and time.monotonic() < deadline:
        layer.session.tick()
        time.sleep(0.05)
    assert layer.reported("lights.flash") is False
