"""Values of cabin functions: read from text (command line, voice slots, touch) and checked against the
function's range before anything is sent."""

from __future__ import annotations

import math
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
    number = parse_number(raw, f"{function.name} takes a number ({function.describe_range()})")
    return int(number) if number.is_integer() else number


# Plain ASCII decimal numbers only: Python's float() also takes "nan", "inf", "1_000" and digits of any
# script ("２３"), none of which a person means as a setting.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def parse_number(text: str, what: str) -> float:
    """A finite number written in ASCII digits, or CommandError ``"{what}, not {text!r}"``."""
    raw = text.strip()
    number = float(raw) if _NUMBER.fullmatch(raw) else math.nan
    if not math.isfinite(number):  # also 1e309, which float() makes inf
        raise CommandError(f"{what}, not {raw!r}")
    return number


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
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise CommandError(f"{function.name} takes a number ({function.describe_range()}), not {value!r}")
    if value != int(value):
        raise CommandError(f"{function.name} takes whole numbers ({function.describe_range()}), not {value}")
    value = int(value)
    low, high = function.minimum, function.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        raise CommandError(f"{function.name}: {value} is out of range ({function.describe_range()})")
    return value


def check_delta(function: Function, delta: Any) -> float:
    """A relative change that could make sense: finite, and not more than the function's whole range."""
    if isinstance(delta, bool) or not isinstance(delta, (int, float)) or not math.isfinite(delta):
        raise CommandError(f"{function.name} takes a change of a few steps, not {delta!r}")
    if function.minimum is not None and function.maximum is not None:
        span = function.maximum - function.minimum
        if abs(delta) > span:
            raise CommandError(
                f"{function.name}: a change of {delta:+g} is more than its whole range "
                f"({function.describe_range()})",
                fix=f"Give a value in {function.describe_range()} or a change of at most {span:g}",
            )
    return float(delta)
