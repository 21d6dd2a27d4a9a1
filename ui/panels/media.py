"""The media player: browse the library by artist, search it, play, and control the queue and volume.

Tracks are shown through a model (``TrackListModel``), so a 10,000-track library costs a few visible rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from cockpit.media.library import Track, cover_art
from cockpit.media.queue import Repeat
from cockpit.state_store import SignalValue

from ..context import UiContext
from ..media_bridge import media_for
from ..widgets.now_playing import clock, volume_text
from ..widgets.track_text import artist_and_album, shown_name
from .base import Panel


class TrackListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.tracks: list[Track] = []

    def set_tracks(self, tracks: Sequence[Track]) -> None:
        self.beginResetModel()
        self.tracks = list(tracks)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.tracks)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        t = self.tracks[index.row()]
        return f"{t.title}\n{artist_and_album(t)} · {clock(t.duration_s)}"


class MediaPanel(Panel):
    key = "media"
    icon = "♫"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.bridge = media_for(ctx, self)
        self.controller = self.bridge.controller
        px = ctx.px
        root = QHBoxLayout(self)
        root.setContentsMargins(px(16), px(12), px(16), px(12))
        root.setSpacing(px(16))

        browse = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search artists, albums, songs"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(px(48))
        self.search.textChanged.connect(self._filter)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lists = QHBoxLayout()
        self.artists = QListWidget()
        self.artists.setMaximumWidth(px(260))
        self.artists.currentTextChanged.connect(self._filter)
        self.model = TrackListModel()
        self.track_view = QListView()
        self.track_view.setModel(self.model)
        self.track_view.setUniformItemSizes(True)
        self.track_view.clicked.connect(self._play_row)
        lists.addWidget(self.artists, 2)
        lists.addWidget(self.track_view, 3)
        browse.addWidget(self.search)
        browse.addWidget(self.status)
        browse.addLayout(lists, 1)
        root.addLayout(browse, 3)

        player = QVBoxLayout()
        self.cover = QLabel("♫")
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setFixedSize(px(84), px(84))
        self.cover.setObjectName("cover")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setObjectName("title")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.seek = QSlider(Qt.Orientation.Horizontal)
        self.seek.sliderReleased.connect(lambda: self.controller.seek(self.seek.value()))
        self.time = QLabel()
        c = self.controller
        transport = QHBoxLayout()
        self.shuffle = self._button(
            self.tr("Shuffle"), lambda: c.set_shuffle(not c.queue.shuffle), checkable=True
        )
        self.prev = self._button("|◀", c.previous)
        self.play = self._button("▶", c.toggle_play)
        self.next = self._button("▶|", c.next)
        self.repeat = self._button("", c.cycle_repeat)
        for b in (self.prev, self.play, self.next):
            transport.addWidget(b)
        modes = QHBoxLayout()  # their own row: words do not fit beside the transport at 800×480
        modes.addWidget(self.shuffle)
        modes.addWidget(self.repeat)
        volume = QHBoxLayout()
        self.quieter = self._button("−", c.quieter)
        self.mute = self._button("", c.toggle_mute)
        self.louder = self._button("+", c.louder)
        for b in (self.quieter, self.mute, self.louder):
            volume.addWidget(b)
        self.speed_volume = self._button(
            self.tr("Louder with speed"),
            lambda: c.set_speed_compensation(not c.volume.speed_compensation),
            checkable=True,
        )
        # The cover beside the title: stacked, they left no room for the volume rows at 800×480.
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        names.addStretch(1)
        header.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(names, 1)
        player.addLayout(header)
        player.addWidget(self.seek)
        player.addWidget(self.time)
        player.addLayout(transport)
        player.addLayout(modes)
        player.addLayout(volume)
        player.addWidget(self.speed_volume)
        player.addStretch(1)
        side = QWidget()
        side.setLayout(player)
        side.setMaximumWidth(px(360))
        root.addWidget(side, 2)

        self._shown_track: Track | None = None
        self.bridge.changed.connect(self._update)
        self._library_size = -1
        self._update()

    def title(self) -> str:  # type: ignore[override]
        return self.tr("Media")

    def _button(self, text: str, action: Callable[[], object], checkable: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(checkable)
        button.setMinimumSize(self.ctx.px(48), self.ctx.px(48))
        button.clicked.connect(lambda: (action(), self._update()))
        return button

    def _filter(self) -> None:
        text = self.search.text().strip()
        catalog = self.bridge.catalog
        if text:
            tracks = catalog.search(text)
        elif self.artists.currentRow() > 0:
            tracks = catalog.artist_tracks(self.artists.currentItem().data(Qt.ItemDataRole.UserRole))
        else:
            tracks = catalog.tracks
        self.model.set_tracks(tracks)

    def _play_row(self, index: QModelIndex) -> None:
        self.controller.play_tracks(self.model.tracks, index.row())
        self._update()

    def _fill_library(self) -> None:
        catalog = self.bridge.catalog
        self._library_size = len(catalog.tracks)
        self.artists.blockSignals(True)
        self.artists.clear()
        self.artists.addItem(self.tr("All artists"))
        for artist in catalog.artists():
            item = QListWidgetItem(shown_name(artist))
            item.setData(Qt.ItemDataRole.UserRole, artist)  # the library's name: the filter's key
            self.artists.addItem(item)
        self.artists.setCurrentRow(0)
        self.artists.blockSignals(False)
        self._filter()

    def _update(self) -> None:
        bridge = self.bridge
        if not bridge.scanning and len(bridge.catalog.tracks) != self._library_size:
            self._fill_library()
        if bridge.scanning:
            status = self.tr("Scanning %1…").replace("%1", str(bridge.music_dir))
        elif bridge.problem and not bridge.music_dir.is_dir():
            # The Chinese text leaves the path out: a folder's English name is not to be read there.
            status = self.tr("No music folder at %1. Start with --music DIR to choose one.").replace(
                "%1", str(bridge.music_dir)
            )
        elif bridge.problem:
            status = bridge.problem
        else:
            status = self.tr("%1 songs").replace("%1", str(len(bridge.catalog.tracks)))
            if bridge.unreadable:
                status += " · " + self.tr("%1 files could not be read").replace("%1", str(bridge.unreadable))
        if self.controller.errors:
            status += "\n" + self.controller.errors[-1]
        self.status.setText(status)
        now = self.controller.now_playing()
        track = now.track
        self.title.setText(track.title if track else self.tr("Nothing playing"))
        self.subtitle.setText(artist_and_album(track) if track else self.tr("Choose a song"))
        duration = track.duration_s if track else 0.0
        self.seek.setRange(0, max(1, int(duration)))
        if not self.seek.isSliderDown():
            self.seek.setValue(int(now.position_s))
        self.time.setText(f"{clock(now.position_s)} / {clock(duration)}")
        self.play.setText("❚❚" if now.playing else "▶")
        self.shuffle.setChecked(now.shuffle)
        self.repeat.setText(self._repeat_text(now.repeat))
        self.mute.setText(volume_text(now))
        self.speed_volume.setChecked(self.controller.volume.speed_compensation)
        if track != self._shown_track:
            self._shown_track = track
            self._show_cover(track)

    def _repeat_text(self, repeat: Repeat) -> str:
        if repeat is Repeat.ALL:
            return self.tr("Repeat all")
        return self.tr("Repeat one") if repeat is Repeat.ONE else self.tr("Repeat off")

    def _show_cover(self, track: Track | None) -> None:
        data = cover_art(track) if track else None
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.cover.setPixmap(pixmap.scaled(self.cover.size(), Qt.AspectRatioMode.KeepAspectRatio))
        else:
            self.cover.setPixmap(QPixmap())
            self.cover.setText("♫")

    def refresh(self, changed: dict[str, SignalValue]) -> None:
        """Media follows its own timer (the bridge), not the vehicle's signals."""

    def shown(self) -> None:
        self._update()
