from pathlib import Path

import pytest

from bench.dbc_scale import write_dbc
from vehicle_bus.dbc import frame_decoder, load_databases
from vehicle_bus.dbc_fast import _LazyMessage
from vehicle_bus.errors import DatabaseError

HEADER = 'VERSION ""\n\nNS_ :\n\tNS_DESC_\n\n'
GOOD = """BO_ 256 Speed: 8 VCU
 SG_ VehicleSpeed : 0|16@1+ (0.01,0) [0|300] "km/h" XXX
 SG_ Gear : 16|4@1+ (1,0) [0|15] "" XXX

BO_ 512 Battery: 8 BMS
 SG_ Soc : 0|8@1+ (0.5,0) [0|100] "%" XXX
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_dbc_without_bs_and_bu_sections_loads(tmp_path: Path) -> None:
    db = load_databases([write(tmp_path, "a.dbc", HEADER + GOOD)]).db
    assert (
        db.get_message_by_name("Speed").decode(b"\x10\x27\x03\x00\x00\x00\x00\x00")["VehicleSpeed"] == 100.0
    )


def test_real_kona_pcan_dbc_loads_and_short_frame_decodes(kona_dir: Path) -> None:
    loaded = load_databases([kona_dir / "pcan.dbc"])
    parking = loaded.db.get_message_by_frame_id(0x490)
    # 0x490 is 7 bytes on the bus but declared 8: the signals inside the 7 bytes must still decode.
    decoded = parking.decode(bytes(7), allow_truncated=True, allow_excess=True)
    assert "EPB_STATUS" in decoded
    assert len(loaded.db.messages) == 107


def test_one_broken_message_is_left_out_with_a_warning_naming_the_line(tmp_path: Path) -> None:
    broken = GOOD + '\nBO_ 768 Broken: 8 XXX\n SG_ Oops : 0|8@1+ (1,0 [0|1] "" XXX\n'
    loaded = load_databases([write(tmp_path, "b.dbc", HEADER + broken)])
    names = {m.name for m in loaded.db.messages}
    assert names == {"Speed", "Battery"}
    assert any("b.dbc:" in w and "left out" in w for w in loaded.warnings)


def test_stray_val_entry_warns_and_rest_loads(tmp_path: Path) -> None:
    text = HEADER + GOOD + '\nVAL_ 256 Gear 0 "P" 1 "D" ;\nVAL_ 999 Ghost 0 "Off" ;\nVAL_ 512 Nope 1 "X" ;\n'
    loaded = load_databases([write(tmp_path, "c.dbc", text)])
    gear = loaded.db.get_message_by_name("Speed").decode(bytes([0, 0, 1, 0, 0, 0, 0, 0]))["Gear"]
    assert str(gear) == "D"
    stray = [w for w in loaded.warnings if "VAL_" in w]
    assert len(stray) == 2 and any("Ghost" in w for w in stray) and any("Nope" in w for w in stray)


def test_overlapping_signals_load_with_a_warning(tmp_path: Path) -> None:
    text = (
        HEADER
        + 'BO_ 300 Over: 8 X\n SG_ A : 0|16@1+ (1,0) [0|65535] "" X\n SG_ B : 8|8@1+ (1,0) [0|255] "" X\n'
    )
    loaded = load_databases([write(tmp_path, "o.dbc", text)])
    decode = frame_decoder(loaded.db.get_message_by_name("Over"))
    assert decode(b"\x01\x02" + bytes(6)) == {"A": 0x201, "B": 2}
    assert any("A and B overlap" in w for w in loaded.warnings)


def test_several_files_merge_and_a_repeated_id_keeps_the_first(tmp_path: Path) -> None:
    a = write(tmp_path, "a.dbc", HEADER + GOOD)
    b = write(
        tmp_path,
        "b.dbc",
        HEADER + 'BO_ 512 Other: 8 X\n SG_ Z : 0|8@1+ (1,0) [0|255] "" X\n'
        'BO_ 1024 Extra: 8 X\n SG_ E : 0|8@1+ (1,0) [0|255] "" X\n',
    )
    loaded = load_databases([a, b])
    assert {m.name for m in loaded.db.messages} == {"Speed", "Battery", "Extra"}
    assert any("Other" in w and "earlier file" in w for w in loaded.warnings)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("missing.dbc", None, "not found"),
        ("notes.txt", "hello", "unknown database format"),
        ("broken.dbc", HEADER + 'BO_ 1 B: 8 X\n SG_ Oops : 0|8@1+ (1,0 [0|1] "" X\n', "no message could"),
        ("garbage.dbc", "VERSION 12 @@@\n", "cannot load DBC"),
    ],
)
def test_unusable_files_give_one_clear_error(
    tmp_path: Path, name: str, text: str | None, expected: str
) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    with pytest.raises(DatabaseError) as err:
        load_databases([path])
    message = str(err.value)
    assert expected in message and name in message and "\n" not in message


def test_a_dbc_without_messages_loads_with_a_warning(tmp_path: Path) -> None:
    """cantools loads a DBC of only nodes or comments; so do we, and say that nothing can be decoded."""
    loaded = load_databases([write(tmp_path, "empty.dbc", HEADER + "BU_: A B\n")])
    assert loaded.db.messages == []
    assert any("empty.dbc: defines no messages" in w for w in loaded.warnings)


def test_what_cantools_strict_refuses_is_loaded_with_a_warning(tmp_path: Path) -> None:
    text = HEADER + 'BO_ 300 Short: 1 X\n SG_ Wide : 0|16@1+ (1,0) [0|65535] "" X\n'
    loaded = load_databases([write(tmp_path, "short.dbc", text)])
    assert [m.name for m in loaded.db.messages] == ["Short"]
    assert any("Wide does not fit in message Short" in w and "strict" in w for w in loaded.warnings)


MUX_OVERLAP = """
BO_ 2000 MuxMsg: 8 ECU
 SG_ Sel M : 0|8@1+ (1,0) [0|255] "" GW
 SG_ A m1 : 8|16@1+ (1,0) [0|0] "" GW
 SG_ B m1 : 16|16@1+ (1,0) [0|0] "" GW
"""


@pytest.mark.parametrize("messages", [10, 1200], ids=["cantools-parsed", "fast-reader"])
def test_strict_refusals_are_named_for_small_and_large_files(tmp_path: Path, messages: int) -> None:
    """A gateway-sized DBC (read by the fast reader, codecs compiled on first use) hides no defect either."""
    path = tmp_path / "gateway.dbc"
    write_dbc(path, messages)
    text = path.read_text().replace(" SG_ Counter1 : 60|4@1+", " SG_ Counter1 : 60|8@1+")
    path.write_text(text.replace("\nVAL_ ", MUX_OVERLAP + "\nVAL_ ", 1))
    loaded = load_databases([path])
    assert isinstance(loaded.db.messages[0], _LazyMessage) == (messages > 1000)
    refused = [w for w in loaded.warnings if "strict" in w]
    assert len(refused) == 2, loaded.warnings
    assert "The signal Counter1 does not fit in message Msg1" in refused[0]
    assert "B and A are overlapping in message MuxMsg" in refused[1]
