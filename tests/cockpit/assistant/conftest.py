"""The demo car on the move, for the refusals that only hold while driving."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from cockpit.session import Session, SessionOptions


@pytest.fixture
def driving() -> Iterator[Session]:
    """The demo BEV on its route cycle, above walking pace (the tailgate's interlock)."""
    session = Session(SessionOptions(use_can_config=False, cycle="route"))
    session.start()
    try:
        deadline = time.monotonic() + 60
        while (session.store.value("Vehicle.Speed") or 0) < 8 and time.monotonic() < deadline:
            session.commands.pump(0.1)
        yield session
    finally:
        session.close()
