import threading
import tracemalloc

import numpy as np

from cockpit.state_store import StateStore


def test_latest_value_with_unit_timestamp_and_source() -> None:
    store = StateStore(units={"Vehicle.Speed": "km/h"})
    store.update("Vehicle.Speed", 10.0, 1.0, "sim")
    store.update("Vehicle.Speed", 12.5, 2.0, "sim")
    item = store.get("Vehicle.Speed")
    assert (item.value, item.unit, item.timestamp, item.source) == (12.5, "km/h", 2.0, "sim")
    assert store.value("Vehicle.Nope", "?") == "?"


def test_changes_since_returns_only_what_changed() -> None:
    store = StateStore()
    store.update("A", 1, 0)
    version, changed = store.changes_since(0)
    assert [c.path for c in changed] == ["A"]
    store.update("B", 2, 1)
    version2, changed = store.changes_since(version)
    assert [c.path for c in changed] == ["B"] and version2 > version
    assert store.changes_since(version2)[1] == []


def test_subscribers_get_updates_for_their_paths_and_can_unsubscribe() -> None:
    store = StateStore()
    got: list[tuple[str, object]] = []
    unsubscribe = store.subscribe(lambda v: got.append((v.path, v.value)), paths=["A"])
    store.update("A", 1, 0)
    store.update("B", 2, 0)
    unsubscribe()
    store.update("A", 3, 0)
    assert got == [("A", 1)]


def test_history_is_thinned_to_the_rate_and_bounded() -> None:
    store = StateStore(history_seconds=10, history_hz=20)  # 200 points at most
    for k in range(10_000):  # 100 Hz for 100 s
        store.update("Vehicle.Speed", float(k), k / 100)
    times, values = store.history("Vehicle.Speed")
    assert len(times) == 200
    assert np.all(np.diff(times) >= 0.05 - 1e-9)
    assert values[-1] == 9999.0  # the newest value is kept in the last slot
    # 200 slots at no more than 20 Hz hold the last 10 s or a little more, never the whole run.
    assert 100 - 12 <= times[0] <= 100 - 10


def test_non_numeric_values_have_no_history() -> None:
    store = StateStore()
    store.update("Vehicle.Cabin.Door.Row1.DriverSide.IsOpen", True, 0)
    store.update("Vehicle.Body.Lights.State", "ON", 0)
    assert len(store.history("Vehicle.Cabin.Door.Row1.DriverSide.IsOpen")[0]) == 0
    assert len(store.history("Vehicle.Body.Lights.State")[0]) == 0


def test_memory_stays_flat_over_a_long_run() -> None:
    store = StateStore(history_seconds=20, history_hz=20)
    paths = [f"Vehicle.S{i}" for i in range(20)]

    def run(start: int, n: int) -> None:
        for k in range(start, start + n):
            for p in paths:
                store.update(p, float(k), k / 50)

    run(0, 2000)  # 40 s at 50 Hz: every ring is full
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    run(2000, 2000)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(s.size_diff for s in after.compare_to(before, "filename"))
    assert grown < 200_000, grown


def test_safe_across_threads() -> None:
    store = StateStore()

    def writer(name: str) -> None:
        for k in range(5000):
            store.update(name, k, k)

    threads = [threading.Thread(target=writer, args=(f"P{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    reads = 0
    while any(t.is_alive() for t in threads):
        store.changes_since(0)
        reads += 1
    for t in threads:
        t.join()
    assert {store.value(f"P{i}") for i in range(4)} == {4999}
    assert store.version == 20_000
