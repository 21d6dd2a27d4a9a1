"""Which way a command moves its setting, so that two readings that would do opposite things are caught.

A recognizer that hears "lower the windows" for "close the windows" turns a command into its opposite; so
can a near-miss match. Every intent that moves something has an axis (what it moves) and a sign (which
way): two readings on the same axis with opposite signs are an *opposite risk*, and the assistant asks
before acting. Absolute settings ("set the temperature to 22") have no direction: a misheard number is a
wrong value, not the opposite action, and the car's range checks still hold.
"""

from __future__ import annotations

from collections.abc import Iterable

from .results import Intent

# intent name → (axis, sign). The axis of an on/off switch is the switch itself (TurnOn/TurnOff + slot).
_FIXED: dict[str, tuple[str, int]] = {
    "ClimateRaiseTemperature": ("temperature", +1),
    "ClimateLowerTemperature": ("temperature", -1),
    "ClimateFanUp": ("fan", +1),
    "ClimateFanDown": ("fan", -1),
    "SeatHeating": ("seat.heating", +1),
    "SeatHeatingOff": ("seat.heating", -1),
    "SeatVentilation": ("seat.ventilation", +1),
    "SeatVentilationOff": ("seat.ventilation", -1),
    "SeatMassage": ("seat.massage", +1),
    "SeatMassageOff": ("seat.massage", -1),
    "WindowOpen": ("window", +1),
    "WindowClose": ("window", -1),
    "SunroofOpen": ("sunroof", +1),
    "SunroofClose": ("sunroof", -1),
    "Lock": ("doors", +1),
    "Unlock": ("doors", -1),
    "TrunkOpen": ("trunk", +1),
    "TrunkClose": ("trunk", -1),
    "LightsOn": ("lights", +1),
    "LightsOff": ("lights", -1),
    "FollowUpMore": ("follow_up", +1),
    "FollowUpLess": ("follow_up", -1),
    "Confirm": ("answer", +1),
    "Deny": ("answer", -1),
    "Cancel": ("answer", -1),
}
_SWITCHED = {"TurnOn": +1, "TurnOff": -1}
_POSITION = {"WindowSetPosition": "window", "SunroofSetPosition": "sunroof"}


def direction(intent: Intent) -> tuple[str, int] | None:
    """(axis, +1 or -1) for an intent that moves a setting one way; None for absolute ones and the rest."""
    if intent.name in _FIXED:
        return _FIXED[intent.name]
    if intent.name in _SWITCHED:
        return f"switch:{intent.slots.get('switch')}", _SWITCHED[intent.name]
    if intent.name in _POSITION and "percent" in intent.slots:
        # "open the window a little" is an opening; "set the window to 0 percent" a closing.
        return _POSITION[intent.name], +1 if intent.slots["percent"] > 0 else -1
    return None


def opposite(first: Iterable[Intent], second: Iterable[Intent]) -> bool:
    """True when some intent of one reading moves an axis the other way from some intent of the other."""
    ours = {d for d in map(direction, first) if d is not None}
    theirs = {d for d in map(direction, second) if d is not None}
    return any((axis, -sign) in theirs for axis, sign in ours)
