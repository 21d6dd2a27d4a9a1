"""Kiosk mode: the head unit as the only thing on the screen of a mock head unit (a Pi behind a display).

Full screen without decorations, no mouse cursor, the screen kept awake, and no way out by accident: the
window ignores close requests (Alt+F4, a stray Escape) and leaves only by Ctrl+Alt+Q or by holding the
clock in the status bar for three seconds.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QMainWindow, QWidget

log = logging.getLogger(__name__)
EXIT_KEYS = "Ctrl+Alt+Q"
LONG_PRESS_S = 3.0


class Kiosk(QObject):
    """Applies kiosk mode to a window and owns its exit gesture and the screen-awake inhibition."""

    def __init__(self, window: QMainWindow, hold_target: QWidget, long_press_s: float = LONG_PRESS_S) -> None:
        super().__init__(window)
        self.window = window
        self.hold_target = hold_target
        self.long_press_s = long_press_s
        self.leaving = False
        self.awake_by: str | None = None
        self._pressed_at: float | None = None
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.timeout.connect(self.leave)
        # Full screen is put back when something takes it away (see _keep_full_screen).
        self._restore = QTimer(self)
        self._restore.setSingleShot(True)
        self._restore.timeout.connect(self._full_screen_again)
        self._said_too_big = False

    def apply(self) -> None:
        w = self.window
        w.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        w.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        w.showFullScreen()
        if QGuiApplication.overrideCursor() is None:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        # On the application, so the combination works whichever widget has the focus (or none has).
        QGuiApplication.instance().installEventFilter(self)
        self.hold_target.installEventFilter(self)
        w.installEventFilter(self)
        self.awake_by = keep_screen_awake()
        log.info(
            "kiosk: full screen; exit with %s or a %.0f s press on the clock; screen kept awake by %s",
            EXIT_KEYS,
            self.long_press_s,
            self.awake_by or "nothing (no inhibitor found)",
        )

    def leave(self) -> None:
        self.leaving = True
        QGuiApplication.instance().removeEventFilter(self)
        QGuiApplication.restoreOverrideCursor()
        self.window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.KeyPress and not self.leaving and _is_exit_keys(event):
            self.leave()
            return True
        if watched is self.window and kind == QEvent.Type.Close and not self.leaving:
            # Alt+F4 or the compositor: a kiosk does not close by accident.
            event.ignore()
            if isinstance(event, QCloseEvent):
                log.info("kiosk: close request ignored (exit with %s)", EXIT_KEYS)
            return True
        if watched is self.window and kind in (QEvent.Type.Resize, QEvent.Type.WindowStateChange):
            self._keep_full_screen()
        if watched is self.hold_target:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
                self._pressed_at = time.monotonic()
                self._hold.start(round(self.long_press_s * 1000))
            elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                self._pressed_at = None
                self._hold.stop()
        return False

    def _keep_full_screen(self) -> None:
        """Qt drops a widget's full-screen state whenever the window is resized by anything but the state
        change itself, e.g. a layout whose minimum outgrew the screen (QWidget::setMinimumSize resizes).
        A kiosk stays full screen: the state is put back once the current event is done."""
        if self.leaving or self.window.windowState() & Qt.WindowState.WindowFullScreen:
            return
        if not self._restore.isActive():
            self._restore.start(0)

    def _full_screen_again(self) -> None:
        w = self.window
        if self.leaving or w.windowState() & Qt.WindowState.WindowFullScreen:
            return
        screen_rect = (w.screen() or QGuiApplication.primaryScreen()).geometry()
        screen = screen_rect.size()
        need = w.minimumSize()
        if need.width() > screen.width() or need.height() > screen.height():
            # Putting it back would only be undone by the layout again (and again): say so once instead.
            if not self._said_too_big:
                self._said_too_big = True
                log.warning(
                    "kiosk: the window needs %d×%d, more than the %d×%d screen; it cannot stay full screen",
                    need.width(),
                    need.height(),
                    screen.width(),
                    screen.height(),
                )
            return
        log.info("kiosk: full screen was lost (window resized); restored")
        # The platform window never left the screen's size (it is still full screen to Qt's QWindow), so
        # no geometry change would come back to the widget: give it the screen's rectangle itself.
        w.setGeometry(screen_rect)
        w.showFullScreen()


def _is_exit_keys(event: QEvent) -> bool:
    if not isinstance(event, QKeyEvent):
        return False
    wanted = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    return event.key() == Qt.Key.Key_Q and (event.modifiers() & wanted) == wanted


def keep_screen_awake() -> str | None:
    """Ask the desktop not to blank the screen; returns what agreed (None if nothing could)."""
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        # Only with a session bus already running: Qt would otherwise try to autolaunch one.
        bus = QDBusConnection.sessionBus() if os.environ.get("DBUS_SESSION_BUS_ADDRESS") else None
        if bus is not None and bus.isConnected():
            saver = QDBusInterface(
                "org.freedesktop.ScreenSaver",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver",
                bus,
            )
            if saver.isValid():
                reply = saver.call("Inhibit", "Smart Cockpit", "kiosk mode")
                if not reply.errorName():
                    return "org.freedesktop.ScreenSaver"
    except ImportError:  # a Qt build without D-Bus
        pass
    if os.environ.get("DISPLAY") and shutil.which("xset"):
        # X11 without a screensaver service (a bare X session on a Pi): switch blanking and DPMS off.
        done = subprocess.run(["xset", "s", "off", "-dpms"], capture_output=True, check=False)
        if done.returncode == 0:
            return "xset s off -dpms"
    return None
