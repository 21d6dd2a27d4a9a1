"""The phone companion's screen: a scannable pairing QR code, the fingerprint, paired phones with Revoke."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cockpit.companion.service import CompanionOptions, CompanionService
from ui.panels.companion import CompanionPanel, qr_pixmap

SHOT = os.environ.get("COMPANION_PANEL_PNG")  # set to render the panel for a look


@pytest.fixture
def service(session, tmp_path: Path):
    options = CompanionOptions(port=0, bind="127.0.0.1", host="127.0.0.1", folder=tmp_path)
    service = CompanionService(session, options)
    service.start()
    session.companion = service
    yield service
    session.companion = None
    service.close()


def test_pairing_code_fingerprint_and_revoke(qtbot, ctx, service: CompanionService) -> None:
    _, token = service.registry.redeem(service.registry.new_link().code, "Pixel 8")
    panel = CompanionPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 640)
    panel.show()
    panel.refresh({})
    assert panel.url.text().startswith(service.base_url + "/pair/")
    assert service.registry.link_state(panel.url.text().rsplit("/", 1)[1]) == "valid"
    assert service.certificate.fingerprint[:20] in panel.fingerprint.text()
    assert not panel.qr.pixmap().isNull()
    qtbot.waitUntil(
        lambda: "Pixel 8" in " ".join(w.text() for w in panel.findChildren(type(panel.url))), timeout=60_000
    )
    if SHOT:
        panel.grab().save(SHOT)
    button = panel.findChild(object, f"revoke-{service.registry.devices()[0].id}")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert service.registry.check(token) is None
    panel.refresh({})
    assert "No phone is paired" in " ".join(w.text() for w in panel.findChildren(type(panel.url)))


def test_new_code_replaces_the_link(qtbot, ctx, service: CompanionService) -> None:
    panel = CompanionPanel(ctx)
    qtbot.addWidget(panel)
    first = panel.url.text()
    panel.new_code()
    assert panel.url.text() != first


def test_the_qr_code_has_finder_patterns(qapp) -> None:
    from PySide6.QtGui import QColor

    image = qr_pixmap("https://192.168.1.2:8443/pair/abc", 210, QColor("black"), QColor("white")).toImage()
    pixels = np.array([[image.pixelColor(x, y).value() for x in range(210)] for y in range(0, 210, 3)])
    dark = (pixels < 128).mean()
    assert 0.3 < dark < 0.7  # a QR code is about half dark; a blank or solid square is not


def test_without_companion_the_screen_says_how_to_start_it(qtbot, ctx) -> None:
    panel = CompanionPanel(ctx)
    qtbot.addWidget(panel)
    from PySide6.QtWidgets import QLabel

    assert any("--companion" in label.text() for label in panel.findChildren(QLabel))
