"""Is the CAN interface ready? Exists, up, bitrate, controller state and error counters, frames flowing.

For SocketCAN the kernel's view comes from ``ip -details -statistics -json link show IFACE`` (iproute2),
which a CAN HAT's MCP2515 driver fills in: bitrate, state (ERROR-ACTIVE, ERROR-WARNING, ERROR-PASSIVE,
BUS-OFF, STOPPED) and the transmit/receive error counters. Every interface is then opened with python-can
and listened to for a moment.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vehicle_bus.errors import BusOpenError
from vehicle_bus.sources.live import configured_interface, open_bus, parse_can_spec

from .check import Check

SYS_NET = Path("/sys/class/net")
HAT_OVERLAY = "dtparam=spi=on and dtoverlay=mcp2515-can0,oscillator=16000000,interrupt=25"


@dataclass
class LinkState:
    """What the kernel says of a SocketCAN interface."""

    up: bool
    state: str | None
    bitrate: int | None
    tx_errors: int | None
    rx_errors: int | None
    bus_off_count: int | None


def parse_ip_link(payload: str | list[dict[str, Any]]) -> LinkState:
    """The parts of ``ip -details -statistics -json link show`` output that matter here."""
    links = json.loads(payload) if isinstance(payload, str) else payload
    link = links[0]
    info = (link.get("linkinfo") or {}).get("info_data") or {}
    xstats = (link.get("linkinfo") or {}).get("info_xstats") or {}
    counters = info.get("berr_counter") or {}
    bitrate = (info.get("bittiming") or {}).get("bitrate")
    return LinkState(
        up="UP" in (link.get("flags") or []),
        state=info.get("state"),
        bitrate=int(bitrate) if bitrate is not None else None,
        tx_errors=counters.get("tx"),
        rx_errors=counters.get("rx"),
        bus_off_count=xstats.get("bus_off"),
    )


def read_link(channel: str) -> LinkState | None:
    """The kernel's view of ``channel`` (None when iproute2 is missing or says nothing useful)."""
    if shutil.which("ip") is None:
        return None
    done = subprocess.run(
        ["ip", "-details", "-statistics", "-json", "link", "show", channel],
        capture_output=True,
        text=True,
        timeout=5,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        return None
    try:
        return parse_ip_link(done.stdout)
    except (ValueError, IndexError, KeyError, TypeError):
        return None


def link_checks(channel: str, link: LinkState, expected_bitrate: int | None) -> list[Check]:
    """Checks from the kernel's view of a SocketCAN interface that exists."""
    restart = f"sudo ip link set {channel} down && sudo ip link set {channel} up type can bitrate " + str(
        expected_bitrate or 500000
    )
    out: list[Check] = []
    if not link.up:
        out.append(Check("CAN link", "fail", f"{channel} is down", f"Bring it up: {restart} restart-ms 100"))
        return out
    if expected_bitrate and link.bitrate and link.bitrate != expected_bitrate:
        out.append(
            Check(
                "CAN bitrate",
                "fail",
                f"{channel} runs at {link.bitrate:,} bit/s; the vehicle's bus is {expected_bitrate:,} bit/s",
                f"Set it: {restart}",
            )
        )
    elif link.bitrate:
        out.append(Check("CAN bitrate", "ok", f"{channel} at {link.bitrate:,} bit/s"))
    counters = f"error counters tx {link.tx_errors}, rx {link.rx_errors}"
    state = (link.state or "").upper()
    if state == "BUS-OFF":
        out.append(
            Check(
                "CAN controller",
                "fail",
                f"{channel} is BUS-OFF ({counters}): it stopped sending after too many errors",
                f"Check wiring, 120 Ω termination and bitrate, then restart it: {restart} restart-ms 100",
            )
        )
    elif state == "ERROR-PASSIVE":
        out.append(
            Check(
                "CAN controller",
                "warn",
                f"{channel} is ERROR-PASSIVE ({counters}): frames are failing",
                "Usually a bitrate that does not match the bus, a missing 120 Ω terminator, or CAN-H/CAN-L "
                "swapped",
            )
        )
    elif state == "ERROR-WARNING":
        out.append(
            Check(
                "CAN controller",
                "warn",
                f"{channel} is ERROR-WARNING ({counters})",
                "Errors are accumulating: check termination and wiring",
            )
        )
    elif state == "STOPPED":
        out.append(Check("CAN controller", "fail", f"{channel} is STOPPED", f"Restart it: {restart}"))
    elif state:
        out.append(Check("CAN controller", "ok", f"{channel} {state} ({counters})"))
    return out


def check_can(spec: str | None, expected_bitrate: int | None = None, listen_s: float = 2.0) -> list[Check]:
    """Every check of the chosen interface: ``spec`` as ``--can`` takes it, else python-can's configuration,
    else SocketCAN ``can0`` (the CAN HAT of a Pi)."""
    if spec is None:
        config = configured_interface()
        if config is not None:
            channel = config.get("channel")
            spec = f"{config['interface']}:{channel}" if channel is not None else str(config["interface"])
        else:
            spec = "socketcan:can0"
    interface, channel = parse_can_spec(spec)
    checks: list[Check] = []
    if interface == "socketcan":
        name = channel or "can0"
        if sys.platform.startswith("linux") and not (SYS_NET / name).exists():
            return [
                Check(
                    "CAN interface",
                    "fail",
                    f"{name} does not exist",
                    f"For an MCP2515 CAN HAT add {HAT_OVERLAY} to /boot/firmware/config.txt and reboot "
                    f"(or for testing: sudo ip link add dev {name} type vcan && sudo ip link set {name} up)",
                )
            ]
        checks.append(Check("CAN interface", "ok", f"{name} exists"))
        link = read_link(name)
        if link is not None:
            checks += link_checks(name, link, expected_bitrate)
            if any(c.status == "fail" and c.name == "CAN link" for c in checks):
                return checks
    checks.append(listen(spec, listen_s))
    return checks


def listen(spec: str, seconds: float) -> Check:
    """Open ``spec`` with python-can and count the frames seen in ``seconds``."""
    try:
        bus = open_bus(spec)
    except BusOpenError as exc:
        return Check("CAN frames", "fail", exc.what, exc.fix or "")
    frames = errors = 0
    try:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            msg = bus.recv(timeout=min(left, 0.2))
            if msg is None:
                continue
            if msg.is_error_frame:
                errors += 1
            else:
                frames += 1
    finally:
        bus.shutdown()
    if frames == 0:
        return Check(
            "CAN frames",
            "warn",
            f"no frames on {spec} in {seconds:g} s" + (f" ({errors} error frames)" if errors else ""),
            "Is the car (or the simulator: cockpit sim --can " + spec + ") running and the bus connected?",
        )
    extra = f", {errors} error frames" if errors else ""
    return Check("CAN frames", "ok", f"{frames:,} frames on {spec} in {seconds:g} s{extra}")
