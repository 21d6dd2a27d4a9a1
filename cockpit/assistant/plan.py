"""Intent → what to do: cabin commands (the same objects touch produces) and other actions. Pure: no I/O."""

from __future__ import annotations

from typing import Any

from vehicle_bus.errors import InputError
from voice.understanding.parser import Intent

from ..commands import Command
from .actions import CancelNavigation, Media, NavigateTo, Question, ShowPanel

Step = Command | NavigateTo | CancelNavigation | ShowPanel | Media | Question


class PlanError(InputError):
    """An intent that means nothing here (a follow-up with nothing before it)."""


def _temperature(s: dict[str, Any], sign: int) -> list[Step]:
    return [Command("climate.temperature", delta=sign * s["amount"], instance=s.get("zone"))]


def _cover(function: str, slot: str | None, value: Any) -> Any:
    return lambda s: [
        Command(
            function,
            value=value if value is not None else s["percent"],
            instance=s.get(slot) if slot else None,
        )
    ]


PLANS = {
    "ClimateSetTemperature": lambda s: [
        Command("climate.temperature", value=s["temperature"], instance=s.get("zone"))
    ],
    "ClimateRaiseTemperature": lambda s: _temperature(s, +1),
    "ClimateLowerTemperature": lambda s: _temperature(s, -1),
    # Cold feet: the air to the footwell, and a degree warmer.
    "ClimateWarmFeet": lambda s: [
        Command("climate.distribution", value="feet"),
        Command("climate.temperature", delta=s.get("amount", 1), instance=s.get("zone")),
    ],
    "ClimateSetDistribution": lambda s: [Command("climate.distribution", value=s["distribution"])],
    "ClimateSetFan": lambda s: [Command("climate.fan", value=s["fan_speed"])],
    "ClimateFanUp": lambda s: [Command("climate.fan", delta=s.get("amount", 1))],
    "ClimateFanDown": lambda s: [Command("climate.fan", delta=-s.get("amount", 1))],
    "TurnOn": lambda s: [Command(s["switch"], value=True)],
    "TurnOff": lambda s: [Command(s["switch"], value=False)],
    "SeatHeating": lambda s: [Command("seat.heating", value=s["level"], instance=s.get("seat"))],
    "SeatHeatingOff": lambda s: [Command("seat.heating", value=0, instance=s.get("seat"))],
    "SeatVentilation": lambda s: [Command("seat.ventilation", value=s["level"], instance=s.get("seat"))],
    "SeatVentilationOff": lambda s: [Command("seat.ventilation", value=0, instance=s.get("seat"))],
    "SeatMassage": lambda s: [Command("seat.massage", value=True, instance=s.get("seat"))],
    "SeatMassageOff": lambda s: [Command("seat.massage", value=False, instance=s.get("seat"))],
    # A programme asked for is a massage wanted: the massage comes on with it.
    "SeatMassageProgram": lambda s: [
        Command("seat.massage", value=True, instance=s.get("seat")),
        Command("seat.massage_program", value=s["massage_program"], instance=s.get("seat")),
    ],
    "WindowOpen": _cover("window.position", "window", 100),
    "WindowClose": _cover("window.position", "window", 0),
    "WindowSetPosition": _cover("window.position", "window", None),
    "SunroofOpen": _cover("sunroof.position", None, 100),
    "SunroofClose": _cover("sunroof.position", None, 0),
    "SunroofSetPosition": _cover("sunroof.position", None, None),
    "SunshadeOpen": _cover("sunroof.shade", None, 100),
    "SunshadeClose": _cover("sunroof.shade", None, 0),
    "Lock": lambda s: [Command("doors.locked", value=True)],
    "Unlock": lambda s: [Command("doors.locked", value=False)],
    "TrunkOpen": lambda s: [Command("trunk.open", value=True)],
    "TrunkClose": lambda s: [Command("trunk.open", value=False)],
    "FrunkOpen": lambda s: [Command("frunk.open", value=True)],
    "FrunkClose": lambda s: [Command("frunk.open", value=False)],
    "ChargePortOpen": lambda s: [Command("charging.port", value="open")],
    "ChargePortClose": lambda s: [Command("charging.port", value="closed")],
    "ChargeLimit": lambda s: [Command("charging.limit", value=s["charge_limit"])],
    "LightsOn": lambda s: [Command("lights.exterior", value=s.get("headlights", "low"))],
    "LightsOff": lambda s: [Command("lights.exterior", value="off")],
    "LightsAuto": lambda s: [Command("lights.exterior", value="auto")],
    # A colour asked for is a colour to see: the ambient light comes on with it.
    "AmbientColor": lambda s: [Command("ambient.on", value=True), Command("ambient.color", value=s["color"])],
    "AmbientBrightness": lambda s: [
        Command("ambient.on", value=True),
        Command("ambient.brightness", value=s["percent"]),
    ],
    "DriveMode": lambda s: [Command("drive.mode", value=s["drive_mode"])],
    "RegenLevel": lambda s: [Command("drive.regen", value=s["regen"])],
    "NavigateToCategory": lambda s: [NavigateTo(category=s["category"])],
    "NavigateToPlace": lambda s: [NavigateTo(name=s["place"])],
    "CancelNavigation": lambda s: [CancelNavigation()],
    "ShowPanel": lambda s: [ShowPanel(s["panel"])],
    "MediaPlay": lambda s: [Media("play", query=s.get("query"))],
    "MediaPause": lambda s: [Media("pause")],
    "MediaNext": lambda s: [Media("next")],
    "MediaPrevious": lambda s: [Media("previous")],
    "MediaVolumeUp": lambda s: [Media("louder")],
    "MediaVolumeDown": lambda s: [Media("quieter")],
    "MediaSetVolume": lambda s: [Media("volume", level=s["volume"])],
    "MediaMute": lambda s: [Media("mute")],
    "MediaUnmute": lambda s: [Media("unmute")],
    "AskRange": lambda s: [Question("range")],
    "AskBattery": lambda s: [Question("battery")],
    "AskTyrePressure": lambda s: [Question("tyre_pressure")],
    "AskOutsideTemperature": lambda s: [Question("outside_temperature")],
    "AskTimeToCharge": lambda s: [Question("time_to_charge")],
}
UNRESOLVED = {
    "FollowUpZone": "Which setting do you mean? Say the whole command first.",
    "FollowUpMore": "More of what? Say the whole command first.",
    "FollowUpLess": "Less of what? Say the whole command first.",
}


def plan(intent: Intent) -> list[Step]:
    """The steps for one intent; PlanError when it needs context there is none of, or a slot is missing."""
    if intent.name in UNRESOLVED:
        raise PlanError(UNRESOLVED[intent.name])
    build = PLANS.get(intent.name)
    if build is None:
        raise PlanError(
            f"I know the intent {intent.name} but not what to do for it",
            fix="Map it in cockpit/assistant/plan.py or remove it from the intents file",
        )
    try:
        return build(intent.slots)
    except KeyError as exc:
        raise PlanError(f"{intent.name} needs a {exc.args[0]}: say it in the sentence") from None
