"""Benchmark: the head-unit window under a flooded bus.

Runs the real window (offscreen) in a child process started the way a user starts the head unit, with the
in-process simulator flooding the bus to ``--rate`` frames/s in total, and prints one JSON line:

* ``start_to_first_paint_s``: from spawning the process to the window's first paint (target ≤ 2 s);
* ``tick_p95_ms`` per panel: the UI tick (decode what changed, resolve targets, update the visible
  widgets), with each panel shown in turn (target ≤ 16 ms);
* ``frame_to_paint_p95_ms``: from a CAN frame being sent (its timestamp) to the label showing its value
  being painted (the speed in the status bar; target ≤ 50 ms);
* ``rss_mb``: resident memory at the end (target ≤ 250 MB).

There is no library to compare a window against, so these are absolute; the machine is shared and noisy,
so the run repeats the measurement window per panel and reports p95 over thousands of ticks.

The child runs as the default install does: without the ``mf4`` extra (asammdf is hidden from it), since
python-can imports asammdf, pandas and sympy at ``import can`` when it is installed.

Run: ``python -m bench.ui [--rate 8000] [--seconds 10]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

CHILD = r"""
import sys, time, json, os
sys.modules["asammdf"] = None  # as installed without the mf4 extra
spawned = float(sys.argv[1]); rate = float(sys.argv[2]); seconds = float(sys.argv[3])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from bench.window_probe import PaintLatency, cycle_panels
from cockpit.cli.run import open_session
from cockpit.session import SessionOptions
from ui.app import Look, application, build_window

app = application()
session = open_session(SessionOptions(use_can_config=False))
runner = session.simulator
runner.filler_per_step = max(0.0, (rate - runner.network.frames_per_second) * 0.01)
window = build_window(session, Look())
probe = PaintLatency(window, session, spawned)
window.show()
window.start()
ticks = cycle_panels(app, window, seconds, settle_s=2.0)  # let the start settle before measuring
result = {"first_paint": probe.first_paint, "latency": probe.latency}
rss = 0
with open("/proc/self/status") as fh:
    for line in fh:
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
frames = session.pipeline.cache.counters.frames
session.close()
print(json.dumps({"first_paint": result["first_paint"], "latency": result["latency"], "ticks": ticks,
                  "rss_mb": rss, "frames": frames}))
"""


def p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=8000)
    ap.add_argument("--seconds", type=float, default=10.0, help="measuring time per panel")
    args = ap.parse_args(argv)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(spawned), str(args.rate), str(args.seconds)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    if out.returncode != 0:
        print(out.stderr, file=sys.stderr)
        return 1
    data = json.loads(out.stdout.strip().splitlines()[-1])
    result = {
        "bench": "ui",
        "rate_fps": args.rate,
        "start_to_first_paint_s": round(data["first_paint"], 2),
        "tick_p50_ms": {k: round(p(v, 0.5) * 1000, 2) for k, v in data["ticks"].items()},
        "tick_p95_ms": {k: round(p(v, 0.95) * 1000, 2) for k, v in data["ticks"].items()},
        "tick_max_ms": {k: round(max(v) * 1000, 1) for k, v in data["ticks"].items() if v},
        "frame_to_paint_p50_ms": round(p(data["latency"], 0.5) * 1000, 1),
        "frame_to_paint_p95_ms": round(p(data["latency"], 0.95) * 1000, 1),
        "rss_mb": round(data["rss_mb"]),
        "frames_received": data["frames"],
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
