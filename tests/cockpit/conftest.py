"""A running demo car for the tests that command it (cabin commands, the voice assistant): the simulator
in-process on a python-can virtual bus, its status reported before the test starts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cockpit.session import Session, SessionOptions


def start(**options: object) -> Session:
    session = Session(SessionOptions(use_can_config=False, **options))  # type: ignore[arg-type]
    session.start()
    assert session.commands.wait_for_status(), "the simulated car reported no status"
    return session


@pytest.fixture(scope="module")
def parked() -> Iterator[Session]:
    """The demo BEV parked (idle cycle), shared by a module's tests: each test commands its own function."""
    session = start(cycle="idle")
    try:
        yield session
    finally:
        session.close()
