"""The ``cockpit`` command: one entry point, one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from vehicle_bus.errors import InputError

# Subcommand name → module in this package; each module has ``register(subparsers)`` and ``run(args)``.
SUBCOMMANDS = {
    "run": "run",
    "decode": "decode",
    "sim": "sim",
    "screenshot": "screenshot",
    "command": "command",
    "mapping": "mapping",
    "diag": "diag",
    "doctor": "doctor",
    "install-service": "install_service",
    "map": "map",
    "route": "route",
    "voice": "voice",
    "vehicle": "vehicle",
}
DEFAULT = "run"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cockpit",
        description="Smart Cockpit: an offline smart-cockpit head unit fed by CAN bus data.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in SUBCOMMANDS.values():
        importlib.import_module(f"{__package__}.{module_name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not any(a in SUBCOMMANDS for a in args_list if not a.startswith("-")) and not {
        "-h",
        "--help",
    } & set(args_list):
        # `cockpit --size 800x480` means `cockpit run --size 800x480`; options of the command itself
        # (-v) stay in front of the subcommand.
        leading = 0
        while leading < len(args_list) and args_list[leading] in ("-v", "--verbose"):
            leading += 1
        args_list.insert(leading, DEFAULT)
    parser = build_parser()
    args = parser.parse_args(args_list)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    # cantools and python-can log parse problems themselves; we report them as one line each instead.
    for noisy in ("cantools", "can"):
        logging.getLogger(noisy).setLevel(logging.INFO if args.verbose else logging.CRITICAL)
    try:
        return int(args.handler(args) or 0)
    except InputError as exc:
        print(f"cockpit: {exc.line()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `cockpit decode LOG | head`: the reader went away, which is not an error of ours.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
