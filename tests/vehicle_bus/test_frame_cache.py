import threading

import can

from vehicle_bus.frame_cache import FrameCache


def frame(i: int, data: bytes, t: float) -> can.Message:
    return can.Message(arbitration_id=i, data=data, timestamp=t, is_extended_id=False)


def test_keeps_latest_frame_per_id_and_counts_every_frame() -> None:
    cache = FrameCache()
    for k in range(100):
        cache.on_message_received(frame(0x100, bytes([k, 0]), k * 0.01))
    cache.on_message_received(frame(0x200, b"\x01", 1.5))
    changed = {e.arbitration_id: e for e in cache.take_changed()}
    assert set(changed) == {0x100, 0x200}
    assert changed[0x100].data == bytes([99, 0]) and changed[0x100].count == 100
    assert changed[0x100].first_timestamp == 0.0 and changed[0x100].timestamp == 0.99
    assert cache.counters.frames == 101
    # Nothing new arrived: nothing to decode.
    assert cache.take_changed() == []


def test_changed_bytes_marks_which_bytes_differ_from_the_previous_frame() -> None:
    cache = FrameCache()
    cache.on_message_received(frame(1, b"\x00\x11\x22\x33", 0))
    cache.on_message_received(frame(1, b"\x00\x99\x22\x34", 1))
    (entry,) = cache.take_changed()
    assert entry.changed_bytes == 0b1010


def test_error_and_remote_frames_are_counted_not_stored() -> None:
    cache = FrameCache()
    cache.on_message_received(can.Message(is_error_frame=True, timestamp=1))
    cache.on_message_received(can.Message(arbitration_id=5, is_remote_frame=True, timestamp=2))
    assert cache.counters.error_frames == 1 and cache.counters.remote_frames == 1
    assert cache.take_changed() == []


def test_concurrent_writer_and_reader_lose_no_id() -> None:
    cache = FrameCache()
    seen: set[int] = set()
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            seen.update(e.arbitration_id for e in cache.take_changed())

    t = threading.Thread(target=reader)
    t.start()
    for k in range(20_000):
        cache.on_message_received(frame(k % 2000, b"\x00", k))
    done.set()
    t.join()
    seen.update(e.arbitration_id for e in cache.take_changed())
    assert seen == set(range(2000))
    assert cache.counters.frames == 20_000


def test_each_consumer_gets_its_own_changes() -> None:
    cache = FrameCache()
    cache.on_message_received(frame(1, b"\x01", 0))
    assert [e.arbitration_id for e in cache.take_changed("monitor")] == [1]  # first look: everything
    cache.on_message_received(frame(2, b"\x02", 1))
    assert [e.arbitration_id for e in cache.take_changed("decoder")] == [1, 2]
    assert [e.arbitration_id for e in cache.take_changed("monitor")] == [2]
    assert cache.take_changed("monitor") == [] and cache.take_changed("decoder") == []
