"""The allow-list for commands from outside the car: comfort and charging only, opening only when parked."""

from __future__ import annotations

from cockpit.commands import FUNCTIONS
from cockpit.commands.remote import ALLOWED, PARK, remote_refusal

DRIVE = 127


def test_nothing_that_moves_or_opens_the_car_is_allowed() -> None:
    assert set(FUNCTIONS) >= ALLOWED
    for function in ("drive.mode", "drive.regen", "window.position", "sunroof.position", "trunk.open"):
        assert remote_refusal(function, "x", 0.0, PARK) == (
            "forbidden",
            f"{function} cannot be commanded from outside the car",
        )


def test_unlocking_and_opening_the_charge_port_only_when_parked() -> None:
    assert remote_refusal("doors.locked", False, 30.0, DRIVE) == ("refused", "vehicle not parked")
    assert remote_refusal("doors.locked", False, 0.0, DRIVE) == ("refused", "vehicle not parked")
    assert remote_refusal("charging.port", "open", None, PARK) == ("refused", "vehicle not parked")
    assert remote_refusal("doors.locked", False, 0.0, PARK) is None
    assert remote_refusal("doors.locked", True, 50.0, DRIVE) is None  # locking is always fine
    assert remote_refusal("climate.temperature", 22, 50.0, DRIVE) is None
