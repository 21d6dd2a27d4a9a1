"""Fixtures for the KUKSA mapping tests: tiny DBCs (KUKSA's test_mux.dbc and a gear message with VAL_),
file writers, and the real Kona pcan.dbc from ../shared."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cantools
import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
SHARED = REPO_ROOT.parent / "shared"
KONA_PCAN = SHARED / "data" / "can" / "hyundai-kona-ev" / "pcan.dbc"

# KUKSA's test/test_mapping_multiplex/test_mux.dbc (two messages, no DBC multiplexing), plus a message
# whose gear signal has value names, like Tesla's DI_gear in KUKSA's examples.
TEST_DBC = """\
VERSION ""

NS_ :

BS_:

BU_: Receiver

BO_ 100 MuxMessage: 8 Receiver
 SG_ MuxSelector : 0|8@1+ (1,0) [0|255] "" Receiver
 SG_ AlwaysPresent : 8|8@1+ (1,0) [0|255] "" Receiver

BO_ 200 OtherMessage: 8 Receiver
 SG_ OtherSignal : 0|8@1+ (1,0) [0|255] "" Receiver

BO_ 300 Drive: 8 Receiver
 SG_ Gear : 0|3@1+ (1,0) [0|7] "" Receiver
 SG_ Speed : 8|16@1+ (0.01,0) [0|655.35] "km/h" Receiver
 SG_ DoorOpen : 24|1@1+ (1,0) [0|1] "" Receiver

BO_ 400 Climate: 8 Receiver
 SG_ TempSet : 0|8@1+ (0.5,0) [0|127.5] "degC" Receiver
 SG_ Latch : 8|3@1+ (1,0) [0|7] "" Receiver

VAL_ 300 Gear 0 "GEAR_P" 1 "GEAR_R" 2 "GEAR_N" 3 "GEAR_D" 7 "GEAR_INVALID" ;
VAL_ 400 Latch 0 "LATCH_CLOSED" 1 "LATCH_OPENED" 2 "LATCH_AJAR" ;
"""


@pytest.fixture
def db() -> cantools.database.can.Database:
    return cantools.database.load_string(TEST_DBC, database_format="dbc", strict=False)


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[..., Path]:
    def write(tree: Any, name: str = "mapping.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(tree, indent=2), encoding="utf-8")
        return path

    return write


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[..., Path]:
    def write(text: str, name: str = "overlay.vspec") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def kona_db() -> cantools.database.can.Database:
    if not KONA_PCAN.exists():
        pytest.skip(f"shared data not found at {KONA_PCAN}")
    text = KONA_PCAN.read_text(encoding="utf-8")
    # cantools refuses pcan.dbc as is: it has no BS_/BU_ sections. Insert them after the NS_ block.
    match = re.search(r"NS_ :.*?\n\s*\n", text, flags=re.S)
    assert match, "NS_ block not found in pcan.dbc"
    text = text[: match.end()] + "BS_:\n\nBU_:\n\n" + text[match.end() :]
    return cantools.database.load_string(text, database_format="dbc", strict=False)
