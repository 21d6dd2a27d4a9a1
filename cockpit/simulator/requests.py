"""IVI request signals → what the simulated ECUs are asked to do.

The demo DBC's request messages carry NO_REQUEST (or NONE) in every field the head unit is not changing,
so one setting changes without re-sending the others.
"""

from __future__ import annotations

import re
from typing import Any

from .body import SEATS, WINDOWS

NO_REQUEST = ("NO_REQUEST", "NONE")
_HVAC = {
    "DriverTempReq": ("driver_set", float),
    "PassengerTempReq": ("passenger_set", float),
    "FanLevelReq": ("fan_level", int),
    "AcReq": ("ac_on", bool),
    "AutoReq": ("auto_on", bool),
    "RecircReq": ("recirc_on", bool),
    "FrontDefrostReq": ("front_defrost_on", bool),
    "RearDefrostReq": ("rear_defrost_on", bool),
    "AirDistributionReq": ("air_distribution", str),
    "SyncReq": ("sync_on", bool),
}
_SEAT = {"Heat": ("heat", int), "Vent": ("vent", int), "Massage": ("massage", bool),
         "MassageProgram": ("program", str), "MassageIntensity": ("intensity", int)}  # fmt: skip
_SEAT_RE = re.compile(rf"^({'|'.join(SEATS)})(Heat|Vent|MassageProgram|MassageIntensity|Massage)Req$")
_WINDOW_RE = re.compile(rf"^WindowPos({'|'.join(WINDOWS)})Req$")
_SIMPLE = {
    "SunroofPosReq": ("sunroof", float),
    "SunshadePosReq": ("sunshade", float),
    "ChildLockRearReq": ("child_lock", bool),
    "CentralLockReq": ("lock", str),
    "TrunkReq": ("trunk", str),
    "FrunkReq": ("frunk", str),
    "ChargePortReq": ("charge_port", str),
    "ChargeEnableReq": ("charge_enable", str),
    "FlashReq": ("flash", bool),
    "HeadlightModeReq": ("headlight", str),
    "HighBeamReq": ("high_beam", bool),
    "AmbientOnReq": ("ambient_on", bool),
    "AmbientBrightnessReq": ("ambient_brightness", float),
    "SteeringWheelHeatReq": ("steering_heat", bool),
    "DriveModeReq": ("drive_mode", str),
    "RegenLevelReq": ("regen_level", int),
    "TargetSocReq": ("target_soc", float),
}
_AMBIENT = ("AmbientRReq", "AmbientGReq", "AmbientBReq")


def is_no_request(value: Any) -> bool:
    return str(value) in NO_REQUEST


def _convert(value: Any, kind: type) -> Any:
    if kind is str:
        return str(value)
    number = getattr(value, "value", value)
    return kind(number)


def requests_from(signals: dict[str, Any], current_rgb: tuple[int, int, int]) -> list[tuple[str, Any]]:
    """(field, value) pairs for every field of a decoded request frame that asks for something."""
    out: list[tuple[str, Any]] = []
    for name, value in signals.items():
        if name in ("Counter", "Checksum") or is_no_request(value) or name in _AMBIENT:
            continue
        if name in _HVAC:
            attr, kind = _HVAC[name]
            out.append((f"hvac:{attr}", _convert(value, kind)))
        elif name in _SIMPLE:
            key, kind = _SIMPLE[name]
            out.append((key, _convert(value, kind)))
        elif m := _SEAT_RE.match(name):
            attr, kind = _SEAT[m.group(2)]
            out.append((f"seat:{m.group(1)}.{attr}", _convert(value, kind)))
        elif m := _WINDOW_RE.match(name):
            out.append((f"window:{m.group(1)}", float(value)))
    colour = [signals.get(n) for n in _AMBIENT]
    if any(c is not None and not is_no_request(c) for c in colour):
        rgb = tuple(
            int(c) if c is not None and not is_no_request(c) else old
            for c, old in zip(colour, current_rgb, strict=True)
        )
        out.append(("ambient_rgb", rgb))
    return out
