"""Fixtures for widget tests: a running simulated session, the UI context with the theme applied, and a way
to let the session run while Qt processes events (tests run with ``QT_QPA_PLATFORM=offscreen``)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cockpit.session import Session, SessionOptions
from ui.context import UiContext
from ui.theme import DARK, apply_theme
from ui.units import Units


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A window built in Chinese leaves its translator on the application: widgets built by the next test
    would speak Chinese too. Every test starts in English, with the locale it had."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    locale = QLocale()
    yield
    app = QApplication.instance()
    if app is not None:
        from ui.app import install_translation

        install_translation(app, "en")
    QLocale.setDefault(locale)


@pytest.fixture
def session() -> Iterator[Session]:
    """The demo vehicle simulated in-process on a python-can virtual bus (about 510 frames/s)."""
    s = Session(SessionOptions(use_can_config=False))
    s.start()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def ctx(qapp, session: Session) -> UiContext:
    apply_theme(qapp, DARK, 1.0)
    return UiContext(session, DARK, Units(), session.commands)


@pytest.fixture
def run_session(qtbot, session: Session) -> Callable[..., None]:
    """``run_session(seconds, each=None)``: tick the session at about 50 Hz (calling ``each()`` after every
    tick, e.g. a panel's refresh) while Qt keeps processing events."""

    def run(seconds: float, each: Callable[[], None] | None = None) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            session.tick()
            if each is not None:
                each()
            pump_events(0.02)

    return run


def pump_events(seconds: float) -> None:
    """Process Qt events (timers, queued signals) for ``seconds``.

    Not ``qtbot.wait``: once a test has quit the application's event loop (``cockpit screenshot`` does),
    the nested loop behind ``qtbot.wait`` returns at once for the rest of the session.
    """
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while True:
        QCoreApplication.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.005)


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Process events until ``condition()`` holds or ``timeout`` passes; returns the condition."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= end:
            return condition()
        pump_events(0.01)
    return True
