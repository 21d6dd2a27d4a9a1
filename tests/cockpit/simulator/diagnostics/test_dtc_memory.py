from __future__ import annotations

from cockpit.simulator.diagnostics.dtc_memory import CONFIRM_S, DtcMemory, Snapshot

CODE = 0x0AA600


def test_a_fault_is_pending_at_once_confirmed_after_the_debounce_and_stays_until_cleared() -> None:
    memory = DtcMemory([CODE])
    assert memory.dtcs[CODE].status == 0x50  # not tested yet, since clear and this cycle
    memory.report(CODE, False, 0.0, Snapshot(0, 0))
    assert memory.matching(0xFF) == []
    memory.report(CODE, True, 1.0, Snapshot(100, 12_000))
    assert memory.dtcs[CODE].status == 0x27  # failed, this cycle, pending, since clear — not confirmed yet
    memory.report(CODE, True, 1.0 + CONFIRM_S, Snapshot(101, 12_001))
    assert memory.dtcs[CODE].status == 0xAF  # + confirmed and the warning lamp
    memory.report(CODE, False, 3.0, Snapshot(102, 12_002))
    stored = memory.dtcs[CODE]
    assert stored.status == 0x2E  # repaired: no longer failing, still confirmed and stored
    assert (stored.first, stored.occurrences) == (Snapshot(100, 12_000), 1)
    memory.report(CODE, True, 4.0, Snapshot(200, 12_050))
    assert (memory.dtcs[CODE].latest, memory.dtcs[CODE].occurrences) == (Snapshot(200, 12_050), 2)
    assert memory.dtcs[CODE].first == Snapshot(100, 12_000)
    assert memory.clear(0xFFFFFF)
    assert memory.dtcs[CODE].status == 0x50 and memory.dtcs[CODE].first is None
    assert not memory.clear(0x123456)  # a group this ECU does not have
