"""``cockpit mapping check``: does a KUKSA mapping fit the DBC, the signal catalog, and a real log?"""

from __future__ import annotations

import argparse
import json
import sys

from vehicle_bus.sources.logfile import LogFile

from ..catalog import load_catalog
from ..mapping_check import check_mapping
from ..vehicle_data import load_vehicle_data
from .vehicle_options import add_channel_option, add_vehicle_options, channel_choice, on_channel


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("mapping", help="work with DBC↔VSS mappings")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    check = verbs.add_parser(
        "check",
        help="report unknown DBC signals, unknown VSS paths, vss2dbc on non-actuators, duplicates, "
        "and (with --log) which mapped signals occur",
    )
    add_vehicle_options(check)
    check.add_argument("--log", metavar="LOG", help="a log to count mapped messages in")
    add_channel_option(check)
    check.add_argument("--json", action="store_true", help="machine-readable report")
    check.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    log = LogFile(args.log) if args.log else None
    vehicle = load_vehicle_data(args.vehicle, args.dbc, args.mapping)
    frames = None
    if log is not None:
        channel = channel_choice(args.channel, vehicle.profile.log_channel if vehicle.profile else None)
        frames = on_channel(log, channel)
    report = check_mapping(vehicle.mapping, vehicle.database.db, load_catalog(), frames)
    report.database_warnings = list(vehicle.database.warnings)
    if args.json:
        json.dump(report.as_dict(), sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        for line in report.lines():
            print(line)
    if log is not None and log.report.summary():
        print(f"cockpit: {log.report.summary()}", file=sys.stderr)
    return 0 if report.ok else 1
