"""Soak benchmark: the whole head unit for ``--minutes`` under a saturated bus, a recording, and bus drops.

What runs, in one process as on the car:

* the simulated demo car driving its route, on python-can's ``virtual`` bus, flooded to ``--rate`` frames/s
  (8,000: a saturated 1 Mbit/s bus);
* the head unit on that bus as a *live* interface (``gated:``, see :mod:`bench.gated_bus`), so it can be
  pulled out: every ``--drop-every`` seconds the interface disappears for ``--drop-for`` seconds (reads
  fail, reopening fails) and comes back; the session must notice, wait and pick it up again;
* the window offscreen at its 60 Hz tick, every panel built once, then the energy panel in view;
* voice idle: the recognizer loaded, no wake word, nobody talking;
* recording every frame to BLF, a new file at each drop (stop → start, as a user would), read back at
  the end.

Pass: no crash, every frame the recorder took is in its file (``recorded == received``, ``lost == 0``,
and the files read back hold exactly ``recorded`` frames in order), the bus came back after each drop,
and RSS after the warm-up (a fifth of the run, at most 5 minutes) stays within 5 % of the RSS at its end
(the reference, measured in the same run). One JSON line with the figures.

Run: ``nice -n 10 python -m bench.soak --minutes 60`` (documented run); ``--minutes 2 --drop-every 30``
while developing.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from bench import gated_bus
from bench.replay_memory import pump, rss_figures, rss_mb


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=60.0)
    p.add_argument("--rate", type=float, default=8000.0, help="frames/s on the bus in total")
    p.add_argument("--drop-every", type=float, default=300.0, metavar="S")
    p.add_argument("--drop-for", type=float, default=10.0, metavar="S")
    p.add_argument("--sample", type=float, default=15.0, metavar="S", help="seconds between RSS samples")
    p.add_argument("--verbose", action="store_true", help="print RSS and the recorder's backlog per sample")
    p.add_argument("--keep", metavar="DIR", help="keep the recordings in DIR (default: a temporary folder)")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        result = soak(args, Path(args.keep))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = soak(args, Path(tmp))
    print(json.dumps(result))
    return 0 if result["passed"] else 1


def soak(args: argparse.Namespace, folder: Path) -> dict:
    import can

    from cockpit.session import Session, SessionOptions
    from cockpit.simulator.runner import SimulationRunner
    from cockpit.simulator.setup import build_simulation
    from ui.app import Look, application, build_window
    from voice.assistant_loop import VoiceOptions

    gated_bus.register()
    channel = f"soak{os.getpid()}"
    gated_bus.plug(channel)
    sim = build_simulation(None, "route")
    car_bus = can.Bus(interface="virtual", channel=channel)
    runner = SimulationRunner(sim.network, bus=car_bus, rate=args.rate)
    app = application()
    session = Session(SessionOptions(can=f"gated:{channel}", use_can_config=False))
    session.start()
    window = build_window(session, Look(), voice=VoiceOptions(speak=False, wake=False))
    window.show()
    window.start()
    runner.start()

    recorders = []

    def new_recording() -> None:
        recorders.append(session.start_recording(folder / f"soak-{len(recorders):03d}.blf"))

    for i in range(len(window.infos)):
        window.show_panel(i)
        pump(0.5)
    window.show_panel(window.panel_keys.index("energy"))
    new_recording()
    total = args.minutes * 60
    warm_up = min(total / 5, 300.0)
    start = time.monotonic()
    next_drop = args.drop_every
    samples: list[tuple[float, float]] = []
    drops = recovered = backlog = 0
    recover_s: list[float] = []
    next_sample = 0.0
    while (elapsed := time.monotonic() - start) < total:
        if elapsed >= next_drop and elapsed + args.drop_for + 30 < total:
            next_drop += args.drop_every
            drops += 1
            session.stop_recording()
            gated_bus.unplug(channel)
            pump(args.drop_for)
            lost_seen = session.source_state().state in ("disconnected", "no data")
            frames_before = session.counters().frames
            gated_bus.plug(channel)
            new_recording()
            back_at = time.monotonic()
            while time.monotonic() - back_at < 20 and session.counters().frames <= frames_before + 100:
                pump(0.05)
            if lost_seen and session.counters().frames > frames_before + 100:
                recovered += 1
                recover_s.append(time.monotonic() - back_at)
        pump(0.25)
        if elapsed >= next_sample:
            samples.append((elapsed, rss_mb()))
            backlog = max(backlog, recorders[-1].backlog)
            if args.verbose:
                print(
                    f"{elapsed:.0f} s: RSS {samples[-1][1]:.1f} MB, recorder backlog {recorders[-1].backlog}"
                )
            next_sample += args.sample
    voice = window.voice.engine_name if window.voice.loop.ready else None
    runner.stop()
    session.stop_recording()
    fps = session.frames_per_second
    session.close()
    window.close()
    car_bus.shutdown()
    gated_bus.unplug(channel)
    app.processEvents()

    received = sum(r.received for r in recorders)
    recorded = sum(r.frames for r in recorders)
    lost = sum(r.lost for r in recorders)
    in_files = [sum(1 for _ in can.LogReader(str(r.path))) for r in recorders]
    result = {
        "bench": "soak",
        "minutes": args.minutes,
        "rate": args.rate,
        "frames_sent": runner.frames_sent,
        "frames_per_second_end": round(fps),
        "received": received,
        "recorded": recorded,
        "lost": lost,
        "in_files": sum(in_files),
        "files": len(recorders),
        "record_failures": [r.failure for r in recorders if r.failure],
        "drops": drops,
        "recovered": recovered,
        "recover_max_s": round(max(recover_s, default=0.0), 2),
        **rss_figures(samples, warm_up),
        "tick_p95_ms": round(_p95(window.tick_times) * 1000, 2),
        "recorder_backlog_max": backlog,
        "voice_engine": voice,
    }
    result["passed"] = (
        lost == 0
        and recorded == received == sum(in_files)
        and recovered == drops
        and result["growth_ratio"] <= 1.05
    )
    return result


def _p95(values) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
