"""``cockpit media scan DIR``: what a music folder holds (counts by artist, album and track, duration) and
which files cannot be read; ``--json`` for scripts. The index it builds is the one the head unit opens."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vehicle_bus.errors import InputError

from .progress import terminal_bar, wants_bar


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("media", help="local music: scan a folder into the library index")
    media = p.add_subparsers(dest="media_command", required=True, metavar="COMMAND")
    scan = media.add_parser("scan", help="scan a music folder: tracks found, unreadable files")
    scan.add_argument("folder", type=Path, metavar="DIR")
    scan.add_argument("--json", action="store_true", help="one JSON object: counts, unreadable files")
    scan.add_argument("--no-cache", action="store_true", help="read every file again (ignore the index)")
    scan.set_defaults(handler=run_scan)


def run_scan(args: argparse.Namespace) -> int:
    from ..media.cache import index_path, open_library
    from ..media.catalog import MusicCatalog
    from ..media.formats import CONVERT_TO

    folder: Path = args.folder
    if not folder.is_dir():
        raise InputError("no such music folder", where=str(folder), fix="Give an existing folder")
    if args.no_cache:
        index_path(folder).unlink(missing_ok=True)
    bar = terminal_bar(None, "scanning", " files") if wants_bar(json=args.json) else None
    try:
        result = open_library(folder, progress=(lambda n: bar.update(n - bar.n)) if bar else None)
    finally:
        if bar is not None:
            bar.close()
    catalog = MusicCatalog(result.tracks)
    summary = {
        "folder": str(folder),
        "tracks": len(result.tracks),
        "artists": len(catalog.artists()),
        "albums": len(catalog.albums()),
        "duration_s": round(sum(t.duration_s for t in result.tracks), 1),
        "from_index": result.reused,
        "unreadable": [{"path": u.path, "reason": u.reason} for u in result.unreadable],
        # listed (tags read) but no decoder here: the driver is told to convert them
        "unplayable": [{"path": t.path, "codec": t.codec} for t in result.unplayable],
    }
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    hours = summary["duration_s"] / 3600
    print(
        f"{folder}: {summary['tracks']} tracks, {summary['artists']} artists, {summary['albums']} albums, "
        f"{hours:.1f} h ({result.reused} from the index)"
    )
    for u in result.unreadable:
        print(f"  unreadable: {u.path}: {u.reason}")
    for t in result.unplayable:
        print(f"  cannot play: {t.path}: {t.codec}; convert it to {CONVERT_TO}")
    return 0
