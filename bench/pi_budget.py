"""Benchmark: the head unit on a Raspberry Pi budget.

Runs the real window (offscreen) with the ``pi`` runtime profile, the in-process simulator flooding the bus
to 4,000 frames/s, and the voice engine's model loaded, inside a cgroup that allows 0.35 of one CPU core
and 1 GB of memory: about what one Pi 4 core is against this machine's. The cgroup is made here with
whichever hierarchy the machine has (v1: ``cpu.cfs_quota_us`` and ``memory.limit_in_bytes``; v2:
``cpu.max`` and ``memory.max``); making one needs root (or a delegated v2 subtree). Prints one JSON line:

* ``tick_p95_ms`` per panel (target ≤ 33 ms: the pi profile ticks at 30 Hz);
* ``frame_to_pixel_p95_ms``: from a CAN frame being sent to the label showing its value being painted
  (target ≤ 50 ms);
* ``frames_sent`` / ``frames_received`` / ``dropped``: what the simulator put on the bus and what the
  pipeline took off it (target: none dropped);
* ``peak_memory_mb``: the cgroup's peak, with the voice model loaded (target ≤ 400 MB);
* ``cpu_share``: CPU time used over wall time (the quota caps it at 0.35).

There is no reference implementation to run beside it; the quota is what makes the figures comparable
across machines, and the same run without the cgroup (``--no-cgroup``) shows the headroom.

Run (as root here): ``python -m bench.pi_budget [--seconds 10] [--rate 4000]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.ui import p

CPU_QUOTA = 0.35
MEMORY_BYTES = 1 << 30
PERIOD_US = 100_000

CHILD = r"""
import sys, time, json, os
sys.modules["asammdf"] = None  # as installed without the mf4 extra
rate = float(sys.argv[1]); seconds = float(sys.argv[2]); with_vosk = sys.argv[3] == "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from bench.window_probe import PaintLatency, cycle_panels
from cockpit.cli.run import open_session
from cockpit.runtime_profile import PI
from cockpit.session import SessionOptions
from ui.app import Look, application, build_window

# Voice at rest, as the head unit keeps it: the engine the pi profile picks inside this cgroup (as
# cockpit run does); --with-vosk loads a Vosk model as well (the Korean one from PyPI, the only one here).
from voice.engines import open_engine
from voice.understanding.intents import load_intents
choice = "auto" if PI.voice_engine() == "vosk" else "pocketsphinx"
engines = [open_engine(choice, load_intents()).describe()]
if with_vosk:
    engines.append(open_engine("vosk", load_intents(language="ko")).describe())

app = application()
session = open_session(SessionOptions(use_can_config=False, history_hz=PI.history_hz))
runner = session.simulator
runner.filler_per_step = max(0.0, (rate - runner.network.frames_per_second) * 0.01)
window = build_window(session, Look(size=(800, 480), profile="pi"))
probe = PaintLatency(window, session)
window.show()
window.start()
mark = {}

def measuring():
    mark.update(cpu0=time.process_time(), wall0=time.monotonic(), sent0=runner.frames_sent)

ticks = cycle_panels(app, window, seconds, settle_s=3.0, on_start=measuring)
latency = probe.latency
cpu0, wall0 = mark["cpu0"], mark["wall0"]
measured_s = time.monotonic() - wall0
cpu_share = (time.process_time() - cpu0) / measured_s
achieved = (runner.frames_sent - mark["sent0"]) / measured_s
runner.stop()
sent = runner.frames_sent
deadline = time.monotonic() + 10
while session.pipeline.cache.counters.frames < sent and time.monotonic() < deadline:
    time.sleep(0.05)
# The vehicle-health panel's diagnostic requests (functional 0x7DF, physical 0x7E0-0x7E7) are on the bus
# too but not from the simulator: count only what the simulator sent.
tester_ids = {0x7DF, *range(0x7E0, 0x7E8)}
received = sum(e.count for e in session.pipeline.cache.snapshot() if e.arbitration_id not in tester_ids)
hwm = 0
with open("/proc/self/status") as fh:
    for line in fh:
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1]) / 1024
session.close()
print(json.dumps({"latency": latency, "ticks": ticks, "hwm_mb": hwm, "sent": sent, "received": received,
                  "cpu_share": cpu_share, "tick_hz": window.timer.interval(), "achieved": achieved,
                  "engines": engines}))
