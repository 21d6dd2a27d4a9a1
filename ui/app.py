"""Start the head unit: Qt application, translation, theme, session, window."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from assets import ASSETS_DIR
from cockpit.session import Session
from cockpit.targets import TargetTracker

from .context import UiContext
from .panels.base import Panel
from .shell import HeadUnitWindow
from .theme import THEMES, apply_theme
from .units import Units

REFERENCE_SIZE = (1280, 720)
TRANSLATIONS = ASSETS_DIR / "translations"


@dataclass
class Look:
    size: tuple[int, int] = REFERENCE_SIZE
    theme: str = "dark"
    lang: str = "en"
    units: str = "metric"
    fullscreen: bool = False


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Smart Cockpit")
    return app  # type: ignore[return-value]


def install_translation(app: QApplication, lang: str) -> QTranslator | None:
    if lang == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / f"cockpit_{lang}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(lang))
        return translator
    return None


def resolve_theme(name: str) -> str:
    if name != "auto":
        return name
    # Day/night: follow the clock (07–19 light) unless the desktop says otherwise.
    from time import localtime

    hour = localtime().tm_hour
    return "light" if 7 <= hour < 19 else "dark"


def build_panels(ctx: UiContext) -> list[Panel]:
    from .panels.can_monitor import CanMonitorPanel
    from .panels.energy import EnergyPanel

    return [EnergyPanel(ctx), CanMonitorPanel(ctx)]


def build_window(session: Session, look: Look) -> HeadUnitWindow:
    app = application()
    install_translation(app, look.lang)
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
        targets=TargetTracker(session.store, session.transmitter),
        scale=scale,
    )
    window = HeadUnitWindow(ctx, build_panels(ctx))
    window.resize(width, height)
    return window


def panel_keys() -> list[str]:
    return ["energy", "can"]


def is_headless() -> bool:
    return os.environ.get("QT_QPA_PLATFORM") == "offscreen"


def save_png(window: HeadUnitWindow, path: Path) -> None:
    image = window.grab()
    if not image.save(str(path)):
        raise OSError(f"cannot write {path}")
