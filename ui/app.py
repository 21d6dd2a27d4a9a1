"""Start the head unit: Qt application, translation, theme, session, window."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QtMsgType, QTranslator, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from assets import ASSETS_DIR
from cockpit.commands import CommandLayer
from cockpit.runtime_profile import choose_profile
from cockpit.session import Session
from voice.assistant_loop import VoiceOptions

from .context import UiContext
from .kiosk import Kiosk
from .panels import PANELS
from .shell import HeadUnitWindow
from .theme import THEMES, apply_theme
from .units import Units

log = logging.getLogger(__name__)
REFERENCE_SIZE = (1280, 720)
TRANSLATIONS = ASSETS_DIR / "translations"


@dataclass
class Look:
    size: tuple[int, int] = REFERENCE_SIZE
    theme: str = "dark"
    lang: str = "en"
    units: str = "metric"
    fullscreen: bool = False
    kiosk: bool = False
    profile: str = "auto"  # runtime profile: auto, desktop or pi (cockpit/runtime_profile.py)


def _quiet_offscreen(mode: QtMsgType, context: object, message: str) -> None:
    # The offscreen platform (screenshots, tests) warns that it cannot resize windows for size hints on
    # every window; that is expected there and says nothing to the user. Everything else passes through.
    if "propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            qInstallMessageHandler(_quiet_offscreen)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Smart Cockpit")
    return app  # type: ignore[return-value]


def install_translation(app: QApplication, lang: str) -> QTranslator | None:
    """Make ``lang`` the language of widgets built from now on (English: no translator)."""
    # One language at a time: a window rebuilt in English must not keep an earlier translator.
    for old in app.findChildren(QTranslator, "cockpit-translation"):
        app.removeTranslator(old)
        old.deleteLater()
    if lang == "en":
        return None
    translator = QTranslator(app)
    translator.setObjectName("cockpit-translation")
    if translator.load(str(TRANSLATIONS / f"cockpit_{lang}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(lang))
        return translator
    return None


_said: set[str] = set()


def has_chinese_font() -> bool:
    """Some installed font writes Simplified Chinese; without one, zh would be boxes: English instead."""
    from PySide6.QtGui import QFontDatabase

    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return True
    if "cjk" not in _said:  # one line, not one per window rebuild
        _said.add("cjk")
        log.warning("cockpit: no Chinese font installed; showing English (install fonts-noto-cjk)")
    return False


def resolve_theme(name: str) -> str:
    if name != "auto":
        return name
    # Day/night: follow the clock (07–19 light) unless the desktop says otherwise.
    from time import localtime

    hour = localtime().tm_hour
    return "light" if 7 <= hour < 19 else "dark"


def build_window(
    session: Session,
    look: Look,
    commands: CommandLayer | None = None,
    toggle_theme: Callable[[], None] | None = None,
    voice: VoiceOptions | None = None,
) -> HeadUnitWindow:
    """``voice``: recognizer options (from `cockpit run`); None builds the window without voice."""
    app = application()
    lang = look.lang if look.lang != "zh" or has_chinese_font() else "en"
    install_translation(app, lang)
    theme = THEMES[resolve_theme(look.theme)]
    width, height = look.size
    scale = min(width / REFERENCE_SIZE[0], height / REFERENCE_SIZE[1])
    # Small screens keep text readable: never below 0.72 of the reference (800×480 gives 0.67).
    scale = max(0.72, min(scale, 1.5))
    apply_theme(app, theme, scale)
    ctx = UiContext(
        session=session,
        theme=theme,
        units=Units(look.units),
        commands=commands or session.commands,
        scale=scale,
        profile=choose_profile(look.profile),
        lang=lang,
    )
    if toggle_theme is not None:
        ctx.extra["toggle_theme"] = toggle_theme
    # None: no voice (screenshots, tests of other parts), and silent: neither replies nor guidance prompts
    # are spoken. The head unit passes its options.
    ctx.extra["voice_options"] = voice or VoiceOptions(enabled=False, speak=False)
    window = HeadUnitWindow(ctx, PANELS, tick_hz=ctx.profile.ui_hz)
    window.resize(width, height)
    return window


class HeadUnit:
    """The running head unit: one session, and a window that can be rebuilt for a day/night change."""

    def __init__(self, session: Session, look: Look, voice: VoiceOptions | None = None) -> None:
        self.session = session
        self.look = look
        self.voice = voice
        # Requests in flight survive a day/night rebuild of the window.
        self.commands = session.commands
        self.kiosk: Kiosk | None = None
        if look.kiosk or look.fullscreen:
            # The window fills the screen: lay it out for the screen's size, not the default window size
            # (at 1280×720's scale the status bar alone is wider than an 800-pixel screen, and Qt then
            # resized the window to fit it, out of full screen).
            screen = application().primaryScreen()
            if screen is not None:
                size = screen.size()
                look.size = (max(size.width(), 800), max(size.height(), 480))
        self.window = self._build()
        self._auto = QTimer()
        if look.theme == "auto":
            # Day/night by the clock: checked every minute, the window follows at 07:00 and 19:00.
            self.look.theme = resolve_theme("auto")
            self._auto.timeout.connect(self._follow_clock)
            self._auto.start(60_000)

    def _build(self) -> HeadUnitWindow:
        look = self.look
        if look.kiosk or look.fullscreen:
            # Laid out for the screen it fills: a window built for 1280×720 on an 800×480 display needs more
            # room than the screen has, and Qt then grows it past the screen and out of full screen.
            look = replace(look, size=screen_size())
        return build_window(self.session, look, self.commands, self.toggle_theme, self.voice)

    def show(self) -> None:
        if self.look.kiosk:
            self.kiosk = Kiosk(self.window, self.window.status.clock)
            self.kiosk.apply()
            self.window.start()
            return
        elif self.look.fullscreen:
            self.window.showFullScreen()
        else:
            self.window.show()
        self.window.start()

    def quit(self) -> None:
        """End the run: the event loop returns and the caller closes the session (and any recording).

        A kiosk is left first: Qt does not quit while a window refuses to close, and a kiosk's does.
        """
        if self.kiosk is not None:
            self.kiosk.leave()
        QApplication.quit()

    def quit_on_signals(self) -> None:
        """Ctrl+C and SIGTERM (``systemctl --user stop``) end the run as :meth:`quit` does.

        Without this, Ctrl+C raised KeyboardInterrupt inside a tick (a traceback, and the app ran on) and
        SIGTERM killed the process before an open recording was closed.
        """

        def stop(signum: int, frame: object) -> None:
            # Python runs the handler between two bytecodes, possibly inside a tick: quit from the loop.
            QTimer.singleShot(0, self.quit)

        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, stop)

    def _follow_clock(self) -> None:
        if resolve_theme("auto") != self.look.theme:
            self.toggle_theme()

    def toggle_theme(self) -> None:
        """Switch day (light) and night (dark): the window is rebuilt on the same session, nothing is lost."""
        self.look.theme = "light" if self.look.theme == "dark" else "dark"
        old = self.window
        self.window = self._build()
        if not self.look.kiosk:  # a kiosk window takes the whole screen by itself
            self.window.setGeometry(old.geometry())
        self.window.show_panel(old.current)
        old.timer.stop()
        old.voice.close()  # one listener on the microphone: the new window's
        old_kiosk = self.kiosk
        if old_kiosk is not None:
            old_kiosk.leaving = True  # the old window may close; the kiosk goes on in the new one
        self.show()
        old.close()
        old.deleteLater()


def screen_size() -> tuple[int, int]:
    """The primary screen's size in device-independent pixels (what a full-screen window gets)."""
    screen = application().primaryScreen()
    if screen is None:  # no screen at all (a headless platform without one): the reference layout
        return REFERENCE_SIZE
    size = screen.geometry().size()
    return size.width(), size.height()


def panel_keys() -> list[str]:
    return [info.key for info in PANELS]


def save_png(window: HeadUnitWindow, path: Path) -> None:
    image = window.grab()
    if not image.save(str(path)):
        raise OSError(f"cannot write {path}")
