"""``cockpit install-service``: start the head unit at boot, and bring the CAN interface up with it.

The user unit runs ``cockpit --kiosk`` with the options given after ``--`` (e.g. ``-- --can socketcan:can0``),
restarts it when it fails, and leaves its output to the journal (``journalctl --user -u smart-cockpit``).
Three ways to start, one per kind of machine:

- a desktop that starts ``graphical-session.target`` (GNOME, KDE): the unit is wanted by that target;
- the Pi's labwc desktop (``--labwc``), which does not start that target: labwc runs
  ``~/.config/labwc/autostart`` at login, so one line there hands the Wayland display to the user manager
  and starts the unit (``QT_QPA_PLATFORM=wayland``);
- no desktop (``--platform eglfs``): the unit is wanted by ``default.target`` and draws through KMS; with
  ``loginctl enable-linger`` it starts at boot before anyone logs in.

``--can-network can0`` writes the systemd-networkd ``.network`` file that brings ``can0`` up at its bitrate
at every boot (root only: ``/etc/systemd/network``), instead of an ``ip link`` line that is lost at reboot.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from vehicle_bus.errors import InputError

UNIT = "smart-cockpit.service"
NETWORK_DIR = Path("/etc/systemd/network")
# The line labwc's autostart runs at login; marked so that a second install does not add it again.
AUTOSTART_MARK = "# smart-cockpit"
AUTOSTART_LINE = (
    f"systemctl --user import-environment WAYLAND_DISPLAY XDG_CURRENT_DESKTOP && "
    f"systemctl --user start --no-block {UNIT} {AUTOSTART_MARK}"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "install-service",
        help="install a systemd user service that starts the head unit in kiosk mode and restarts it",
        description="Options after -- are passed to the head unit, e.g.: cockpit install-service -- --can "
        "socketcan:can0 --vehicle demo-bev",
    )
    p.add_argument("--print", action="store_true", help="print the unit instead of installing it")
    p.add_argument("--no-enable", action="store_true", help="write the unit but do not enable or start it")
    p.add_argument(
        "--platform",
        metavar="QPA",
        help="Qt platform for the service (e.g. eglfs on a Pi without a desktop; default: the desktop's)",
    )
    p.add_argument(
        "--labwc",
        action="store_true",
        help="start with the Pi's labwc desktop (Wayland): a line in ~/.config/labwc/autostart starts it",
    )
    p.add_argument(
        "--can-network",
        metavar="IFACE",
        help="instead of the unit: write /etc/systemd/network/80-IFACE.network (needs root) so IFACE comes "
        "up at its bitrate at every boot",
    )
    p.add_argument(
        "--bitrate",
        type=int,
        metavar="BIT/S",
        help="for --can-network (default: the --vehicle profile's, 500000 for the demo car)",
    )
    p.add_argument(
        "--vehicle", metavar="NAME|DIR", help="for --can-network: the profile whose bitrate to use"
    )
    p.add_argument("head_unit_args", nargs=argparse.REMAINDER, help="-- then options for the head unit")
    p.set_defaults(handler=run)


def unit_text(
    args: list[str], platform: str | None = None, python: str = sys.executable, labwc: bool = False
) -> str:
    command = shlex.join([python, "-m", "cockpit", "--kiosk", *args])
    platform = "wayland" if labwc else platform
    environment = [f"Environment=QT_QPA_PLATFORM={platform}"] if platform else []
    if labwc:
        # labwc's autostart starts it (labwc does not start graphical-session.target); nothing to enable.
        wanted_by = []
    elif platform:
        wanted_by = ["[Install]", "WantedBy=default.target"]
    else:
        wanted_by = ["[Install]", "WantedBy=graphical-session.target"]
    lines = [
        "[Unit]",
        "Description=Smart Cockpit head unit (kiosk)",
        "After=graphical-session.target network.target",
        *([] if platform else ["PartOf=graphical-session.target"]),
        # Crash loops stop after 10 starts in 2 minutes instead of hammering a broken set-up.
        "StartLimitIntervalSec=120",
        "StartLimitBurst=10",
        "",
        "[Service]",
        "Type=simple",
        f"ExecStart={command}",
        *environment,
        "Environment=PYTHONUNBUFFERED=1",
        "Restart=on-failure",
        "RestartSec=3",
        "StandardOutput=journal",
        "StandardError=journal",
        "SyslogIdentifier=smart-cockpit",
        "",
        *wanted_by,
        "",
    ]
    return "\n".join(lines).replace("\n\n\n", "\n\n")


def network_text(interface: str, bitrate: int) -> str:
    """systemd-networkd brings a SocketCAN interface up at boot with this (systemd.network(5), [CAN])."""
    return "\n".join(
        [
            f"# Written by cockpit install-service: {interface} up at {bitrate} bit/s at every boot.",
            "[Match]",
            f"Name={interface}",
            "",
            "[CAN]",
            f"BitRate={bitrate}",
            # Leave bus-off by itself after 100 ms, as `ip link set … restart-ms 100` does.
            "RestartSec=100ms",
            "",
        ]
    )


def labwc_autostart() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "labwc" / "autostart"


def unit_path() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "systemd" / "user" / UNIT


def write(path: Path, text: str, fix: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}", fix=fix) from None
    print(f"wrote {path}")


def install_network(args: argparse.Namespace) -> int:
    from ..vehicle_profile import load_profile

    interface = args.can_network
    if not re.fullmatch(r"[A-Za-z0-9_.-]{1,15}", interface):
        raise InputError(f"{interface!r} is not a network interface name", fix="Give one such as can0")
    bitrate = args.bitrate or load_profile(args.vehicle).bitrate
    if not 10_000 <= bitrate <= 1_000_000:
        raise InputError(f"--bitrate {bitrate} is not a classic CAN bitrate", fix="Use 10000 to 1000000")
    text = network_text(interface, bitrate)
    if args.print:
        sys.stdout.write(text)
        return 0
    write(
        NETWORK_DIR / f"80-{interface}.network",
        text,
        fix=f"Run it as root (sudo $(command -v cockpit) install-service --can-network {interface}), or "
        f"--print it into sudo tee {NETWORK_DIR}/80-{interface}.network",
    )
    if args.no_enable or shutil.which("systemctl") is None:
        print("enable it with: sudo systemctl enable --now systemd-networkd")
        return 0
    systemctl(["enable", "--now", "systemd-networkd"], user=False)
    systemctl(["restart", "systemd-networkd"], user=False)
    print(f"systemd-networkd brings {interface} up at {bitrate} bit/s now and at every boot")
    return 0


def add_autostart_line(path: Path) -> None:
    """Append the start line to labwc's autostart once; the user's own lines stay as they are."""
    try:
        old = path.read_text() if path.exists() else ""
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if AUTOSTART_MARK in old:
        print(f"{path} already starts {UNIT}")
        return
    separator = "" if not old or old.endswith("\n") else "\n"
    write(path, f"{old}{separator}{AUTOSTART_LINE}\n", fix="Add this line to it by hand: " + AUTOSTART_LINE)


def systemctl(step: list[str], user: bool = True) -> None:
    command = ["systemctl", *(["--user"] if user else []), *step]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise InputError(
            f"{' '.join(command)} failed: {reason[0] if reason else done.returncode}",
            fix="Run it in the desktop session of the user that should own the head unit "
            "(a user systemd instance is needed)"
            if user
            else "Run it as root",
        )


def run(args: argparse.Namespace) -> int:
    if args.can_network:
        return install_network(args)
    if args.labwc and args.platform:
        raise InputError(
            "--labwc and --platform do not go together", fix="labwc means Wayland; drop --platform"
        )
    extra = [a for a in args.head_unit_args if a != "--"]
    text = unit_text(extra, args.platform, labwc=args.labwc)
    if args.print:
        sys.stdout.write(text)
        return 0
    path = unit_path()
    write(
        path, text, fix="Check that the home folder is writable, or use --print and install the unit by hand"
    )
    if args.labwc:
        add_autostart_line(labwc_autostart())
    if args.no_enable:
        return 0
    if shutil.which("systemctl") is None:
        print("systemctl not found: enable it by hand with systemctl --user enable --now " + UNIT)
        return 1  # written but not enabled: not what was asked
    systemctl(["daemon-reload"])
    if args.labwc:
        print(f"{UNIT} starts with the next labwc login (autostart); now: systemctl --user start {UNIT}")
        return 0
    systemctl(["enable", "--now", UNIT])
    print(f"enabled and started {UNIT}; logs: journalctl --user -u {UNIT} -f")
    print("to start it at boot without a login: sudo loginctl enable-linger $USER")
    return 0
