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
        deadline = time.monotonic() + 5
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
