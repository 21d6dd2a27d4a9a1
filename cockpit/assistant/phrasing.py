"""How command results are said: what was set, and "done" only once the car confirms it."""

from __future__ import annotations

from typing import Any

from ..commands import COLOURS

NAMES = {
    "climate.temperature": "temperature",
    "climate.sync": "climate sync",
    "climate.fan": "fan",
    "climate.ac": "air conditioning",
    "climate.auto": "automatic climate",
    "climate.recirculation": "recirculation",
    "climate.defrost_front": "windshield defrost",
    "climate.defrost_rear": "rear window defrost",
    "seat.heating": "seat heating",
    "seat.ventilation": "seat ventilation",
    "seat.massage": "massage",
    "steering_wheel.heating": "steering wheel heating",
    "window.position": "window",
    "window.child_lock": "child lock",
    "sunroof.position": "sunroof",
    "doors.locked": "doors",
    "trunk.open": "trunk",
    "lights.exterior": "headlights",
    "ambient.on": "ambient light",
    "ambient.color": "ambient colour",
    "drive.mode": "drive mode",
    "drive.regen": "regeneration level",
    "climate.distribution": "air distribution",
    "seat.massage_program": "massage programme",
    "sunroof.shade": "sunshade",
    "frunk.open": "front trunk",
    "charging.port": "charge port",
    "charging.limit": "charge limit",
    "ambient.brightness": "ambient brightness",
}
BOOL_WORDS = {
    "doors.locked": ("locked", "unlocked"),
    "trunk.open": ("open", "closed"),
    "frunk.open": ("open", "closed"),
}
INSTANCES = {"rear_left": "rear left", "rear_right": "rear right"}


def subject(function: str, instance: str | None) -> str:
    name = NAMES.get(function, function.replace(".", " ").replace("_", " "))
    if instance and instance != "all":
        return f"{INSTANCES.get(instance, instance)} {name}"
    if instance == "all" and function in ("window.position", "seat.heating", "seat.ventilation"):
        return f"all {name}s" if not name.endswith("ing") else f"{name} on all seats"
    return name


def value_words(function: str, value: Any) -> str:
    if isinstance(value, bool):
        on, off = BOOL_WORDS.get(function, ("on", "off"))
        return on if value else off
    if function == "climate.temperature":
        return f"{value:g} degrees"
    if function in ("charging.limit", "ambient.brightness"):
        return f"{value:g} percent"
    if function in ("window.position", "sunroof.position", "sunroof.shade"):
        return "closed" if value == 0 else "open" if value == 100 else f"{value:g} percent open"
    if function in ("seat.heating", "seat.ventilation"):
        return "off" if value == 0 else f"level {value}"
    if function == "climate.fan":
        return "off" if value == 0 else f"speed {value}"
    if isinstance(value, tuple):
        named = next((name for name, rgb in COLOURS.items() if tuple(rgb) == tuple(value)), None)
        return named or "#" + "".join(f"{int(c):02x}" for c in value)
    return str(value).replace("_", " ")


def confirmed(function: str, instance: str | None, value: Any) -> str:
    text = f"{subject(function, instance)} {value_words(function, value)}"
    return text[0].upper() + text[1:] + ", done."


def failed(function: str, instance: str | None, reason: str) -> str:
    return f"Could not set the {subject(function, instance)}: {reason}."
