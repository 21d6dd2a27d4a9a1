"""The command layer: commands in, CAN requests out, and each one followed until the car answers.

Touch and voice both come here. A command is checked completely (function, instance, range, that the
vehicle profile can transmit every target) before the first frame goes out; then each VSS target is an
:class:`Operation` that is pending until the car reports the value (confirmed), the car says it refused
(failed, with the ECU's reason from BCM_RequestRefusal), or nothing happens within the timeout (failed, "no
response from climate control within 3 s"; a window that is still travelling is not silent: the timeout counts
from its last movement). While pending, the request repeats at the request messages'
cycle, as the demo DBC specifies; once settled, its field goes back to NO_REQUEST.

Not thread-safe: call it from one thread (the UI's, or a headless loop).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from vehicle_bus.errors import TransmitRefusedError

from .command import Command
from .errors import CommandError
from .functions import FUNCTIONS, Function
from .values import check_delta, check_value

if TYPE_CHECKING:
    from ..session import Session
    from ..state_store import StateStore

DEFAULT_TIMEOUT_S = 3.0
REPEAT_S = 0.1  # the request messages' cycle time in the demo DBC
REFUSAL = "Vehicle.SmartCockpit.Body.RequestRefusal"
REASONS = {
    "VEHICLE_MOVING": "vehicle moving",
    "PINCH_PROTECTION": "pinch protection active",
    "DOOR_OPEN": "a door is open",
    "CHARGING_CABLE_CONNECTED": "charging cable connected",
    "NOT_READY": "vehicle not ready",
    "OTHER": "the vehicle would not do it",
    "CABLE_NOT_CONNECTED": "charging cable not connected",
}
State = Literal["pending", "confirmed", "failed", "replaced"]


@dataclass
class Operation:
    """One VSS target on its way to the car."""

    path: str
    value: Any
    function: str | None
    instance: str | None
    ecu: str
    started: float
    refusal_keys: tuple[str, ...] = ()
    state: State = "pending"
    reason: str = ""
    reported: Any = None
    settled: float | None = None
    last_sent: float = 0.0
    refusal_seen: Any = None
    last_progress: float = 0.0  # when the reported value last moved toward the target

    @property
    def seconds(self) -> float:
        """How long it took to settle (or has been pending so far)."""
        return (self.settled if self.settled is not None else time.monotonic()) - self.started

    def matches(self, reported: Any) -> bool:
        return reported is not None and reported == self.value


@dataclass
class ControlState:
    """What a control shows: the function's reported value and its request in flight, if any."""

    reported: Any
    state: State | None = None  # of the latest request: None when there has been none
    target: Any = None
    reason: str = ""


@dataclass
class _Group:
    """The operations of one command on one instance (several targets for a colour or a light mode)."""

    value: Any
    operations: list[Operation] = field(default_factory=list)

    @property
    def state(self) -> State:
        states = {op.state for op in self.operations}
        for state in ("failed", "pending", "replaced"):
            if state in states:
                return state  # type: ignore[return-value]
        return "confirmed"

    @property
    def reason(self) -> str:
        return next((op.reason for op in self.operations if op.state == "failed"), "")


