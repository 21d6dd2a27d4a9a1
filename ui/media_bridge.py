"""The one media player of the window, shared by the media panel and the now-playing bar.

The library is scanned on a worker thread (a 10,000-track folder takes seconds the first time) and handed
to the UI thread through a queued signal; the controller's ``tick`` runs on a 10 Hz timer, which also tells
the widgets to repaint the position. The same tick ducks the music while the assistant listens or speaks
(``voice``: the window's voice controller, read for its loop's ``listening`` and speaker's ``speaking``).

The bridge always has a Qt parent (the window, or the panel shown alone) and stops its timer when that
closes. A parentless one was left to Python's garbage collector, which runs on whichever thread allocates:
collected on a map-loading worker, the bridge's running timer could not be unregistered from that thread
("Timers cannot be stopped from another thread") and the UI thread's next timer round called the freed
object (the segfault that reverted the first media merge).
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from cockpit.media.buttons import BUTTON, PRESSES, ButtonWatcher
from cockpit.media.cache import open_library
from cockpit.media.catalog import MusicCatalog
from cockpit.media.controller import MediaController
from cockpit.media.volume import DuckReason

from .context import UiContext

KEY = "media"


def default_music_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_music_dir())


class MediaBridge(QObject):
    library_ready = Signal()
    changed = Signal()
    queue_wanted = Signal()  # the bar's Up next button: the media panel shows its queue

    def __init__(
        self,
        music_dir: Path,
        controller: MediaController,
        parent: QObject,
        store: object | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store  # the vehicle's state store: steering-wheel media buttons
        self.music_dir = music_dir
        self.controller = controller
        self.catalog = MusicCatalog([])
        self.scanning = False
        self.problem: str | None = None
        self.unreadable = 0
        self._scanned = threading.Event()
        self._pending: tuple[MusicCatalog, int, str | None] | None = None
        self.buttons = ButtonWatcher(self.controller)
        self.library_ready.connect(self._take_result)
        self.timer = QTimer(self)
        self.voice: object | None = None
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def scan(self) -> None:
        if self.scanning:
            return
        self.scanning = True
        self._scanned.clear()
        threading.Thread(target=self._scan, name="media-scan", daemon=True).start()

    def stop(self) -> None:
        """Stop ticking (the window closes); the controller, the session's, plays on."""
        self.timer.stop()

    def wait_scanned(self, timeout: float = 30.0) -> bool:
        return self._scanned.wait(timeout)

    def play_library(self, timeout: float = 30.0) -> bool:
        """Wait for the scan, then play the whole library from its first song (``cockpit screenshot
        --play``, the layout tests); False when it holds nothing that plays."""
        if not self.wait_scanned(timeout):
            return False
        self._take_result()  # the queued hand-over may not have run yet
        playing = self.controller.play_tracks(self.catalog.tracks) is not None
        self.changed.emit()  # the now-playing bar shows it now, not at the next tick
        return playing

    def _scan(self) -> None:
        try:
            result = open_library(self.music_dir)
            self._pending = (MusicCatalog(result.tracks), len(result.unreadable), None)
        except (FileNotFoundError, OSError) as exc:
            self._pending = (MusicCatalog([]), 0, str(exc))
        self._scanned.set()
        # The window may have closed while the folder was read: then nobody is left to show it.
        with contextlib.suppress(RuntimeError):
            self.library_ready.emit()

    def _take_result(self) -> None:
        if self._pending is None:
            return
        self.catalog, self.unreadable, self.problem = self._pending
        self._pending = None
        self.scanning = False
        self.changed.emit()

    def _tick(self) -> None:
        if self.store is not None:
            speed = self.store.value("Vehicle.Speed")  # type: ignore[attr-defined]
            self.controller.volume.speed_kmh = float(speed) if speed is not None else 0.0
            self.buttons.update(self.store.value(BUTTON), self.store.value(PRESSES))  # type: ignore[attr-defined]
        if self.voice is not None:
            loop = getattr(self.voice, "loop", None)
            speaker = getattr(self.voice, "speaker", None)
            self.controller.duck(DuckReason.ASSISTANT_LISTENING, bool(getattr(loop, "listening", False)))
            self.controller.duck(DuckReason.ASSISTANT_SPEAKING, bool(getattr(speaker, "speaking", False)))
        self.controller.tick()
        self.changed.emit()


def media_for(ctx: UiContext, owner: QObject) -> MediaBridge:
    """The window's media bridge, made (and the library scan started) on first use, owned by ``owner``
    (the window; a panel shown alone) so that Qt deletes it on the UI thread."""
    bridge = ctx.extra.get(KEY)
    if not isinstance(bridge, MediaBridge) or not shiboken6.isValid(bridge):
        music = getattr(ctx.session.options, "music", None)
        folder = Path(music) if music else default_music_dir()
        bridge = MediaBridge(folder, ctx.session.media, owner, store=ctx.session.store)
        ctx.extra[KEY] = bridge
        bridge.scan()
    return bridge
