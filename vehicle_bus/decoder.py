"""Frames to VSS values: decode a message only when one of its mapping rules can emit.

Per frame the decoder asks two cheap questions before it decodes anything: is any time gate of this
message's rules open (``interval_ms`` elapsed)? did any bit that an ``on_change`` rule depends on change?
Only if so does cantools decode the message (once, for all its rules), and the rules run their KUKSA
evaluation (time gate → transform → change gate). The answers are exact, so skipping never loses a value
the mapping would have emitted.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cantools.database.can import Database, Message, Signal

from .dbc import FrameDecoder, frame_decoder
from .mapping import BoundMapping, BoundRule, RuleGate

Emit = Callable[[str, Any, float], None]


@dataclass
class _RuleRun:
    bound: BoundRule
    gate: RuleGate
    path: str
    signal: str
    mux: tuple[tuple[str, int], ...]
    timed: bool  # interval_ms > 0: gated by time, not by every frame


@dataclass
class _MessagePlan:
    message: Message
    decode: FrameDecoder
    runs: list[_RuleRun]
    # Bits (in cantools numbering, which is the bit index of ``int.from_bytes(data, "little")``) that
    # every-frame rules read: if none changed, their change gates would drop the value anyway.
    watch_mask: int
    always: bool  # a rule with interval 0 and no change gate: every frame emits
    next_timed_due: float = -math.inf
    last_decoded_t: float = -math.inf
    last_bits: int | None = None
    has_timed: bool = False


@dataclass
class DecodeStats:
    decoded: int = 0
    skipped: int = 0
    emitted: int = 0
    errors: Counter[int] = field(default_factory=Counter)
    last_error: dict[int, str] = field(default_factory=dict)


class SignalDecoder:
    """Turns raw frames into VSS values according to a bound KUKSA mapping."""

    def __init__(self, db: Database, bound: BoundMapping, datatypes: dict[str, str]) -> None:
        self.db = db
        self.bound = bound
        self.stats = DecodeStats()
        self._plans: dict[int, _MessagePlan] = {}
        for frame_id, rules in bound.by_frame_id.items():
            runs = [
                _RuleRun(
                    bound=b,
                    gate=RuleGate(b.rule, datatypes.get(b.rule.vss_path, "float")),
                    path=b.rule.vss_path,
                    signal=b.signal,
                    mux=b.mux,
                    timed=b.rule.interval_ms > 0,
                )
                for b in rules
            ]
            message = rules[0].message
            watch = 0
            always = False
            for run in runs:
                if run.timed:
                    continue
                if not run.bound.rule.on_change:
                    always = True
                watch |= _signal_mask(message.get_signal_by_name(run.signal))
                for selector, _ in run.mux:
                    watch |= _signal_mask(message.get_signal_by_name(selector))
            plan = _MessagePlan(
                message, frame_decoder(message), runs, watch, always, has_timed=any(r.timed for r in runs)
            )
            self._plans[frame_id] = plan

    @property
    def frame_ids(self) -> set[int]:
        """The arbitration ids any rule reads (a bus filter can drop the rest)."""
        return set(self._plans)

    def feed(self, frame_id: int, data: bytes, t: float, emit: Emit) -> None:
        """Offer one frame; ``emit(path, value, t)`` is called for each value the mapping lets through."""
        plan = self._plans.get(frame_id)
        if plan is None:
            return
        # A clock that steps back (a replay looping or seeking) reopens the time gates, as RuleGate does.
        timed_due = plan.has_timed and (t >= plan.next_timed_due or t < plan.last_decoded_t)
        if not timed_due and not plan.always:
            bits = int.from_bytes(data, "little") & plan.watch_mask
            if bits == plan.last_bits:
                self.stats.skipped += 1
                return
            plan.last_bits = bits
        elif plan.watch_mask:
            plan.last_bits = int.from_bytes(data, "little") & plan.watch_mask
        try:
            values = plan.decode(data)
        except Exception as exc:  # cantools DecodeError and bitstruct errors on malformed frames
            self.stats.errors[frame_id] += 1
            self.stats.last_error[frame_id] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return
        self.stats.decoded += 1
        plan.last_decoded_t = t
        next_due = math.inf
        for run in plan.runs:
            if run.mux and not _mux_matches(run.mux, values):
                if run.timed:
                    next_due = min(next_due, run.gate.next_due)
                continue
            raw = values.get(run.signal)
            if raw is not None:
                value = run.gate.offer(raw, t)
                if value is not None:
                    self.stats.emitted += 1
                    emit(run.path, value, t)
            if run.timed:
                next_due = min(next_due, run.gate.next_due)
        plan.next_timed_due = next_due


def _mux_matches(mux: tuple[tuple[str, int], ...], values: dict[str, Any]) -> bool:
    for selector, wanted in mux:
        got = values.get(selector)
        if got is None:
            return False
        if int(getattr(got, "value", got)) != wanted:
            return False
    return True


def _signal_mask(signal: Signal) -> int:
    if signal.byte_order == "little_endian":
        return ((1 << signal.length) - 1) << signal.start
    mask = 0
    bit = signal.start
    for _ in range(signal.length):
        mask |= 1 << bit
        bit = bit - 1 if bit % 8 else bit + 15
    return mask
