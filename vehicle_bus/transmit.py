"""Actuator targets to CAN frames: the only way anything leaves the head unit onto the bus.

A frame can be built only for a VSS actuator the mapping declares ``vss2dbc``; the value is checked against
the VSS node (range, allowed values, type) and the DBC signal's range before it is encoded. There is no call
that sends a raw frame built from user input.
"""

from __future__ import annotations

import difflib
import math
import threading
from typing import Any

import can
from cantools.database.can import Message, Signal

from .errors import TransmitRefusedError
from .frame_protection import FrameProtection
from .mapping import BoundActuator, BoundMapping, to_dbc

_INT_TYPES = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"}


class ActuatorTransmitter:
    """Encodes actuator targets through ``vss2dbc`` and sends them on a bus."""

    def __init__(self, bound: BoundMapping, bus: can.BusABC | None = None, profile: str = "vehicle") -> None:
        self.bound = bound
        self.bus = bus
        self.profile = profile
        # Signals of a command message keep their last commanded value, so setting the passenger
        # temperature does not reset the driver's in the same frame (as kuksa-can-provider does).
        self._last: dict[int, dict[str, Any]] = {}
        # Alive counter and checksum per command message, where the DBC declares them.
        self._protection: dict[int, FrameProtection] = {}
        self._counters: dict[int, int] = {}
        self._lock = threading.Lock()
        self.sent = 0

    @property
    def actuators(self) -> list[str]:
        return sorted(self.bound.actuators)

    def encode(self, path: str, value: Any) -> can.Message:
        """Validate ``value`` for actuator ``path`` and build its frame, or raise TransmitRefusedError."""
        actuator = self.bound.actuators.get(path)
        if actuator is None:
            close = difflib.get_close_matches(path, self.actuators, n=3, cutoff=0.6)
            hint = (
                "Closest settable: " + ", ".join(close)
                if close
                else f"It can set {len(self.actuators)} actuators, none named like this"
            )
            raise TransmitRefusedError(
                f"{path} cannot be set: profile {self.profile!r} has no vss2dbc mapping for it", fix=hint
            )
        _check_vss_value(actuator, value)
        raw = to_dbc(actuator.rule.transform, value)
        if raw is None:
            raise TransmitRefusedError(
                f"{path}: value {value!r} has no DBC equivalent in the mapping's transform"
            )
        signal = actuator.message.get_signal_by_name(actuator.signal)
        _check_dbc_value(path, signal, raw)
        with self._lock:
            values = self._last.get(actuator.frame_id)
            if values is None:
                values = self._last[actuator.frame_id] = _initial_values(actuator.message)
            values[actuator.signal] = raw
            data = actuator.message.encode(dict(values), scaling=True, padding=False, strict=False)
            protection = self._protection.get(actuator.frame_id)
            if protection is None:
                protection = self._protection[actuator.frame_id] = FrameProtection(actuator.message)
            if protection.protected:
                counter = self._counters.get(actuator.frame_id, 0)
                data = protection.apply(data, counter)
                self._counters[actuator.frame_id] = protection.next_counter(counter)
        return can.Message(
            arbitration_id=actuator.frame_id,
            is_extended_id=actuator.message.is_extended_frame,
            is_fd=actuator.message.is_fd,
            data=data,
        )

    def release(self, path: str) -> None:
        """Put ``path``'s signal back to its start value (a DBC's NO_REQUEST), once its target is reached."""
        actuator = self.bound.actuators.get(path)
        if actuator is None:
            return
        with self._lock:
            values = self._last.get(actuator.frame_id)
            if values is not None:
                values[actuator.signal] = _initial_values(actuator.message)[actuator.signal]

    def send(self, path: str, value: Any) -> can.Message:
        """Encode and send; returns the frame sent."""
        if self.bus is None:
            raise TransmitRefusedError("no bus to send on (the source is a log replay)")
        msg = self.encode(path, value)
        self.bus.send(msg)
        self.sent += 1
        return msg


def _initial_values(message: Message) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for signal in message.signals:
        if signal.initial is not None:
            values[signal.name] = signal.initial
        else:
            low = signal.minimum if signal.minimum is not None else 0
            high = signal.maximum if signal.maximum is not None else low
            values[signal.name] = min(max(0, low), high)
    return values


def _check_vss_value(actuator: BoundActuator, value: Any) -> None:
    node = actuator.node
    path = node.path
    if node.datatype == "boolean":
        if not isinstance(value, bool):
            raise TransmitRefusedError(f"{path} takes true or false, not {value!r}")
    elif node.datatype in _INT_TYPES or node.datatype in ("float", "double"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TransmitRefusedError(f"{path} takes a number, not {value!r}")
        if not math.isfinite(value):  # nan passes every comparison below: refuse it here, last line
            raise TransmitRefusedError(f"{path} takes a finite number{_limits(node)}, not {value!r}")
        if node.datatype in _INT_TYPES and value != int(value):
            raise TransmitRefusedError(f"{path} takes a whole number, not {value!r}")
        if node.min is not None and value < node.min:
            raise TransmitRefusedError(f"{path}: {value} is below the minimum {node.min}")
        if node.max is not None and value > node.max:
            raise TransmitRefusedError(f"{path}: {value} is above the maximum {node.max}")
    elif node.datatype == "string" and not isinstance(value, str):
        raise TransmitRefusedError(f"{path} takes text, not {value!r}")
    if node.allowed is not None and value not in node.allowed:
        raise TransmitRefusedError(f"{path}: {value!r} is not one of {', '.join(map(str, node.allowed))}")


def _limits(node: Any) -> str:
    if node.min is None and node.max is None:
        return ""
    low = "" if node.min is None else f"{node.min:g}"
    high = "" if node.max is None else f"{node.max:g}"
    return f" ({low}–{high}{' ' + node.unit if getattr(node, 'unit', None) else ''})"


def _check_dbc_value(path: str, signal: Signal, raw: Any) -> None:
    if isinstance(raw, str):
        names = [str(v) for v in (signal.choices or {}).values()]
        if raw not in names:
            raise TransmitRefusedError(f"{path}: {raw!r} is not a value of DBC signal {signal.name}")
        return
    if signal.minimum is not None and raw < signal.minimum:
        raise TransmitRefusedError(
            f"{path}: {raw} is below DBC signal {signal.name}'s minimum {signal.minimum}"
        )
    if signal.maximum is not None and raw > signal.maximum:
        raise TransmitRefusedError(
            f"{path}: {raw} is above DBC signal {signal.name}'s maximum {signal.maximum}"
        )
