"""KUKSA's evaluation order per rule: time gate → transform → change gate."""

from __future__ import annotations

import math

import pytest
from cantools.database.namedsignalvalue import NamedSignalValue

from vehicle_bus.mapping import Dbc2VssRule, RuleGate, Transform


def rule(interval_ms: int = 1000, on_change: bool = False, transform: Transform | None = None) -> Dbc2VssRule:
    return Dbc2VssRule("A.B", "S", interval_ms, on_change, transform, (), "test.vspec:1")


def run(gate: RuleGate, observations: list[tuple[float, object]]) -> list[object]:
    """Offer (t, raw) pairs; return what was emitted, with None where nothing was."""
    return [gate.offer(raw, t) for t, raw in observations]


def test_time_gate_passes_first_observation_then_one_per_interval():
    gate = RuleGate(rule(interval_ms=100), "float")
    out = run(gate, [(0.0, 1.0), (0.05, 2.0), (0.1, 3.0), (0.15, 4.0), (0.2, 5.0)])
    assert out == [1.0, None, 3.0, None, 5.0]


def test_stored_time_moves_only_when_the_gate_passes():
    gate = RuleGate(rule(interval_ms=100), "float")
    # 0.09 is dropped and must not restart the interval: 0.15 is 150 ms after the last pass at 0.
    assert run(gate, [(0.0, 1.0), (0.09, 2.0), (0.15, 3.0), (0.2, 4.0), (0.25, 5.0)]) == [
        1.0,
        None,
        3.0,
        None,
        5.0,
    ]


def test_frames_at_exactly_the_interval_all_pass_despite_float_rounding():
    gate = RuleGate(rule(interval_ms=100), "float")
    times = [i / 10 for i in range(50)]  # 0.1, 0.2, 0.30000000000000004, ...
    assert all(v is not None for v in run(gate, [(t, t) for t in times]))


def test_on_change_alone_emits_every_change_and_nothing_else():
    gate = RuleGate(rule(interval_ms=0, on_change=True), "uint8")
    out = run(gate, [(0.0, 5), (0.01, 5), (0.02, 6), (0.03, 6), (0.04, 5)])
    assert out == [5, None, 6, None, 5]


def test_without_on_change_equal_values_pass_every_interval():
    gate = RuleGate(rule(interval_ms=1000), "uint8")
    assert run(gate, [(0.0, 5), (1.0, 5), (2.0, 5)]) == [5, 5, 5]


def test_value_dropped_by_time_gate_does_not_update_change_memory():
    gate = RuleGate(rule(interval_ms=100, on_change=True), "uint8")
    # 2 at 0.05 never passed the time gate, so at 0.1 the last passed value is still 1: equal → dropped.
    out = run(gate, [(0.0, 1), (0.05, 2), (0.1, 1), (0.2, 2)])
    assert out == [1, None, None, 2]


def test_transform_failure_drops_the_value_but_uses_the_time_slot():
    gate = RuleGate(rule(interval_ms=100, transform=Transform(math="10/x")), "float")
    out = run(gate, [(0.0, 0), (0.05, 5), (0.1, 5)])
    assert out == [None, None, 2.0]  # 0.05 is within 100 ms of the failed attempt at 0.0
    assert gate.dropped_by_transform == 1


def test_unmatched_mapping_drops_and_keeps_the_change_memory():
    t = Transform(mapping=(("A", 1), ("B", 2)))
    gate = RuleGate(rule(interval_ms=0, on_change=True, transform=t), "int8")
    assert run(gate, [(0.0, "A"), (0.1, "C"), (0.2, "A"), (0.3, "B")]) == [1, None, None, 2]


def test_change_gate_compares_transformed_values():
    # Different raw values that transform to the same VSS value are not a change.
    gate = RuleGate(rule(interval_ms=0, on_change=True, transform=Transform(math="floor(x)")), "int16")
    assert run(gate, [(0.0, 1.2), (0.1, 1.7), (0.2, 2.1)]) == [1, None, 2]


def test_first_observation_at_time_zero_passes_and_counts():
    # kuksa-can-provider uses last_time == 0.0 as "never": a log starting at t=0 must still be gated.
    gate = RuleGate(rule(interval_ms=1000), "float")
    assert run(gate, [(0.0, 1.0), (0.5, 2.0), (1.0, 3.0)]) == [1.0, None, 3.0]


def test_due_and_next_due_tell_a_decoder_when_to_decode():
    gate = RuleGate(rule(interval_ms=1000), "float")
    assert gate.next_due == -math.inf and gate.due(123.0)
    gate.offer(1.0, 10.0)
    assert gate.next_due == pytest.approx(11.0, abs=1e-5)
    assert not gate.due(10.5)
    assert gate.due(11.0)
    assert gate.offer(2.0, 10.5) is None  # due() said no, and offer agrees


def test_time_going_backwards_restarts_the_gate():
    # A capture whose first rows carry a stale timestamp: the clock then restarts near zero.
    gate = RuleGate(rule(interval_ms=1000), "float")
    assert gate.offer(1.0, 1_700_000_000.0) == 1.0
    assert gate.offer(2.0, 0.5) == 2.0
    assert gate.offer(3.0, 1.0) is None
    assert gate.offer(4.0, 1.5) == 4.0


def test_named_values_through_the_gate(db):
    values = db.get_message_by_name("Drive").decode(bytes([3, 0, 0, 0, 0, 0, 0, 0]))
    assert isinstance(values["Gear"], NamedSignalValue)
    assert RuleGate(rule(), "string").offer(values["Gear"], 0.0) == "GEAR_D"
    assert RuleGate(rule(), "uint8").offer(values["Gear"], 0.0) == 3
