"""Our tolerant loader against cantools' own test databases (DBC, SYM, KCD, ARXML from its source
distribution, fetched at test time): where cantools' strict load succeeds we load the same messages and
signals; where it refuses, we either load with a warning that says what cantools refused, or refuse with
one line. The tolerant path never hides a defect and never loses a file cantools loads strictly."""

from __future__ import annotations

import logging
from pathlib import Path

import cantools
import pytest

from vehicle_bus.dbc import load_databases
from vehicle_bus.errors import DatabaseError


def _counts(db: cantools.database.can.Database) -> tuple[int, int]:
    return len(db.messages), sum(len(m.signals) for m in db.messages)


def test_loads_like_cantools_strict(cantools_test_database: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.CRITICAL)
    try:
        strict = cantools.database.load_file(cantools_test_database)
    except Exception:
        strict = None
    if strict is not None:
        loaded = load_databases([cantools_test_database])
        assert _counts(loaded.db) == _counts(strict)
        return
    try:
        loaded = load_databases([cantools_test_database])
    except DatabaseError as exc:
        text = str(exc)
        assert "\n" not in text and cantools_test_database.name in text
        return
    # Loaded although cantools refuses it strictly: the warnings must say what was mended or left out.
    assert loaded.warnings
