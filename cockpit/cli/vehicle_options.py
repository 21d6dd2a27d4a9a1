"""Options shared by every subcommand that decodes: which vehicle, or which DBC and mapping."""

from __future__ import annotations

import argparse


def add_vehicle_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("vehicle (default: the demo vehicle)")
    group.add_argument("--vehicle", metavar="NAME|DIR", help="vehicle profile name or folder")
    group.add_argument("--dbc", nargs="+", default=[], metavar="FILE", help="CAN database file(s)")
    group.add_argument(
        "--mapping", nargs="+", default=[], metavar="FILE", help="KUKSA DBC↔VSS mapping file(s)"
    )


def add_can_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("CAN source")
    group.add_argument(
        "--can",
        metavar="INTERFACE[:CHANNEL]",
        help="a python-can interface, e.g. socketcan:can0, pcan:PCAN_USBBUS1, virtual:demo",
    )
    group.add_argument("--bitrate", type=int, metavar="BPS", help="bus bitrate (default: the vehicle's)")
