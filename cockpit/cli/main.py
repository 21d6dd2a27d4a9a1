"""The ``cockpit`` command: one entry point, one module per subcommand, imported only when it runs.

Like pip's command table, ``COMMANDS`` names each subcommand's module and a one-line summary, so that
``cockpit --help`` lists every command without importing any, and ``cockpit decode`` imports the decode
module alone (not Qt, scipy, navigation or voice). Keep heavy imports out of this module and out of the
top of modules that commands share (``vehicle_options``, ``vehicles``).
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from vehicle_bus.errors import InputError

from .lazy_mf4 import defer_mf4_support


@dataclass(frozen=True)
class CommandInfo:
    module: str  # in this package; it has ``register(subparsers)``, whose handlers take the parsed args
    summary: str  # the line in ``cockpit --help``


COMMANDS: dict[str, CommandInfo] = {
    "run": CommandInfo("run", "start the head unit (the default command)"),
    "sim": CommandInfo("sim", "run the simulated vehicle on a CAN bus, or into a log with --fast --record"),
    "decode": CommandInfo("decode", "decode a CAN log to VSS signal values (jsonl or csv)"),
    "mapping": CommandInfo("mapping", "work with DBC↔VSS mappings (check)"),
    "dbc": CommandInfo("dbc", "what a CAN database holds, and what the tolerant loader skipped (info)"),
    "screenshot": CommandInfo("screenshot", "render a panel to a PNG (offscreen), for docs and checks"),
    "command": CommandInfo("command", "command cabin functions and report what the car confirms"),
    "diag": CommandInfo("diag", "vehicle diagnostics: scan ECUs, read or clear DTCs, ECU info"),
    "ota": CommandInfo("ota", "signed over-the-air updates: keys, publish, update the car and its ECUs"),
    "map": CommandInfo("map", "import an OpenStreetMap extract, search places on a map"),
    "route": CommandInfo("route", "compute a route offline with turn-by-turn maneuvers"),
    "voice": CommandInfo("voice", "voice assistant: test WAV files, say a sentence, download a model"),
    "doctor": CommandInfo("doctor", "check the CAN interface, audio, voice models, display and folders"),
    "companion": CommandInfo("companion", "serve the phone companion web app over HTTPS; pair a phone"),
    "install-service": CommandInfo("install_service", "install a systemd user service for kiosk mode"),
    "media": CommandInfo("media", "local music: scan a folder into the library index (counts, unreadable)"),
    "vehicle": CommandInfo("vehicle", "make a vehicle profile for your own car from its DBC (new)"),
    "fleet": CommandInfo("fleet", "connected cars: pair keys, signed commands, fleet simulation and watch"),
}
DEFAULT = "run"
VERBOSE = ("-v", "--verbose")
HELP = ("-h", "--help")
EXIT_BAD_INPUT = 2


def with_command(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The subcommand ``argv`` asks for (None: top-level help) and ``argv`` with it spelled out.

    ``cockpit --size 800x480`` means ``cockpit run --size 800x480``; ``-v`` may stay in front.
    """
    args = list(argv)
    first = next((i for i, arg in enumerate(args) if arg not in VERBOSE), len(args))
    if first < len(args) and args[first] in HELP:
        return None, args
    if first < len(args) and args[first] in COMMANDS:
        return args[first], args
    if first < len(args) and not args[first].startswith("-"):
        # `run` takes no words of its own, so a leading word is a command, perhaps mistyped.
        near = difflib.get_close_matches(args[first], COMMANDS, n=1)
        raise InputError(
            f"unknown command {args[first]!r}",
            fix=(f"Did you mean {near[0]}? " if near else "") + "Commands: " + ", ".join(COMMANDS),
        )
    return DEFAULT, [*args[:first], DEFAULT, *args[first:]]


def build_parser(command: str | None = DEFAULT) -> argparse.ArgumentParser:
    """The parser with ``command``'s module registered; every other command is a name and a summary."""
    parser = argparse.ArgumentParser(
        prog="cockpit",
        description="Smart Cockpit: an offline smart-cockpit head unit fed by CAN bus data. "
        f"Without a command: {DEFAULT}.",
    )
    parser.add_argument(*VERBOSE, action="store_true", help="log details to stderr (anywhere on the line)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, info in COMMANDS.items():
        if name == command:
            defer_mf4_support()
            importlib.import_module(f"{__package__}.{info.module}").register(sub)
            _accept_verbose(sub.choices[name])
        else:
            sub.add_parser(name, help=info.summary, add_help=False)
    return parser


def _accept_verbose(parser: argparse.ArgumentParser) -> None:
    """``-v`` after the subcommand (and after its verbs); SUPPRESS keeps a ``-v`` given in front."""
    parser.add_argument(
        *VERBOSE, action="store_true", default=argparse.SUPPRESS, help="log details to stderr"
    )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                _accept_verbose(child)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        command, args_list = with_command(sys.argv[1:] if argv is None else argv)
        parser = build_parser(command)
        args = parser.parse_args(args_list)  # help and usage errors exit here (0 and 2)
        logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
        # cantools and python-can log parse problems themselves; we report them as one line each instead.
        for noisy in ("cantools", "can"):
            logging.getLogger(noisy).setLevel(logging.INFO if args.verbose else logging.CRITICAL)
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `cockpit decode LOG | head`: the reader went away, which is not an error of ours.
        sys.stderr.close()
        return 0
    except InputError as exc:
        print(f"cockpit: {exc.line()}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
