import json
from pathlib import Path

import pytest

from cockpit.cli.main import main

HEADER = 'VERSION ""\n\nNS_ :\n\nBS_:\n\nBU_: VCU BMS\n\n'
GOOD = (
    'BO_ 1985 Speed: 8 VCU\n SG_ VehicleSpeed : 0|16@1+ (0.01,0) [0|300] "km/h" BMS\n'
    ' SG_ Gear : 16|4@1+ (1,0) [0|15] "" BMS\n\n'
    'BO_ 2566848513 Battery: 8 BMS\n SG_ Soc : 0|8@1+ (0.5,0) [0|100] "%" VCU\n\n'
    'VAL_ 1985 Gear 0 "P" 1 "D" ;\n'
)
BROKEN = 'BO_ 768 Broken: 8 VCU\n SG_ Oops : 0|8@1+ (1,0 [0|1] "" VCU\n\nVAL_ 999 Ghost 0 "Off" ;\n'


def info(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["dbc", "info", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_info_lists_messages_signals_nodes_and_what_was_skipped(capsys, tmp_path: Path) -> None:
    path = tmp_path / "car.dbc"
    path.write_text(HEADER + GOOD + "\n" + BROKEN)
    code, out, err = info(capsys, str(path))
    assert code == 0 and err == ""
    assert out.splitlines()[0] == f"{path}: 2 messages, 3 signals, 2 nodes"
    assert "nodes: VCU, BMS" in out
    assert "0x7C1 Speed: 8 bytes from VCU, 2 signals" in out
    assert "0x18FF0001 Battery: 8 bytes from BMS, 1 signal" in out
    assert "VehicleSpeed: bit 0, 16 bits LE unsigned, x0.01+0, [0..300] km/h" in out
    assert "Gear: bit 16, 4 bits LE unsigned, [0..15], 2 named values" in out
    skipped = out.split("left out, or loaded where cantools' strict load refuses: 2\n")[1]
    assert f"{path}:19: statement left out" in skipped and "VAL_ for unknown message 0x3e7 Ghost" in skipped


def test_info_json_is_complete(capsys, tmp_path: Path, kona_dir: Path) -> None:
    path = tmp_path / "car.dbc"
    path.write_text(HEADER + GOOD)
    code, out, _ = info(capsys, str(path), str(kona_dir / "pcan.dbc"), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["message_count"] == 2 + 107
    assert report["nodes"][:2] == ["VCU", "BMS"]
    speed = next(m for m in report["messages"] if m["name"] == "Speed")
    assert speed["id"] == 0x7C1 and speed["senders"] == ["VCU"] and not speed["extended"]
    gear = next(s for s in speed["signals"] if s["name"] == "Gear")
    assert gear["choices"] == {"0": "P", "1": "D"} and gear["receivers"] == ["BMS"]
    assert report["skipped"] == []
    assert report["mended"] == [
        f"{kona_dir / 'pcan.dbc'}: no BS_:/BU_: section; empty ones added (cantools' grammar requires them)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(None, "database file not found"), ("VERSION 12 @@@\n", "cannot load DBC")],
)
def test_unusable_database_is_one_line_and_exit_2(
    capsys, tmp_path: Path, text: str | None, expected: str
) -> None:
    path = tmp_path / "bad.dbc"
    if text is not None:
        path.write_text(text)
    code, out, err = info(capsys, str(path))
    assert code == 2 and out == ""
    assert expected in err and "bad.dbc" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
