"""The data a KUKSA DBC↔VSS mapping file describes, as plain frozen values.

Nothing here knows about files or CAN databases: :mod:`.loader` builds these from a file, :mod:`.binding`
resolves them against a cantools database, :mod:`.gates` and :mod:`.transform` evaluate them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SIGNAL_TYPES = ("sensor", "actuator", "attribute")


@dataclass(frozen=True)
class VssNode:
    """One VSS signal (leaf): its path and the metadata VSS gives it."""

    path: str
    type: str
    datatype: str
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    allowed: tuple | None = None
    description: str = ""


@dataclass(frozen=True)
class MuxCondition:
    """``multiplexer`` entry: the rule applies only while DBC signal ``signal`` equals ``value``."""

    signal: str
    value: int


@dataclass(frozen=True)
class Transform:
    """KUKSA ``transform``: exactly one of a ``math`` expression of ``x`` or a ``mapping`` from→to list."""

    math: str | None = None
    mapping: tuple[tuple[Any, Any], ...] | None = None


@dataclass(frozen=True)
class Dbc2VssRule:
    """A ``dbc2vss`` (or ``dbc``) entry: how a DBC signal becomes a VSS value.

    ``signal`` is as written in the file: ``"SIGNAL"`` or pinned to a message as ``"MESSAGE.SIGNAL"`` /
    ``"0x595.SIGNAL"``. ``where`` is ``"file:line"`` (YAML) or ``"file: Vehicle.Speed"`` (JSON).
    """

    vss_path: str
    signal: str
    interval_ms: int
    on_change: bool
    transform: Transform | None
    multiplexer: tuple[MuxCondition, ...]
    where: str


@dataclass(frozen=True)
class Vss2DbcRule:
    """A ``vss2dbc`` entry: how an actuator target becomes a DBC signal value."""

    vss_path: str
    signal: str
    transform: Transform | None
    where: str


@dataclass
class Mapping:
    """A loaded mapping: every VSS signal node the file describes plus its DBC rules.

    ``nodes`` holds all signal nodes of the file (mapped or not) by path; ``warnings`` are one-line notes
    about things KUKSA ignores and we ignore too (e.g. ``interval_ms`` on ``vss2dbc``).
    """

    path: Path
    nodes: dict[str, VssNode] = field(default_factory=dict)
    dbc2vss: list[Dbc2VssRule] = field(default_factory=list)
    vss2dbc: dict[str, Vss2DbcRule] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
