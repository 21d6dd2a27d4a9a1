"""``cockpit sim``: the simulated demo vehicle on a CAN bus (or into a log)."""

from __future__ import annotations

import argparse
import json
import math
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from vehicle_bus.errors import InputError
from vehicle_bus.recorder import Recorder
from vehicle_bus.sources.live import open_bus

from ..simulator.drive_cycles import CYCLES
from ..simulator.runner import SimulationRunner
from ..simulator.setup import build_simulation
from .mqtt_options import add_mqtt_options
from .progress import terminal_bar, wants_bar
from .vehicle_options import check_soc

if TYPE_CHECKING:
    from ..connect.service import ConnectOptions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "sim", help="run the simulated vehicle on a CAN bus, or into a log with --fast --record"
    )
    p.add_argument(
        "--can",
        metavar="INTERFACE[:CHANNEL]",
        default="virtual:cockpit",
        help="bus to send on (default virtual:cockpit; use socketcan:vcan0 to reach other programs)",
    )
    p.add_argument("--bitrate", type=int, metavar="BPS")
    p.add_argument("--vehicle", metavar="bev|erev|NAME|DIR", help="vehicle profile (default: bev = demo-bev)")
    p.add_argument("--cycle", default="wltc", metavar="|".join(CYCLES), help="drive cycle (default wltc)")
    p.add_argument("--duration", type=float, metavar="S", help="seconds of simulation (default: the cycle's)")
    p.add_argument("--fast", action="store_true", help="run without pacing (to make logs)")
    p.add_argument("--record", metavar="FILE", help="write every frame to a log (any python-can format)")
    p.add_argument("--fault", action="append", default=[], metavar="NAME", help="inject a fault (repeatable)")
    p.add_argument("--rate", type=float, metavar="N", help="flood the bus to N frames/s in total")
    p.add_argument("--charge", choices=("ac", "dc"), help="start parked on an AC or DC charger")
    p.add_argument("--soc", type=float, metavar="PERCENT", help="starting state of charge")
    p.add_argument("--outside-temp", type=float, default=12.0, metavar="C")
    p.add_argument("--quiet", action="store_true", help="no progress or summary")
    p.add_argument("--json", action="store_true", help="the summary as one JSON object on stdout, no bar")
    add_mqtt_options(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_soc(args.soc)
    mqtt = _connect_options(args) if args.mqtt else None  # bad --mqtt options fail before anything runs
    sim = build_simulation(
        args.vehicle,
        args.cycle,
        faults=args.fault,
        soc=args.soc,
        outside_temp=args.outside_temp,
        charge=args.charge,
    )
    duration = args.duration if args.duration is not None else sim.car.cycle.duration
    if args.fast and math.isinf(duration):
        raise InputError(f"--fast needs --duration: the {args.cycle} cycle never ends by itself")
    recorder = Recorder(args.record) if args.record else None  # fails here, before anything runs
    bus = None if (args.fast and args.record) else open_bus(args.can, args.bitrate or sim.profile.bitrate)
    runner = SimulationRunner(
        sim.network, bus=bus, listeners=[recorder] if recorder else [], fast=args.fast, rate=args.rate
    )
    connected = _connect(args, bus, mqtt) if mqtt is not None else None
    progress = None
    if not math.isinf(duration) and wants_bar(json=args.json, quiet=args.quiet):
        progress = terminal_bar(round(duration), "simulating", "s")
    if progress is not None:
        runner.on_step = lambda t: progress.update(round(t) - progress.n) if round(t) > progress.n else None
    try:
        runner.run(duration)
    except KeyboardInterrupt:
        pass
    finally:
        if progress is not None:
            progress.close()
        if connected is not None:
            connected()
        if recorder is not None:
            recorder.stop()
        if bus is not None:
            bus.shutdown()
    car = sim.car
    if args.json:
        summary = {
            "vehicle": sim.profile.name,
            "cycle": args.cycle,
            "seconds": round(car.t, 3),
            "frames": runner.frames_sent,
            "destination": args.record or args.can,
            "distance_km": round(car.powertrain.state.distance / 1000, 3),
            "soc": round(car.battery.state.soc, 2),
        }
        print(json.dumps(summary))
    elif not args.quiet:
        where = f" to {args.record}" if args.record else f" on {args.can}"
        print(
            f"cockpit sim: {sim.profile.name}, {args.cycle}, {car.t:.0f} s, {runner.frames_sent} frames"
            f"{where}; {car.powertrain.state.distance / 1000:.2f} km, SoC {car.battery.state.soc:.1f} %",
            file=sys.stderr,
        )
    if recorder is not None and (recorder.failure or recorder.errors):
        print(f"cockpit sim: {recorder.summary()}", file=sys.stderr)
    return 1 if recorder is not None and recorder.failure else 0


def _connect_options(args: argparse.Namespace) -> ConnectOptions:
    from ..simulator.diagnostics.ecus import VIN
    from .mqtt_options import connect_options

    if args.fast:
        raise InputError("--mqtt runs in real time: leave out --fast")
    return connect_options(args, vehicle_id=VIN)


def _connect(args: argparse.Namespace, bus: object, options: ConnectOptions) -> Callable[[], None]:
    """The car on MQTT: a headless head unit on the same bus publishes it and takes remote commands."""
    from ..connect.service import ConnectService, run_headless
    from ..session import Session, SessionOptions

    session = Session(
        SessionOptions(vehicle=args.vehicle, can=args.can, bitrate=args.bitrate, use_can_config=False)
    )
    session.start()
    service = ConnectService(session, options)
    service.start()
    stop = threading.Event()
    loop = threading.Thread(target=run_headless, args=(session, service, stop), daemon=True)
    loop.start()

    def close() -> None:
        stop.set()
        loop.join()
        service.close()
        session.close()

    return close
