"""The phone companion's screen: the pairing QR code, the certificate fingerprint, paired phones.

The QR code holds a one-time pairing link that expires in two minutes; the screen makes a new one when it
runs out (and on "New code"). Each paired phone has a Revoke button: its token is deleted at once and an
open page on that phone locks itself. The last phone commands are listed with the car's answer, so
everything done from outside the car is visible inside it.
"""

from __future__ import annotations

import datetime
import time

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cockpit.companion.devices import LINK_LIFETIME_S
from cockpit.state_store import SignalValue

from ..context import UiContext
from ..widgets.card import Card, value_label
from .base import Panel

RENEW_BEFORE_S = 10.0  # a code about to expire is replaced, so a phone never scans a dead one


def qr_pixmap(text: str, size: int, dark: QColor, light: QColor) -> QPixmap:
    """The QR code of ``text`` drawn square in ``size`` pixels (with its quiet zone)."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    matrix = code.get_matrix()
    n = len(matrix)
    image = QImage(n, n, QImage.Format.Format_RGB32)
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            image.setPixelColor(x, y, dark if on else light)
    scaled = image.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )
    pixmap = QPixmap(size, size)
    pixmap.fill(light)
    painter = QPainter(pixmap)
    painter.drawImage((size - scaled.width()) // 2, (size - scaled.height()) // 2, scaled)
    painter.end()
    return pixmap


class CompanionPanel(Panel):
    key = "companion"
    icon = "☏"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.service = ctx.session.companion
        self._link_expires = 0.0
        self._devices_version = -1
        self._activity_shown = -1
        gap = ctx.px(10)
        grid = QGridLayout(self)
        grid.setContentsMargins(gap, gap, gap, gap)
        grid.setSpacing(gap)
        if self.service is None:
            card = Card(ctx, self.tr("Phone companion"))
            off = QLabel(
                self.tr(
                    "The phone companion is off. Start the head unit with --companion to pair a phone "
                    "on the same network."
                )
            )
            off.setWordWrap(True)
            card.body.addWidget(off)
            card.body.addStretch(1)
            grid.addWidget(card, 0, 0)
            return
        grid.addWidget(self._pairing_card(), 0, 0, 2, 1)
        grid.addWidget(self._devices_card(), 0, 1)
        grid.addWidget(self._activity_card(), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.new_code()

    def title(self) -> str:
        return self.tr("Phone")

    # -- building -------------------------------------------------------------------------------------------
    def _pairing_card(self) -> Card:
        card = Card(self.ctx, self.tr("Pair a phone"))
        hint = QLabel(
            self.tr("Scan with the phone's camera (same Wi-Fi). The code works once, for 2 minutes.")
        )
        hint.setWordWrap(True)
        card.body.addWidget(hint)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card.body.addWidget(self.qr, 1)
        row = QHBoxLayout()
        self.countdown = value_label("", "dim")
        row.addWidget(self.countdown, 1)
        renew = QPushButton(self.tr("New code"))
        renew.setMinimumHeight(self.ctx.px(48))
        renew.clicked.connect(self.new_code)
        row.addWidget(renew)
        card.body.addLayout(row)
        self.url = value_label("", "dim")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setWordWrap(True)
        card.body.addWidget(self.url)
        card.body.addWidget(
            QLabel(self.tr("Certificate fingerprint (SHA-256): the phone's browser shows the same"))
        )
        fingerprint = self.service.certificate.fingerprint if self.service else ""
        half = len(fingerprint) // 2 + 1
        self.fingerprint = value_label(f"{fingerprint[:half]}\n{fingerprint[half:]}")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card.body.addWidget(self.fingerprint)
        return card

    def _devices_card(self) -> Card:
        card = Card(self.ctx, self.tr("Paired phones"))
        self.devices_box = QVBoxLayout()
        card.body.addLayout(self.devices_box)
        card.body.addStretch(1)
        return card

    def _activity_card(self) -> Card:
        card = Card(self.ctx, self.tr("Commands from phones"))
        self.activity = QLabel()
        self.activity.setWordWrap(True)
        self.activity.setAlignment(Qt.AlignmentFlag.AlignTop)
        card.body.addWidget(self.activity, 1)
        return card

    # -- actions --------------------------------------------------------------------------------------------
    def new_code(self) -> None:
        if self.service is None:
            return
        url = self.service.pairing_url()
        self._link_expires = time.monotonic() + LINK_LIFETIME_S
        self.qr.setPixmap(qr_pixmap(url, self.ctx.px(260), QColor("#000000"), QColor("#ffffff")))
        self.qr.setToolTip(url)
        self.url.setText(url)
        self._tick_countdown()

    def revoke(self, device_id: str) -> None:
        if self.service is not None:
            self.service.registry.revoke(device_id)
            self._show_devices()

    # -- refreshing -----------------------------------------------------------------------------------------
    def refresh(self, changed: dict[str, SignalValue]) -> None:
        if self.service is None:
            return
        self._tick_countdown()
        if self.service.registry.version != self._devices_version:
            self._show_devices()
        if len(self.service.bridge.activity) and self.service.bridge.activity[-1].at != self._activity_shown:
            self._show_activity()

    def _tick_countdown(self) -> None:
        left = self._link_expires - time.monotonic()
        if left < RENEW_BEFORE_S:
            self.new_code()
            return
        self.countdown.setText(self.tr("expires in %1:%2").replace("%1", str(int(left) // 60))
                               .replace("%2", f"{int(left) % 60:02d}"))  # fmt: skip

    def _show_devices(self) -> None:
        assert self.service is not None
        self._devices_version = self.service.registry.version
        while self.devices_box.count():
            item = self.devices_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        devices = self.service.registry.devices()
        if not devices:
            self.devices_box.addWidget(value_label(self.tr("No phone is paired yet."), "dim"))
        for device in devices:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            paired = datetime.datetime.fromtimestamp(device.paired_at).strftime("%Y-%m-%d %H:%M")
            label = QLabel(f"{device.name}  ·  {device.id}\n" + self.tr("paired %1").replace("%1", paired))
            line.addWidget(label, 1)
            button = QPushButton(self.tr("Revoke"))
            button.setObjectName(f"revoke-{device.id}")
            button.setMinimumHeight(self.ctx.px(48))
            button.clicked.connect(lambda _=False, d=device.id: self.revoke(d))
            line.addWidget(button)
            self.devices_box.addWidget(row)

    def _show_activity(self) -> None:
        assert self.service is not None
        events = list(self.service.bridge.activity)[-6:]
        self._activity_shown = events[-1].at if events else -1
        lines = [
            f"{datetime.datetime.fromtimestamp(e.at).strftime('%H:%M:%S')}  {e.line()}"
            for e in reversed(events)
        ]
        self.activity.setText("\n".join(lines))
