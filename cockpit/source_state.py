"""What the head unit knows about its CAN source, without Qt: the UI reads it to draw the status and banner.

A source has a kind (``live``, ``replay``, ``simulator``) and a state:

- ``connecting``: being opened or a log being read;
- ``waiting``: a live interface that cannot be opened yet (a service started before ``can0`` is up); it is
  retried with backoff and picked up as soon as it opens;
- ``live``: frames flowing;
- ``no data``: opened, but no frame for longer than the silence limit (cable pulled, car asleep): every
  value on screen is stale until frames flow again;
- ``disconnected``: a bus that failed while running, being reopened.

:class:`FrameWatch` turns frame counts seen at each tick into the age of the last frame, so no reader
thread pays for a clock per frame.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

SourceKind = Literal["simulator", "replay", "live"]
SourceStateName = Literal["connecting", "waiting", "live", "no data", "disconnected"]
NO_DATA_S = 2.0


@dataclass(frozen=True)
class SourceState:
    kind: SourceKind
    state: SourceStateName
    name: str
    last_frame_age_s: float | None  # None before the first frame
    problem: str | None = None  # the line the banner shows, if any

    @property
    def stale(self) -> bool:
        """True when the values on screen no longer describe the car (no frame for a while, or no bus)."""
        return self.state in ("no data", "disconnected", "waiting")

    def banner(self) -> str | None:
        """The one line the window shows for this state (None when all is well)."""
        if self.state == "waiting":
            return f"waiting for {self.name}" + (f": {self.problem}" if self.problem else "")
        if self.state == "no data":
            age = self.last_frame_age_s
            since = f" for {age:.0f} s" if age is not None else ""
            return f"no data from the car{since} ({self.name}); values shown are stale"
        if self.state == "disconnected":
            return self.problem or f"CAN bus {self.name} stopped; reconnecting"
        return self.problem


class FrameWatch:
    """The monotonic time of the last frame, from a frame counter sampled at every tick."""

    def __init__(self, no_data_s: float = NO_DATA_S) -> None:
        self.no_data_s = no_data_s
        self._count = 0
        self._last_at: float | None = None
        self._started_at = time.monotonic()

    def restart(self) -> None:
        """A new bus: the silence limit counts from now, not from the old bus's last frame."""
        self._started_at = time.monotonic()
        self._last_at = None

    def sample(self, frames: int, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if frames != self._count:
            self._count = frames
            self._last_at = now

    def age(self, now: float | None = None) -> float | None:
        if self._last_at is None:
            return None
        return (time.monotonic() if now is None else now) - self._last_at

    def silent(self, now: float | None = None) -> bool:
        """No frame for longer than the limit (counting from the bus's opening when none came yet)."""
        now = time.monotonic() if now is None else now
        since = self._last_at if self._last_at is not None else self._started_at
        return now - since > self.no_data_s
