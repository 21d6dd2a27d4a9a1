"""Counter and CRC-8 SAE J1850 checksum of protected frames."""

from __future__ import annotations

import cantools
import pytest

from assets import VEHICLES_DIR
from vehicle_bus.errors import DatabaseError
from vehicle_bus.frame_protection import FrameProtection, crc8_sae_j1850, protections

DBC = """\
VERSION ""

NS_ :

BS_:

BU_: VCU IVI

BO_ 257 Drive: 8 VCU
 SG_ Speed : 0|16@1+ (0.01,0) [0|320] "km/h" IVI
 SG_ Gear : 16|3@1+ (1,0) [0|3] "" IVI
 SG_ Counter : 52|4@1+ (1,0) [0|15] "" IVI
 SG_ Checksum : 56|8@1+ (1,0) [0|255] "" IVI

BO_ 560 Temps: 8 VCU
 SG_ Outside : 0|8@1+ (0.5,-40) [-40|87.5] "degC" IVI
 SG_ Counter : 8|4@1+ (1,0) [0|15] "" IVI

BO_ 600 MotorolaCrc: 8 VCU
 SG_ Value : 7|16@0+ (1,0) [0|65535] "" IVI
 SG_ Counter : 19|4@0+ (1,0) [0|15] "" IVI
 SG_ Checksum : 63|8@0+ (1,0) [0|255] "" IVI

BO_ 700 BadCrc: 8 VCU
 SG_ Counter : 0|4@1+ (1,0) [0|15] "" IVI
 SG_ Checksum : 4|8@1+ (1,0) [0|255] "" IVI
"""


@pytest.fixture(scope="module")
def db():
    return cantools.database.load_string(DBC, "dbc", strict=False)


@pytest.fixture
def drive(db):
    return FrameProtection(db.get_message_by_name("Drive"))


# AUTOSAR SWS CRC Library test vectors for CRC8 SAE J1850, and the catalogue check value.
@pytest.mark.parametrize(
    "data, crc",
    [
        ("313233343536373839", 0x4B),
        ("00000000", 0x59),
        ("F20183", 0x37),
        ("0FAA0055", 0x79),
        ("00FF5511", 0xB8),
        ("332255AABBCCDDEEFF", 0xCB),
        ("926B55", 0x8C),
        ("FFFFFFFF", 0x74),
    ],
)
def test_known_crc_vectors(data, crc):
    assert crc8_sae_j1850(bytes.fromhex(data)) == crc


def test_apply_writes_counter_then_the_crc_of_bytes_0_to_6(drive, db):
    data = db.get_message_by_name("Drive").encode({"Speed": 100.0, "Gear": 3, "Counter": 0, "Checksum": 0})
    frame = drive.apply(data, 5)
    assert frame[:6] == data[:6]
    assert frame[6] == 0x50  # counter 5 in bits 52-55 (high nibble of byte 6)
    assert frame[7] == crc8_sae_j1850(frame[:7])
    assert frame == bytes.fromhex("10270300000050") + bytes([crc8_sae_j1850(bytes.fromhex("10270300000050"))])
    assert drive.counter(frame) == 5
    decoded = db.get_message_by_name("Drive").decode(frame)
    assert decoded["Counter"] == 5 and decoded["Checksum"] == frame[7]


def test_apply_then_verify_round_trip(drive):
    for counter in range(16):
        frame = drive.apply(bytes([counter, 0xA5, 0x00, 0xFF, 0x12, 0x34, 0x0F, 0x00]), counter)
        assert drive.verify(frame)
        assert drive.counter(frame) == counter
        assert frame[6] & 0x0F == 0x0F  # bits of byte 6 outside the counter are kept


def test_a_flipped_bit_fails_verify(drive):
    frame = drive.apply(bytes(8), 3)
    for bit in range(64):
        damaged = bytearray(frame)
        damaged[bit // 8] ^= 1 << (bit % 8)
        assert not drive.verify(bytes(damaged)), bit


def test_counter_wraps_from_15_to_0(drive):
    assert drive.next_counter(14) == 15
    assert drive.next_counter(15) == 0
    assert drive.counter(drive.apply(bytes(8), 16)) == 0
    assert drive.counter(drive.apply(bytes(8), 15)) == 15


def test_a_short_frame_is_padded_on_apply_and_fails_verify(drive):
    frame = drive.apply(b"\x01\x02", 1)
    assert len(frame) == 8 and frame[:2] == b"\x01\x02" and drive.verify(frame)
    assert not drive.verify(frame[:7])
    assert drive.counter(frame[:7]) is None


def test_unprotected_messages_pass_through_unchanged(db):
    temps = FrameProtection(db.get_message_by_name("Temps"))  # a Counter but no Checksum
    assert not temps.protected
    data = bytes([0x50, 0x07, 1, 2, 3, 4, 5, 6])
    assert temps.apply(data, 9) == data
    assert temps.verify(data) and temps.verify(b"")
    assert temps.counter(data) is None


def test_motorola_signals_are_found_by_their_bits(db):
    p = FrameProtection(db.get_message_by_name("MotorolaCrc"))
    frame = p.apply(bytes(8), 0xA)
    assert p.verify(frame) and p.counter(frame) == 0xA
    assert frame[7] == crc8_sae_j1850(frame[:7])
    assert db.get_message_by_name("MotorolaCrc").decode(frame)["Counter"] == 0xA


def test_a_checksum_that_is_not_a_whole_byte_is_refused(db):
    with pytest.raises(DatabaseError, match="whole byte"):
        FrameProtection(db.get_message_by_name("BadCrc"))


def test_protections_of_the_demo_vehicle():
    db = cantools.database.load_file(str(VEHICLES_DIR / "demo-bev" / "smart_ev.dbc"))
    found = protections(db)
    names = {p.message.name for p in found.values()}
    assert {"VCU_DriveStatus", "MCU_Status", "BMS_PackStatus", "BMS_SOC", "OBC_ChargeStatus"} <= names
    assert {m.name for m in db.messages if m.name.startswith("IVI_")} <= names
    assert "BCM_Doors" not in names
    for frame_id, p in found.items():
        assert p.message.frame_id == frame_id and p.counter_modulo == 16
        message = p.message
        values = {s.name: (s.minimum or 0) for s in message.signals}
        frame = p.apply(message.encode(values, strict=False), 7)
        assert p.verify(frame) and message.decode(frame, decode_choices=False)["Counter"] == 7
