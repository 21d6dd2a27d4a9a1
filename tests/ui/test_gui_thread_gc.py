"""Garbage made on a worker thread is collected on the GUI thread while the head unit runs.

Each case runs in a fresh interpreter: in the suite's long-lived worker processes, threads left by earlier
tests (readers, servers, recognizers) can hold Python's collector (one collection at a time per process),
and that is not what this test is about.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc, json, sys, threading, time
from PySide6.QtWidgets import QApplication
from ui.gui_thread_gc import GuiThreadGc

COUNT = 50_000  # far past the collector's thresholds: Python would collect during the allocations
collected_on = []

class Cycle:
    def __init__(self):
        self.me = self
    def __del__(self):
        collected_on.append(threading.current_thread().name)

app = QApplication([])
guard = sys.argv[1] == "guard"
collector = GuiThreadGc(interval_s=0.05) if guard else None
gc.collect()
def make_garbage():
    for _ in range(COUNT):
        Cycle()

worker = threading.Thread(target=make_garbage, name="can-reader")
worker.start()
worker.join()
on_worker = "can-reader" in collected_on
end = time.monotonic() + (60 if guard else 0)
while len(collected_on) < COUNT and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
if collector is not None:
    collector.stop()
print(json.dumps({"on_worker": on_worker, "threads": sorted(set(collected_on)),
                  "collected": len(collected_on), "enabled_after": gc.isenabled()}))
"""


def run(mode: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_cycles_made_by_a_worker_are_freed_on_the_gui_thread() -> None:
    result = run("guard")
    assert not result["on_worker"]
    assert result["collected"] >= 50_000 and result["threads"] == ["MainThread"]
    assert result["enabled_after"]  # stop() gives collection back to Python


def test_without_the_guard_the_worker_collects() -> None:
    """Why the guard: Python's own collector runs on the thread that allocates."""
    assert run("none")["on_worker"]
