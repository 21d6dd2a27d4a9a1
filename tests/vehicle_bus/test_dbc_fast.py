"""The fast DBC reader gives what cantools gives, and steps aside for what it does not know."""

from __future__ import annotations

from pathlib import Path

import cantools
import pytest

from bench.dbc_scale import write_dbc
from vehicle_bus.dbc import _ensure_sections
from vehicle_bus.dbc_fast import load_dbc_fast

REPO = Path(__file__).resolve().parents[2]
KONA = REPO.parent / "shared" / "data" / "can" / "hyundai-kona-ev"
SAMPLE = """VERSION ""

NS_ :
    CM_
    BA_DEF_

BS_:

BU_: ECU GW

BO_ 2147484160 Big: 8 ECU
 SG_ Mux M : 7|8@0+ (1,0) [0|255] "" GW
 SG_ A m1 : 15|16@0- (0.5,-3) [-10|10] "V" GW,ECU
 SG_ B m2 : 15|16@0+ (1,0) [0|0] "" Vector__XXX
 SG_ F : 32|32@1- (1,0) [0|0] "" GW

BO_ 300 Small: 4 Vector__XXX
 SG_ State : 0|4@1+ (1,0) [0|15] "" GW

BA_DEF_ BO_ "GenMsgCycleTime" INT 0 65535;
BA_DEF_ SG_ "GenSigStartValue" INT 0 65535;
BA_DEF_DEF_ "GenMsgCycleTime" 100;
BA_ "GenMsgCycleTime" BO_ 2147484160 20;
BA_ "GenSigStartValue" SG_ 300 State 3;
CM_ SG_ 2147484160 A "two
lines";
CM_ BO_ 300 "a \\"quoted\\" word";
VAL_ 300 State 0 "OFF" 1 "ON" ;
SIG_VALTYPE_ 2147484160 F : 1;
"""


def _shape(messages) -> list[tuple]:
    out = []
    for m in sorted(messages, key=lambda m: (m.frame_id, m.name)):
        signals = [
            (
                s.name,
                s.start,
                s.length,
                s.byte_order,
                s.is_signed,
                s.scale,
                s.offset,
                s.minimum,
                s.maximum,
                s.unit,
                s.choices and dict(s.choices),
                s.is_multiplexer,
                s.multiplexer_ids,
                s.multiplexer_signal,
                s.initial,
                s.is_float,
                s.comment,
                sorted(s.receivers),
            )
            for s in sorted(m.signals, key=lambda s: s.name)
        ]
        out.append(
            (m.frame_id, m.name, m.length, m.is_extended_frame, m.cycle_time, m.senders, m.comment, signals)
        )
    return out


def _dbc_texts() -> list[tuple[str, str]]:
    texts = [("sample", SAMPLE)]
    for path in sorted((REPO / "assets" / "vehicles").glob("*/*.dbc")) + sorted(KONA.glob("*.dbc")):
        texts.append((path.name, path.read_text(encoding="utf-8", errors="replace")))
    return texts


@pytest.mark.parametrize(("name", "text"), _dbc_texts(), ids=[n for n, _ in _dbc_texts()])
def test_fast_reader_matches_cantools_or_steps_aside(name: str, text: str) -> None:
    fast = load_dbc_fast(text)
    if fast is None:
        assert name != "sample"  # the sample is the subset the reader must handle
        return
    # The sections many real files omit, added as the product's loader does before cantools reads them.
    text = "\n".join(_ensure_sections(text.splitlines()))
    assert _shape(load_dbc_fast(text)) == _shape(fast)
    reference = cantools.database.load_string(text, database_format="dbc").messages
    assert _shape(fast) == _shape(reference)
    frame = bytes(range(64))
    for ours, theirs in zip(_by_id(fast), _by_id(reference), strict=True):
        assert _decoded(ours, frame) == _decoded(theirs, frame)


def _by_id(messages: list) -> list:
    return sorted(messages, key=lambda m: m.frame_id)


def _decoded(message, frame: bytes) -> object:
    try:
        return message.decode(frame[: message.length], allow_truncated=True)
    except Exception as exc:  # the same refusal from both is the same answer
        return f"{type(exc).__name__}: {exc}"


def test_the_generated_large_dbc_reads_as_cantools_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "many.dbc"
    write_dbc(path, 300)
    text = path.read_text()
    assert _shape(load_dbc_fast(text)) == _shape(cantools.database.load_string(text).messages)


@pytest.mark.parametrize(
    "extra",
    [
        'BA_ "VFrameFormat" BO_ 300 14;',
        'EV_ Env: 0 [0|1] "" 0 1 DUMMY_NODE_VECTOR0 Vector__XXX;',
        ' SG_ Ext m1M : 0|8@1+ (1,0) [0|1] "" GW',
    ],
)
def test_what_it_does_not_know_goes_to_cantools(extra: str) -> None:
    assert load_dbc_fast(SAMPLE + extra + "\n") is None
