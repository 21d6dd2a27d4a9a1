"""Cabin control commands: the one way touch and voice change the car (see layer.py)."""

from .command import ALL, Command
from .errors import CommandError
from .functions import FUNCTIONS, Function
from .layer import CommandLayer, ControlState, Operation
from .values import COLOURS, parse_value

__all__ = [
    "ALL",
    "COLOURS",
    "FUNCTIONS",
    "Command",
    "CommandError",
    "CommandLayer",
    "ControlState",
    "Function",
    "Operation",
    "parse_value",
]
