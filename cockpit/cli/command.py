"""``cockpit command TARGET=VALUE ...``: command the car headless and report what it confirms.

A target is a cabin function (``seat.heating:passenger=2``, ``climate.temperature=+1``,
``ambient.color=purple``) or a VSS actuator path (``Vehicle.Cabin.HVAC.IsAirConditioningActive=true``).
Both go through the command layer, as a tap on the screen does: checked before anything is sent, then
followed until the car confirms, refuses (with its reason) or does not answer (timeout). Targets run one
after the other.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from typing import Any

from vehicle_bus.errors import InputError

from ..commands import FUNCTIONS, Command, CommandError, CommandLayer, Operation, parse_value
from ..commands.command import lookup
from ..commands.values import parse_number
from ..session import Session, SessionOptions
from .vehicle_options import add_can_options, add_vehicle_options, vehicle_and_bus


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "command",
        help="command cabin functions (default: on the in-process simulator) and report each confirmation",
        description=(
            "TARGET is FUNCTION[:INSTANCE]=VALUE (see --list; a leading + or - on a number is a relative "
            "change) or a VSS actuator PATH=VALUE. Every target is checked before anything is sent: one bad "
            "target and nothing is sent. Exit status: 0 every target confirmed; 1 a target refused (outside "
            "the function's limits, too big a step, or the car said no); 2 a target that is not a command "
            "(unknown function, not a number, nan/inf)."
        ),
    )
    p.add_argument(
        "targets",
        nargs="*",
        metavar="TARGET=VALUE",
        help="e.g. climate.temperature:passenger=23, seat.heating=+1, Vehicle.Body.Trunk.Rear.IsOpen=true",
    )
    p.add_argument("--list", action="store_true", help="list the cabin functions, instances and values")
    add_can_options(p)
    add_vehicle_options(p)
    p.add_argument(
        "--timeout", type=float, default=3.0, metavar="S", help="seconds without a response before failing"
    )
    p.add_argument("--json", action="store_true", help="one JSON object with a result per target")
    p.set_defaults(handler=run)


@dataclass
class Target:
    text: str
    path: str | None = None  # a VSS path, or
    command: Command | None = None  # a cabin function command
    value: Any = None


def parse_target(text: str, session: Session) -> Target:
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or not name or not raw:
        raise InputError(
            f"target {text!r} is not TARGET=VALUE", fix="e.g. climate.ac=on or seat.heating:driver=2"
        )
    if name.startswith("Vehicle."):
        node = session.vehicle.mapping.nodes.get(name)
        datatype = node.datatype if node else "string"
        return Target(text, path=name, value=_convert(raw, datatype, f"{name}{_limits(node)}"))
    function, _, instance = name.partition(":")
    spec = lookup(function)
    if spec.kind == "number" and raw[0] in "+-":
        delta = parse_number(raw, f"{function} takes a number ({spec.describe_range()}) or a +/- change")
        if delta != 0:
            return Target(text, command=Command(function, delta=delta, instance=instance or None))
        # "-0" or "+0": the number zero (a change of nothing would only ever be refused or do nothing).
    value = parse_value(spec, raw)
    return Target(text, command=Command(function, value=value, instance=instance or None))


def _limits(node: Any) -> str:
    """`` (16–32 celsius)`` for a VSS node with a range, else nothing."""
    if node is None or (node.min is None and node.max is None):
        return ""
    low = "" if node.min is None else f"{node.min:g}"
    high = "" if node.max is None else f"{node.max:g}"
    return f" ({low}–{high}{' ' + node.unit if node.unit else ''})"


def _convert(raw: str, datatype: str, path: str) -> Any:
    if datatype == "boolean":
        if raw.lower() in ("true", "on", "1", "yes"):
            return True
        if raw.lower() in ("false", "off", "0", "no"):
            return False
        raise InputError(f"{path} takes true or false, not {raw!r}")
    if datatype in ("float", "double"):
        return parse_number(raw, f"{path} takes a number")
    if datatype.startswith(("int", "uint")):
        number = parse_number(raw, f"{path} takes a whole number")
        if not number.is_integer():
            raise InputError(f"{path} takes a whole number, not {raw!r}")
        return int(number)
    return raw


def run(args: argparse.Namespace) -> int:
    if args.list:
        _print_functions()
        return 0
    if not args.targets:
        raise InputError(
            "no targets given", fix="e.g. cockpit command climate.ac=on (cockpit command --list)"
        )
    session = Session(
        SessionOptions(
            **vehicle_and_bus(args),
            cycle="idle",
        )
    )
    try:
        targets = [parse_target(t, session) for t in args.targets]
        session.start()
        layer = CommandLayer(session, timeout_s=args.timeout)
        layer.wait_for_status(timeout_s=min(args.timeout, 3.0))
        refused = _refusals(layer, targets)
        if refused:
            results = [_not_sent(layer, target, refused) for target in targets]
        else:
            results = [_execute(layer, target) for target in targets]
    finally:
        session.close()
    if args.json:
        json.dump({"vehicle": session.vehicle.name, "source": session.label, "results": results}, sys.stdout)
        sys.stdout.write("\n")
    else:
        for r in results:
            reported = _show(r["reported"])
            if r["state"] == "confirmed":
                print(f"{r['target']}: confirmed in {r['seconds']:.2f} s (the car reports {reported})")
            else:
                print(f"{r['target']}: FAILED ({r['reason']}); the car reports {reported}")
    return 0 if all(r["state"] == "confirmed" for r in results) else 1


def _refusals(layer: CommandLayer, targets: list[Target]) -> dict[str, str]:
    """Every target checked before the first frame is sent: target text → why it is refused."""
    refused = {}
    for target in targets:
        try:
            if target.command is not None:
                layer.check(target.command)
            else:
                layer.check_path(target.path or "", target.value)
        except CommandError as exc:
            refused[target.text] = exc.line()
    return refused


def _not_sent(layer: CommandLayer, target: Target, refused: dict[str, str]) -> dict[str, Any]:
    """The result of a target of a batch that was not sent because one of its targets was refused."""
    result = _described(layer, target)
    reason = refused.get(target.text, "not sent: another target of the command was refused")
    result.update(state="failed", seconds=0.0, reason=reason)
    return result


def _described(layer: CommandLayer, target: Target) -> dict[str, Any]:
    command = target.command
    result: dict[str, Any] = {
        "target": target.text,
        "path": target.path or (command.function if command else None),
        "instance": command.instance if command else None,
        "value": target.value if command is None else (command.value if command.delta is None else None),
        "delta": command.delta if command else None,
    }
    if command is not None:
        reported = [layer.reported(command.function, i) for i in command.instances()]
        result["reported"] = reported[0] if len(reported) == 1 else reported
    else:
        result["reported"] = layer.store.value(target.path or "")
    return result


def _execute(layer: CommandLayer, target: Target) -> dict[str, Any]:
    command = target.command
    result = _described(layer, target)
    ops: list[Operation] = []
    try:
        ops = layer.execute(command) if command else [layer.set_path(target.path or "", target.value)]
    except CommandError as exc:
        state, reason, seconds = "failed", exc.line(), 0.0
    else:
        layer.wait(ops, timeout_s=layer.timeout_s * 10)
        failed = [op for op in ops if op.state != "confirmed"]
        state = "failed" if failed else "confirmed"
        reason = failed[0].reason or failed[0].state if failed else ""
        seconds = max(op.seconds for op in ops)
    result.update(_described(layer, target))  # what the car reports now, after the command
    if command is not None and command.delta is not None and ops:
        result["value"] = ops[0].value if len(ops) == 1 else [op.value for op in ops]
    result.update(state=state, seconds=round(seconds, 3), reason=reason or None)
    return result


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return "nothing yet" if value is None else str(value)


def _print_functions() -> None:
    for spec in FUNCTIONS.values():
        where = f":{'|'.join((*spec.instances, 'all'))}" if spec.instances else ""
        print(f"{spec.name}{where}  {spec.describe_range()}  ({spec.label})")
