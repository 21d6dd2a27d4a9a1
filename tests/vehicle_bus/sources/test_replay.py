import math
import threading
import time

import can
import pytest

from vehicle_bus.frame_cache import FrameCache
from vehicle_bus.sources.replay import Replay, build_index

from ...manual_clock import ManualClock


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


# Pacing is tested on a clock the test moves (the replay module's ``time``): a frame is delivered once the
# clock reaches its log time (divided by the speed), exactly, however busy the machine is. The replay thread
# runs for real; the test waits for it to catch up with the clock, never for a fixed time.
@pytest.fixture
def clock(monkeypatch) -> ManualClock:
    import vehicle_bus.sources.replay as module

    fake = ManualClock()
    monkeypatch.setattr(module, "time", fake)
    return fake


def due(frames: list[can.Message], log_seconds: float) -> int:
    """How many frames a paced replay has delivered once ``log_seconds`` of the log have been played."""
    start = frames[0].timestamp
    return sum(1 for m in frames if m.timestamp - start <= log_seconds + 1e-9)


def delivered(sink: Collect, count: int) -> bool:
    """Wait (generously) until ``count`` frames arrived; then no more than that may have."""
    deadline = time.monotonic() + 30
    while len(sink.frames) < count and time.monotonic() < deadline:
        time.sleep(0.005)
    return len(sink.frames) == count


def test_real_time_pacing_follows_log_timestamps(clock: ManualClock) -> None:
    frames = log_frames(1.0, 50.0)
    index, _ = build_index(frames)
    sink = Collect()
    replay = Replay(index, [sink], speed=1.0)
    replay.start()
    played = 0.005  # off the 20 ms grid of the frames, so no frame sits exactly on a step
    clock.advance(played)
    assert delivered(sink, 1)  # the first frame at once
    for _ in range(10):
        # Frame k arrives when the clock reaches k/50 s after the start: one step's worth at a time.
        clock.advance(0.1)
        played += 0.1
        assert delivered(sink, due(frames, played)), (played, len(sink.frames))
    assert replay.wait(timeout=30) and len(sink.frames) == 50


@pytest.mark.parametrize("speed", [4.0, 0.5])
def test_speed_factor_scales_the_wall_time(clock: ManualClock, speed: float) -> None:
    frames = log_frames(0.4, 50.0)
    index, _ = build_index(frames)
    sink = Collect()
    replay = Replay(index, [sink], speed=speed)
    replay.start()
    wall = index.duration / speed
    clock.advance(wall / 2 + 0.001)
    assert delivered(sink, due(frames, (wall / 2 + 0.001) * speed))  # half the log in half the wall time
    clock.advance(wall / 2)
    assert replay.wait(timeout=30) and len(sink.frames) == 20


def test_as_fast_as_possible_and_loop() -> None:
    index, _ = build_index(log_frames(10.0, 100.0))  # 10 s of log
    sink = Collect()
    replay = Replay(index, [sink], speed=math.inf, loop=True)
    replay.start()
    deadline = time.monotonic() + 60  # generous: it takes a fraction of a second on an idle machine
    while replay.loops_done < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    replay.stop()
    assert replay.loops_done >= 3
    assert len(sink.frames) >= 3 * 1000


def test_pause_stops_delivery_and_resume_continues_from_there(clock: ManualClock) -> None:
    frames = log_frames(3.0, 100.0)
    index, _ = build_index(frames)
    sink = Collect()
    replay = Replay(index, [sink])
    replay.start()
    clock.advance(0.305)
    assert delivered(sink, 31)  # 0.00 … 0.30
    replay.pause()
    paused_at, count = replay.position, len(sink.frames)
    clock.advance(1.0)
    time.sleep(0.2)  # real time for the thread to (wrongly) deliver something
    assert len(sink.frames) == count and replay.state == "paused"
    replay.resume()
    clock.advance(0.205)  # from the next frame's log time (0.31) on: up to 0.51
    assert delivered(sink, 52)
    replay.stop()
    assert sink.frames[count].timestamp == pytest.approx(sink.frames[count - 1].timestamp + 0.01)
    assert paused_at == pytest.approx(0.31)


def test_seek_lands_where_asked_and_primes_every_id(clock: ManualClock) -> None:
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
    clock.advance(0.205)  # up to the frame at 7.45

    def newest() -> float:
        return max(e.timestamp for e in cache.snapshot() if e.arbitration_id == 0x100)

    deadline = time.monotonic() + 30
    while newest() < 1007.45 - 1e-6 and time.monotonic() < deadline:
        time.sleep(0.005)
    replay.stop()
    latest = {e.arbitration_id: e for e in cache.take_changed()}[0x100]
    assert latest.timestamp == pytest.approx(1007.45)


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
