"""``--mqtt`` and its options, shared by ``run``, ``sim`` and ``fleet`` (imports connect only when used)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..connect.broker import BrokerConfig
    from ..connect.service import ConnectOptions


def add_broker_options(p: argparse.ArgumentParser, required: bool = False) -> None:
    g = p.add_argument_group("MQTT broker")
    g.add_argument(
        "--mqtt", required=required, metavar="URL", help="broker: mqtt[s]://[user:pass@]host[:port]"
    )
    g.add_argument("--mqtt-ca", metavar="FILE", help="CA certificate(s) that signed the broker's certificate")
    g.add_argument("--mqtt-cert", metavar="FILE", help="client certificate (with --mqtt-key)")
    g.add_argument("--mqtt-key", metavar="FILE", help="client certificate's private key")


def add_mqtt_options(p: argparse.ArgumentParser) -> None:
    """The connected car: telemetry, Home Assistant discovery, remote commands (see docs/mqtt.md)."""
    add_broker_options(p)
    g = p.add_argument_group("connected car (with --mqtt)")
    g.add_argument(
        "--vehicle-id", metavar="ID", help="topic id of this car (default: the VIN, or a stable id)"
    )
    g.add_argument("--mqtt-rate", type=float, default=1.0, metavar="HZ", help="stream batches per second")
    g.add_argument("--mqtt-queue", type=Path, metavar="FILE", help="on-disk queue (SQLite) while offline")
    g.add_argument("--mqtt-queue-max", type=int, default=100_000, metavar="N", help="queue bound (messages)")
    g.add_argument(
        "--mqtt-drop", choices=("oldest", "newest"), default="oldest", help="dropped first when full"
    )
    g.add_argument("--no-remote", action="store_true", help="start with remote commands off")
    g.add_argument("--no-home-assistant", action="store_true", help="no Home Assistant discovery")


def broker_config(args: argparse.Namespace) -> BrokerConfig:
    from ..connect.broker import parse_broker

    return parse_broker(args.mqtt, args.mqtt_ca, args.mqtt_cert, args.mqtt_key)


def connect_options(args: argparse.Namespace, vehicle_id: str | None = None) -> ConnectOptions:
    from vehicle_bus.errors import InputError

    from ..connect.service import ConnectOptions

    if not args.mqtt_rate > 0:
        raise InputError(f"--mqtt-rate {args.mqtt_rate} must be above 0")
    if args.mqtt_queue_max < 1:
        raise InputError(f"--mqtt-queue-max {args.mqtt_queue_max} must be at least 1")
    return ConnectOptions(
        broker_config(args),
        vehicle_id=args.vehicle_id or vehicle_id,
        rate_hz=args.mqtt_rate,
        queue=args.mqtt_queue,
        queue_max=args.mqtt_queue_max,
        drop=args.mqtt_drop,
        home_assistant=None if args.no_home_assistant else "homeassistant",
        remote=not args.no_remote,
    )
