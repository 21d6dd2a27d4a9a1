"""Benchmark: memory of the head unit replaying a log in a loop, which must stay flat.

The window runs offscreen (every panel built once, then the energy panel with its plots in view) on a
looping replay of a demo-vehicle log recorded for the run (``cockpit sim --fast --record``, 60 s of the
WLTC cycle, or ``--log`` for your own with ``--vehicle``). RSS is sampled every ``--sample`` seconds; the
reference is the RSS at the end of the warm-up (the first fifth of the run, at most 5 minutes), measured in
the same run. One JSON line: ``rss_warm_mb`` (reference), ``rss_max_mb`` and ``rss_end_mb`` after it,
``growth_ratio`` = max / reference (target ≤ 1.05), ``mb_per_min`` (slope after warm-up), loops played.

Run: ``python -m bench.replay_memory --minutes 30`` (documented run); ``--minutes 3`` while developing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def pump(seconds: float) -> None:
    """Let Qt run for ``seconds`` (the window ticks on its own timer)."""
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.004)


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def record_demo_log(folder: Path, seconds: int = 60) -> Path:
    log = folder / "demo-wltc.blf"
    subprocess.run(
        [sys.executable, "-m", "cockpit", "sim", "--fast", "--duration", str(seconds), "--record", str(log)],
        check=True,
        capture_output=True,
    )
    return log


def slope_mb_per_min(samples: list[tuple[float, float]]) -> float:
    if len(samples) < 2:
        return 0.0
    import numpy as np

    t = np.array([s[0] for s in samples]) / 60
    m = np.array([s[1] for s in samples])
    return float(np.polyfit(t, m, 1)[0])


def rss_figures(samples: list[tuple[float, float]], warm_up: float) -> dict[str, float]:
    """Memory over a run sampled as (seconds, MB): the reference is the last sample of the warm-up, and the
    growth is measured after it (the same figures for every long-run benchmark)."""
    after = [s for s in samples if s[0] > warm_up]
    reference = max((s for s in samples if s[0] <= warm_up), key=lambda s: s[0], default=samples[0])[1]
    peak = max((s[1] for s in after), default=reference)
    return {
        "rss_start_mb": round(samples[0][1], 1),
        "rss_warm_mb": round(reference, 1),
        "rss_max_mb": round(peak, 1),
        "rss_end_mb": round(samples[-1][1], 1),
        "growth_ratio": round(peak / reference, 4),
        "mb_per_min": round(slope_mb_per_min(after), 3),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=30.0)
    p.add_argument("--sample", type=float, default=10.0, help="seconds between RSS samples")
    p.add_argument("--log", help="log to replay (default: 60 s of the demo car, recorded now)")
    p.add_argument("--vehicle", help="vehicle profile of --log")
    p.add_argument("--speed", type=float, default=1.0)
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(args.log) if args.log else record_demo_log(Path(tmp))
        result = run(log, args.vehicle, args.minutes, args.sample, args.speed)
    print(json.dumps(result))
    return 0 if result["growth_ratio"] <= 1.05 else 1


def run(log: Path, vehicle: str | None, minutes: float, sample_s: float, speed: float) -> dict:

    from cockpit.cli.run import open_session
    from cockpit.session import SessionOptions
    from ui.app import Look, application, build_window

    app = application()
    session = open_session(
        SessionOptions(vehicle=vehicle, replay=str(log), loop=True, speed=speed, use_can_config=False)
    )
    session.wait_until_loaded()
    window = build_window(session, Look())
    window.show()
    window.start()

    for i in range(len(window.infos)):  # every panel built, as a user who looked at each
        window.show_panel(i)
        pump(1.0)
    window.show_panel(window.panel_keys.index("energy"))
    total = minutes * 60
    warm_up = min(total / 5, 300.0)
    start = time.monotonic()
    samples: list[tuple[float, float]] = []
    while (elapsed := time.monotonic() - start) < total:
        pump(min(sample_s, total - elapsed))
        samples.append((time.monotonic() - start, rss_mb()))
    loops = session.replay.loops_done if session.replay else 0
    session.close()
    window.close()
    app.processEvents()
    return {
        "bench": "replay_memory",
        "log": log.name,
        "minutes": minutes,
        "warm_up_s": warm_up,
        "loops": loops,
        **rss_figures(samples, warm_up),
    }


if __name__ == "__main__":
    raise SystemExit(main())
