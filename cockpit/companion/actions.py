"""What a phone may ask for, as the command objects touch and voice produce.

Each phone action is a small JSON object (``{"action": "seat_heating", "seat": "driver", "level": 2}``)
that becomes one or more :class:`~cockpit.commands.Command` with ``origin="phone"``. A malformed action
(unknown name, missing or mistyped field) is a :class:`MalformedRequestError` with words for the phone; ranges
are the command layer's to check, so the phone hears the same reasons as the screen.
"""

from __future__ import annotations

from typing import Any

from ..commands import Command

ORIGIN = "phone"
SEATS = ("driver", "passenger")


class MalformedRequestError(ValueError):
    pass


def _field(body: dict[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    value = body.get(name)
    # bool is an int in Python: a number field must not take true/false, nor a bool field 0/1.
    if value is None or isinstance(value, bool) != (kind is bool) or not isinstance(value, kind):
        wanted = {bool: "true or false", str: "a string"}.get(kind, "a number")  # type: ignore[call-overload]
        raise MalformedRequestError(f"{name!r} must be {wanted}")
    return value


def commands_for(body: Any) -> list[Command]:
    """The commands one phone action stands for (in the order they are sent)."""
    if not isinstance(body, dict) or not isinstance(body.get("action"), str):
        raise MalformedRequestError('a command is a JSON object with an "action"')
    action = body["action"]
    if action == "lock":
        return [Command("doors.locked", value=_field(body, "locked", bool), origin=ORIGIN)]
    if action == "precondition":
        # Preconditioning: both zones to the target, automatic climate on (it brings the cabin there).
        target = _field(body, "temperature", (int, float))
        return [
            Command("climate.temperature", value=float(target), instance="all", origin=ORIGIN),
            Command("climate.auto", value=True, origin=ORIGIN),
        ]
    if action == "seat_heating":
        seat = _field(body, "seat", str)
        if seat not in SEATS:
            raise MalformedRequestError(f"seat must be one of {', '.join(SEATS)}")
        return [
            Command("seat.heating", value=_field(body, "level", (int, float)), instance=seat, origin=ORIGIN)
        ]
    if action == "charge_limit":
        return [Command("charging.limit", value=_field(body, "percent", (int, float)), origin=ORIGIN)]
    if action == "charging":
        start = _field(body, "on", bool)
        return [Command("charging.active", value="start" if start else "stop", origin=ORIGIN)]
    if action == "flash":
        return [Command("lights.flash", value=True, origin=ORIGIN)]
    raise MalformedRequestError(f"unknown action {action!r}")
