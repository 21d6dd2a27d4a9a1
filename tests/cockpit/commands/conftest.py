"""The command layer of the parked demo car (see tests/cockpit/conftest.py)."""

from __future__ import annotations

import pytest

from cockpit.commands import CommandLayer
from cockpit.session import Session


@pytest.fixture
def layer(parked: Session) -> CommandLayer:
    """A layer of its own per test (timeouts and requests in flight do not leak between tests)."""
    return CommandLayer(parked)
