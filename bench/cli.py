"""Benchmark: how fast ``cockpit`` commands run as whole processes, against references in the same run.

Prints one JSON line. Each command runs ``--repeat`` times, the commands taking turns (so a burst of load
on this shared machine hits all of them alike), and each figure is the median wall time of a whole process
(interpreter start, imports, work, exit) with its output sent to /dev/null. Ratios and targets:

* ``help_vs_import`` = ``cockpit --help`` ÷ ``python -c "import can, cantools"`` (target ≤ 1.5);
* ``decode_small_vs_import`` = ``cockpit decode`` of a 100-frame log of the demo car ÷ the same (≤ 1.5),
  with the profile's loaded DBC and mapping cached by an earlier run (cockpit/vehicle_cache.py), as on
  every run after a profile's first; ``decode_small_uncached_vs_import`` is the first run's (no cache);
* ``decode_speedup`` = the reference loop shipped below ÷ ``cockpit decode`` of a real ~75,000-frame log
  (target ≥ 2). The log is the largest Kona Electric capture in ../shared, repeated end to end until it
  holds ``--frames`` frames, as a candump ``.log`` (python-can's own format; bench.ingest makes the same
  file). The reference is what a user would write with python-can and cantools: ``can.LogReader`` and
  ``decode_message`` on every frame, printing a JSON line for each mapped signal whose value changed (the
  signals the Kona mapping reads), so both write output of the same kind and size (``decode_lines`` and
  ``reference_lines`` say how much). cantools loads the Kona DBC only through our tolerant loader, so the
  bench writes the loaded database back out as a clean DBC for the reference;
* ``route_vs_reference`` = ``cockpit route`` between two named places of the built-in town ÷ (a bare
  ``python -c pass`` + the same route computed in a fresh interpreter, imports and map loading included,
  timed inside that process) (target ≤ 2).

With ``--hide-asammdf`` every process runs as if the ``mf4`` extra were not installed (a shim on PYTHONPATH
makes ``import asammdf`` fail): python-can then starts in a fraction of the time, for the reference too.

Run: ``python -m bench.cli [--repeat 7] [--frames 75000] [--hide-asammdf]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import can

from bench.ingest import KONA_LOG, make_log
from cockpit.cli.main import main as cockpit
from cockpit.vehicle_data import load_vehicle_data

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
FROM, TO = "Town Hall Fast Charge", "Central Car Park"

REFERENCE_LOOP = r"""
import json, sys
import can, cantools
dbc, log, signals = sys.argv[1:4]
db = cantools.database.load_file(dbc)
wanted = set(signals.split(","))
write = sys.stdout.write
last = {}
t0 = None
for msg in can.LogReader(log):
    if t0 is None:
        t0 = msg.timestamp
    try:
        values = db.decode_message(msg.arbitration_id, msg.data, decode_choices=False)
    except (KeyError, ValueError, cantools.database.errors.DecodeError):
        continue  # ids the DBC does not know, frames shorter than declared
    for name, value in values.items():
        if name in wanted and last.get(name) != value:
            last[name] = value
            write(json.dumps({"t": round(msg.timestamp - t0, 6), "signal": name, "value": value}) + "\n")
