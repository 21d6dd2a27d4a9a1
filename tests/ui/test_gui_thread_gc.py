"""Garbage made on a worker thread is collected on the GUI thread while the head unit runs."""

import gc
import threading

from ui.gui_thread_gc import GuiThreadGc

COUNT = 50_000  # far past the collector's thresholds: Python would collect during the allocations
collected_on: list[str] = []  # the thread that finalised each cycle


class Cycle:
    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        collected_on.append(threading.current_thread().name)


def garbage_from_a_worker() -> None:
    gc.collect()
    collected_on.clear()

    def worker() -> None:
        for _ in range(COUNT):
            Cycle()

    thread = threading.Thread(target=worker, name="can-reader")
    thread.start()
    thread.join()


def test_cycles_made_by_a_worker_are_freed_on_the_gui_thread(qtbot) -> None:
    collector = GuiThreadGc(interval_s=0.05)
    try:
        garbage_from_a_worker()
        assert "can-reader" not in collected_on
        qtbot.waitUntil(lambda: len(collected_on) >= COUNT, timeout=30_000)
        assert set(collected_on) == {threading.main_thread().name}
    finally:
        collector.stop()
    assert gc.isenabled()


def test_without_the_guard_the_worker_collects() -> None:
    """Why the guard: Python's own collector runs on the thread that allocates."""
    garbage_from_a_worker()
    assert "can-reader" in collected_on
    gc.collect()
