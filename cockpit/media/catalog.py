"""Browse a scanned library by artist, album and track, and search it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .library import Track


def _sort_key(text: str) -> str:
    return text.casefold()


class MusicCatalog:
    def __init__(self, tracks: Iterable[Track]) -> None:
        self.tracks = sorted(
            tracks, key=lambda t: (_sort_key(t.artist), _sort_key(t.album), t.track_no, t.path)
        )
        self._albums: dict[str, dict[str, list[Track]]] = defaultdict(lambda: defaultdict(list))
        for t in self.tracks:
            self._albums[t.artist][t.album].append(t)

    def artists(self) -> list[str]:
        return sorted(self._albums, key=_sort_key)

    def albums(self, artist: str | None = None) -> list[tuple[str, str]]:
        """(artist, album) pairs, of one artist or of all."""
        names = [artist] if artist is not None else self.artists()
        return [(a, album) for a in names for album in sorted(self._albums.get(a, {}), key=_sort_key)]

    def album_tracks(self, artist: str, album: str) -> list[Track]:
        return list(self._albums.get(artist, {}).get(album, []))

    def by_title(self) -> list[Track]:
        """Every track by title (then artist): the "Songs" list."""
        return sorted(self.tracks, key=lambda t: (_sort_key(t.title), _sort_key(t.artist), t.path))

    def artist_tracks(self, artist: str) -> list[Track]:
        return [t for album in self.albums(artist) for t in self.album_tracks(*album)]

    def search(self, text: str, limit: int = 200) -> list[Track]:
        """Tracks whose title, artist or album contains every word of ``text`` (case-insensitive)."""
        words = text.casefold().split()
        if not words:
            return []
        found = []
        for t in self.tracks:
            hay = f"{t.title} {t.artist} {t.album}".casefold()
            if all(w in hay for w in words):
                found.append(t)
                if len(found) >= limit:
                    break
        return found
