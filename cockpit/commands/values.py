"""Values of cabin functions: read from text (command line, voice slots, touch) and checked against the
function's range before anything is sent."""

from __future__ import annotations

import re
from typing import Any

from .errors import CommandError
from .functions import Function

# Ambient-light colours people name, as the RGB the light controller is sent.
COLOURS: dict[str, tuple[int, int, int]] = {
    "white": (255, 255, 255),
    "warm white": (255, 196, 137),
    "red": (255, 0, 0),
    "orange": (255, 120, 0),
    "amber": (255, 170, 0),
    "yellow": (255, 220, 0),
    "green": (0, 220, 60),
    "mint": (90, 255, 180),
    "cyan": (0, 220, 255),
    "ice blue": (160, 220, 255),
    "blue": (0, 80, 255),
    "purple": (150, 40, 255),
    "violet": (190, 90, 255),
    "magenta": (255, 0, 200),
    "pink": (255, 100, 180),
}
_TRUE = {"true", "on", "1", "yes", "open", "opened", "locked", "lock", "enabled"}
_FALSE = {"false", "off", "0", "no", "close", "closed", "unlocked", "unlock", "disabled"}
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def parse_value(function: Function, text: str) -> Any:
    """The value ``text`` names for ``function`` (not yet range-checked); CommandError if it names none."""
    raw = text.strip()
    lowered = raw.lower().replace("-", " ").replace("_", " ")
    if function.kind == "bool":
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise CommandError(f"{function.name} takes on or off, not {raw!r}")
    if function.kind == "choice":
        for name, vss in function.choices.items():
            if lowered in (name.replace("_", " "), str(vss).lower().replace("_", " ")):
                return name
        raise CommandError(f"{function.name} takes {function.describe_range()}, not {raw!r}")
    if function.kind == "colour":
        return parse_colour(raw)
    try:
        number = float(raw)
    except ValueError:
        accepted = function.describe_range()
        raise CommandError(f"{function.name} takes a number ({accepted}), not {raw!r}") from None
    return int(number) if number.is_integer() else number


def parse_colour(text: str) -> tuple[int, int, int]:
    lowered = text.strip().lower().replace("_", " ").replace("-", " ")
    if lowered in COLOURS:
        return COLOURS[lowered]
    if m := _HEX.match(text.strip()):
        value = int(m.group(1), 16)
        return (value >> 16) & 255, (value >> 8) & 255, value & 255
    parts = [p for p in re.split(r"[,\s]+", lowered) if p]
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return check_colour(tuple(int(p) for p in parts))
    raise CommandError(
        f"{text!r} is not a colour I know",
        fix="Use #rrggbb, R,G,B or one of: " + ", ".join(COLOURS),
    )


def check_colour(value: Any) -> tuple[int, int, int]:
    if isinstance(value, str):
        return parse_colour(value)
    try:
        rgb = tuple(int(c) for c in value)
    except (TypeError, ValueError):
        raise CommandError(f"{value!r} is not a colour (three numbers 0–255)") from None
    if len(rgb) != 3 or not all(0 <= c <= 255 for c in rgb):
        raise CommandError(f"{value!r} is not a colour (three numbers 0–255)")
    return rgb  # type: ignore[return-value]


def check_value(function: Function, value: Any) -> Any:
    """``value`` made canonical for ``function``, or CommandError saying what it accepts."""
    if function.kind == "bool":
        if not isinstance(value, bool):
            raise CommandError(f"{function.name} takes on or off (true/false), not {value!r}")
        return value
    if function.kind == "choice":
        if isinstance(value, str):
            key = value.lower()
            if key in function.choices:
                return key
            for name, vss in function.choices.items():
                if value == vss:
                    return name
        raise CommandError(f"{function.name} takes {function.describe_range()}, not {value!r}")
    if function.kind == "colour":
        return check_colour(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CommandError(f"{function.name} takes a number ({function.describe_range()}), not {value!r}")
    if value != int(value):
        raise CommandError(f"{function.name} takes whole numbers ({function.describe_range()}), not {value}")
    value = int(value)
    low, high = function.minimum, function.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        raise CommandError(f"{function.name}: {value} is out of range ({function.describe_range()})")
    return value
