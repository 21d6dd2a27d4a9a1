"""``cockpit doctor``: check the CAN interface, what Qt needs (screen, libraries, fonts), audio, voice models
and folders; say what to fix."""

from __future__ import annotations

import argparse
import json
import sys

from ..doctor import Check, check_can, check_system
from ..vehicle_profile import DEFAULT_VEHICLE, load_profile

MARKS = {"ok": "✔", "warn": "!", "fail": "✘"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "doctor",
        help="check the CAN interface, audio, voice models, display and folders; say what to fix",
    )
    p.add_argument(
        "--can",
        metavar="INTERFACE[:CHANNEL]",
        help="interface to check (default: python-can's configuration, else socketcan:can0)",
    )
    p.add_argument("--vehicle", metavar="NAME|DIR", help="vehicle profile whose bitrate the bus should have")
    p.add_argument(
        "--listen", type=float, default=2.0, metavar="S", help="seconds to count frames (default 2)"
    )
    p.add_argument(
        "--lang",
        choices=("en", "zh"),
        default="en",
        help="language whose fonts the screen needs (default en)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object with every check")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    bitrate = load_profile(args.vehicle or DEFAULT_VEHICLE).bitrate
    checks: list[Check] = check_can(args.can, bitrate, listen_s=args.listen) + check_system(args.lang)
    failed = sum(c.status == "fail" for c in checks)
    warned = sum(c.status == "warn" for c in checks)
    if args.json:
        json.dump({"checks": [c.as_dict() for c in checks], "failed": failed, "warnings": warned}, sys.stdout)
        sys.stdout.write("\n")
    else:
        for c in checks:
            line = f"{MARKS[c.status]} {c.name}: {c.detail}"
            if c.fix and c.status != "ok":
                line += f"\n    → {c.fix}"
            print(line)
        print(f"{failed} problem(s), {warned} warning(s)" if failed or warned else "All good.")
    return 1 if failed else 0
