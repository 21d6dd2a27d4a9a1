import threading
import time
from pathlib import Path

import can
import pytest

from vehicle_bus.errors import InputError
from vehicle_bus.recorder import Recorder


def test_recording_a_bus_at_8000_frames_per_second_loses_nothing(tmp_path: Path) -> None:
    target = tmp_path / "drive.blf"
    rate, seconds = 8000, 2.0
    total = int(rate * seconds)
    with (
        can.Bus(interface="virtual", channel="rec-test") as tx,
        can.Bus(interface="virtual", channel="rec-test") as rx,
    ):
        recorder = Recorder(target)
        notifier = can.Notifier(rx, [recorder])

        def send() -> None:
            start = time.perf_counter()
            for k in range(total):
                # Paced in bursts of 80 (every 10 ms), as a busy bus delivers through a driver.
                if k % 80 == 0:
                    delay = start + k / rate - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                tx.send(
                    can.Message(arbitration_id=k % 2048, data=k.to_bytes(4, "little"), is_extended_id=False)
                )

        sender = threading.Thread(target=send)
        sender.start()
        sender.join()
        deadline = time.monotonic() + 60
        while recorder.frames < total and time.monotonic() < deadline:
            time.sleep(0.01)
        notifier.stop()
        recorder.stop()
    counters = [int.from_bytes(bytes(m.data), "little") for m in can.LogReader(str(target))]
    assert len(counters) == total
    assert counters == list(range(total))


@pytest.mark.parametrize("name", ["drive.xyz", "nofolder/drive.asc"])
def test_bad_recording_target_fails_before_anything_runs(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError) as err:
        Recorder(tmp_path / name)
    assert "\n" not in str(err.value)


def test_a_frame_the_format_cannot_hold_is_counted_and_recording_goes_on(tmp_path: Path) -> None:
    recorder = Recorder(tmp_path / "mixed.blf")
    # BLF numbers channels 0..65535; python-can reads trailing digits of a name as that number.
    recorder.on_message_received(can.Message(arbitration_id=1, data=b"\x01", channel="vcan-999999"))
    recorder.on_message_received(can.Message(arbitration_id=2, data=b"\x02", channel=0))
    recorder.stop()
    assert recorder.errors == 1 and "mixed.blf" in recorder.first_error
    assert [m.arbitration_id for m in can.LogReader(str(tmp_path / "mixed.blf"))] == [2]


# Records 8,000 frames/s from a virtual bus for 1.5 s into ARGV[1]; prints the recorder's figures as JSON.
# Run in a subprocess when the test limits the file size (RLIMIT_FSIZE), so the limit binds nothing else.
RECORD_SCRIPT = """
import json, resource, signal, sys, threading, time
import can
from vehicle_bus.recorder import Recorder

path, limit, rate, seconds = sys.argv[1], int(sys.argv[2]), 8000, 1.5
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
with can.Bus(interface="virtual", channel="fill") as tx, can.Bus(interface="virtual", channel="fill") as rx:
    recorder = Recorder(path, warn_free_bytes=int(sys.argv[3]))
    notifier = can.Notifier(rx, [recorder])
    total = int(rate * seconds)
    start = time.perf_counter()
    for k in range(total):
        if k % 80 == 0:
            delay = start + k / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        tx.send(can.Message(arbitration_id=k % 2048, data=k.to_bytes(4, "little"), is_extended_id=False))
    time.sleep(0.3)
    notifier.stop()  # stops the recorder too: must not raise
print(json.dumps({"sent": total, "frames": recorder.frames, "lost": recorder.lost,
                  "failure": recorder.failure, "warning": recorder.warning, "summary": recorder.summary()}))
"""


def _record(path: Path, limit: int = 0, warn: int = 0) -> dict:
    import json
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", RECORD_SCRIPT, str(path), str(limit), str(warn)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    return json.loads(done.stdout)


def _check_file_holds_exactly_the_recorded_frames(path: Path, figures: dict) -> None:
    counters = [int.from_bytes(bytes(m.data), "little") for m in can.LogReader(str(path))]
    assert counters == list(range(figures["frames"]))  # valid up to the last good frame, no gap, no tail
    assert figures["frames"] + figures["lost"] == figures["sent"]  # every frame is recorded or counted lost


@pytest.mark.parametrize(("name", "limit"), [("full.blf", 60_000), ("full.log", 300_000)])
def test_a_file_that_cannot_grow_stops_cleanly_and_says_what_was_lost(
    tmp_path: Path, name: str, limit: int
) -> None:
    figures = _record(tmp_path / name, limit=limit)
    assert 0 < figures["frames"] < figures["sent"] and figures["lost"] > 0
    assert figures["failure"].endswith("File too large")
    assert f"recorded {figures['frames']:,} frames" in figures["summary"]
    assert f"{figures['lost']:,} lost" in figures["summary"]
    _check_file_holds_exactly_the_recorded_frames(tmp_path / name, figures)


def test_a_full_disk_at_8000_frames_per_second_keeps_a_valid_blf_and_warns_first(tmp_path: Path) -> None:
    import subprocess

    disk = tmp_path / "stick"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode:
        pytest.skip("cannot mount a tmpfs here (needs root); the file-size limit test covers the same path")
    try:
        figures = _record(disk / "drive.blf", warn=10_000_000)
        assert figures["warning"].startswith("drive.blf: only ")
        assert figures["failure"].endswith("No space left on device")
        assert figures["lost"] > 0
        _check_file_holds_exactly_the_recorded_frames(disk / "drive.blf", figures)
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_blf_whose_recording_was_killed_is_read_with_a_notice(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    from vehicle_bus.sources.logfile import LogFile

    target = tmp_path / "killed.blf"
    script = (
        "import sys, time, can\n"
        "from vehicle_bus.recorder import Recorder\n"
        "r = Recorder(sys.argv[1])\n"
        "for k in range(3000): r.on_message_received(can.Message(arbitration_id=k % 2048, data=bytes(8)))\n"
        "while r.frames < 3000: time.sleep(0.01)\n"
        "print('recorded', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert proc.stdout.readline().strip() == "recorded"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    log = LogFile(target)
    assert len(list(log)) == 3000  # every recorded frame survives the kill
    summary = log.report.summary()
    assert summary.startswith(f"{target}: read 3,000 frames") and "header was never finalised" in summary
