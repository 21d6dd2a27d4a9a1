"""What the status bar says about the data source: which one the user chose, and how it is doing.

Derived from the session as it is (the source asked for in its options, what started, its problem and
frame rate), so a bus or a log that failed to open is never shown as the simulator. The states are the
ones a source-state model reports (connecting, waiting, live, no data, disconnected), plus those of a
replay (loading, playing, paused, finished) and ``failed``; a model that reports them directly can
replace :func:`source_state` without touching the status bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cockpit.session import Session

NO_DATA_AFTER_S = 2.0  # a live bus quiet this long after opening says "no data"


@dataclass(frozen=True)
class SourceState:
    kind: str  # simulator | replay | live
    name: str  # vehicle, log file name, or bus
    state: str  # running | connecting | waiting | live | no data | disconnected | failed | loading |
    #             playing | paused | finished | stopped
    position_s: float | None = None  # replay: where it is in the log
    duration_s: float | None = None
    frames_per_second: float = 0.0

    @property
    def healthy(self) -> bool:
        return self.state in ("running", "live", "playing", "paused", "finished", "loading", "connecting")


def source_state(session: Session) -> SourceState:
    o = session.options
    fps = session.frames_per_second
    if o.replay:
        name = Path(o.replay).name
        replay = session.replay
        if replay is not None:
            return SourceState("replay", name, replay.state, replay.position, replay.duration, fps)
        state = "loading" if session.loading else "failed" if session.problem else "loading"
        return SourceState("replay", name, state, frames_per_second=fps)
    if o.can or session.kind == "live":
        name = session.label or o.can or "can"
        if session.kind != "live":
            return SourceState("live", name, "failed")
        # The bus watchdog's own view (cockpit.source_state): waiting for an interface that is not there
        # yet, no data after the silence limit, disconnected while it is reopened.
        core = session.source_state()
        state = core.state
        if state == "connecting" and session.problem and session.pipeline.bus is None:
            state = "failed"  # refused for good (an unknown interface): not retried, so not "waiting"
        return SourceState("live", core.name or name, state, frames_per_second=fps)
    name = session.vehicle.name
    if session.simulator is None:
        return SourceState("simulator", name, "failed")
    return SourceState("simulator", name, "running", frames_per_second=fps)


def clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a replay position."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
