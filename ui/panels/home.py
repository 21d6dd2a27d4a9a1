"""Home: the first screen. A mini map with the car and the next maneuver, the battery, what plays, the
climate, and tiles that open the full panels.

The mini map draws the navigation panel's map and route rather than loading its own: the shell builds the
navigation panel (hidden) when home first refreshes, so the map is loaded once and guidance keeps running.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from cockpit.state_store import SignalValue

from ..context import UiContext
from ..media_bridge import media_for
from ..widgets.card import Card, value_label
from ..widgets.map_render import STREET
from ..widgets.map_view import MapView
from ..widgets.media_buttons import NEXT, PLAY, media_button, show_play
from ..widgets.soc_ring import SocRing
from ..widgets.track_text import shown_name
from .base import Panel

TB = "Vehicle.Powertrain.TractionBattery."
HVAC = "Vehicle.Cabin.HVAC."
SC_HVAC = "Vehicle.SmartCockpit.Cabin.HVAC."
DRIVER_T = HVAC + "Station.Row1.Driver.Temperature"
PASSENGER_T = HVAC + "Station.Row1.Passenger.Temperature"


class HomePanel(Panel):
    key = "home"
    icon = "⌂"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        px = ctx.px
        self.media = media_for(ctx, self)
        grid = QGridLayout(self)
        grid.setContentsMargins(px(12), px(10), px(12), px(10))
        grid.setSpacing(px(10))

        drive = Card(ctx, self.tr("Drive"))
        self.map = MapView(night=ctx.theme.name == "dark", scale_ui=ctx.scale, simplified=True)
        self.map.scale = STREET / 2
        self.map.setMinimumSize(px(220), px(150))
        self.maneuver = QLabel(self.tr("No route"))
        self.maneuver.setWordWrap(True)
        drive.body.addWidget(self.map, 1)
        drive.body.addWidget(self.maneuver)
        grid.addWidget(drive, 0, 0, 2, 1)

        energy = Card(ctx, self.tr("Battery"))
        row = QHBoxLayout()
        self.ring = SocRing(ctx)
        self.ring.setFixedSize(px(96), px(96))
        self.charge = value_label("—", "caption")
        self.charge.setWordWrap(True)
        row.addWidget(self.ring)
        row.addWidget(self.charge, 1)
        energy.body.addLayout(row)
        energy.body.addStretch(1)
        grid.addWidget(energy, 0, 1)

        music = Card(ctx, self.tr("Now playing"))
        self.song = QLabel()
        self.song.setWordWrap(True)
        controls = QHBoxLayout()
        c = self.media.controller
        self.play = media_button(ctx, PLAY, c.toggle_play, self._update_media)
        self.next = media_button(ctx, NEXT, c.next, self._update_media)
        controls.addWidget(self.play)
        controls.addWidget(self.next)
        controls.addStretch(1)
        music.body.addWidget(self.song)
        music.body.addLayout(controls)
        music.body.addStretch(1)
        grid.addWidget(music, 1, 1)

        climate = Card(ctx, self.tr("Climate"))
        self.climate = QLabel("—")
        self.climate.setWordWrap(True)
        climate.body.addWidget(self.climate)
        climate.body.addStretch(1)
        grid.addWidget(climate, 0, 2)

        tiles = QVBoxLayout()
        for text, key in (
            (self.tr("Navigation"), "navigation"),
            (self.tr("Media"), "media"),
            (self.tr("Climate and seats"), "cabin"),
            (self.tr("Charging"), "energy"),
        ):
            tiles.addWidget(self._tile(text, key))
        grid.addLayout(tiles, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        self._nav: object | None = None
        self._layers_shown = False
        self.media.changed.connect(self._update_media)
        self._update_media()

    def title(self) -> str:
        return self.tr("Home")

    def _tile(self, text: str, key: str) -> QPushButton:
        tile = QPushButton(text)
        tile.setObjectName("homeTile")
        tile.setMinimumHeight(self.ctx.px(48))
        show = self.ctx.extra.get("show_panel")
        if callable(show):
            tile.clicked.connect(lambda: show(key))
        return tile

    def _navigation(self) -> object | None:
        if self._nav is None:
            build = self.ctx.extra.get("panel")
            if callable(build):
                self._nav = build("navigation")
        return self._nav

    def refresh(self, changed: dict[str, SignalValue]) -> None:
        store, units = self.ctx.session.store, self.ctx.units
        soc = store.value(TB + "StateOfCharge.Displayed")
        range_m = store.value(TB + "Range", store.value("Vehicle.Powertrain.Range"))
        caption = ""
        if range_m is not None:
            distance, unit = units.distance(float(range_m) / 1000)
            caption = f"{distance:.0f} {unit}"
        charging = bool(store.value(TB + "Charging.IsCharging", False))
        self.ring.set(soc, caption, charging)
        if charging:
            self.charge.setText(self.tr("Charging"))
        elif store.value(TB + "Charging.IsChargingCableConnected", False):
            self.charge.setText(self.tr("Plugged in"))
        else:
            self.charge.setText(self.tr("Range %1").replace("%1", caption) if caption else "—")
        self._update_climate()
        self._update_map()

    def ring_text(self) -> str:
        """What the battery ring shows (for tests and the accessibility name)."""
        soc = self.ring.soc
        return f"{soc:.0f} % {self.ring.caption}" if soc is not None else ""

    def _update_climate(self) -> None:
        store = self.ctx.session.store
        parts = []
        for path in (DRIVER_T, PASSENGER_T):
            value = store.value(path)
            parts.append(f"{float(value):.0f}°" if value is not None else "—")
        text = " · ".join(parts)
        fan = store.value(SC_HVAC + "FanLevel")
        if fan is not None:
            text += "\n" + self.tr("Fan %1").replace("%1", f"{float(fan):.0f}")
        if store.value(HVAC + "IsAirConditioningActive"):
            text += " · A/C"
        self.climate.setText(text)

    def _update_map(self) -> None:
        nav = self._navigation()
        if nav is None:
            return
        big = nav.map  # type: ignore[attr-defined]
        if big.layers is not None and not self._layers_shown:
            self.map.set_layers(big.layers, big.attribution)
            self._layers_shown = True
        if big.car is not None and big.car != self.map.car:
            self.map.set_car(*big.car)
        if big.route is not self.map.route:
            self.map.set_route(big.route)
        guided = nav.route is not None and nav.banner.text()  # type: ignore[attr-defined]
        self.maneuver.setText(nav.banner.text() if guided else self.tr("No route"))  # type: ignore[attr-defined]

    def _update_media(self) -> None:
        now = self.media.controller.now_playing()
        if now.track is None:
            self.song.setText(self.tr("Nothing playing"))
        else:
            self.song.setText(f"{now.track.title}\n{shown_name(now.track.artist)}")
        show_play(self.play, self.ctx, now)
