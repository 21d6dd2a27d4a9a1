"""The Remote panel: what the connected car did shows on the head unit, and remote access can be turned
off (and a key revoked) from the screen. The broker is down here on purpose: remote commands arrive through
the service's inbox exactly as the MQTT thread hands them over, and telemetry waits in the queue."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt

from cockpit.connect.broker import parse_broker
from cockpit.connect.keychain import Keychain
from cockpit.connect.service import ConnectOptions, ConnectService
from cockpit.connect.signing import sign_command
from ui.panels.remote import RemotePanel


@pytest.fixture
def connected(session, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with socket.socket() as s:  # a port nobody listens on: the broker is down
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    options = ConnectOptions(parse_broker(f"mqtt://127.0.0.1:{port}"), vehicle_id="car-ui",
                             queue=tmp_path / "q.sqlite", keychain=tmp_path / "keychain.json")  # fmt: skip
    service = ConnectService(session, options)
    service.start()
    session.connect = service
    yield service
    service.close()
    session.connect = None


def test_remote_activity_and_the_off_switch(qtbot, ctx, connected, run_session, tmp_path: Path) -> None:
    phone = Ed25519PrivateKey.generate()
    Keychain(tmp_path / "keychain.json").pair("phone", phone.public_key())
    panel = RemotePanel(ctx)
    qtbot.addWidget(panel)
    panel.update_now()
    assert "Not connected" in panel.link_label.text() and "not reachable" in panel.link_label.text()
    assert panel.switch.isChecked() and panel.switch.isEnabled()

    connected.remote.submit(json.dumps(sign_command(phone, "car-ui", "drive.mode", "sport")).encode())
    run_session(0.3, each=connected.tick)
    panel.update_now()
    assert "drive.mode=sport from phone forbidden" in panel.activity.item(0).text()

    qtbot.mouseClick(panel.switch, Qt.MouseButton.LeftButton)
    assert connected.remote.enabled is False and panel.switch.text() == "Remote commands off"
    connected.remote.submit(json.dumps(sign_command(phone, "car-ui", "seat.heating", 1)).encode())
    run_session(0.3, each=connected.tick)
    panel.update_now()
    assert "disabled" in panel.activity.item(0).text()
    assert "waiting" in panel.queue_label.text()  # telemetry kept for later
    panel.grab().save(str(Path(os.environ.get("REMOTE_PANEL_PNG", tmp_path / "remote.png"))))


@pytest.mark.parametrize("size", [(800, 480), (1024, 600)])
def test_the_panel_fits_small_screens_with_keys_and_activity(
    qtbot, session, connected, tmp_path: Path, size: tuple[int, int]
) -> None:
    from ui.app import Look, build_window
    from ui.layout_check import check_panels

    keychain = Keychain(tmp_path / "keychain.json")
    phones = [Ed25519PrivateKey.generate() for _ in range(3)]
    for name, key in zip(("phone", "tablet", "home assistant"), phones, strict=True):
        keychain.pair(name, key.public_key())
    for n in range(20):  # more activity than the list shows: the list scrolls, the panel does not
        connected.remote.submit(json.dumps(sign_command(phones[0], "car-ui", "seat.heating", n % 3)).encode())
    connected.tick()
    window = build_window(session, Look(size=size))
    qtbot.addWidget(window)
    window.show()
    problems = check_panels(window, ["remote"], size)["remote"]
    panel = window.panel("remote")
    assert panel.activity.count() > 3 and panel.keys_box.count() == 3
    assert not problems, "\n".join(p.line() for p in problems)
