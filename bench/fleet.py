"""Benchmark: N light simulated cars at 1 Hz against a real mosquitto on this machine.

Prints one JSON line per fleet size with, over the measured window (after a warm-up):

* ``sim_cpu_core``: CPU of the fleet simulator process as a fraction of one core (target: 1,000 cars
  within 0.5); ``mosquitto_cpu_core``: the broker's, the same way;
* ``published_per_s`` / ``target_per_s`` (cars × rate) and ``late_ticks``: whether the simulator keeps its
  rate; ``queue_start`` / ``queue_end``: messages paho holds (unsent or unacknowledged) at the start and the
  end of the window — growth means the broker or the socket does not keep up;
* ``delivered_ratio``: messages a subscriber (a :class:`FleetWatcher` in this process) received ÷ published;
* ``reference_cpu_core``: the same messages published by a bare paho loop (payloads made beforehand, no
  model, no JSON), measured in the same run: ``vs_reference`` = ours ÷ reference shows what the model and
  the encoding cost on top of paho itself.

Run: ``python -m bench.fleet [--cars 1000 10000] [--seconds 8] [--qos 0]``
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _child(cars: int, url: str, seconds: float, qos: int, warmup: float, reference: bool) -> None:
    """Run in a subprocess: the fleet simulator (or the bare reference loop); prints its JSON report."""
    from cockpit.connect.broker import parse_broker
    from cockpit.connect.fleet import FleetModel, FleetSimulator

    fleet = FleetSimulator(parse_broker(url), cars, rate_hz=1.0, qos=qos, name=f"bench-{os.getpid()}")
    fleet.start()
    marks: dict[str, float] = {}
    begin = time.monotonic()

    def on_tick(sim: FleetSimulator) -> None:
        if "cpu0" not in marks and time.monotonic() - begin >= warmup:
            marks.update(cpu0=time.process_time(), t0=time.monotonic(), q0=sim.queued(), n0=sim.published)
        elif "cpu0" in marks:
            marks.update(cpu1=time.process_time(), t1=time.monotonic(), n1=sim.published)

    if reference:
        payloads = FleetModel(cars).payloads(time.time())
        period_begin = time.monotonic()
        published = 0
        while time.monotonic() - period_begin < seconds:
            tick = time.monotonic()
            for i, (topic, payload) in enumerate(payloads):
                fleet.client_for(i).publish(topic, payload, qos=qos)
            published += len(payloads)
            fleet.published = published
            on_tick(fleet)
            time.sleep(max(0.0, 1.0 - (time.monotonic() - tick)))
    else:
        fleet.run(seconds, on_tick=on_tick)
    # From the first tick after the warm-up to the last tick: whole periods, each with its publishing.
    cpu = marks["cpu1"] - marks["cpu0"]
    wall = marks["t1"] - marks["t0"]
    report = {
        "cpu_core": round(cpu / wall, 3),
        "published_per_s": round((marks["n1"] - marks["n0"]) / wall),
        "queue_start": marks["q0"],
        "queue_end": fleet.queued(),
        "late_ticks": fleet.late_ticks,
        "published": fleet.published,
    }
    fleet.close(offline=False)
    print(json.dumps(report), flush=True)


def _measure(cars: int, url: str, broker_pid: int, seconds: float, qos: int, reference: bool) -> dict:
    from cockpit.connect.broker import parse_broker
    from cockpit.connect.fleet import FleetWatcher

    watcher = FleetWatcher(parse_broker(url), group=f"bench{cars}{reference}")
    watcher.start()
    watcher.connected.wait(10)
    warmup = min(3.0, seconds / 3)
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.fleet", "--child", str(cars), "--url", url, "--seconds", str(seconds),
         "--qos", str(qos), "--warmup", str(warmup), *(["--reference"] if reference else [])],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(warmup)
    broker0, t0 = _cpu_s(broker_pid), time.monotonic()
    out, _ = child.communicate(timeout=seconds + 120)
    broker_cpu = (_cpu_s(broker_pid) - broker0) / (time.monotonic() - t0)
    report = json.loads(out.strip().splitlines()[-1])
    deadline = time.monotonic() + 10
    while watcher.messages < report["published"] and time.monotonic() < deadline:
        time.sleep(0.1)
    report["delivered_ratio"] = round(watcher.messages / max(1, report["published"]), 4)
    report["mosquitto_cpu_core"] = round(broker_cpu, 3)
    watcher.close()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cars", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--qos", type=int, choices=(0, 1), default=0)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--warmup", type=float, default=2.0, help=argparse.SUPPRESS)
    parser.add_argument("--reference", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.url, args.seconds, args.qos, args.warmup, args.reference)
        return
    mosquitto = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
    with tempfile.TemporaryDirectory() as folder:
        port = _free_port()
        config = Path(folder) / "mosquitto.conf"
        config.write_text(f"user {getpass.getuser()}\nlistener {port} 127.0.0.1\nallow_anonymous true\n"
                          "max_queued_messages 100000\n")  # fmt: skip
        broker = subprocess.Popen([mosquitto, "-c", str(config)], stderr=subprocess.DEVNULL)
        try:
            url = f"mqtt://127.0.0.1:{port}"
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.05)
            for cars in args.cars:
                ours = _measure(cars, url, broker.pid, args.seconds, args.qos, reference=False)
                ref = _measure(cars, url, broker.pid, args.seconds, args.qos, reference=True)
                line = {
                    "bench": "fleet",
                    "cars": cars,
                    "rate_hz": 1.0,
                    "qos": args.qos,
                    "target_per_s": cars,
                    "sim_cpu_core": ours["cpu_core"],
                    "mosquitto_cpu_core": ours["mosquitto_cpu_core"],
                    "published_per_s": ours["published_per_s"],
                    "late_ticks": ours["late_ticks"],
                    "queue_start": ours["queue_start"],
                    "queue_end": ours["queue_end"],
                    "delivered_ratio": ours["delivered_ratio"],
                    "reference_cpu_core": ref["cpu_core"],
                    "vs_reference": round(ours["cpu_core"] / max(ref["cpu_core"], 1e-6), 2),
                    "load_avg_1m": round(os.getloadavg()[0], 1),
                }
                print(json.dumps(line), flush=True)
        finally:
            broker.terminate()
            broker.wait(10)


if __name__ == "__main__":
    main()
