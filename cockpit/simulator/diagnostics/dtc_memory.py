"""An ECU's fault memory: DTC status bits as ISO 14229-1 (annex D) defines them, freeze frames, counters.

A monitor reports pass or fail for each of its DTCs on every run. A failure makes the DTC pending at once
and confirmed once it has failed for :data:`CONFIRM_S` without a break (the debounce a real ECU applies
before it trusts a fault). When the monitor passes again ``testFailed`` clears, the confirmed DTC stays
stored until a tester clears it (service 0x14), as on a real car.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

TEST_FAILED = 0x01
TEST_FAILED_THIS_CYCLE = 0x02
PENDING = 0x04
CONFIRMED = 0x08
NOT_COMPLETED_SINCE_CLEAR = 0x10
FAILED_SINCE_CLEAR = 0x20
NOT_COMPLETED_THIS_CYCLE = 0x40
WARNING_INDICATOR = 0x80
AVAILABILITY_MASK = 0xFF  # this ECU supports every status bit
CONFIRM_S = 1.0
ALL_GROUPS = 0xFFFFFF
FIRST_RECORD, LATEST_RECORD = 0x01, 0x02
OCCURRENCE_RECORD = 0x01


@dataclass
class Snapshot:
    """Freeze frame: when (Unix time, s) and at which odometer reading (km) the DTC was seen failing."""

    time_s: int
    odometer_km: int


@dataclass
class StoredDtc:
    number: int
    status: int = NOT_COMPLETED_SINCE_CLEAR | NOT_COMPLETED_THIS_CYCLE
    first: Snapshot | None = None
    latest: Snapshot | None = None
    occurrences: int = 0
    failing_since: float | None = None


class DtcMemory:
    def __init__(self, supported: Iterable[int]) -> None:
        self.dtcs = {number: StoredDtc(number) for number in supported}

    def report(self, number: int, failed: bool, now: float, snapshot: Snapshot) -> None:
        """One monitor result for ``number`` at monotonic time ``now``."""
        d = self.dtcs[number]
        d.status &= ~(NOT_COMPLETED_SINCE_CLEAR | NOT_COMPLETED_THIS_CYCLE)
        if not failed:
            d.status &= ~(TEST_FAILED | WARNING_INDICATOR)
            d.failing_since = None
            return
        if not d.status & TEST_FAILED:
            d.occurrences = min(d.occurrences + 1, 0xFF)
            d.failing_since = now
            d.latest = snapshot
            if d.first is None:
                d.first = snapshot
        d.status |= TEST_FAILED | TEST_FAILED_THIS_CYCLE | PENDING | FAILED_SINCE_CLEAR
        if d.failing_since is not None and now - d.failing_since >= CONFIRM_S:
            d.status |= CONFIRMED
        if d.status & CONFIRMED:
            d.status |= WARNING_INDICATOR

    def matching(self, mask: int) -> list[StoredDtc]:
        return [d for d in self.dtcs.values() if d.status & mask & AVAILABILITY_MASK]

    def clear(self, group: int) -> bool:
        """Clear one DTC or all (``0xFFFFFF``); False if the group names no DTC of this ECU."""
        if group != ALL_GROUPS and group not in self.dtcs:
            return False
        for number in self.dtcs if group == ALL_GROUPS else (group,):
            self.dtcs[number] = StoredDtc(number)
        return True

    def new_operation_cycle(self) -> None:
        """Ignition cycle (an ECU reset): per-cycle bits start over; stored DTCs stay."""
        for d in self.dtcs.values():
            d.status = (d.status & ~(TEST_FAILED_THIS_CYCLE | TEST_FAILED | WARNING_INDICATOR)) | (
                NOT_COMPLETED_THIS_CYCLE
            )
            d.failing_since = None