"""


class Cgroup:
    """A CPU- and memory-limited cgroup of this machine's hierarchy (v2 unified, or v1 controllers)."""

    def __init__(self, name: str, root: Path = Path("/sys/fs/cgroup")) -> None:
        self.root = root
        self.v2 = (root / "cgroup.controllers").exists()
        if self.v2:
            self.dirs = [root / name]
        else:
            self.dirs = [root / "cpu" / name, root / "memory" / name]
        self.version = "v2" if self.v2 else "v1"

    def create(self, cpu: float, memory: int) -> None:
        quota = int(cpu * PERIOD_US)
        for d in self.dirs:
            d.mkdir(exist_ok=True)
        if self.v2:
            (self.root / "cgroup.subtree_control").write_text("+cpu +memory")
            (self.dirs[0] / "cpu.max").write_text(f"{quota} {PERIOD_US}")
            (self.dirs[0] / "memory.max").write_text(str(memory))
        else:
            cpu_dir, mem_dir = self.dirs
            (cpu_dir / "cpu.cfs_period_us").write_text(str(PERIOD_US))
            (cpu_dir / "cpu.cfs_quota_us").write_text(str(quota))
            (mem_dir / "memory.limit_in_bytes").write_text(str(memory))

    def enter(self) -> None:
        """Move the calling process in (used between fork and exec, so the child starts inside)."""
        for d in self.dirs:
            (d / "cgroup.procs").write_text(str(os.getpid()))

    def peak_memory(self) -> int | None:
        name = "memory.peak" if self.v2 else "memory.max_usage_in_bytes"
        path = (self.dirs[0] if self.v2 else self.dirs[1]) / name
        try:
            return int(path.read_text())
        except (OSError, ValueError):
            return None

    def remove(self) -> None:
        for d in self.dirs:
            with contextlib.suppress(OSError):  # still busy: the kernel frees it once the child is reaped
                d.rmdir()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=4000)
    ap.add_argument("--seconds", type=float, default=10.0, help="measuring time per panel")
    ap.add_argument("--no-cgroup", action="store_true", help="run unconstrained, to see the headroom")
    ap.add_argument("--with-vosk", action="store_true", help="also load a Vosk model (the Korean one here)")
    args = ap.parse_args(argv)
    group = None if args.no_cgroup else Cgroup(f"cockpit-pi-budget-{os.getpid()}")
    if group is not None:
        try:
            group.create(CPU_QUOTA, MEMORY_BYTES)
        except OSError as exc:
            print(
                f"pi_budget: cannot make a cgroup under /sys/fs/cgroup ({exc.strerror or exc}): run as root, "
                "or with --no-cgroup",
                file=sys.stderr,
            )
            return 2
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        started = time.monotonic()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(args.rate), str(args.seconds), "1" if args.with_vosk else "0"],
            capture_output=True,
            text=True,
            env=env,
            timeout=900,
            preexec_fn=group.enter if group is not None else None,
        )
        peak = group.peak_memory() if group is not None else None
    finally:
        if group is not None:
            group.remove()
    if out.returncode != 0:
        print(out.stderr[-3000:], file=sys.stderr)
        return 1
    data = json.loads(out.stdout.strip().splitlines()[-1])
    result = {
        "bench": "pi_budget",
        "cgroup": None if group is None else group.version,
        "cpu_quota": None if group is None else CPU_QUOTA,
        "memory_limit_mb": None if group is None else MEMORY_BYTES >> 20,
        "rate_fps": args.rate,
        "achieved_fps": round(data["achieved"]),
        "tick_interval_ms": data["tick_hz"],
        "tick_p50_ms": {k: round(p(v, 0.5) * 1000, 2) for k, v in data["ticks"].items()},
        "tick_p95_ms": {k: round(p(v, 0.95) * 1000, 2) for k, v in data["ticks"].items()},
        "frame_to_pixel_p50_ms": round(p(data["latency"], 0.5) * 1000, 1),
        "frame_to_pixel_p95_ms": round(p(data["latency"], 0.95) * 1000, 1),
        "frames_sent": data["sent"],
        "frames_received": data["received"],
        "dropped": data["sent"] - data["received"],
        "peak_memory_mb": round((peak or 0) / 2**20) if peak else round(data["hwm_mb"]),
        "cpu_share": round(data["cpu_share"], 3),
        "voice_loaded": data["engines"],
        "wall_s": round(time.monotonic() - started, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
