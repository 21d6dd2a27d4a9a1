"""A clock a test moves by hand, for code that paces itself by ``time.monotonic()``.

Patched in for a module's ``time`` (``monkeypatch.setattr(module, "time", clock)``), it makes pacing, rates
and periods exact however busy the machine is: the code sees time pass only when the test says so. Waiting
(``sleep``, a condition's timeout) stays real, so threads still run; they just find no time has passed.
"""

from __future__ import annotations

import time


class ManualClock:
    perf_counter = staticmethod(time.perf_counter)
    sleep = staticmethod(time.sleep)
    thread_time = staticmethod(time.thread_time)

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now
