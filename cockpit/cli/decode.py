"""``cockpit decode LOG``: every VSS value a log yields, or with ``--raw`` every frame as read, headless."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from .vehicle_options import add_channel_option, add_vehicle_options, channel_choice

if TYPE_CHECKING:
    from collections.abc import Iterator

    import can

    from vehicle_bus.sources.logfile import LogFile


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "decode", help="decode a CAN log to VSS signal values, or print its frames as read (--raw)"
    )
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
    p.add_argument(
        "--raw",
        action="store_true",
        help="print every frame as read (time stamp, channel, id, flags, DLC, data) instead of signals",
    )
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from vehicle_bus.sources.logfile import LogFile

    log = LogFile(args.log)
    if args.raw:
        # Every frame as read: only an explicit --channel filters, not a profile's default bus.
        return _print_frames(log, channel_choice(args.channel, None), args.format)
    return _print_signals(log, args)


def _on_channel(log: LogFile, channel: object | None, seen: set[str]) -> Iterator[can.Message]:
    """The log's frames on ``channel`` (all when None); ``seen`` collects every channel met."""
    wanted = None if channel is None else str(channel)
    for msg in log:
        name = str(msg.channel)
        seen.add(name)
        if wanted is None or name == wanted:
            yield msg


def _finish(log: LogFile, args_log: str, channel: object | None, frames: int, seen: set[str]) -> None:
    """Report what reading skipped; a log without one usable frame is an error, not an empty result."""
    from vehicle_bus.errors import LogFormatError

    failure = log.report.no_frame_error()
    if failure is not None:
        raise failure
    summary = log.report.summary()
    if summary:
        print(f"cockpit: {summary}", file=sys.stderr)
    if frames == 0:
        present = ", ".join(sorted(seen))
        raise LogFormatError(
            f"no frames on channel {channel}",
            where=args_log,
            fix=f"Channels in this log: {present}; pick one with --channel N, or --channel all",
        )


def _print_frames(log: LogFile, channel: object | None, fmt: str) -> int:
    from vehicle_bus.sources.raw_frames import CSV_COLUMNS, csv_row, frame_record

    out = sys.stdout
    seen: set[str] = set()
    frames = 0
    if fmt == "csv":
        import csv

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for msg in _on_channel(log, channel, seen):
            frames += 1
            writer.writerow(csv_row(msg))
    else:
        import json

        dumps = json.dumps
        for msg in _on_channel(log, channel, seen):
            frames += 1
            out.write(dumps(frame_record(msg)) + "\n")
    out.flush()
    _finish(log, str(log.path), channel, frames, seen)
    return 0


def _print_signals(log: LogFile, args: argparse.Namespace) -> int:
    import csv
    import fnmatch
    import json

    from ..vehicle_data import load_vehicle_data

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
    seen: set[str] = set()
    wanted_channel = None if channel is None else str(channel)
    feed = decoder.feed
    for timestamp, bus, frame_id, data in log.records():
        if t0 is None:
            # Times are relative to the log's first frame on any bus, so buses decoded apart line up.
            t0 = timestamp
        name = str(bus)
        seen.add(name)
        if wanted_channel is not None and name != wanted_channel:
            continue
        frames += 1
        feed(frame_id, data, timestamp, emit)
    out.flush()
    errors = decoder.stats.errors
    if errors:
        worst = ", ".join(
            f"0x{fid:x} ({n}x: {decoder.stats.last_error[fid]})" for fid, n in errors.most_common(3)
        )
        print(f"cockpit: {sum(errors.values())} frames could not be decoded: {worst}", file=sys.stderr)
    _finish(log, args.log, channel, frames, seen)
    return 0
