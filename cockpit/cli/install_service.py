"""``cockpit install-service``: a systemd user unit that starts the head unit in kiosk mode at login/boot.

The unit runs ``cockpit --kiosk`` with the options given after ``--`` (e.g. ``-- --can socketcan:can0``),
restarts it when it fails, and leaves its output to the journal (``journalctl --user -u smart-cockpit``).
To start it at boot without anyone logging in, lingering must be on for the user (``loginctl
enable-linger``); with the Pi's desktop auto-login it starts with the desktop session.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from vehicle_bus.errors import InputError

UNIT = "smart-cockpit.service"


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
    p.add_argument("head_unit_args", nargs=argparse.REMAINDER, help="-- then options for the head unit")
    p.set_defaults(handler=run)


def unit_text(args: list[str], platform: str | None = None, python: str = sys.executable) -> str:
    command = shlex.join([python, "-m", "cockpit", "--kiosk", *args])
    environment = [f"Environment=QT_QPA_PLATFORM={platform}"] if platform else []
    lines = [
        "[Unit]",
        "Description=Smart Cockpit head unit (kiosk)",
        "After=graphical-session.target network.target",
        "PartOf=graphical-session.target",
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
        "[Install]",
        "WantedBy=graphical-session.target" if not platform else "WantedBy=default.target",
        "",
    ]
    return "\n".join(lines)


def unit_path() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "systemd" / "user" / UNIT


def run(args: argparse.Namespace) -> int:
    extra = [a for a in args.head_unit_args if a != "--"]
    text = unit_text(extra, args.platform)
    if args.print:
        sys.stdout.write(text)
        return 0
    path = unit_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    except OSError as exc:
        raise InputError(
            f"cannot write {path}: {exc.strerror or exc}",
            fix="Check that the home folder is writable, or use --print and install the unit by hand",
        ) from None
    print(f"wrote {path}")
    if args.no_enable:
        return 0
    if shutil.which("systemctl") is None:
        print("systemctl not found: enable it by hand with systemctl --user enable --now " + UNIT)
        return 1  # written but not enabled: not what was asked
    for step in (["daemon-reload"], ["enable", "--now", UNIT]):
        done = subprocess.run(["systemctl", "--user", *step], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            reason = (done.stderr or done.stdout).strip().splitlines()
            raise InputError(
                f"systemctl --user {' '.join(step)} failed: {reason[0] if reason else done.returncode}",
                fix="Run it in the desktop session of the user that should own the head unit "
                "(a user systemd instance is needed)",
            )
    print(f"enabled and started {UNIT}; logs: journalctl --user -u {UNIT} -f")
    print("to start it at boot without a login: sudo loginctl enable-linger $USER")
    return 0
