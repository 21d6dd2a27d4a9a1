import can
import pytest

from vehicle_bus.errors import BusOpenError
from vehicle_bus.sources.live import open_bus, parse_can_spec


def test_spec_parsing_keeps_colons_in_the_channel() -> None:
    assert parse_can_spec("socketcan:can0") == ("socketcan", "can0")
    assert parse_can_spec("pcan") == ("pcan", None)
    assert parse_can_spec("udp_multicast:ff15:7079:7468::1") == ("udp_multicast", "ff15:7079:7468::1")


def test_virtual_bus_opens_and_carries_frames() -> None:
    with open_bus("virtual:live-test") as a, open_bus("virtual:live-test") as b:
        a.send(can.Message(arbitration_id=0x123, data=b"\x01\x02", is_extended_id=False))
        msg = b.recv(timeout=1)
    assert msg is not None and msg.arbitration_id == 0x123 and bytes(msg.data) == b"\x01\x02"


def test_python_can_environment_config_is_used_without_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAN_INTERFACE", "virtual")
    monkeypatch.setenv("CAN_CHANNEL", "from-env")
    with open_bus(None) as bus, can.Bus(interface="virtual", channel="from-env") as peer:
        peer.send(can.Message(arbitration_id=7, data=b"\x07", is_extended_id=False))
        assert bus.recv(timeout=1).arbitration_id == 7


def test_unknown_interface_lists_the_valid_ones() -> None:
    with pytest.raises(BusOpenError) as err:
        open_bus("warpdrive:0")
    text = str(err.value)
    assert "unknown CAN interface 'warpdrive'" in text and "socketcan" in text and "\n" not in text


def test_interface_that_cannot_open_says_what_to_check(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(BusOpenError) as err:
        open_bus("socketcan:nosuchcan9")
    text = str(err.value)
    assert "cannot open CAN bus socketcan:nosuchcan9" in text and "ip link" in text


def test_no_spec_and_no_config_says_how_to_choose(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("CAN_INTERFACE", raising=False)
    monkeypatch.delenv("CAN_CHANNEL", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BusOpenError) as err:
        open_bus(None)
    assert "--can" in str(err.value)