class CommandLayer:
    def __init__(self, session: Session, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.session = session
        self.timeout_s = timeout_s
        self.operations: list[Operation] = []  # pending ones, and the settled ones since the last update
        self._groups: dict[tuple[str, str | None], _Group] = {}
        self._by_path: dict[str, Operation] = {}

    @property
    def store(self) -> StateStore:
        return self.session.store

    # -- reading --------------------------------------------------------------------------------------------
    @staticmethod
    def spec(function: str) -> Function:
        return FUNCTIONS[function]

    def reported(self, function: str, instance: str | None = None) -> Any:
        """The function's value as the car reports it now (None before the car has said)."""
        spec = FUNCTIONS[function]
        return spec.read(self.store.value, self._instance(spec, instance))

    def control_state(self, function: str, instance: str | None = None) -> ControlState:
        spec = FUNCTIONS[function]
        instance = self._instance(spec, instance)
        shown = ControlState(spec.read(self.store.value, instance))
        group = self._groups.get((function, instance))
        if group is not None:
            shown.state, shown.target, shown.reason = group.state, group.value, group.reason
        return shown

    def settable(self, function: str) -> bool:
        """Whether the vehicle profile can transmit every target of ``function``."""
        transmitter = self.session.transmitter
        if transmitter is None:
            return False
        spec = FUNCTIONS[function]
        instance = spec.instances[0] if spec.instances else None
        sample = {"bool": True, "colour": (1, 1, 1)}.get(spec.kind)
        if sample is None:
            sample = next(iter(spec.choices)) if spec.choices else spec.minimum
        return all(p in transmitter.bound.actuators for p, _ in spec.encode(instance, sample))

    # -- commanding -----------------------------------------------------------------------------------------
    def check(self, command: Command) -> list[tuple[str | None, Any, list[tuple[str, Any]]]]:
        """Everything :meth:`execute` would send for ``command``, checked; CommandError if any is refused."""
        spec = command.spec()
        transmitter = self._transmitter()
        planned: list[tuple[str | None, Any, list[tuple[str, Any]]]] = []
        for instance in command.instances():
            value = self._resolve(spec, instance, command)
            targets = spec.encode(instance, value)
            for path, vss in targets:
                self._check_transmittable(transmitter, path, vss)
            planned.append((instance, value, targets))
        return planned

    def check_path(self, path: str, value: Any) -> None:
        """What :meth:`set_path` checks before sending; CommandError if refused."""
        self._check_transmittable(self._transmitter(), path, value)

    def execute(self, command: Command) -> list[Operation]:
        """Check ``command`` completely, then send it; CommandError (nothing sent) if any part is refused."""
        spec = command.spec()
        planned = self.check(command)
        operations = []
        for instance, value, targets in planned:
            group = _Group(value)
            for path, vss in targets:
                op = self._start(path, vss, spec, instance)
                group.operations.append(op)
            old = self._groups.get((spec.name, instance))
            if old is not None:
                for op in old.operations:
                    if op.state == "pending" and op not in group.operations:
                        op.state, op.settled = "replaced", time.monotonic()
            self._groups[(spec.name, instance)] = group
            operations += group.operations
        return operations

    def set_path(self, path: str, value: Any) -> Operation:
        """Set one VSS actuator directly (``cockpit command PATH=VALUE``): the same checks and follow-up."""
        transmitter = self._transmitter()
        self._check_transmittable(transmitter, path, value)
        spec, instance = _function_of(path)
        return self._start(path, value, spec, instance)

    def _transmitter(self) -> Any:
        transmitter = self.session.transmitter
        if transmitter is None:
            raise CommandError(
                f"nothing can be set: the source is a log replay ({self.session.label})",
                fix="Run on the simulator (no --replay) or on a bus (--can)",
            )
        if transmitter.bus is None and self.session.kind == "live":
            raise CommandError(f"nothing can be sent: the CAN bus is not open ({self.session.problem})")
        return transmitter

    @staticmethod
    def _check_transmittable(transmitter: Any, path: str, value: Any) -> None:
        try:
            transmitter.encode(path, value)
        except TransmitRefusedError as exc:
            raise CommandError(exc.what, where=exc.where, fix=exc.fix) from None

    def _instance(self, spec: Function, instance: str | None) -> str | None:
        if not spec.instances:
            return None
        for candidate in (instance, spec.default_instance):
            if candidate in spec.instances:
                return candidate
        return spec.instances[0]

    def _resolve(self, spec: Function, instance: str | None, command: Command) -> Any:
        if command.delta is None:
            return check_value(spec, command.value)
        if spec.kind != "number":
            raise CommandError(f"{spec.name} cannot be changed by a relative amount; give a value")
        check_delta(spec, command.delta)
        group = self._groups.get((spec.name, instance))
        # "Warmer, warmer": a second step builds on the first one still on its way.
        if group is not None and group.state == "pending":
            base = group.value
        else:
            base = spec.read(self.store.value, instance)
        if base is None:
            raise CommandError(
                f"{spec.name}: the car has not reported the {spec.label} yet, so it cannot be changed by "
                f"{command.delta:+g}",
                fix="Give a value instead, or wait for the car's status",
            )
        wanted = round(base + command.delta)
        low = spec.minimum if spec.minimum is not None else wanted
        high = spec.maximum if spec.maximum is not None else wanted
        value = min(max(wanted, low), high)
        if value == base:
            end = "maximum" if command.delta > 0 else "minimum"
            where = f" ({instance})" if instance else ""
            unit = f" {spec.unit}" if spec.unit else ""
            raise CommandError(f"the {spec.label}{where} is already at its {end}, {base:g}{unit}")
        return check_value(spec, value)

    def _start(self, path: str, vss: Any, spec: Function | None, instance: str | None) -> Operation:
        now = time.monotonic()
        refusals = tuple(spec.refusals.get(instance, ())) if spec is not None else ()
        op = Operation(
            path,
            vss,
            spec.name if spec else None,
            instance,
            spec.ecu if spec else "the vehicle",
            now,
            refusal_keys=refusals,
            refusal_seen=self.store.value(f"{REFUSAL}.Sequence"),
            last_progress=now,
        )
        previous = self._by_path.get(path)
        if previous is not None and previous.state == "pending":
            previous.state, previous.settled = "replaced", now
        self._by_path[path] = op
        self.session.transmitter.send(path, vss)
        op.last_sent = now
        self.operations.append(op)
        return op

    # -- following up ---------------------------------------------------------------------------------------
    def update(self) -> list[Operation]:
        """Resolve pending operations against what the car reports; returns those that settled now."""
        now = time.monotonic()
        settled = []
        sequence = self.store.value(f"{REFUSAL}.Sequence")
        refused = self.store.value(f"{REFUSAL}.Request")
        why = self.store.value(f"{REFUSAL}.Reason")
        for op in self.operations:
            if op.state != "pending":
                continue
            reported = self.store.value(op.path)
            if _closer(op.value, op.reported, reported):
                op.last_progress = now
            op.reported = reported
            if op.matches(reported):
                self._settle(op, "confirmed", "", now)
            elif sequence is not None and sequence != op.refusal_seen and refused in op.refusal_keys:
                self._settle(op, "failed", f"refused: {REASONS.get(why, str(why).lower())}", now)
            elif now - op.last_progress > self.timeout_s:
                self._settle(op, "failed", f"no response from {op.ecu} within {self.timeout_s:g} s", now)
            elif now - op.last_sent >= REPEAT_S:
                self.session.transmitter.send(op.path, op.value)
                op.last_sent = now
            if op.state != "pending":
                settled.append(op)
        self.operations = [op for op in self.operations if op.state == "pending"]
        return settled

    def _settle(self, op: Operation, state: State, reason: str, now: float) -> None:
        op.state, op.reason, op.settled = state, reason, now
        transmitter = self.session.transmitter
        if transmitter is not None and self._by_path.get(op.path) is op:
            transmitter.release(op.path)

    @property
    def busy(self) -> bool:
        return any(op.state == "pending" for op in self.operations)

    # -- headless -------------------------------------------------------------------------------------------
    def wait(self, operations: Iterable[Operation], timeout_s: float | None = None) -> None:
        """Tick the session and follow up until every operation has settled (headless use and tests)."""
        ops = list(operations)
        end = time.monotonic() + (timeout_s if timeout_s is not None else self.timeout_s + 1.0)
        while any(op.state == "pending" for op in ops) and time.monotonic() < end:
            self.pump(0.02)

    def pump(self, seconds: float) -> None:
        """Tick the session and follow up for ``seconds`` (headless use)."""
        end = time.monotonic() + seconds
        while True:
            self.session.tick()
            self.update()
            if time.monotonic() >= end:
                return
            time.sleep(0.01)

    def wait_for_status(self, timeout_s: float = 3.0) -> bool:
        """Tick until the car has reported every settable function once; True if it has."""
        end = time.monotonic() + timeout_s
        wanted = [f for f in FUNCTIONS if self.settable(f)]
        while time.monotonic() < end:
            self.pump(0.05)
            if all(self.reported(f) is not None for f in wanted):
                return True
        return False


def _closer(target: Any, before: Any, now: Any) -> bool:
    """Whether a travelling value (a window, the sunroof) moved toward its target: the ECU is at work, so
    the timeout counts from here rather than from the request."""
    numbers = (int, float)
    if not all(isinstance(v, numbers) and not isinstance(v, bool) for v in (target, before, now)):
        return False
    return abs(target - now) < abs(target - before)


def _function_of(path: str) -> tuple[Function | None, str | None]:
    for spec in FUNCTIONS.values():
        for instance, main in spec.paths.items():
            if main == path:
                return spec, instance
    return None, None
