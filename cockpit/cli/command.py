"""``cockpit command PATH=VALUE ...``: set actuator targets on a bus and report what the vehicle confirms."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from vehicle_bus.errors import InputError

from ..session import Session, SessionOptions
from ..targets import TargetTracker
from .vehicle_options import add_can_options, add_vehicle_options

SETTLE_S = 1.0  # let the first status frames arrive before comparing


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "command",
        help="set actuator targets (default: on the in-process simulator) and report each confirmation",
    )
    p.add_argument(
        "targets",
        nargs="+",
        metavar="PATH=VALUE",
        help="e.g. Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature=24",
    )
    add_can_options(p)
    add_vehicle_options(p)
    p.add_argument(
        "--timeout", type=float, default=3.0, metavar="S", help="seconds to wait for each confirmation"
    )
    p.add_argument("--json", action="store_true", help="one JSON object with a result per target")
    p.set_defaults(handler=run)


def parse_target(text: str, session: Session) -> tuple[str, Any]:
    path, sep, raw = text.partition("=")
    path, raw = path.strip(), raw.strip()
    if not sep or not path or not raw:
        raise InputError(
            f"target {text!r} is not PATH=VALUE", fix="e.g. Vehicle.Cabin.HVAC.IsAirConditioningActive=true"
        )
    node = session.vehicle.mapping.nodes.get(path)
    datatype = node.datatype if node else "string"
    return path, _convert(raw, datatype, path)


def _convert(raw: str, datatype: str, path: str) -> Any:
    if datatype == "boolean":
        if raw.lower() in ("true", "on", "1", "yes"):
            return True
        if raw.lower() in ("false", "off", "0", "no"):
            return False
        raise InputError(f"{path} takes true or false, not {raw!r}")
    if datatype in ("float", "double"):
        try:
            return float(raw)
        except ValueError:
            raise InputError(f"{path} takes a number, not {raw!r}") from None
    if datatype.startswith(("int", "uint")):
        try:
            return int(raw)
        except ValueError:
            raise InputError(f"{path} takes a whole number, not {raw!r}") from None
    return raw


def run(args: argparse.Namespace) -> int:
    session = Session(
        SessionOptions(
            vehicle=args.vehicle,
            dbc=tuple(args.dbc),
            mapping=tuple(args.mapping),
            can=args.can,
            bitrate=args.bitrate,
            cycle="idle",
        )
    )
    try:
        targets = [parse_target(t, session) for t in args.targets]
        session.start()
        tracker = TargetTracker(session.store, session.transmitter, timeout_s=args.timeout)
        _pump(session, tracker, SETTLE_S)
        results = []
        for path, value in targets:
            sent = time.monotonic()
            target = tracker.set(path, value)
            while target.state == "pending":
                _pump(session, tracker, 0.02)
            item = session.store.get(path)
            results.append(
                {
                    "path": path,
                    "target": value,
                    "state": target.state,
                    "reported": item.value if item else None,
                    "seconds": round(time.monotonic() - sent, 3),
                    "reason": target.reason or None,
                }
            )
    finally:
        session.close()
    if args.json:
        json.dump({"vehicle": session.vehicle.name, "source": session.label, "results": results}, sys.stdout)
        sys.stdout.write("\n")
    else:
        for r in results:
            if r["state"] == "confirmed":
                print(f"{r['path']} = {r['reported']}: confirmed in {r['seconds']:.2f} s")
            else:
                print(f"{r['path']} = {r['target']}: FAILED ({r['reason']}); the car reports {r['reported']}")
    return 0 if all(r["state"] == "confirmed" for r in results) else 1


def _pump(session: Session, tracker: TargetTracker, seconds: float) -> None:
    end = time.monotonic() + seconds
    while True:
        session.tick()
        tracker.update()
        if time.monotonic() >= end:
            return
        time.sleep(0.01)
