import math
import threading
import time

import can
import pytest

from vehicle_bus.frame_cache import FrameCache
from vehicle_bus.sources.replay import Replay, build_index


class Collect(can.Listener):
    def __init__(self) -> None:
        self.frames: list[can.Message] = []
        self.arrivals: list[float] = []

    def on_message_received(self, msg: can.Message) -> None:
        self.frames.append(msg)
        self.arrivals.append(time.monotonic())


def log_frames(
    seconds: float = 2.0, hz: float = 100.0, channels: tuple[int, ...] = (0,)
) -> list[can.Message]:
    out = []
    for k in range(int(seconds * hz)):
        for ch in channels:
            out.append(
                can.Message(
                    timestamp=1000.0 + k / hz,
                    arbitration_id=0x100 + ch,
                    data=bytes([k % 256, ch]),
                    channel=ch,
                    is_extended_id=False,
                )
            )
    return out


def test_index_keeps_frames_and_sorts_out_of_order_timestamps() -> None:
    frames = log_frames(1.0, 10.0)
    frames[3], frames[4] = frames[4], frames[3]
    frames.append(can.Message(timestamp=999.0, arbitration_id=0x7FF, data=b"\x01\x02\x03", is_fd=False))
    index, _ = build_index(frames)
    assert len(index) == 11
    times = [index.message(i).timestamp for i in range(len(index))]
    assert times == sorted(times)
    first = index.message(0)
    assert (first.arbitration_id, bytes(first.data)) == (0x7FF, b"\x01\x02\x03")
    assert index.message(4).data == bytes([3, 0])


def test_channel_choice_keeps_one_bus_and_reports_all() -> None:
    index, channels = build_index(log_frames(1.0, 10.0, channels=(0, 1)), channel=1)
    assert channels == [0, 1]
    assert {index.message(i).channel for i in range(len(index))} == {1}
    assert len(index) == 10


def test_real_time_pacing_follows_log_timestamps() -> None:
    index, _ = build_index(log_frames(1.0, 50.0))
    sink = Collect()
    replay = Replay(index, [sink], speed=1.0)
    start = time.monotonic()
    replay.run()
    elapsed = time.monotonic() - start
    assert len(sink.frames) == 50
    assert 0.9 <= elapsed <= 1.3
    # Frame k arrives close to k/50 s after the start, not in one burst.
    late = [a - start - k / 50 for k, a in enumerate(sink.arrivals)]
    assert max(abs(x) for x in late) < 0.1


@pytest.mark.parametrize("speed", [4.0, 0.5])
def test_speed_factor_scales_the_wall_time(speed: float) -> None:
    index, _ = build_index(log_frames(0.4, 50.0))
    replay = Replay(index, [Collect()], speed=speed)
    start = time.monotonic()
    replay.run()
    elapsed = time.monotonic() - start
    assert elapsed == pytest.approx(index.duration / speed, abs=0.12)


def test_as_fast_as_possible_and_loop() -> None:
    index, _ = build_index(log_frames(10.0, 100.0))  # 10 s of log
    sink = Collect()
    replay = Replay(index, [sink], speed=math.inf, loop=True)
    replay.start()
    deadline = time.monotonic() + 5
    while replay.loops_done < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    replay.stop()
    assert replay.loops_done >= 3
    assert len(sink.frames) >= 3 * 1000


def test_pause_stops_delivery_and_resume_continues_from_there() -> None:
    index, _ = build_index(log_frames(3.0, 100.0))
    sink = Collect()
    replay = Replay(index, [sink])
    replay.start()
    time.sleep(0.3)
    replay.pause()
    time.sleep(0.05)
    paused_at, count = replay.position, len(sink.frames)
    time.sleep(0.3)
    assert len(sink.frames) == count and replay.state == "paused"
    replay.resume()
    time.sleep(0.2)
    replay.stop()
    assert len(sink.frames) > count
    assert sink.frames[count].timestamp == pytest.approx(sink.frames[count - 1].timestamp + 0.01)
    assert 0.2 < paused_at < 0.45


def test_seek_lands_where_asked_and_primes_every_id() -> None:
    frames = log_frames(10.0, 100.0)
    frames.append(can.Message(timestamp=1000.5, arbitration_id=0x555, data=b"\x42"))  # sent once, early
    index, _ = build_index(frames)
    cache = FrameCache()
    replay = Replay(index, [cache], speed=1.0)
    replay.seek(7.25)
    assert replay.position == pytest.approx(7.25, abs=0.011)
    primed = {e.arbitration_id: e for e in cache.take_changed()}
    assert primed[0x555].data == b"\x42"
    assert primed[0x100].timestamp == pytest.approx(1007.24)
    replay.start()
    time.sleep(0.2)
    replay.stop()
    latest = {e.arbitration_id: e for e in cache.take_changed()}[0x100]
    assert 1007.25 <= latest.timestamp < 1007.6


def test_retransmits_onto_a_virtual_bus() -> None:
    index, _ = build_index(log_frames(0.5, 100.0))
    with (
        can.Bus(interface="virtual", channel="replay-test") as out,
        can.Bus(interface="virtual", channel="replay-test") as listener,
    ):
        replay = Replay(index, [], speed=math.inf, retransmit=out)
        replay.run()
        got = []
        while (msg := listener.recv(timeout=0.2)) is not None:
            got.append(msg)
    assert len(got) == 50 == replay.sent
    assert [bytes(m.data) for m in got] == [bytes(index.message(i).data) for i in range(50)]


def test_speed_below_minimum_is_refused() -> None:
    index, _ = build_index(log_frames(0.1, 10.0))
    with pytest.raises(ValueError):
        Replay(index, speed=0.01)


def test_controls_are_thread_safe_while_playing() -> None:
    index, _ = build_index(log_frames(5.0, 400.0))
    replay = Replay(index, [Collect()], speed=2.0)
    replay.start()
    stop = threading.Event()

    def fiddle() -> None:
        k = 0
        while not stop.is_set():
            replay.seek((k * 0.37) % 5)
            replay.set_speed(1 + k % 3)
            k += 1
            time.sleep(0.005)

    t = threading.Thread(target=fiddle)
    t.start()
    time.sleep(0.5)
    stop.set()
    t.join()
    replay.stop()
    assert replay.state in ("stopped", "finished")
