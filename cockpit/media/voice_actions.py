"""What the assistant's media actions do to the player: "play some music", "play <artist>", "next song",
"pause", "louder", "volume to 5". Qt-free: the window registers :class:`MediaVoice` for
:class:`cockpit.assistant.Media`, and tests drive it headless through the real understanding.

"Play <something>" looks for an artist of that name first, then an album, then tracks whose title, artist
or album hold every word said; "play some music" resumes what was queued, or plays the whole library.
A request that cannot be done raises with the reason, which the assistant says ("I could not play …").
"""

from __future__ import annotations

from collections.abc import Callable

from ..assistant.actions import Media
from .catalog import MusicCatalog
from .controller import MediaController
from .library import Track


class MediaVoice:
    def __init__(self, controller: MediaController, catalog: Callable[[], MusicCatalog]) -> None:
        self.controller = controller
        self.catalog = catalog  # the library as scanned so far (the scan may still be running)

    def __call__(self, action: Media) -> str:
        c = self.controller
        if action.op == "play":
            return self._play(action.query)
        if action.op == "pause":
            c.pause()
            return "Paused."
        if action.op in ("next", "previous"):
            if c.queue.current is None:
                raise LookupError("nothing is queued")
            track = c.next() if action.op == "next" else c.previous()
            if track is None:
                raise LookupError("that was the last song")
            return _playing(track)
        if action.op == "louder":
            return f"Volume {c.louder()}."
        if action.op == "quieter":
            return f"Volume {c.quieter()}."
        if action.op == "volume":
            return f"Volume {c.set_level(int(action.level or 0))}."
        if action.op in ("mute", "unmute"):
            if c.volume.muted != (action.op == "mute"):
                c.toggle_mute()
            return "Muted." if action.op == "mute" else f"Volume {c.volume.level}."
        raise ValueError(f"unknown media action {action.op!r}")

    def _play(self, query: str | None) -> str:
        c = self.controller
        if not query and c.queue.current is not None:
            if not c.player.playing:
                c.toggle_play()
            return self._said(c.queue.current)
        tracks = self.find(query) if query else self.catalog().tracks
        if not tracks:
            raise LookupError(f"there is nothing called {query} in your music" if query else "no music found")
        return self._said(c.play_tracks(tracks))

    def find(self, query: str) -> list[Track]:
        catalog = self.catalog()
        wanted = query.casefold().strip()
        for artist in catalog.artists():
            if artist.casefold() == wanted:
                return catalog.artist_tracks(artist)
        for artist, album in catalog.albums():
            if album.casefold() == wanted:
                return catalog.album_tracks(artist, album)
        return catalog.search(query)

    def _said(self, track: Track | None) -> str:
        if track is None:  # every track failed to play: the controller says why
            errors = self.controller.errors
            raise RuntimeError(errors[-1] if errors else "nothing could be played")
        return _playing(track)


def _playing(track: Track) -> str:
    return f"Playing {track.title} by {track.artist}." if track.artist else f"Playing {track.title}."
