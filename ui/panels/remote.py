"""Remote: the connected car on the head unit — the broker link, the switch that turns remote commands
off, the keys paired with this car (revocable here), and every remote command with what became of it.

The state lives in :class:`cockpit.connect.ConnectService` (``session.connect``), ticked by the shell on
the UI thread; this panel only reads it (twice a second while visible) and flips its switch.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cockpit.state_store import SignalValue

from ..context import UiContext
from ..widgets.card import Card
from .base import Panel

REFRESH_S = 0.5
SHOWN_EVENTS = 12
KEY_ROWS_SMALL, KEY_ROWS = 2, 4  # paired keys shown before their list scrolls (screens under 1280×720: 2)


class RemotePanel(Panel):
    key = "remote"
    icon = "⇅"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self._last = 0.0
        self._keys_shown: list[tuple[str, bool]] | None = None
        layout = QVBoxLayout(self)
        m = ctx.px(12)
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(ctx.px(10))

        link = Card(ctx, self.tr("Connection"))
        self.link_label = QLabel()
        self.link_label.setWordWrap(True)
        self.queue_label = QLabel()
        link.body.addWidget(self.link_label)
        link.body.addWidget(self.queue_label)
        layout.addWidget(link)

        access = Card(ctx, self.tr("Remote access"))
        row = QHBoxLayout()
        self.switch = QPushButton()
        self.switch.setCheckable(True)
        self.switch.setMinimumHeight(ctx.px(48))
        self.switch.toggled.connect(self._toggle)
        self.switch_note = QLabel(self.tr("Comfort and charging only; every command signed by a paired key."))
        self.switch_note.setWordWrap(True)
        row.addWidget(self.switch)
        row.addWidget(self.switch_note, 1)
        access.body.addLayout(row)
        # The paired keys are a list: a few rows show, more scroll inside it (the panel never pages).
        self.keys_list = QScrollArea()
        self.keys_list.setProperty("scrollable", True)
        self.keys_list.setWidgetResizable(True)
        self.keys_list.setFrameShape(QFrame.Shape.NoFrame)
        self.keys_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.keys_list.setStyleSheet(
            "QScrollArea, QWidget#qt_scrollarea_viewport { background: transparent; }"
        )
        keys = QWidget()
        keys.setObjectName("plain")
        self.keys_box = QVBoxLayout(keys)
        self.keys_box.setContentsMargins(0, 0, 0, 0)
        self.keys_box.setSpacing(ctx.px(4))
        self.keys_list.setWidget(keys)
        access.body.addWidget(self.keys_list)
        layout.addWidget(access)

        activity = Card(ctx, self.tr("Remote activity"))
        self.activity = QListWidget()
        self.activity.setWordWrap(True)
        self.activity.setMinimumHeight(ctx.px(36))  # a list: it scrolls, the panel does not
        # It takes the room left, never asks for more: the panel's scroll area sizes the panel by its
        # preferred height (word-wrapped labels make it height-for-width), and the list's 192 px preferred
        # height was what paged the whole panel at 800×480.
        self.activity.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        activity.body.addWidget(self.activity, 1)
        layout.addWidget(activity, 1)

    def title(self) -> str:
        return self.tr("Remote")

    def refresh(self, _changed: dict[str, SignalValue]) -> None:
        now = time.monotonic()
        if now - self._last < REFRESH_S:
            return
        self._last = now
        self.update_now()

    def update_now(self) -> None:
        service = self.ctx.session.connect
        enabled = service is not None
        self.switch.setEnabled(enabled)
        if service is None:
            self.link_label.setText(self.tr("Not connected: start the head unit with --mqtt URL."))
            self.queue_label.setText("")
            self.switch.setText(self.tr("Remote commands off"))
            return
        status = service.status()
        if status["connected"]:
            self.link_label.setText(
                self.tr("Connected to {0} as {1}").format(status["broker"], status["vehicle_id"])
            )
        else:
            self.link_label.setText(
                self.tr("Not connected: {0}").format(status["problem"] or status["broker"])
            )
        self.queue_label.setText(
            self.tr("{0} telemetry messages waiting, {1} dropped").format(status["queued"], status["dropped"])
        )
        on = service.remote.enabled
        self.switch.blockSignals(True)
        self.switch.setChecked(on)
        self.switch.blockSignals(False)
        self.switch.setText(self.tr("Remote commands on") if on else self.tr("Remote commands off"))
        self._show_keys(service)
        events = list(service.remote.activity)[-SHOWN_EVENTS:]
        lines = [
            f"{time.strftime('%H:%M:%S', time.localtime(e.at))}  {e.line().removeprefix('remote ')}"
            for e in reversed(events)
        ]
        if lines != [self.activity.item(i).text() for i in range(self.activity.count())]:
            self.activity.clear()
            self.activity.addItems(lines or [self.tr("No remote commands yet")])

    def _show_keys(self, service) -> None:
        entries = service.keychain.entries()
        shown = [(e.key_id, e.active) for e in entries]
        if shown == self._keys_shown:
            return
        self._keys_shown = shown
        while self.keys_box.count():
            item = self.keys_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not entries:
            none = QLabel(self.tr("No paired keys: cockpit fleet pair NAME --key-out FILE"))
            none.setWordWrap(True)
            self.keys_box.addWidget(none)
        for entry in entries:
            row = QWidget()
            row.setObjectName("plain")  # the card's colour shows through
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            state = self.tr("active") if entry.active else self.tr("revoked")
            line.addWidget(QLabel(f"{entry.name}  ·  {entry.key_id}  ·  {state}"), 1)
            if entry.active:
                revoke = QPushButton(self.tr("Revoke"))
                revoke.setMinimumHeight(self.ctx.touch())
                revoke.clicked.connect(lambda _=False, key_id=entry.key_id: self._revoke(key_id))
                line.addWidget(revoke)
            self.keys_box.addWidget(row)
        self._fit_keys()

    def _fit_keys(self) -> None:
        """As tall as its rows, up to KEY_ROWS_SMALL of them below the reference size (KEY_ROWS above)."""
        box = self.keys_box
        box.activate()
        rows = [box.itemAt(i).widget() for i in range(box.count())]
        for w in rows:
            if w is not None:
                w.ensurePolished()  # the style sheet's font decides the height
        heights = [w.sizeHint().height() for w in rows if w is not None]
        shown = heights[: KEY_ROWS_SMALL if self.ctx.scale < 1 else KEY_ROWS]
        self.keys_list.setFixedHeight(sum(shown) + box.spacing() * max(0, len(shown) - 1))

    def _toggle(self, on: bool) -> None:
        service = self.ctx.session.connect
        if service is not None:
            service.remote.enabled = on
            self._last = 0.0
            self.update_now()

    def _revoke(self, key_id: str) -> None:
        service = self.ctx.session.connect
        if service is not None:
            service.keychain.revoke(key_id)
            self.update_now()
