"""KUKSA's per-rule evaluation: time gate → transform → change gate.

As kuksa-can-provider documents it ("Evaluation Logics"): each VSS–DBC combination keeps a time and a
value. The time gate passes the first observation and then one per ``interval_ms``, and its stored time
moves only when it passes, before the transform runs (so a value the transform then drops still used up
its slot). A transform that fails drops the value. The change gate passes the first value and, with
``on_change``, only values different from the last one it passed; only passed values are remembered.
"""

from __future__ import annotations

import math
from typing import Any

from .model import Dbc2VssRule
from .transform import make_vss_converter

# Frames logged at exactly the rule's period must not be dropped by float rounding ((0.3 - 0.2) * 1000 is
# 99.99999999999997), so the interval comparison forgives a microsecond.
_SLACK_S = 1e-6


class RuleGate:
    """Evaluation state of one ``dbc2vss`` rule.

    ``t`` is in seconds on any clock (bus time or log time). If ``t`` goes backwards (a replay restarted,
    or a capture whose first rows carry a stale timestamp) the time gate starts over instead of waiting
    for the old clock to come back.
    """

    __slots__ = (
        "_convert",
        "_has_value",
        "_interval_s",
        "_last_time",
        "_last_value",
        "_on_change",
        "dropped_by_transform",
        "rule",
    )

    def __init__(self, rule: Dbc2VssRule, datatype: str) -> None:
        self.rule = rule
        self._convert = make_vss_converter(rule.transform, datatype, rule.where)
        self._interval_s = rule.interval_ms / 1000.0
        self._on_change = rule.on_change
        self._last_time: float | None = None
        self._has_value = False
        self._last_value: Any = None
        #: values that passed the time gate but that the transform dropped (no match, math error)
        self.dropped_by_transform = 0

    @property
    def next_due(self) -> float:
        """Earliest ``t`` (not before the last pass) at which the time gate passes; ``-inf`` before any."""
        if self._last_time is None:
            return -math.inf
        return self._last_time + self._interval_s - _SLACK_S

    def due(self, t: float) -> bool:
        """Would the time gate pass at ``t``? (Lets a decoder skip decoding a frame no rule can use.)"""
        last = self._last_time
        return last is None or t < last or t - last + _SLACK_S >= self._interval_s

    def offer(self, raw: Any, t: float) -> Any | None:
        """Run one decoded DBC value seen at ``t`` through the rule; the VSS value to emit, or ``None``."""
        if not self.due(t):
            return None
        self._last_time = t
        value = self._convert(raw)
        if value is None:
            self.dropped_by_transform += 1
            return None
        if self._has_value and self._on_change and value == self._last_value:
            return None
        self._has_value = True
        self._last_value = value
        return value

    def reset(self) -> None:
        """Forget the stored time and value (e.g. when a replay starts again)."""
        self._last_time = None
        self._has_value = False
        self._last_value = None
