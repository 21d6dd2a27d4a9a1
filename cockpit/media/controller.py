"""The media player as the panels, voice and steering-wheel buttons see it: one object, no Qt.

It joins the queue, the player and the volume policy, keeps the volume across restarts, skips tracks that
cannot be played (each reported once in ``errors``), and advances at a track's end when ``tick()`` runs (the
UI timer calls it; tests call it directly).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .formats import CONVERT_TO
from .library import Track
from .player import NO_OUTPUT, OutputFactory, PlaybackError, Player
from .queue import PlayQueue, Repeat
from .volume import DuckReason, VolumePolicy, default_settings_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Skipped:
    """A track the player passed over: its codec has no decoder here, or libsndfile refused the file."""

    track: Track
    codec: str  # "AAC"; for a refused file its codec or extension ("WAV")
    refused: bool = False  # a format libsndfile knows, yet it would not open this file (damaged, odd variant)

    def line(self) -> str:
        name = Path(self.track.path).name
        if self.refused:
            return (
                f"{name}: this {self.codec} file cannot be decoded; convert it "
                f"again to {CONVERT_TO}. Skipped."
            )
        return f"{name}: {self.codec} cannot be played here; convert it to {CONVERT_TO}. Skipped."


@dataclass(frozen=True)
class NowPlaying:
    track: Track | None
    playing: bool
    position_s: float
    level: int
    muted: bool
    ducked: bool
    shuffle: bool
    repeat: Repeat


class MediaController:
    def __init__(
        self,
        settings: Path | None = None,
        output: OutputFactory | None = None,
        seed: int | None = None,
    ) -> None:
        self.settings = settings or default_settings_path()
        self.volume = VolumePolicy.load(self.settings)
        self.queue = PlayQueue(seed)
        self.player = Player(self.volume, output)
        self.errors: list[str] = []
        self._reported: set[str] = set()
        self._loaded = False
        self.skipped: Skipped | None = (
            None  # the last track passed over in the latest request, for the screen
        )

    # what plays
    def play_tracks(self, tracks: Sequence[Track], start: int = 0) -> Track | None:
        self.queue.replace(tracks, start)
        return self._start(self.queue.current)

    def play_next(self, track: Track) -> None:
        """Queue ``track`` right after the current one (it starts only if nothing was queued)."""
        idle = self.queue.current is None
        self.queue.play_next(track)
        if idle:
            self._start(self.queue.current)

    def add_to_queue(self, track: Track) -> None:
        """Queue ``track`` at the end (it starts only if nothing was queued)."""
        idle = self.queue.current is None
        self.queue.append(track)
        if idle:
            self._start(self.queue.current)

    def play_upcoming(self, offset: int) -> Track | None:
        """Play the ``offset``-th track of Up next now."""
        return self._start(self.queue.jump(offset))

    def remove_upcoming(self, offset: int) -> Track | None:
        return self.queue.remove_upcoming(offset)

    def toggle_play(self) -> bool:
        if self.player.playing:
            self.player.pause()
        elif self.queue.current is not None:
            if not self._loaded:  # stopped at the end of the queue, or never started
                return self._start(self.queue.current) is not None
            self.player.play()
        return self.player.playing

    def pause(self) -> None:
        self.player.pause()

    def next(self) -> Track | None:
        return self._start(self.queue.next(by_user=True))

    def previous(self) -> Track | None:
        played = self.player.position_s
        track = self.queue.previous(played)
        if track is not None and played > 0 and track == self.queue.current and self._loaded:
            self.player.seek(0.0)
            self.player.play()
            return track
        return self._start(track)

    def seek(self, seconds: float) -> None:
        self.player.seek(seconds)

    def tick(self) -> None:
        """Advance after a track ended (repeat and shuffle as set); stop at the end of the queue."""
        if self.player.finished:
            self.player.finished = False
            following = self.queue.next(by_user=False)
            if following is None:
                self.stop()
            else:
                self._start(following)

    def _start(self, track: Track | None) -> Track | None:
        """Play ``track``, skipping forward past tracks that cannot be played (each reported once)."""
        self.skipped = None
        for _ in range(max(len(self.queue.tracks), 1)):
            if track is None:
                break
            if not track.playable:  # known from the scan: no decoder to try
                self._skip(track, track.codec)
                track = self.queue.next(by_user=True)
                continue
            try:
                self.player.load(track.path)
            except PlaybackError as exc:
                if str(exc).startswith(NO_OUTPUT):
                    self._report(str(exc))
                    return None  # every track would fail the same way
                log.info("%s", exc)
                self._skip(track, track.codec or Path(track.path).suffix.lstrip(".").upper(), refused=True)
                track = self.queue.next(by_user=True)
                continue
            self._loaded = True
            self.player.play()
            return track
        if self.skipped is not None:
            self.stop()  # only unplayable songs were left: the song before must not play on
        return None

    def _skip(self, track: Track, codec: str, refused: bool = False) -> None:
        self.skipped = Skipped(track, codec, refused)
        self._report(self.skipped.line())

    def _report(self, message: str) -> None:
        if message not in self._reported:
            self._reported.add(message)
            self.errors.append(message)
            log.warning("%s", message)

    # volume
    def set_level(self, level: int) -> int:
        value = self.volume.set_level(level)
        self._save_volume()
        return value

    def louder(self, steps: int = 1) -> int:
        return self.set_level(self.volume.level + steps)

    def quieter(self, steps: int = 1) -> int:
        return self.set_level(self.volume.level - steps)

    def toggle_mute(self) -> bool:
        muted = self.volume.toggle_mute()
        self._save_volume()
        return muted

    def set_speed_compensation(self, on: bool) -> bool:
        """Volume by speed: louder as the car goes faster (road and wind noise); kept across restarts."""
        self.volume.speed_compensation = on
        self._save_volume()
        return on

    def duck(self, reason: DuckReason, on: bool) -> None:
        self.volume.duck(reason, on)

    def set_shuffle(self, on: bool) -> None:
        self.queue.set_shuffle(on)

    def cycle_repeat(self) -> Repeat:
        self.queue.repeat = self.queue.repeat.next()
        return self.queue.repeat

    def _save_volume(self) -> None:
        try:
            self.volume.save(self.settings)
        except OSError as exc:
            self._report(f"{self.settings}: cannot keep the volume setting ({exc.strerror})")

    def now_playing(self) -> NowPlaying:
        return NowPlaying(
            track=self.queue.current,
            playing=self.player.playing,
            position_s=self.player.position_s,
            level=self.volume.level,
            muted=self.volume.muted,
            ducked=bool(self.volume.ducking),
            shuffle=self.queue.shuffle,
            repeat=self.queue.repeat,
        )

    def stop(self) -> None:
        self.player.close()
        self._loaded = False

    def close(self) -> None:
        self.stop()
