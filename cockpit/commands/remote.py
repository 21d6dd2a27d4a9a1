"""What a command from outside the car may do: one allow-list for every remote path (phone, MQTT).

DESIGN.md's security rules: comfort and charging only, nothing that moves the car. Remote paths produce
the same :class:`~cockpit.commands.Command` objects as touch and voice, so after this check the command
layer's own checks, the vehicle's refusals and the transmit allow-list hold for them too.

Left out on purpose: drive mode and regeneration (they change how the car moves), windows, sunroof,
tailgate and frunk (they open the car and can trap a hand), the exterior light switch and ambient lighting
(no use from outside; flashing the hazards for 3 s to find the car is allowed). Unlocking and opening the
charge port are allowed only while parked.
"""

from __future__ import annotations

from typing import Any

PARK = 126  # VSS gear code

ALLOWED = frozenset(
    {
        "climate.temperature",
        "climate.ac",
        "climate.auto",
        "climate.fan",
        "climate.sync",
        "climate.recirculation",
        "climate.defrost_front",
        "climate.defrost_rear",
        "seat.heating",
        "seat.ventilation",
        "steering_wheel.heating",
        "charging.limit",
        "charging.port",
        "charging.active",
        "doors.locked",
        "lights.flash",
    }
)


def opens_the_car(function: str, value: Any) -> bool:
    """Commands that open the car, which a remote may give only while it is parked."""
    return (function == "doors.locked" and value is False) or (
        function == "charging.port" and value == "open"
    )


def parked(speed_kmh: Any, gear: Any) -> bool:
    return gear == PARK and speed_kmh is not None and abs(speed_kmh) < 0.5


def remote_refusal(function: str, value: Any, speed_kmh: Any, gear: Any) -> tuple[str, str] | None:
    """(status, reason) when a remote may not give this command now; None when it may."""
    if function not in ALLOWED:
        return "forbidden", f"{function} cannot be commanded from outside the car"
    if opens_the_car(function, value) and not parked(speed_kmh, gear):
        return "refused", "vehicle not parked"
    return None
