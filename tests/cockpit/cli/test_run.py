"""`cockpit run` as a process: Ctrl+C and systemd's stop end it cleanly, in a window or in kiosk mode."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def handles_sigterm(pid: int) -> bool:
    """The process has installed its SIGTERM handler (its caught-signal mask, from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    return False


@pytest.mark.parametrize(("number", "args"), [(signal.SIGTERM, ["--kiosk"]), (signal.SIGINT, [])])
def test_a_signal_ends_the_run_cleanly(tmp_path: Path, number: signal.Signals, args: list[str]) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "cockpit", "run", "--size", "800x480", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while not handles_sigterm(process.pid):
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "cockpit run did not start within 30 s"
            time.sleep(0.1)
        time.sleep(0.5)  # a few ticks, so the signal lands while the window runs
        process.send_signal(number)
        _, err = process.communicate(timeout=60)  # generous: closing takes a while on a busy machine
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
