"""The play queue: what plays now and next, with shuffle and repeat as a car's media player has them.

Shuffle keeps the current track and reorders the rest (a seeded ``random.Random`` so tests and replays are
repeatable); turning it off returns to the original order at the same track. "Previous" restarts the track
when more than three seconds of it have played, as phones and head units do.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from enum import Enum

from .library import Track

RESTART_AFTER_S = 3.0


class Repeat(Enum):
    OFF = "off"
    ALL = "all"
    ONE = "one"

    def next(self) -> Repeat:
        order = list(Repeat)
        return order[(order.index(self) + 1) % len(order)]


class PlayQueue:
    def __init__(self, seed: int | None = None) -> None:
        self._original: list[Track] = []
        self._order: list[Track] = []
        self._index = -1
        self.shuffle = False
        self.repeat = Repeat.OFF
        self._random = random.Random(seed)
        self.changes = 0  # counts edits of the order: a view of Up next redraws only when it moves

    @property
    def revision(self) -> tuple[int, int]:
        """Changes when what plays next does (an edit, or a step to another track)."""
        return self.changes, self._index

    @property
    def tracks(self) -> list[Track]:
        return list(self._order)

    @property
    def current(self) -> Track | None:
        return self._order[self._index] if 0 <= self._index < len(self._order) else None

    @property
    def position(self) -> int:
        return self._index

    def replace(self, tracks: Sequence[Track], start: int = 0) -> Track | None:
        """Play ``tracks`` from ``start`` (an index into ``tracks``)."""
        self.changes += 1
        self._original = list(tracks)
        self._order = list(tracks)
        self._index = min(max(start, 0), len(tracks) - 1) if tracks else -1
        if self.shuffle:
            self._shuffle_rest()
        return self.current

    def append(self, track: Track) -> None:
        self.changes += 1
        self._original.append(track)
        self._order.append(track)
        if self._index < 0:
            self._index = 0

    def play_next(self, track: Track) -> None:
        """Put ``track`` right after the current one."""
        self.changes += 1
        self._original.append(track)
        self._order.insert(self._index + 1, track)
        if self._index < 0:
            self._index = 0

    def upcoming(self) -> list[Track]:
        """What plays after the current track, in order (the "Up next" list)."""
        return self._order[self._index + 1 :] if self._index >= 0 else list(self._order)

    def remove_upcoming(self, offset: int) -> Track | None:
        """Take the ``offset``-th upcoming track (0: the next one) out of the queue; the current one stays."""
        at = self._index + 1 + offset if self._index >= 0 else offset
        if offset < 0 or at >= len(self._order):
            return None
        self.changes += 1
        track = self._order.pop(at)
        # the same song may be queued twice: drop one copy from the unshuffled order, the last one added
        for i in range(len(self._original) - 1, -1, -1):
            if self._original[i] == track:
                del self._original[i]
                break
        return track

    def jump(self, offset: int) -> Track | None:
        """Move to the ``offset``-th upcoming track (a tap in Up next); the tracks passed stay behind."""
        at = self._index + 1 + offset
        if offset < 0 or at >= len(self._order):
            return None
        self._index = at
        return self.current

    def set_shuffle(self, on: bool) -> None:
        if on == self.shuffle:
            return
        self.shuffle = on
        self.changes += 1
        current = self.current
        if on:
            self._shuffle_rest()
        else:
            self._order = list(self._original)
            self._index = self._order.index(current) if current is not None else -1

    def _shuffle_rest(self) -> None:
        current = self.current
        rest = [t for i, t in enumerate(self._order) if i != self._index]
        self._random.shuffle(rest)
        self._order = ([current] if current is not None else []) + rest
        self._index = 0 if current is not None else -1

    def next(self, by_user: bool = True) -> Track | None:
        """The track after this one; ``by_user`` False is the end of a track (where repeat-one repeats)."""
        if not self._order:
            return None
        if self.repeat is Repeat.ONE and not by_user:
            return self.current
        if self._index + 1 < len(self._order):
            self._index += 1
        elif self.repeat is not Repeat.OFF:
            self._index = 0
        else:
            return None  # the end of the queue: stop, keep the last track shown
        return self.current

    def previous(self, played_s: float = 0.0) -> Track | None:
        """The track before, or this one from its start when more than a few seconds have played."""
        if not self._order:
            return None
        if played_s > RESTART_AFTER_S:
            return self.current
        if self._index > 0:
            self._index -= 1
        elif self.repeat is Repeat.ALL:
            self._index = len(self._order) - 1
        return self.current
