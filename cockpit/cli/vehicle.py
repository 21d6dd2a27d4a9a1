"""``cockpit vehicle new NAME --dbc FILE``: a profile folder for your own car, ready to check and refine."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from vehicle_bus.errors import InputError

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("vehicle", help="vehicle profiles: make one for your own car")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    new = verbs.add_parser(
        "new",
        help="scaffold a profile from a DBC: vehicle.toml, a KUKSA mapping skeleton with VSS guesses, README",
        description="Writes NAME/ in your profile folder (or --out DIR) and never replaces anything there.",
    )
    new.add_argument("name", metavar="NAME", help="profile name (letters, digits, - _ .)")
    new.add_argument("--dbc", required=True, type=Path, metavar="FILE", help="the car's CAN database")
    new.add_argument("--out", type=Path, metavar="DIR", help="the profile folder (default: NAME in yours)")
    new.add_argument("--title", metavar="TEXT", help="the name shown on screen (default: NAME)")
    new.add_argument(
        "--bitrate", type=int, metavar="BIT/S", help="bus bitrate (default: the DBC's, else 500000)"
    )
    new.add_argument("--json", action="store_true", help="what was written as one JSON object")
    new.set_defaults(handler=run_new)


def run_new(args: argparse.Namespace) -> int:
    from vehicle_bus.dbc import load_databases

    from ..catalog import load_catalog
    from ..vehicle_profile import profile_folders, user_profiles_dir
    from ..vehicle_scaffold import bus_bitrate, mapping_text, readme_text, skeleton, vehicle_toml

    if not NAME.fullmatch(args.name):
        raise InputError(
            f"{args.name!r} is not a profile name", fix="Use letters, digits, - _ . (e.g. my-ev)"
        )
    folder = (args.out or user_profiles_dir() / args.name).expanduser()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(
            "already exists; nothing was changed", where=str(folder), fix="Choose another NAME or --out DIR"
        )
    known = profile_folders()
    if args.out is None and args.name in known:
        raise InputError(
            f"a profile named {args.name!r} exists already ({known[args.name]})", fix="Choose another NAME"
        )
    loaded = load_databases([args.dbc])  # a DBC that cannot be used stops here, before anything is written
    catalog = load_catalog()
    parts = skeleton(loaded.db, catalog)
    title = args.title or args.name
    dbc_name = args.dbc.name
    files = {
        "vehicle.toml": vehicle_toml(title, dbc_name, args.bitrate or bus_bitrate(loaded.db)),
        "mapping.vspec": mapping_text(title, dbc_name, parts, catalog),
        "README.md": readme_text(title, str(folder), dbc_name, parts),
    }
    write_profile(folder, files, args.dbc)
    todo = sum(len(v) for v in parts.todo.values())
    if args.json:
        report = {
            "folder": str(folder),
            "mapped": {g.vss_path: g.signal for g in parts.guesses},
            "todo": todo,
            "warnings": list(loaded.warnings),
            "loads": bool(parts.guesses),
        }
        print(json.dumps(report))
        return 0
    for warning in loaded.warnings:
        print(f"warning: {warning}")
    print(
        f"wrote {folder}: {len(parts.guesses)} signal(s) mapped by name, {todo} left as TODO in mapping.vspec"
    )
    for guess in parts.guesses:
        print(f"  {guess.vss_path} ← {guess.signal}")
    if not parts.guesses:
        print(
            f"cockpit: no signal name in {dbc_name} made a VSS signal obvious, so the profile does not load "
            f"yet: map at least one from the TODO list in {folder / 'mapping.vspec'}",
            file=sys.stderr,
        )
    print(f"next: cockpit mapping check --vehicle {folder}   (see {folder / 'README.md'})")
    return 0


def write_profile(folder: Path, files: dict[str, str], dbc: Path) -> None:
    """Everything is written to a temporary folder beside the target, then moved into place in one step:
    a failure half-way leaves no half profile behind."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError as exc:
        raise InputError(f"cannot write there: {exc.strerror or exc}", where=str(folder.parent)) from None
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        shutil.copyfile(dbc, staging / dbc.name)
        if folder.is_dir():
            folder.rmdir()  # empty (checked before): the staging folder takes its place
        staging.rename(folder)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(f"cannot write the profile: {exc.strerror or exc}", where=str(folder)) from None
