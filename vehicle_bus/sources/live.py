"""Open a live CAN bus through python-can: ``--can INTERFACE[:CHANNEL]`` or python-can's own configuration."""

from __future__ import annotations

from typing import Any

import can
import can.util

from ..errors import BusOpenError


def parse_can_spec(spec: str) -> tuple[str, str | None]:
    """``"socketcan:can0"`` → ``("socketcan", "can0")``; ``"pcan"`` → ``("pcan", None)``.

    Only the first colon splits, so channels that contain colons (``udp_multicast`` addresses such as
    ``ff15:7079:7468:6f6e:6465:6d6f:6d63:6173``) pass through whole.
    """
    interface, sep, channel = spec.partition(":")
    interface = interface.strip()
    if not interface:
        raise BusOpenError(
            f"empty interface in --can {spec!r}", fix="Write INTERFACE[:CHANNEL], e.g. socketcan:can0"
        )
    return interface, (channel.strip() or None) if sep else None


def configured_interface() -> dict[str, Any] | None:
    """python-can's configuration (environment, ``~/.canrc``, ``can.ini``); None if it names no interface."""
    try:
        config = can.util.load_config()
    except can.CanInterfaceNotImplementedError:
        return None
    return config if config.get("interface") else None


def spec_label(spec: str | None) -> str:
    """The name people know a bus by: the channel of ``socketcan:can0`` (``can0``), else the whole spec."""
    if spec is None:
        config = configured_interface() or {}
        return str(config.get("channel") or config.get("interface") or "the configured CAN bus")
    interface, channel = parse_can_spec(spec)
    return channel or interface


def open_bus(
    spec: str | None = None,
    bitrate: int | None = None,
    receive_own_messages: bool = False,
    **kwargs: Any,
) -> can.BusABC:
    """Open ``spec`` (or, when None, whatever python-can's configuration names) and return the bus.

    Every failure becomes a :class:`BusOpenError` with one line saying what to do.
    """
    if spec is None:
        config = configured_interface()
        if config is None:
            raise BusOpenError(
                "no CAN interface given and python-can's configuration names none",
                fix="Pass --can INTERFACE[:CHANNEL] (e.g. socketcan:can0) or set CAN_INTERFACE",
            )
        interface, channel = config["interface"], config.get("channel")
        label = f"{interface}:{channel}" if channel is not None else interface
    else:
        interface, channel = parse_can_spec(spec)
        label = spec
    if interface not in can.interfaces.VALID_INTERFACES:
        raise BusOpenError(
            f"unknown CAN interface {interface!r}",
            fix="Use one of: " + ", ".join(sorted(can.interfaces.VALID_INTERFACES)),
        )
    options: dict[str, Any] = dict(kwargs)
    if bitrate is not None:
        options["bitrate"] = bitrate
    if interface == "virtual" and channel is None:
        channel = "cockpit"
    try:
        bus = can.Bus(
            interface=interface, channel=channel, receive_own_messages=receive_own_messages, **options
        )
    except can.CanInterfaceNotImplementedError as exc:
        raise BusOpenError(
            f"CAN interface {interface!r} is not available here: {_line(exc)}",
            fix="Install its driver or python-can extra",
        ) from None
    except (can.CanError, OSError, ValueError, ImportError, TypeError) as exc:
        raise BusOpenError(
            f"cannot open CAN bus {label}: {_line(exc)}", fix=_hint(interface, channel), transient=True
        ) from None
    return bus


def _hint(interface: str, channel: str | None) -> str:
    if interface == "socketcan":
        name = channel or "can0"
        return (
            f"Check that {name} exists and is up: ip link set {name} up type can bitrate 500000 "
            f"(or for a virtual one: ip link add dev {name} type vcan)"
        )
    return "Check the adapter is plugged in, its driver installed, and the channel name"


def _line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
