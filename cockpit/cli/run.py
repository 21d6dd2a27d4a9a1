"""``cockpit run`` (the default): the head unit."""

from __future__ import annotations

import argparse
import sys

from .vehicle_options import add_can_options, add_vehicle_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="start the head unit (default)")
    add_can_options(p)
    add_vehicle_options(p)
    p.add_argument("--replay", metavar="LOG", help="play a recorded log instead of a live bus")
    p.add_argument("--speed", type=float, default=1.0, help="replay speed factor")
    p.add_argument("--loop", action="store_true", help="replay in a loop")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print(
        "cockpit: the head-unit window is not built yet; use 'cockpit decode LOG' or 'cockpit mapping check'",
        file=sys.stderr,
    )
    return 1
