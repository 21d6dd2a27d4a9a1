"""``cockpit sim``: the simulated demo vehicle on a CAN bus (or into a log)."""

from __future__ import annotations

import argparse
import math
import sys

from vehicle_bus.errors import InputError
from vehicle_bus.recorder import Recorder
from vehicle_bus.sources.live import open_bus

from ..simulator.drive_cycles import CYCLES
from ..simulator.runner import SimulationRunner
from ..simulator.setup import build_simulation


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
    p.add_argument("--vehicle", default="bev", metavar="bev|erev|NAME|DIR", help="default: bev (demo-bev)")
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
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
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
    progress = _progress(duration, args.quiet)
    if progress is not None:
        runner.on_step = lambda t: progress.update(round(t) - progress.n) if round(t) > progress.n else None
    try:
        runner.run(duration)
    except KeyboardInterrupt:
        pass
    finally:
        if progress is not None:
            progress.close()
        if recorder is not None:
            recorder.stop()
        if bus is not None:
            bus.shutdown()
    if not args.quiet:
        car = sim.car
        where = f" to {args.record}" if args.record else f" on {args.can}"
        print(
            f"cockpit sim: {sim.profile.name}, {args.cycle}, {car.t:.0f} s, {runner.frames_sent} frames"
            f"{where}; {car.powertrain.state.distance / 1000:.2f} km, SoC {car.battery.state.soc:.1f} %",
            file=sys.stderr,
        )
    if recorder is not None and (recorder.failure or recorder.errors):
        print(f"cockpit sim: {recorder.summary()}", file=sys.stderr)
    return 1 if recorder is not None and recorder.failure else 0


def _progress(duration: float, quiet: bool):
    if quiet or math.isinf(duration) or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=round(duration), unit="s", desc="simulating", file=sys.stderr)
