"""The media player: browse the library by artist, album or song, search it, see and edit what plays next,
and control playback and volume.

Left, the browser: a search field, four tabs (Artists, Albums, Songs, Up next) and the lists; a tap on a song
plays it with the songs of its list after it (an album in its order), the icon at a song's right end queues
it (play next / add to queue) or, in Up next, takes it out. Right, the player. Every list is a model/view
list (``ui.models.track_list``), so a 10,000-track library costs a few visible rows, and the lists are the
only things that scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScroller,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from cockpit.media.controller import Skipped
from cockpit.media.library import Track, cover_art
from cockpit.state_store import SignalValue

from ..context import UiContext
from ..icons import pixmap
from ..media_bridge import media_for
from ..models.track_list import REMOVE_ACTION, AlbumListModel, TrackListModel
from ..widgets import media_buttons as mb
from ..widgets.now_playing import clock
from ..widgets.track_list import RowDelegate, TrackListView
from ..widgets.track_text import artist_and_album, shown_name
from .base import Panel

ARTISTS, ALBUMS, SONGS, UP_NEXT = range(4)


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
        root.addLayout(self._browser(), 3)
        side = QWidget()
        side.setLayout(self._player())
        side.setMaximumWidth(px(360))
        root.addWidget(side, 2)

        self._shown_track: Track | bool | None = False  # not yet shown: the first update draws the cover
        self._queue_shown: tuple[int, int] | None = None
        self._library_size = -1
        self._unplayable = 0  # counted once per library, not on every update (10,000 songs: 10,000 checks)
        self.row_menu: QMenu | None = None
        self.bridge.changed.connect(self._update)
        self.bridge.queue_wanted.connect(lambda: self.show_tab(UP_NEXT))
        self._update()

    def title(self) -> str:  # type: ignore[override]
        return self.tr("Media")

    # layout
    def _browser(self) -> QVBoxLayout:
        px = self.ctx.px
        browse = QVBoxLayout()
        browse.setSpacing(px(8))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search artists, albums, songs"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(px(48))
        self.search.textChanged.connect(self._filter)
        tabs = QHBoxLayout()
        tabs.setSpacing(px(6))
        self.tabs = QButtonGroup(self)
        for page, text in enumerate(
            (self.tr("Artists"), self.tr("Albums"), self.tr("Songs"), self.tr("Up next"))
        ):
            tab = QPushButton(text)
            tab.setObjectName("mediaTab")
            tab.setCheckable(True)
            tab.setMinimumHeight(px(48))
            self.tabs.addButton(tab, page)
            tabs.addWidget(tab, 1)
        self.tabs.button(ARTISTS).setChecked(True)
        self.tabs.idClicked.connect(self.show_tab)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.artists = QListWidget()
        self.artists.setItemDelegate(RowDelegate(self.ctx, self.artists))  # touch-high rows
        QScroller.grabGesture(self.artists.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.artists.currentTextChanged.connect(self._filter)
        self.albums = AlbumListModel(self.ctx.theme.text_dim, px(48))
        self.album_view = TrackListView(self.ctx)
        self.album_view.setModel(self.albums)
        self.album_view.setIconSize(QSize(px(48), px(48)))
        self.album_view.selectionModel().currentChanged.connect(lambda *_: self._filter())
        self.model = TrackListModel(self.ctx.theme.text_dim, self.ctx.theme.accent)
        self.track_view = TrackListView(self.ctx)
        self.track_view.setModel(self.model)
        self.track_view.row_clicked.connect(self._play_row)
        self.track_view.action_clicked.connect(self._row_action)
        lists = QHBoxLayout()
        lists.setSpacing(px(8))
        lists.addWidget(self.artists, 2)
        lists.addWidget(self.album_view, 2)
        lists.addWidget(self.track_view, 3)
        browse.addWidget(self.search)
        browse.addLayout(tabs)
        browse.addWidget(self.status)
        browse.addLayout(lists, 1)
        return browse

    def _player(self) -> QVBoxLayout:
        px, c, ctx = self.ctx.px, self.controller, self.ctx
        player = QVBoxLayout()
        self.cover = QLabel()
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
        refresh = self._update
        self.prev = mb.media_button(ctx, mb.PREVIOUS, c.previous, refresh)
        self.play = mb.media_button(ctx, mb.PLAY, c.toggle_play, refresh)
        self.next = mb.media_button(ctx, mb.NEXT, c.next, refresh)
        self.shuffle = mb.media_button(
            ctx, mb.SHUFFLE, lambda: c.set_shuffle(not c.queue.shuffle), refresh, checkable=True
        )
        self.repeat = mb.media_button(ctx, mb.REPEAT[c.queue.repeat], c.cycle_repeat, refresh, checkable=True)
        self.quieter = mb.media_button(ctx, mb.QUIETER, c.quieter, refresh)
        self.mute = mb.media_button(ctx, mb.MUTE, c.toggle_mute, refresh)
        self.louder = mb.media_button(ctx, mb.LOUDER, c.louder, refresh)
        self.speed_volume = QPushButton(self.tr("Louder with speed"))
        self.speed_volume.setCheckable(True)
        self.speed_volume.setMinimumHeight(px(48))
        self.speed_volume.clicked.connect(
            lambda: (c.set_speed_compensation(not c.volume.speed_compensation), self._update())
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
        for row in (
            (self.prev, self.play, self.next),
            (self.shuffle, self.repeat),
            (self.quieter, self.mute, self.louder),
        ):
            line = QHBoxLayout()
            for b in row:
                line.addWidget(b)
            player.addLayout(line)
        player.addWidget(self.speed_volume)
        player.addStretch(1)
        return player

    # browsing
    def show_tab(self, page: int) -> None:
        """Show Artists, Albums, Songs or Up next (a tab, the bar's queue button)."""
        self.tabs.button(page).setChecked(True)
        self.search.blockSignals(True)  # a tab shows its list, not the last search's results
        self.search.clear()
        self.search.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        text = self.search.text().strip()
        catalog = self.bridge.catalog
        page = self.tabs.checkedId()
        self.artists.setVisible(page == ARTISTS and not text)
        self.album_view.setVisible(page == ALBUMS and not text)
        self._queue_shown = None
        if text:
            self.model.set_tracks(catalog.search(text))
        elif page == ARTISTS and self.artists.currentRow() > 0:
            self.model.set_tracks(
                catalog.artist_tracks(self.artists.currentItem().data(Qt.ItemDataRole.UserRole))
            )
        elif page == ALBUMS:
            row = self.album_view.currentIndex().row()
            if row < 0 and self.albums.rowCount():
                self.album_view.setCurrentIndex(self.albums.index(0))  # its currentChanged refilters
                return
            self.model.set_tracks(self.albums.tracks(row))
        elif page == SONGS:
            self.model.set_tracks(catalog.by_title())
        elif page == UP_NEXT:
            self._queue_shown = self.controller.queue.revision
            self.model.set_tracks(self.controller.queue.upcoming(), REMOVE_ACTION)
        else:
            self.model.set_tracks(catalog.tracks)
        self.status.setText(self._status())  # Up next counts its songs

    def _play_row(self, index: QModelIndex) -> None:
        if self.tabs.checkedId() == UP_NEXT and not self.search.text().strip():
            self.controller.play_upcoming(index.row())
        else:
            self.controller.play_tracks(self.model.tracks, index.row())
        self._update()

    def _row_action(self, index: QModelIndex) -> None:
        """The icon at a row's end: out of Up next, or a menu to play it next or add it to the queue."""
        if self.model.action == REMOVE_ACTION:
            self.controller.remove_upcoming(index.row())
            self._update()
            return
        track = self.model.tracks[index.row()]
        menu = QMenu(self)
        menu.addAction(self.tr("Play next"), lambda: self._queue(track, first=True))
        menu.addAction(self.tr("Add to queue"), lambda: self._queue(track, first=False))
        self.row_menu = menu
        point = self.track_view.viewport().mapToGlobal(self.track_view.action_zone(index))
        menu.popup(point)

    def _queue(self, track: Track, first: bool) -> None:
        if first:
            self.controller.play_next(track)
        else:
            self.controller.add_to_queue(track)
        self._update()

    def _fill_library(self) -> None:
        catalog = self.bridge.catalog
        self._library_size = len(catalog.tracks)
        self._unplayable = sum(not t.playable for t in catalog.tracks)
        self.artists.blockSignals(True)
        self.artists.clear()
        self.artists.addItem(self.tr("All artists"))
        for artist in catalog.artists():
            item = QListWidgetItem(shown_name(artist))
            item.setData(Qt.ItemDataRole.UserRole, artist)  # the library's name: the filter's key
            self.artists.addItem(item)
        self.artists.setCurrentRow(0)
        self.artists.blockSignals(False)
        self.albums.set_catalog(catalog)
        self._filter()

    # what the player shows
    def _update(self) -> None:
        bridge = self.bridge
        if not bridge.scanning and len(bridge.catalog.tracks) != self._library_size:
            self._fill_library()
        if self._queue_shown is not None and self._queue_shown != self.controller.queue.revision:
            self._filter()  # Up next moved on (a track ended, one was queued or removed)
        self.status.setText(self._status())
        now = self.controller.now_playing()
        track = now.track
        self.title.setText(track.title if track else self.tr("Nothing playing"))
        self.subtitle.setText(artist_and_album(track) if track else self.tr("Choose a song"))
        duration = track.duration_s if track else 0.0
        self.seek.setRange(0, max(1, int(duration)))
        if not self.seek.isSliderDown():
            self.seek.setValue(int(now.position_s))
        self.time.setText(f"{clock(now.position_s)} / {clock(duration)}")
        mb.show_play(self.play, self.ctx, now)
        self.shuffle.setChecked(now.shuffle)
        mb.show_repeat(self.repeat, self.ctx, now)
        mb.show_volume(self.mute, self.ctx, now)
        self.speed_volume.setChecked(self.controller.volume.speed_compensation)
        self.model.set_playing(track.path if track else None)
        if track != self._shown_track:
            self._shown_track = track
            self._show_cover(track)

    def _status(self) -> str:
        bridge = self.bridge
        if bridge.scanning:
            return self.tr("Scanning %1…").replace("%1", str(bridge.music_dir))
        if bridge.problem and not bridge.music_dir.is_dir():
            # The Chinese text leaves the path out: a folder's English name is not to be read there.
            return self.tr("No music folder at %1. Start with --music DIR to choose one.").replace(
                "%1", str(bridge.music_dir)
            )
        skipped = self.controller.skipped
        if skipped is not None:
            return self._skipped_text(skipped)
        if bridge.problem:
            return bridge.problem
        if self.tabs.checkedId() == UP_NEXT and not self.search.text().strip():
            if not self.model.tracks:
                return self.tr("Nothing queued. Tap the icon at a song's right end to add it.")
            return self.tr("%1 songs up next").replace("%1", str(len(self.model.tracks)))
        status = self.tr("%1 songs").replace("%1", str(len(bridge.catalog.tracks)))
        if bridge.unreadable:
            status += " · " + self.tr("%1 files could not be read").replace("%1", str(bridge.unreadable))
        if self._unplayable:
            status += " · " + self.tr("%1 cannot be played").replace("%1", str(self._unplayable))
        return status

    def _skipped_text(self, skipped: Skipped) -> str:
        """One line: which song, which format, what to do; the player has moved on already."""
        if skipped.refused:
            text = self.tr("“%1” (%2) cannot be decoded: convert it again to FLAC, Ogg or MP3. Skipped.")
        else:
            text = self.tr(
                "“%1” is %2, which cannot be played here: convert it to FLAC, Ogg or MP3. Skipped."
            )
        return text.replace("%1", skipped.track.title).replace("%2", skipped.codec)

    def _show_cover(self, track: Track | None) -> None:
        data = cover_art(track) if track else None
        image = QPixmap()
        if data and image.loadFromData(data):
            self.cover.setPixmap(
                image.scaled(
                    self.cover.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            disc = pixmap("disc", self.ctx.theme.text_dim, self.ctx.px(48))
            self.cover.setPixmap(disc or QPixmap())
            if disc is None:
                self.cover.setText("♫")

    def refresh(self, changed: dict[str, SignalValue]) -> None:
        """Media follows its own timer (the bridge), not the vehicle's signals."""

    def shown(self) -> None:
        self._update()
