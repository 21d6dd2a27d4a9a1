"""The media panel's lists as Qt models: tracks (a song per row, two lines) and albums (with cover art).

Models, so that a 10,000-track library costs only the rows on screen: an album's cover is read from its
first track (``cover_art``: the embedded picture, else the folder image) when its row is first drawn, and
kept. A track this player cannot decode reads "AAC · cannot be played" in the dim colour and offers no
queue action; the song that plays is drawn in the accent colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap

from cockpit.media.catalog import MusicCatalog
from cockpit.media.library import Track, cover_art

from ..icons import pixmap
from ..widgets.now_playing import clock
from ..widgets.track_text import artist_and_album, shown_name

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the icon of the row's trailing action, or None
QUEUE_ACTION = "playlist-add"  # browse lists: play next / add to queue
REMOVE_ACTION = "playlist-x"  # Up next: take it out

_Index = QModelIndex | QPersistentModelIndex


def not_playable_text(track: Track) -> str:
    return QCoreApplication.translate("TrackList", "%1 · cannot be played").replace("%1", track.codec)


class TrackListModel(QAbstractListModel):
    def __init__(self, dim: str, accent: str) -> None:
        super().__init__()
        self.tracks: list[Track] = []
        self.action: str | None = QUEUE_ACTION
        self._dim = QColor(dim)
        self._accent = QColor(accent)
        self.playing: str | None = None  # the path of the song that plays: drawn in the accent colour

    def set_playing(self, path: str | None) -> None:
        if path != self.playing:
            self.playing = path
            if self.tracks:
                self.dataChanged.emit(
                    self.index(0), self.index(len(self.tracks) - 1), [Qt.ItemDataRole.ForegroundRole]
                )

    def set_tracks(self, tracks: Sequence[Track], action: str | None = QUEUE_ACTION) -> None:
        self.beginResetModel()
        self.tracks = list(tracks)
        self.action = action
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.tracks)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        t = self.tracks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if not t.playable:  # the reason first: a narrow list cuts the end of the line
                return f"{t.title}\n{not_playable_text(t)} · {artist_and_album(t)}"
            return f"{t.title}\n{artist_and_album(t)} · {clock(t.duration_s)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if not t.playable:
                return self._dim  # even as the queue's last stop: it does not play
            return self._accent if t.path == self.playing else None
        if role == ACTION_ROLE:
            # an unplayable song is not offered for the queue; one already queued can still be taken out
            return self.action if t.playable or self.action == REMOVE_ACTION else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return t.title
        return None


class AlbumListModel(QAbstractListModel):
    """(artist, album) rows: the album's name over its artist, its cover (or a disc icon) beside."""

    def __init__(self, icon_colour: str, cover_px: int) -> None:
        super().__init__()
        self.albums: list[tuple[str, str]] = []
        self._catalog = MusicCatalog([])
        self._covers: dict[tuple[str, str], QPixmap] = {}
        self._colour = icon_colour
        self._px = cover_px

    def set_catalog(self, catalog: MusicCatalog) -> None:
        self.beginResetModel()
        self._catalog = catalog
        self.albums = catalog.albums()
        self._covers.clear()
        self.endResetModel()

    def tracks(self, row: int) -> list[Track]:
        return self._catalog.album_tracks(*self.albums[row]) if 0 <= row < len(self.albums) else []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.albums)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        artist, album = self.albums[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{shown_name(album)}\n{shown_name(artist)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._cover(artist, album)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return shown_name(album)
        return None

    def _cover(self, artist: str, album: str) -> QPixmap | None:
        key = (artist, album)
        if key not in self._covers:
            tracks = self._catalog.album_tracks(artist, album)
            data = cover_art(tracks[0]) if tracks else None
            image = QPixmap()
            if data and image.loadFromData(data):
                image = image.scaled(
                    self._px,
                    self._px,
                    Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                    Qt.TransformationMode.SmoothTransformation,
                )
                # a square crop from the middle, as a car's album grid shows a non-square cover
                image = image.copy(
                    (image.width() - self._px) // 2, (image.height() - self._px) // 2, self._px, self._px
                )
            else:
                image = pixmap("disc", self._colour, self._px) or QPixmap()
            self._covers[key] = image
        return self._covers[key]
