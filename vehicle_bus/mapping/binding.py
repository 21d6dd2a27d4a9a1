"""Resolve a mapping's DBC signal names against a loaded cantools database.

Real DBCs repeat signal names (the Kona ``pcan.dbc`` has ``IBatt`` in 0x595 and 0x5D6), and KUKSA's
mapping names only the signal. So a name may be pinned to a message as ``MESSAGE.SIGNAL`` (by message name,
or by frame id as ``0x595.IBatt``); an unpinned name found in several messages takes the one with the
lowest frame id, and a note says which one it took and how to pin another.

Signals the DBC lacks are listed in ``unresolved`` (the rest of the mapping still works). A multiplexer
selector that is not in the data signal's message is a :class:`MappingError`, as in KUKSA. cantools'
own (DBC) multiplexing is handled by cantools when it decodes; ``multiplexer`` is an extra filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import MappingError
from .model import Dbc2VssRule, Mapping, Vss2DbcRule, VssNode

if TYPE_CHECKING:
    from cantools.database.can import Database, Message


@dataclass(frozen=True)
class BoundRule:
    """A ``dbc2vss`` rule with its message found: decode ``message`` and read ``signal``."""

    rule: Dbc2VssRule
    message: Message
    signal: str
    frame_id: int
    mux: tuple[tuple[str, int], ...]

    def mux_matches(self, values: dict[str, Any]) -> bool:
        """Do the decoded ``values`` of the message satisfy every ``multiplexer`` condition (AND)?"""
        for selector, wanted in self.mux:
            got = values.get(selector)
            if got is None:
                return False
            number = getattr(got, "value", got)  # a NamedSignalValue compares by its number here
            if number != wanted:
                return False
        return True


@dataclass(frozen=True)
class BoundActuator:
    """A ``vss2dbc`` rule with its message found: encode ``signal`` into ``message``."""

    rule: Vss2DbcRule
    message: Message
    signal: str
    frame_id: int
    node: VssNode


@dataclass
class BoundMapping:
    """Rules by the frame id they read, actuators by VSS path, and what could not be resolved.

    ``unresolved`` holds ``(where, reason)`` for signals the DBC lacks; ``notes`` explain choices made for
    ambiguous names. With ``bind_mapping(..., strict=False)``, multiplexer errors land in ``errors``
    (``(where, reason)``) instead of being raised.
    """

    by_frame_id: dict[int, list[BoundRule]] = field(default_factory=dict)
    actuators: dict[str, BoundActuator] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rules(self) -> list[BoundRule]:
        return [b for rules in self.by_frame_id.values() for b in rules]


def bind_mapping(mapping: Mapping, db: Database, *, strict: bool = True) -> BoundMapping:
    """Find each rule's message and signal in ``db``; raises :class:`MappingError` for a bad multiplexer.

    With ``strict=False`` nothing is raised: multiplexer errors are collected in ``BoundMapping.errors``
    (for ``cockpit mapping check``, which wants every problem at once).
    """
    index = _SignalIndex(
        db, {r.signal for r in mapping.dbc2vss} | {o.signal for o in mapping.vss2dbc.values()}
    )
    bound = BoundMapping()
    for rule in mapping.dbc2vss:
        found = index.resolve(rule.signal, rule.vss_path, rule.where, bound)
        if found is None:
            continue
        message, signal = found
        try:
            mux = _bind_mux(rule, message, signal)
        except MappingError as exc:
            if strict:
                raise
            bound.errors.append((rule.where, exc.what))
            continue
        b = BoundRule(rule=rule, message=message, signal=signal, frame_id=message.frame_id, mux=mux)
        bound.by_frame_id.setdefault(message.frame_id, []).append(b)
    for path, out in mapping.vss2dbc.items():
        found = index.resolve(out.signal, path, out.where, bound)
        if found is None:
            continue
        message, signal = found
        node = mapping.nodes.get(path) or VssNode(path=path, type="actuator", datatype="float")
        bound.actuators[path] = BoundActuator(
            rule=out, message=message, signal=signal, frame_id=message.frame_id, node=node
        )
    return bound


def _bind_mux(rule: Dbc2VssRule, message: Message, signal: str) -> tuple[tuple[str, int], ...]:
    names = {s.name for s in message.signals}
    mux = []
    for cond in rule.multiplexer:
        if cond.signal not in names:
            raise MappingError(
                f"{rule.vss_path}: multiplexer signal {cond.signal} is not in message {message.name} "
                f"({message.frame_id:#x}) of data signal {signal}",
                where=rule.where,
                fix="The selector and the data signal must be in the same CAN frame",
            )
        mux.append((cond.signal, cond.value))
    return tuple(mux)


class _SignalIndex:
    def __init__(self, db: Database, wanted: set[str]) -> None:
        """Index ``db`` for the signal names ``wanted`` (a gateway DBC has 100,000 signals; a mapping 100)."""
        self.db = db
        self.by_signal: dict[str, list[Message]] = {}
        self.by_name: dict[str, Message] = {}
        self.by_id: dict[int, Message] = {}
        for message in sorted(db.messages, key=lambda m: m.frame_id):
            self.by_name.setdefault(message.name, message)
            self.by_id.setdefault(message.frame_id, message)
            for s in message.signals:
                if s.name in wanted:
                    self.by_signal.setdefault(s.name, []).append(message)

    def resolve(
        self, written: str, vss_path: str, where: str, bound: BoundMapping
    ) -> tuple[Message, str] | None:
        if "." in written:
            pin, signal = written.rsplit(".", 1)
            message = self._message(pin)
            if message is None:
                bound.unresolved.append((where, f"{vss_path}: message {pin} of {written} is not in the DBC"))
                return None
            if signal not in {s.name for s in message.signals}:
                place = f"{message.name} ({message.frame_id:#x})"
                bound.unresolved.append((where, f"{vss_path}: signal {signal} is not in message {place}"))
                return None
            return message, signal
        messages = self.by_signal.get(written)
        if not messages:
            bound.unresolved.append((where, f"{vss_path}: signal {written} is not in the DBC"))
            return None
        if len(messages) > 1:
            places = ", ".join(f"{m.name} ({m.frame_id:#x})" for m in messages)
            bound.notes.append(
                f"{vss_path}: signal {written} occurs in {places}; took {messages[0].name}; "
                "pin it as MESSAGE.SIGNAL to choose"
            )
        return messages[0], written

    def _message(self, pin: str) -> Message | None:
        if pin in self.by_name:
            return self.by_name[pin]
        try:
            frame_id = int(pin, 0)
        except ValueError:
            return None
        return self.by_id.get(frame_id)