"""

ROUTE_IN_PROCESS = r"""
import sys, time
t0 = time.perf_counter()
from cockpit.navigation.map_source import open_map
from cockpit.navigation.navigator import Navigator
nav = Navigator(open_map(None))
start = nav.resolve(sys.argv[1], "start")
route = nav.route(start, nav.resolve(sys.argv[2], "destination", near=start))
print(f"{route.distance_m:.1f} {time.perf_counter() - t0:.6f}")
"""


def make_small_log(path: Path, frames: int = 100) -> None:
    """The first ``frames`` frames the demo car sends (the simulator, recorded)."""
    full = path.with_name("sim-full.log")
    if cockpit(["sim", "--fast", "--duration", "2", "--record", str(full), "--quiet"]) != 0:
        raise SystemExit("bench: the simulator did not record")
    with can.LogReader(str(full)) as reader, can.Logger(str(path)) as out:
        for n, msg in enumerate(reader):
            if n == frames:
                break
            out.on_message_received(msg)


def write_reference_inputs(folder: Path) -> tuple[Path, str]:
    """The Kona database as a DBC cantools loads strictly, and the DBC signals its mapping reads."""
    vehicle = load_vehicle_data("kona-ev")
    dbc = folder / "kona-clean.dbc"
    dbc.write_text(vehicle.database.db.as_dbc_string())
    signals = sorted({rule.signal for rules in vehicle.bound.by_frame_id.values() for rule in rules})
    return dbc, ",".join(signals)


def hide_asammdf(folder: Path) -> Path:
    shim = folder / "no-asammdf"
    (shim / "asammdf").mkdir(parents=True)
    (shim / "asammdf" / "__init__.py").write_text('raise ImportError("hidden by bench.cli --hide-asammdf")\n')
    return shim


def run_once(argv: Sequence[str], env: dict[str, str], keep_output: bool = False) -> tuple[float, str]:
    """Wall time of one whole process; its output goes to /dev/null unless kept (then to a pipe)."""
    stdout = subprocess.PIPE if keep_output else subprocess.DEVNULL
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=REPO, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return took, done.stdout or ""


def count_lines(argv: Sequence[str], env: dict[str, str]) -> int:
    return len(run_once(argv, env, keep_output=True)[1].splitlines())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7, help="runs of each command (median taken)")
    ap.add_argument("--frames", type=int, default=75_000, help="frames in the real log")
    ap.add_argument("--hide-asammdf", action="store_true", help="run as without the mf4 extra")
    args = ap.parse_args(argv)
    if not KONA_LOG.is_file():
        print(f"bench: {KONA_LOG} not found (../shared beside the repository)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # The built-in town and the loaded vehicle data are cached in the bench's own folder.
        env = {
            **os.environ,
            "XDG_DATA_HOME": str(folder / "data"),
            "COCKPIT_CACHE_DIR": str(folder / "cache"),
        }
        no_cache = folder / "no-cache"
        no_cache.write_text("a file, so the vehicle-data cache cannot be written: every run parses")
        if args.hide_asammdf:
            env["PYTHONPATH"] = os.pathsep.join(
                filter(None, [str(hide_asammdf(folder)), env.get("PYTHONPATH")])
            )
        small, big = folder / "small.log", folder / "kona.log"
        make_small_log(small)
        frames = make_log(big, args.frames)
        dbc, signals = write_reference_inputs(folder)
        decode_big = [PY, "-m", "cockpit", "decode", str(big), "--vehicle", "kona-ev", "--channel", "all"]
        reference = [PY, "-c", REFERENCE_LOOP, str(dbc), str(big), signals]
        commands: dict[str, list[str]] = {
            "bare": [PY, "-c", "pass"],
            "import": [PY, "-c", "import can, cantools"],
            "help": [PY, "-m", "cockpit", "--help"],
            "decode_small": [PY, "-m", "cockpit", "decode", str(small)],
            "decode_small_uncached": [PY, "-m", "cockpit", "decode", str(small)],
            "decode_big": decode_big,
            "reference_loop": reference,
            "route": [PY, "-m", "cockpit", "route", "--from", FROM, "--to", TO],
            "route_in_process": [PY, "-c", ROUTE_IN_PROCESS, FROM, TO],
        }
        envs = {name: env for name in commands}
        envs["decode_small_uncached"] = {**env, "COCKPIT_CACHE_DIR": str(no_cache)}
        for name in ("route", "decode_small", "decode_big"):
            run_once(commands[name], env)  # the town generated, the vehicle data cached: untimed
        times: dict[str, list[float]] = {name: [] for name in commands}
        route_work: list[float] = []
        for _ in range(args.repeat):
            for name, command in commands.items():
                took, out = run_once(command, envs[name], keep_output=name == "route_in_process")
                times[name].append(took)
                if name == "route_in_process":
                    route_work.append(float(out.split()[1]))
        decode_lines, reference_lines = count_lines(decode_big, env), count_lines(reference, env)
    med = {name: statistics.median(values) for name, values in times.items()}
    route_reference = med["bare"] + statistics.median(route_work)
    result = {
        "bench": "cli",
        "repeat": args.repeat,
        "median_s": {name: round(value, 3) for name, value in med.items()},
        "help_vs_import": round(med["help"] / med["import"], 2),
        "decode_small_vs_import": round(med["decode_small"] / med["import"], 2),
        "decode_small_uncached_vs_import": round(med["decode_small_uncached"] / med["import"], 2),
        "decode_frames": frames,
        "decode_lines": decode_lines,
        "reference_lines": reference_lines,
        "decode_speedup": round(med["reference_loop"] / med["decode_big"], 2),
        "route_reference_s": round(route_reference, 3),
        "route_vs_reference": round(med["route"] / route_reference, 2),
        "asammdf_installed": importlib.util.find_spec("asammdf") is not None and not args.hide_asammdf,
        "python": platform.python_version(),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
