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
