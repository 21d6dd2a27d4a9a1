"""The head unit's window: status bar, navigation rail, panels, climate strip, banner, replay bar."""

from __future__ import annotations

import logging
import time
from collections import deque

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cockpit.assistant import CancelNavigation, Media, NavigateTo, ShowPanel
from cockpit.media.voice_actions import MediaVoice

from .context import UiContext
from .media_bridge import media_for
from .panels import PanelInfo
from .panels.base import Panel
from .voice_controller import VoiceController
from .widgets.climate_strip import ClimateStrip
from .widgets.nav_rail import NavRail
from .widgets.now_playing import NowPlayingBar
from .widgets.replay_bar import ReplayBar
from .widgets.status_bar import StatusBar
from .widgets.voice_overlay import VoiceOverlay

TICK_HZ = 60
STALE_OPACITY = 0.4  # values the car no longer confirms: still readable, plainly not current
SMALLEST = (800, 480)  # the smallest window the layouts are made (and checked) for
log = logging.getLogger(__name__)


class HeadUnitWindow(QMainWindow):
    def __init__(self, ctx: UiContext, panels: tuple[PanelInfo, ...], tick_hz: int = TICK_HZ) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle("Smart Cockpit")
        self.infos = panels
        self._built: dict[int, Panel] = {}
        self._first_paint_done = False
        self._said_small = False
        self._version = 0
        self.stale = False
        self.tick_times: deque[float] = deque(maxlen=2000)
        root = QWidget()
        self.setCentralWidget(root)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.status = StatusBar(ctx)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.status)
        outer.addWidget(self.banner)
        middle = QHBoxLayout()
        middle.setSpacing(0)
        outer.addLayout(middle, 1)
        self.stack = QStackedWidget()
        for _ in panels:
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            # Panels adapt their columns to the width; only the height may scroll (small screens).
            scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.stack.addWidget(scroller)
        middle.addWidget(self.stack, 1)
        # The panels that fit, then "More" (a sheet over the panels) and Talk: it never scrolls.
        self.rail = NavRail(ctx, panels, cover=self.stack)
        self.talk = self.rail.talk
        self.rail.chosen.connect(self.show_panel)
        middle.insertWidget(0, self.rail)
        # The replay bar appears once the log is indexed (a long log is read after the window is up).
        self._outer = outer
        self.replay_bar: ReplayBar | None = None
        self.media = media_for(ctx, self)
        self.now_playing = NowPlayingBar(ctx, self.media, lambda: self.show_panel_key("media"))
        outer.addWidget(self.now_playing)
        self.climate = ClimateStrip(ctx)
        outer.addWidget(self.climate)
        self._add_replay_bar()
        for i in range(min(9, len(panels))):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, lambda i=i: self.show_panel(i))
        QShortcut(
            QKeySequence("Ctrl+Tab"), self, lambda: self.show_panel((self.current + 1) % len(self.infos))
        )
        self.current = 0
        # Home's mini map shows the navigation panel's map, and its tiles open panels.
        ctx.extra["panel"] = self.panel
        ctx.extra["show_panel"] = self.show_panel_key
        self._build(0)
        root.installEventFilter(self)
        # Voice: the overlay floats over the panels; push-to-talk is the status bar's mic button and F2.
        self.voice_overlay = VoiceOverlay(ctx, root)
        self.voice = VoiceController(
            ctx, self.voice_overlay, ctx.extra.get("voice_options"), ctx.extra.get("voice_source")
        )
        ctx.extra["speech"] = self.voice.speech  # navigation speaks its prompts with the assistant's voice
        self.media.voice = self.voice  # the music ducks while the assistant listens or speaks
        self.voice.register(ShowPanel, self._show_panel_by_voice)
        self.voice.register(NavigateTo, self._navigate_by_voice)
        self.voice.register(CancelNavigation, self._cancel_navigation_by_voice)
        self.voice.register(Media, MediaVoice(self.media.controller, lambda: self.media.catalog))
        self.voice.ready.connect(self.status.set_voice)
        self.voice.problem.connect(self._voice_problem)
        self.talk.clicked.connect(self.voice.push_to_talk)
        QShortcut(QKeySequence("F2"), self, self.voice.push_to_talk)
        self.timer = QTimer(self)
        self.timer.setInterval(round(1000 / tick_hz))
        self.timer.timeout.connect(self.tick)
        self.slow = QTimer(self)
        self.slow.setInterval(1000)
        self.slow.timeout.connect(self.status.tick_clock)

    @property
    def panels(self) -> list[Panel]:
        """The panels built so far (a panel is built when first shown)."""
        return [self._built[i] for i in sorted(self._built)]

    @property
    def panel_keys(self) -> list[str]:
        return [info.key for info in self.infos]

    def _build(self, index: int) -> Panel:
        panel = self._built.get(index)
        if panel is None:
            panel = self.infos[index].factory()(self.ctx)
            self._built[index] = panel
            self.stack.widget(index).setWidget(panel)
            if self._first_paint_done:
                panel.after_first_paint()
        return panel

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        small = self.width() < SMALLEST[0] or self.height() < SMALLEST[1]
        if small and not self._said_small:
            # Still readable: each panel sits in a scroll area, so what does not fit scrolls.
            self._said_small = True
            log.warning(
                "cockpit: window %d×%d is smaller than %d×%d; panels scroll to fit (use 800x480 or more)",
                self.width(),
                self.height(),
                *SMALLEST,
            )

    def eventFilter(self, watched: object, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self._first_paint_done and event.type() == QEvent.Type.Paint:
            self._first_paint_done = True
            # Heavy parts (plots) are built once the window is on screen, so it appears at once.
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        for panel in self.panels:
            panel.after_first_paint()
        self._build(self.current).shown()

    def start(self) -> None:
        if self.voice.options.enabled:
            self.voice.start()
        self.timer.start()
        self.slow.start()
        self._build(self.current).shown()

    def show_panel(self, index: int) -> None:
        self.current = index
        panel = self._build(index)
        self.stack.setCurrentIndex(index)
        self.rail.select(index)
        self.now_playing.follow_panel(self.panel_keys[index])
        self.climate.follow_panel(self.panel_keys[index])
        panel.shown()

    def _voice_problem(self, _line: str) -> None:
        if not self.voice.loop.ready:  # no engine at all (a microphone problem is only the overlay's)
            self.status.voice.setText(self.tr("voice: unavailable"))

    def _show_panel_by_voice(self, action: ShowPanel) -> str | None:
        if action.key not in self.panel_keys:
            raise LookupError(self.tr("there is no {0} screen here").format(action.key))
        self.show_panel(self.panel_keys.index(action.key))
        return None

    def _navigation(self) -> Panel:
        if "navigation" not in self.panel_keys:
            raise LookupError(self.tr("navigation is not available here"))
        self.show_panel(self.panel_keys.index("navigation"))
        return self._built[self.current]

    def _navigate_by_voice(self, action: NavigateTo) -> str:
        panel = self._navigation()
        if panel.nav is None:
            raise LookupError(self.tr("the map is still loading"))
        store = self.ctx.session.store
        lat, lon = (
            store.value("Vehicle.CurrentLocation.Latitude"),
            store.value("Vehicle.CurrentLocation.Longitude"),
        )
        near = (float(lat), float(lon)) if lat is not None and lon is not None else None
        places = panel.nav.places.search(action.category or action.name or "", near=near, limit=1)
        if not places:
            raise LookupError(self.tr("nothing like that on this map"))
        place = places[0]
        panel.navigate_to(place.lat, place.lon, place.name)
        return self.tr("Route to {0}.").format(place.name)

    def _cancel_navigation_by_voice(self, _action: CancelNavigation) -> str:
        self._navigation().end_guidance()
        return self.tr("Navigation cancelled.")

    def _add_replay_bar(self) -> None:
        if self.replay_bar is None and self.ctx.session.replay is not None:
            self.replay_bar = ReplayBar(self.ctx)
            self._outer.insertWidget(self._outer.indexOf(self.climate), self.replay_bar)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # A closed window ticks no more: its timers would drive a session that may be closed next, and a
        # window left alive (a rebuilt one, a test's) must not keep timers that outlive it on the UI thread.
        self.timer.stop()
        self.slow.stop()
        self.media.stop()
        super().closeEvent(event)

    def show_panel_key(self, key: str) -> None:
        if key in self.panel_keys:
            self.show_panel(self.panel_keys.index(key))

    def panel(self, key: str) -> Panel:
        return self._build(self.panel_keys.index(key))

    def tick(self) -> None:
        """One UI frame: decode what changed, resolve targets, update the visible widgets only."""
        start = time.perf_counter()
        session = self.ctx.session
        session.tick()
        self.ctx.commands.update()
        if session.companion is not None:
            session.companion.tick()  # phone commands run here, on the thread of touch and voice
        if session.connect is not None:
            session.connect.tick()  # remote commands run here, on the thread of touch and voice
        self._version, values = session.store.changes_since(self._version)
        changed = {v.path: v for v in values}
        self.status.refresh(changed)
        self.climate.refresh(changed)
        if self.replay_bar is None:
            self._add_replay_bar()
        else:
            self.replay_bar.refresh()
        for panel in self._built.values():
            panel.background()
        self._built[self.current].refresh(changed)
        self.voice.tick()
        source = session.source_state()
        message = source.banner() or session.loading or (session.connect.problem if session.connect else None)
        if message != (self.banner.text() or None):
            self.banner.setText(message or "")
            self.banner.setVisible(bool(message))
            # Reading a log is news, not an error: the banner is red only for problems.
            bad = source.problem or source.stale
            self.banner.setStyleSheet("" if bad else f"background: {self.ctx.theme.accent}; color: white;")
        self._show_stale(source.stale)
        self.tick_times.append(time.perf_counter() - start)

    def _show_stale(self, stale: bool) -> None:
        """Grey out every value while the car is not heard from; the banner says for how long."""
        if stale == self.stale:
            return
        self.stale = stale
        for widget in (self.stack, self.climate, self.status):
            effect = None
            if stale:
                effect = QGraphicsOpacityEffect(widget)
                effect.setOpacity(STALE_OPACITY)
            widget.setGraphicsEffect(effect)
