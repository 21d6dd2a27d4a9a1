"""An intent said back in plain words, for the question asked before acting ("Did you mean …?").

The words are chosen so that the direction cannot be misread: "open the windows", never "lower the
windows". Intents not listed here (and other languages) are said back as the words they were read from.
"""

from __future__ import annotations

from typing import Any

from .results import Intent

INSTANCE = {
    "driver": "driver's",
    "passenger": "passenger's",
    "rear_left": "rear left",
    "rear_right": "rear right",
    "all": "all",
}
SWITCH = {
    "climate.ac": "the air conditioning",
    "climate.recirculation": "recirculation",
    "climate.defrost_front": "the windshield defrost",
    "climate.defrost_rear": "the rear window defrost",
    "climate.auto": "automatic climate",
    "climate.sync": "climate sync",
    "steering_wheel.heating": "the steering wheel heating",
    "ambient.on": "the ambient light",
    "window.child_lock": "the child lock",
}


def _zone(s: dict[str, Any], key: str = "zone") -> str:
    value = s.get(key)
    return f" for the {INSTANCE.get(value, value)} side" if value and value != "all" else ""


def _seat(s: dict[str, Any]) -> str:
    value = s.get("seat")
    if not value:
        return "the seat"
    return "all seats" if value == "all" else f"the {INSTANCE.get(value, value)} seat"


def _window(s: dict[str, Any]) -> str:
    value = s.get("window", "all")
    return "the windows" if value == "all" else f"the {INSTANCE.get(value, value)} window"


def _by(s: dict[str, Any]) -> str:
    return f" by {s['amount']} degrees" if "amount" in s else ""


PHRASES = {
    "ClimateSetTemperature": lambda s: f"set the temperature to {s.get('temperature')} degrees{_zone(s)}",
    "ClimateRaiseTemperature": lambda s: f"make it warmer{_by(s)}{_zone(s)}",
    "ClimateLowerTemperature": lambda s: f"make it cooler{_by(s)}{_zone(s)}",
    "ClimateSetFan": lambda s: f"set the fan to {s.get('fan_speed')}",
    "ClimateFanUp": lambda s: "turn the fan up",
    "ClimateFanDown": lambda s: "turn the fan down",
    "TurnOn": lambda s: f"turn on {SWITCH.get(s.get('switch'), s.get('switch'))}",
    "TurnOff": lambda s: f"turn off {SWITCH.get(s.get('switch'), s.get('switch'))}",
    "SeatHeating": lambda s: f"heat {_seat(s)}",
    "SeatHeatingOff": lambda s: f"turn off the seat heating for {_seat(s)}",
    "SeatVentilation": lambda s: f"ventilate {_seat(s)}",
    "SeatVentilationOff": lambda s: f"turn off the seat ventilation for {_seat(s)}",
    "SeatMassage": lambda s: f"start the massage in {_seat(s)}",
    "SeatMassageOff": lambda s: f"stop the massage in {_seat(s)}",
    "WindowOpen": lambda s: f"open {_window(s)}",
    "WindowClose": lambda s: f"close {_window(s)}",
    "WindowSetPosition": lambda s: (
        f"open {_window(s)} to {s.get('percent')} percent" if s.get("percent") else f"close {_window(s)}"
    ),
    "SunroofOpen": lambda s: "open the sunroof",
    "SunroofClose": lambda s: "close the sunroof",
    "SunroofSetPosition": lambda s: (
        f"open the sunroof to {s.get('percent')} percent" if s.get("percent") else "close the sunroof"
    ),
    "Lock": lambda s: "lock the doors",
    "Unlock": lambda s: "unlock the doors",
    "TrunkOpen": lambda s: "open the trunk",
    "TrunkClose": lambda s: "close the trunk",
    "LightsOn": lambda s: "turn on the headlights",
    "LightsOff": lambda s: "turn off the headlights",
}


def describe(intents: list[Intent], text: str, language: str = "en") -> str:
    """The intents in plain words, or ``text`` where there are none for them."""
    if language != "en":
        return text
    parts = []
    for intent in intents:
        phrase = PHRASES.get(intent.name)
        parts.append(phrase(intent.slots) if phrase else intent.text or text)
    return " and ".join(parts) if parts else text
