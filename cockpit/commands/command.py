"""A command: what a person asked of one cabin function, before it becomes VSS targets."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from .errors import CommandError
from .functions import FUNCTIONS, Function

ALL = "all"


@dataclass(frozen=True)
class Command:
    """``value`` sets the function; ``delta`` changes it relative to what the car reports ("warmer by 1":
    ``delta=1``; "fan up": ``delta=+1`` step). ``instance`` picks the seat, zone or window ("driver",
    "passenger", "rear_left", "rear_right", or "all"); left out, the function's default is used."""

    function: str
    value: Any = None
    instance: str | None = None
    delta: float | None = None
    origin: str = "local"  # "remote" for MQTT commands: the same checks, logged and shown as remote

    def __post_init__(self) -> None:
        if (self.value is None) == (self.delta is None):
            raise CommandError(f"{self.function}: give a value or a relative change (one of the two)")

    def spec(self) -> Function:
        return lookup(self.function)

    def instances(self) -> list[str | None]:
        """The instances this command addresses (several for "all")."""
        spec = self.spec()
        if not spec.instances:
            if self.instance not in (None, ALL):
                raise CommandError(f"{spec.name} is for the whole car, no instance {self.instance!r}")
            return [None]
        instance = self.instance or spec.default_instance
        if instance == ALL:
            return list(spec.instances)
        if instance not in spec.instances:
            raise CommandError(
                f"{spec.name} has no instance {instance!r}",
                fix="Instances: " + ", ".join((*spec.instances, ALL)),
            )
        return [instance]

    def describe(self) -> str:
        where = f" ({self.instance})" if self.instance else ""
        if self.delta is not None:
            return f"{self.function}{where} {self.delta:+g}"
        return f"{self.function}{where} = {self.value}"


def lookup(name: str) -> Function:
    spec = FUNCTIONS.get(name)
    if spec is None:
        close = difflib.get_close_matches(name, FUNCTIONS, n=3, cutoff=0.5)
        fix = ("Did you mean " + " or ".join(close) + "?") if close else "Functions: " + ", ".join(FUNCTIONS)
        raise CommandError(f"unknown cabin function {name!r}", fix=fix)
    return spec
