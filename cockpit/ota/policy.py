"""When an update may be installed: parked, enough charge (or charging), no critical fault active.

Pure: the caller reads the conditions (from the state store, or from the simulated car) and gets back
the reasons it must wait, each a sentence a driver understands. An empty list means go.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_MIN_SOC = 30.0
# Codes that mean the car should not be changed under it: high-voltage isolation, the 12 V supply that
# keeps ECUs alive while they are flashed, and the battery's own cell and charging faults.
CRITICAL_DTCS = frozenset({"P0AA6", "P0562", "P1A10", "P1E00"})


@dataclass(frozen=True)
class Conditions:
    parked: bool
    soc_percent: float | None
    charging: bool
    active_dtcs: tuple[str, ...] = field(default_factory=tuple)  # codes failing now (status bit 0)
    gear: str = ""


@dataclass(frozen=True)
class Policy:
    min_soc: float = DEFAULT_MIN_SOC
    critical: frozenset[str] = CRITICAL_DTCS

    def reasons_to_wait(self, c: Conditions) -> list[str]:
        reasons = []
        if not c.parked:
            reasons.append(f"the car is not parked (gear {c.gear or '?'}): updates install in Park")
        if not c.charging:
            if c.soc_percent is None:
                reasons.append("the battery charge is unknown: plug in the charger to update")
            elif c.soc_percent < self.min_soc:
                reasons.append(
                    f"battery at {c.soc_percent:.0f} %, below {self.min_soc:.0f} %: "
                    "charge or plug in to update"
                )
        critical = sorted(set(c.active_dtcs) & self.critical)
        if critical:
            reasons.append(f"critical fault active ({', '.join(critical)}): have it repaired first")
        return reasons
