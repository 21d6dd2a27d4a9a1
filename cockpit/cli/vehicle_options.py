"""Options shared by every subcommand that decodes: which vehicle, or which DBC and mapping."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from vehicle_bus.errors import InputError

if TYPE_CHECKING:  # python-can is not imported by commands that only take these options (voice say)
    import can


def add_vehicle_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("vehicle (default: the demo vehicle)")
    group.add_argument(
        "--vehicle", metavar="NAME|DIR", help="vehicle profile: a name (or bev, erev) or a profile folder"
    )
    group.add_argument("--dbc", nargs="+", default=[], metavar="FILE", help="CAN database file(s)")
    group.add_argument(
        "--mapping", nargs="+", default=[], metavar="FILE", help="KUKSA DBC↔VSS mapping file(s)"
    )


def check_soc(soc: float | None) -> None:
    """``--soc`` is a percentage; anything else is refused before work starts."""
    if soc is not None and not 0 <= soc <= 100:
        raise InputError(f"--soc {soc:g} is not a state of charge", fix="Give a percentage from 0 to 100")


def add_channel_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--channel",
        metavar="N|all",
        help="read only this bus of a multi-bus log (default: the vehicle profile's, else all)",
    )


def channel_choice(arg: str | None, profile_default: int | None) -> object | None:
    """The bus to keep from a log: ``--channel`` if given (``all`` = every bus), else the profile's."""
    if arg is None:
        return profile_default
    if arg.lower() == "all":
        return None
    return int(arg) if arg.lstrip("-").isdigit() else arg


def on_channel(messages: Iterable[can.Message], channel: object | None) -> Iterator[can.Message]:
    if channel is None:
        yield from messages
        return
    wanted = str(channel)
    for msg in messages:
        if msg.channel == channel or str(msg.channel) == wanted:
            yield msg


def add_can_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("CAN source")
    group.add_argument(
        "--can",
        metavar="INTERFACE[:CHANNEL]",
        help="a python-can interface, e.g. socketcan:can0, pcan:PCAN_USBBUS1, virtual:demo",
    )
    group.add_argument("--bitrate", type=int, metavar="BPS", help="bus bitrate (default: the vehicle's)")


def vehicle_and_bus(args: argparse.Namespace) -> dict[str, object]:
    """The SessionOptions fields every command with the vehicle and CAN options shares (one place to read
    them, so a new option reaches ``run``, ``companion`` and ``command`` alike)."""
    return {
        "vehicle": args.vehicle,
        "dbc": tuple(args.dbc),
        "mapping": tuple(args.mapping),
        "can": args.can,
        "bitrate": args.bitrate,
    }
