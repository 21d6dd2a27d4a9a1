"""``cockpit companion``: the phone companion served headless (on the simulated car unless told otherwise).

``cockpit companion [--port P]`` starts the session and the HTTPS server, prints the certificate's
fingerprint and a pairing link (and its QR code on a terminal), and runs until Ctrl+C or SIGTERM.
``cockpit companion pair [--json]`` asks that running server for another link over its control socket.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
from pathlib import Path

from .vehicle_options import add_can_options, add_vehicle_options, vehicle_and_bus


def add_companion_options(p: argparse.ArgumentParser, flag: bool = False) -> None:
    g = p.add_argument_group("phone companion")
    if flag:
        g.add_argument("--companion", action="store_true", help="serve the phone companion web app")
    g.add_argument("--port", type=int, default=8443, help="HTTPS port of the companion (default 8443)")
    g.add_argument("--bind", default="0.0.0.0", metavar="ADDR", help="address to listen on (default all)")
    g.add_argument("--host", metavar="ADDR", help="address put in pairing links (default: the LAN address)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "companion",
        help="serve the phone companion web app (pair: a new pairing link from the running server)",
        description="Without a verb: run the head unit headless with the companion server. "
        "pair: print a fresh one-time pairing link from the server that runs; devices: list the paired "
        "phones; revoke ID: remove one.",
    )
    p.add_argument("verb", nargs="?", choices=("pair", "devices", "revoke"), help="ask the running server")
    p.add_argument("device", nargs="?", metavar="ID", help="revoke: the phone's id (see devices)")
    p.add_argument("--json", action="store_true", help="pair, devices: print JSON")
    add_companion_options(p)
    add_can_options(p)
    add_vehicle_options(p)
    p.add_argument("--cycle", default="route", metavar="wltc|idle|route", help="simulator drive cycle")
    p.add_argument("--charge", choices=("ac", "dc"), help="simulator: start parked on an AC or DC charger")
    p.add_argument(
        "--fault", action="append", default=[], metavar="NAME", help="simulator fault (repeatable)"
    )
    p.set_defaults(handler=run)


def companion_options(args: argparse.Namespace) -> object:
    from vehicle_bus.errors import InputError

    from ..companion.service import CompanionOptions

    if not 0 <= args.port <= 65535:
        raise InputError(f"--port {args.port} is not a port number", fix="Give 1-65535 (0: any free port)")
    return CompanionOptions(port=args.port, bind=args.bind, host=args.host)


def run(args: argparse.Namespace) -> int:
    if args.verb is not None:
        return _ask_running(args)
    from ..companion.service import CompanionService, run_headless
    from ..session import Session, SessionOptions

    options = companion_options(args)
    session = Session(
        SessionOptions(
            **vehicle_and_bus(args),
            cycle=args.cycle,
            charge=args.charge,
            faults=tuple(args.fault),
        )
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    service = None
    try:
        session.start()
        service = CompanionService(session, options)  # type: ignore[arg-type]
        service.start()
        url = service.pairing_url()
        print(f"companion: {service.base_url} ({session.label})", flush=True)
        print(f"certificate fingerprint (SHA-256): {service.certificate.fingerprint}", flush=True)
        print(f"pair a phone within 2 minutes: {url}", flush=True)
        if sys.stdout.isatty():
            _print_qr(url)
        with contextlib.suppress(KeyboardInterrupt):
            run_headless(session, service, stop)
    finally:
        if service is not None:
            service.close()
        session.close()
    return 0


def _ask_running(args: argparse.Namespace) -> int:
    """pair, devices, revoke: ask the running server over its control socket."""
    from vehicle_bus.errors import InputError

    from ..companion.control import SOCKET_NAME, ask
    from ..companion.service import companion_dir

    path = Path(companion_dir()) / SOCKET_NAME
    if args.verb == "revoke":
        if not args.device:
            raise InputError("revoke needs the phone's id", fix="See cockpit companion devices")
        if not ask(path, f"revoke {args.device}")["revoked"]:
            raise InputError(
                f"no paired phone has the id {args.device!r}", fix="See cockpit companion devices"
            )
        print(f"revoked {args.device}")
        return 0
    reply = ask(path, args.verb)
    if args.json:
        print(json.dumps(reply))
    elif args.verb == "devices":
        for device in reply["devices"]:
            print(f"{device['id']}  {device['name']}")
        if not reply["devices"]:
            print("no phone is paired")
    else:
        print(f"pair a phone within 2 minutes: {reply['url']}")
        print(f"certificate fingerprint (SHA-256): {reply['fingerprint']}")
        if sys.stdout.isatty():
            _print_qr(reply["url"])
    return 0


def _print_qr(url: str) -> None:
    import qrcode

    qr = qrcode.QRCode(border=1)
    qr.add_data(url)
    qr.print_ascii(tty=True)
