"""``cockpit decode LOG``: every VSS value a log yields, as JSON lines or CSV, headless."""

from __future__ import annotations

import argparse
import csv
import fnmatch
import json
import sys
from typing import Any

from vehicle_bus.sources.logfile import LogFile

from ..vehicle_data import load_vehicle_data
from .vehicle_options import add_channel_option, add_vehicle_options, channel_choice


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("decode", help="decode a CAN log to VSS signal values (jsonl or csv)")
    p.add_argument(
        "log", metavar="LOG", help="a log python-can reads (.asc .blf .log .trc .csv .mf4, .gz) or GVRET CSV"
    )
    add_vehicle_options(p)
    add_channel_option(p)
    p.add_argument(
        "--signals",
        action="append",
        default=[],
        metavar="GLOB",
        help="only paths matching (repeatable, or a,b)",
    )
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    log = LogFile(args.log)
    vehicle = load_vehicle_data(args.vehicle, args.dbc, args.mapping)
    for warning in vehicle.warnings:
        print(f"cockpit: warning: {warning}", file=sys.stderr)
    channel = channel_choice(args.channel, vehicle.profile.log_channel if vehicle.profile else None)
    patterns = [p for arg in args.signals for p in arg.split(",") if p]
    decoder = vehicle.decoder()
    out = sys.stdout
    if args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["t", "path", "value"])
    wanted: dict[str, bool] = {}
    t0: float | None = None

    def emit(path: str, value: Any, t: float) -> None:
        ok = wanted.get(path)
        if ok is None:
            ok = wanted[path] = not patterns or any(fnmatch.fnmatchcase(path, p) for p in patterns)
        if not ok:
            return
        rel = round(t - t0, 6)
        if args.format == "jsonl":
            out.write(json.dumps({"t": rel, "path": path, "value": value}, ensure_ascii=False) + "\n")
        else:
            writer.writerow([rel, path, value])

    frames = 0
    feed = decoder.feed
    for msg in log:
        if t0 is None:
            t0 = msg.timestamp
        if channel is not None and msg.channel != channel and str(msg.channel) != str(channel):
            continue
        frames += 1
        feed(msg.arbitration_id, msg.data, msg.timestamp, emit)
    out.flush()
    summary = log.report.summary()
    if summary:
        print(f"cockpit: {summary}", file=sys.stderr)
    errors = decoder.stats.errors
    if errors:
        worst = ", ".join(
            f"0x{fid:x} ({n}x: {decoder.stats.last_error[fid]})" for fid, n in errors.most_common(3)
        )
        print(f"cockpit: {sum(errors.values())} frames could not be decoded: {worst}", file=sys.stderr)
    if frames == 0:
        where = f" on channel {channel}" if channel is not None else ""
        print(f"cockpit: {args.log}: no frames{where}", file=sys.stderr)
    return 0
