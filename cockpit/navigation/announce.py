"""What guidance says aloud, and when: from where the car is along the route and how fast it goes.

Each maneuver gets up to three prompts, each said once, the way a driver hears them in a map app:

- ``far`` ("In 2 kilometres, keep right"): only at motorway or rural speeds (≥ ``FAR_MIN_KMH``), about
  ``FAR_S`` seconds ahead, and only after a stretch long enough that the driver has not just heard of it;
- ``near`` ("In 300 metres, turn left onto X"): about ``NEAR_S`` seconds ahead, never under ``NEAR_MIN_M``;
- ``now`` ("Turn left now"): about ``NOW_S`` seconds ahead, never under ``NOW_MIN_M``.

Distances therefore scale with speed: at 50 km/h the near prompt comes some 280 m before a turn, at 110
km/h some 610 m (and a far one at about 1.8 km). The spoken distance is rounded as people say it (50 m
steps up to 500 m, 100 m steps up to 1 km, half kilometres beyond). A car that comes into a stage late (a
new route that starts 60 m before a turn) hears only the latest stage. When the next maneuver follows
within ``THEN_S`` seconds (or ``THEN_MIN_M``), the ``now`` prompt says both ("Turn left, then keep right")
and the second one's near prompt is skipped. At a charging or swap stop on the route the ``now`` prompt
carries the stop, so the head unit says what to do there ("charge here for 18 minutes, to 64 %").

The announcer decides; it does not phrase. The head unit words each :class:`Prompt` in its language
(Qt's translations), so what is shown and what is said agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .energy import ChargingStop
from .maneuvers import Maneuver

NOW_S = 6.0
NOW_MIN_M = 40.0
NEAR_S = 20.0
NEAR_MIN_M = 150.0
FAR_S = 60.0
FAR_MIN_KMH = 70.0
THEN_S = 10.0
THEN_MIN_M = 80.0
# Below this speed (waiting at a light, creeping) distances are those of this speed: a car stopped 200 m
# before a turn should not hear "now".
SLOWEST_KMH = 30.0
STAGES = ("far", "near", "now")
STOP_MATCH_M = 50.0


@dataclass(frozen=True)
class Prompt:
    """One thing to say: ``stage`` of ``maneuver`` (``distance_m`` as spoken, 0 for ``now``); ``then`` the
    maneuver right after it, when it comes too soon for a prompt of its own; ``stop`` the charging or swap
    stop the maneuver arrives at."""

    stage: str
    maneuver: Maneuver
    distance_m: float
    then: Maneuver | None = None
    stop: ChargingStop | None = None


def spoken_distance(m: float) -> float:
    """Metres as a driver hears them: 50 m steps to 500 m, 100 m steps to 1 km, then half kilometres."""
    if m < 500:
        return max(50.0, round(m / 50) * 50)
    if m < 1000:
        return round(m / 100) * 100
    return round(m / 500) * 500


class Announcer:
    """Follows one route; :meth:`update` on every position fix returns the prompt to say now, if any."""

    def __init__(self, maneuvers: Sequence[Maneuver], stops: Sequence[ChargingStop] = ()) -> None:
        # A depart says nothing: the route has just been shown and the car is on it.
        self.steps = [m for m in maneuvers if m.type != "depart"]
        self.stops = list(stops)
        self._said: set[tuple[int, str]] = set()

    def update(self, along_m: float, speed_kmh: float) -> Prompt | None:
        index = next((i for i, m in enumerate(self.steps) if m.at_m > along_m + 1.0), None)
        if index is None:
            return None
        m = self.steps[index]
        to_go = m.at_m - along_m
        v = max(speed_kmh, SLOWEST_KMH) / 3.6
        stage = self._stage(index, to_go, v, speed_kmh)
        if stage is None or (index, stage) in self._said:
            return None
        for earlier in STAGES[: STAGES.index(stage) + 1]:
            self._said.add((index, earlier))
        then = None
        if stage == "now" and index + 1 < len(self.steps) and m.type != "arrive":
            following = self.steps[index + 1]
            if following.at_m - m.at_m <= max(THEN_MIN_M, v * THEN_S):
                then = following
                self._said.update({(index + 1, "far"), (index + 1, "near")})
        distance = 0.0 if stage == "now" else spoken_distance(to_go)
        return Prompt(stage, m, distance, then, self._stop_at(m) if stage == "now" else None)

    def _stage(self, index: int, to_go: float, v: float, speed_kmh: float) -> str | None:
        if to_go <= max(NOW_MIN_M, v * NOW_S):
            return "now"
        if to_go <= max(NEAR_MIN_M, v * NEAR_S):
            return "near"
        far_m = v * FAR_S
        stretch = self.steps[index].at_m - (self.steps[index - 1].at_m if index else 0.0)
        if speed_kmh >= FAR_MIN_KMH and to_go <= far_m and stretch > far_m + v * NEAR_S:
            return "far"
        return None

    def _stop_at(self, m: Maneuver) -> ChargingStop | None:
        if m.type != "arrive" or not m.waypoint or not self.stops:
            return None
        # The stop where the route arrives (two stops may share a name; none shares a place on the route).
        stop = min(self.stops, key=lambda s: abs(s.at_m - m.at_m))
        return stop if abs(stop.at_m - m.at_m) <= STOP_MATCH_M else None
