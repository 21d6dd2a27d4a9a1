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
            qtbot.wait(20)

    return run
