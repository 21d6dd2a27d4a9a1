"""Navigation: the map with the car, search (names, categories), a route with turn-by-turn guidance shown on
the maneuver card, listed step by step and spoken (through the assistant's voice), the charge at arrival and
the charging or swap stops the trip needs, planned from the car's live SoC. The map loads and routes compute
on worker threads; results cross into Qt through queued signals."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cockpit.navigation.announce import Announcer
from cockpit.navigation.energy import ChargingStop, EnergyModel, EnergyPlan
from cockpit.navigation.guidance import Guidance, Progress
from cockpit.navigation.maneuvers import Maneuver
from cockpit.navigation.map_source import attribution, open_map
from cockpit.navigation.navigator import Navigator
from cockpit.navigation.routing import Route
from cockpit.navigation.search import POI_CATEGORIES, Place, category_of
from cockpit.simulator.params import sim_params
from cockpit.state_store import SignalValue
from vehicle_bus.errors import InputError

from ..context import UiContext
from ..icons import pixmap, set_icon
from ..theme import compact_button
from ..widgets.maneuver_card import ManeuverCard
from ..widgets.map_layers import build_layers, route_path
from ..widgets.map_view import CITY, STREET, MapView
from .base import Panel
from .guidance_text import VOICES, GuidanceText, icon_for, lane_hints

LAT = "Vehicle.CurrentLocation.Latitude"
LON = "Vehicle.CurrentLocation.Longitude"
HEADING = "Vehicle.CurrentLocation.Heading"
SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed"
GUIDE_EVERY_S = 0.2
SPEED = "Vehicle.Speed"
# The card shows a stop's "charge here" from this far before it until this far past it (the car parked).
AT_STOP_BEFORE_M = 60.0
AT_STOP_AFTER_M = 150.0


class _Worker(QObject):
    loaded = Signal(object, object, str)  # navigator, layers, attribution
    progress = Signal(int, int)  # OSM objects read, estimated total (importing an .osm.pbf)
    failed = Signal(str)
    routed = Signal(object, object, object)  # route, plan, request id
    route_failed = Signal(str)


class NavigationPanel(Panel):
    key = "navigation"
    icon = "➤"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.nav: Navigator | None = None
        self.route: Route | None = None
        self.plan: EnergyPlan | None = None
        self.guidance: Guidance | None = None
        self.announcer: Announcer | None = None
        self.via_stops: list[ChargingStop] = []
        self.progress: Progress | None = None
        self.destination: tuple[float, float] | None = None
        self.destination_name = ""
        self.text = GuidanceText(ctx.units, self.local, lambda: self.destination_name)
        self._steps_next = -1  # index of the next maneuver the step list starts at
        self._guide_at = 0.0
        self._pending: str | None = None
        self._moved_car = False
        self._car_at: tuple[tuple[float, float], float] | None = None  # drawn at
        self._routing = False
        self._request = 0
        self._target: tuple[int, tuple[float, float], str] | None = None  # request, where, its name
        profile = ctx.session.vehicle.profile
        self.model = EnergyModel.from_params(sim_params(profile.settings if profile else {}))
        self.can_swap = profile.battery_swappable if profile else False
        self.worker = _Worker()
        self.worker.loaded.connect(self._loaded, Qt.ConnectionType.QueuedConnection)
        self.worker.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.worker.progress.connect(self._import_progress, Qt.ConnectionType.QueuedConnection)
        self.worker.routed.connect(self._routed, Qt.ConnectionType.QueuedConnection)
        self.worker.route_failed.connect(self._route_failed, Qt.ConnectionType.QueuedConnection)
        self._build_ui()
        self._load(ctx.session.options.map)

    def title(self) -> str:
        return self.tr("Navigation")

    # -- layout ---------------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        px = self.ctx.px
        self.map = MapView(
            night=self.ctx.theme.name == "dark",
            scale_ui=self.ctx.scale,
            simplified=self.ctx.profile.map_detail == "simplified",
        )
        self.map.setParent(self)
        self.map.user_moved.connect(self._user_moved)
        self.banner = ManeuverCard(self.ctx, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search streets and places"))
        self.search.returnPressed.connect(self._search)
        self.search.textEdited.connect(self._search)
        self.categories = QWidget(self)
        row = QHBoxLayout(self.categories)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(px(6))
        for text, query, icon_name in (
            (self.tr("Charging"), "charging", "charging-pile"),
            (self.tr("Fuel"), "fuel", "gas-station"),
            (self.tr("Parking"), "parking", "parking"),
        ):
            button = QPushButton()
            set_icon(button, icon_name, self.ctx.theme.text, px(20), text=text, missing_text=text)
            button.setStyleSheet(compact_button(self.ctx.scale, px(6)))
            button.clicked.connect(lambda _=False, q=query: self._search_for(q))
            row.addWidget(button)
        self.results = QListWidget(self)
        self.results.itemClicked.connect(self._picked)
        self.results.hide()
        self.steps = QListWidget(self)  # the route's steps from the next one on, its stops among them
        self.steps.setObjectName("navSteps")
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.hide()
        self.trip = QWidget(self)
        self.trip.setObjectName("navTrip")
        trip_row = QHBoxLayout(self.trip)
        trip_row.setContentsMargins(px(12), px(4), px(6), px(4))
        self.trip_text = QLabel()
        self.trip_text.setWordWrap(True)
        trip_row.addWidget(self.trip_text, 1)
        self.charge_button = QPushButton(self.tr("Charge there"))
        self.charge_button.clicked.connect(self.go_charge)
        self.charge_button.hide()
        trip_row.addWidget(self.charge_button)
        self.steps_button = QPushButton(self.tr("Steps"))
        self.steps_button.setCheckable(True)
        self.steps_button.toggled.connect(self._steps_toggled)
        trip_row.addWidget(self.steps_button)
        self.stop_button = QPushButton(self.tr("End"))
        self.stop_button.clicked.connect(self.end_guidance)
        trip_row.addWidget(self.stop_button)
        self.trip.hide()
        self.controls = QWidget(self)
        col = QVBoxLayout(self.controls)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(px(6))
        zoom_in, zoom_out = QPushButton(), QPushButton()
        zoom_in.clicked.connect(lambda: self.map.zoom(1.5))
        zoom_out.clicked.connect(lambda: self.map.zoom(1 / 1.5))
        self.north = QPushButton()
        self.north.setCheckable(True)
        self.north.setChecked(True)
        self.north.setToolTip(self.tr("North up / heading up"))
        self.north.toggled.connect(self._north_toggled)
        self.follow = QPushButton()
        self.follow.setCheckable(True)
        self.follow.setChecked(True)
        self.follow.setToolTip(self.tr("Follow the car"))
        self.follow.toggled.connect(self._follow_toggled)
        side = self.ctx.touch(56)
        t = self.ctx.theme
        for button, icon_name, missing in (
            (zoom_in, "plus", "+"),
            (zoom_out, "minus", "−"),
            (self.north, "compass", self.tr("N")),
            (self.follow, "current-location", "◎"),
        ):
            set_icon(button, icon_name, t.text, px(26), "#ffffff", missing_text=missing)
        for b in (zoom_in, zoom_out, self.north, self.follow):
            b.setStyleSheet(f"padding: 0px; min-width: {side - 2}px; min-height: {side - 2}px;")
            b.setFixedSize(side, side)
            col.addWidget(b)
        self.status = QLabel(self.tr("Loading the map…"), self)
        self.status.setObjectName("navStatus")
        t = self.ctx.theme
        self.setStyleSheet(
            ManeuverCard.style(t.accent, px)
            + f"QWidget#navTrip, QLabel#navStatus {{ background: {t.surface}; border: 1px solid {t.border};"
            f" border-radius: {px(14)}px; }}"
            f"QLabel#navStatus {{ padding: {px(6)}px {px(12)}px; }}"
            f"QLineEdit {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: {px(12)}px;"
            f" padding: {px(8)}px; min-height: {px(30)}px; }}"
            f"QListWidget {{ background: {t.surface}; border: 1px solid {t.border};"
            f" border-radius: {px(12)}px; }}"
            f"QListWidget::item {{ padding: {px(6)}px; }}"
        )
        self.banner.hide()
        # They float over the map on purpose (the layout check leaves their overlap with it alone).
        for widget in (*self._floating(), self.status):
            widget.setProperty("floating", True)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place()

    def _place(self) -> None:
        px = self.ctx.px
        w, h = self.width(), self.height()
        gap = px(10)
        self.map.setGeometry(0, 0, w, h)
        touch = self.ctx.touch(56)
        side = min(px(380), max(px(240), w // 3))
        row_h = self.ctx.touch(48)
        self.search.setGeometry(w - side - gap, gap, side, row_h)
        self.categories.setGeometry(w - side - gap, gap + row_h + px(6), side, row_h)
        results_top = gap + 2 * (row_h + px(6))
        self.results.setGeometry(w - side - gap, results_top, side, min(px(320), h - results_top - gap))
        controls_h = 4 * touch + 3 * px(6)
        # Beside the map buttons, above the trip card.
        steps_h = min(px(420), h - results_top - px(74) - 2 * gap)
        self.steps.setGeometry(w - side - gap, results_top, side - touch - gap, steps_h)
        banner_w = min(px(460), w - side - 3 * gap)
        self.banner.setGeometry(gap, gap, banner_w, self.banner.height_for(banner_w))
        self.controls.setGeometry(w - touch - gap, h - controls_h - gap, touch, controls_h)
        self.map.attribution_inset = touch + gap
        self.trip.setGeometry(gap, h - px(74) - gap, min(px(720), w - px(60) - 3 * gap), px(74))
        trip_shown = not self.trip.isHidden()
        self.map.bottom_inset = px(74) + gap if trip_shown else 0
        self.map.keep_clear = [QRectF(w.geometry()) for w in self._floating() if not w.isHidden()]
        self.status.adjustSize()
        self.status.move(gap, h - self.status.height() - gap - (px(80) if self.trip.isVisible() else 0))
        for widget in (*self._floating(), self.status):
            widget.raise_()

    def _floating(self) -> tuple[QWidget, ...]:
        """The widgets over the map (the status line aside), bottom to top."""
        return self.banner, self.search, self.categories, self.results, self.steps, self.controls, self.trip

    # -- map loading ----------------------------------------------------------------------------------------
    def _load(self, path: str | None) -> None:
        def work() -> None:
            try:
                data = open_map(path, progress=self.worker.progress.emit, content=self.ctx.session.content)
                nav = Navigator(data)
                layers = build_layers(nav.graph, self.ctx.lang)
                _ = nav.places  # the search index, built here rather than on the first keystroke
            except InputError as exc:
                self.worker.failed.emit(exc.line())
                return
            except Exception as exc:  # a map that breaks the importer must not take the head unit down
                self.worker.failed.emit(f"{path}: cannot load the map ({type(exc).__name__}: {exc})")
                return
            self.worker.loaded.emit(nav, layers, attribution(data))

        threading.Thread(target=work, name="cockpit-map-load", daemon=True).start()

    def _loaded(self, nav: Navigator, layers: object, text: str) -> None:
        self.nav = nav
        self.map.set_layers(layers, text)  # type: ignore[arg-type]
        self.status.hide()
        self._car_at = None  # a new map: project the car onto it
        self._update_car()
        self._pending = self.ctx.session.options.destination or ""
        self._start_pending()

    def _start_pending(self) -> None:
        """Once the map is loaded and the car's position known: put the simulated car on the map if it is
        elsewhere (an OSM extract far from the built-in town), then guide to ``--destination``."""
        wanted, nav, here = self._pending, self.nav, self._car_latlon()
        if wanted is None or nav is None or here is None:
            return
        if self._moved_car:
            if not nav.on_map(*here):
                return  # the car's GPS has not caught up with its move yet
        elif self.ctx.session.simulator is not None and not nav.on_map(*here):
            try:
                points, limits = nav.demo_loop()
            except InputError:
                points = []
            if points:
                self.ctx.session.drive_route(points, limits, loop=True)
                self._moved_car = True
                return  # guide from the car's new place once it reports it
        self._pending = None
        if wanted:
            try:
                lat, lon = nav.resolve(wanted, "destination", near=self._car_latlon())
            except InputError as exc:
                self._show_status(exc.line())
                return
            self.navigate_to(lat, lon, wanted)

    def _import_progress(self, done: int, total: int) -> None:
        if self.nav is None:
            percent = min(99, round(100 * done / max(total, 1)))
            self._show_status(self.tr("Importing the map: %1 %").replace("%1", str(percent)))

    def _failed(self, message: str) -> None:
        self._show_status(self.tr("Map not loaded: %1").replace("%1", message))

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setWordWrap(True)
        self.status.setMaximumWidth(max(200, self.width() - self.ctx.px(100)))
        self.status.show()
        self._place()

    # -- position and guidance ------------------------------------------------------------------------------
    def _car_latlon(self) -> tuple[float, float] | None:
        store = self.ctx.session.store
        lat, lon = store.value(LAT), store.value(LON)
        if lat is None or lon is None:
            return None
        return float(lat), float(lon)

    def _update_car(self) -> None:
        """Put the car where it reports itself, from every tick whether this panel is shown or not: the home
        screen's mini map draws this map's car (it stood still, or stayed off the map when the map loaded
        before the first GPS fix, while navigation was hidden)."""
        if self.nav is None:
            return
        here = self._car_latlon()
        heading = float(self.ctx.session.store.value(HEADING, 0.0) or 0.0)
        if here is None or (here, heading) == self._car_at:
            return
        self._car_at = here, heading
        x, y = self.nav.graph.project(*here)
        self.map.set_car(float(x), -float(y), heading)

    def refresh(self, changed: dict[str, SignalValue]) -> None:
        self._update_car()

    def background(self) -> None:
        self._update_car()
        if self._pending is not None:
            self._start_pending()
        now = time.monotonic()
        if self.guidance is None or now - self._guide_at < GUIDE_EVERY_S:
            return
        self._guide_at = now
        here = self._car_latlon()
        if here is None:
            return
        self.progress = progress = self.guidance.update(*here)
        if progress.off_route and not self._routing:
            self._start_route(here, self.destination, reroute=True)  # type: ignore[arg-type]
        elif self.announcer is not None:
            speed = float(self.ctx.session.store.value(SPEED, 0.0) or 0.0)
            prompt = self.announcer.update(progress.along_m, speed)
            if prompt is not None:
                self.say(self.text.prompt(prompt))
        self._show_progress()

    def say(self, text: str) -> None:
        """A guidance prompt, through the assistant's voice (the window's ``speech``) when there is one."""
        speech = self.ctx.extra.get("speech")
        if speech is not None:
            speech.say(text, "prompt", VOICES.get(self.ctx.lang))  # type: ignore[attr-defined]

    # -- search ---------------------------------------------------------------------------------------------
    def _search_for(self, query: str) -> None:
        self.search.setText(query)
        self._search()

    def _search(self) -> None:
        text = self.search.text().strip()
        self.results.clear()
        # A category searched for ("food", "餐厅") shows its markers on the map, which otherwise shows only
        # the driving ones (charging, swap, parking, fuel) below street zoom.
        category = category_of(text) if len(text) >= 2 else None
        self.map.show_categories([category] if category else [])
        if self.nav is None or len(text) < 2:
            self.results.hide()
            return
        places = self.nav.places.search(text, near=self._car_latlon(), limit=12)
        if not places:
            self.results.addItem(self.tr("Nothing found"))
        for place in places:
            item = QListWidgetItem(self._place_text(place))
            item.setData(Qt.ItemDataRole.UserRole, place)
            self.results.addItem(item)
        self.results.show()
        self._place()

    def _place_text(self, place: Place) -> str:
        kind = {
            "street": self.tr("Street"),
            "charging": self.tr("Charging"),
            "fuel": self.tr("Fuel"),
            "parking": self.tr("Parking"),
            "swap": self.tr("Battery swap"),
            "food": self.tr("Food"),
            "hotel": self.tr("Hotel"),
            "shop": self.tr("Shop"),
            "toilets": self.tr("Toilets"),
            "address": self.tr("Address"),
        }.get(place.kind, place.kind)
        distance = "" if place.road_m == float("inf") else f" · {self._distance(place.road_m / 1000)}"
        # How well the name matched what was typed: the list is ranked by it and the road distance.
        match = self.tr("%1 % match").replace("%1", f"{place.score:.0f}")
        return f"{self.local(place.name)}\n{kind}{distance} · {match}"

    def _picked(self, item: QListWidgetItem) -> None:
        place = item.data(Qt.ItemDataRole.UserRole)
        if place is None:
            return
        self.results.hide()
        if place.kind in POI_CATEGORIES:
            self.map.show_categories([place.kind])  # the place picked and others like it stay on the map
        self.navigate_to(place.lat, place.lon, self.local(place.name))

    # -- routing --------------------------------------------------------------------------------------------
    def navigate_to(self, lat: float, lon: float, name: str) -> None:
        here = self._car_latlon()
        if self.nav is None or here is None:
            self._show_status(self.tr("No position yet: waiting for GPS"))
            return
        self._start_route(here, (lat, lon), reroute=False, name=name)

    def _start_route(
        self, here: tuple[float, float], there: tuple[float, float], reroute: bool, name: str = ""
    ) -> None:
        nav = self.nav
        if nav is None:
            return
        self._routing = True
        self._request += 1
        request = self._request
        # The destination becomes this one only once a route there is found: a failed request keeps the
        # route being driven, and its destination (for reroutes and "Arrive at …").
        self._target = (request, there, name if not reroute else self.destination_name)
        soc = self.ctx.session.store.value(SOC)
        # A reroute starts the way the car faces (no U-turn where the road goes on).
        heading = self.ctx.session.store.value(HEADING) if reroute else None

        def work() -> None:
            try:
                route = nav.route(here, there, float(heading) if heading is not None else None)
                plan = self.energy_plan(route, float(soc)) if soc is not None else None
                if plan is not None and plan.route is not None:
                    route = plan.route  # through the charging stops, each with its own guidance
            except InputError as exc:
                self.worker.route_failed.emit(exc.line())
                return
            self.worker.routed.emit(route, plan, request)

        if reroute:
            self._show_status(self.tr("Off the route: finding a new one…"))
        threading.Thread(target=work, name="cockpit-route", daemon=True).start()

    def energy_plan(self, route: Route, soc: float) -> EnergyPlan:
        """The stops this car needs from ``soc``: chargers, and swap stations if its profile says it swaps."""
        assert self.nav is not None
        return self.nav.energy_plan(route, self.model, soc, can_swap=self.can_swap)

    def _routed(self, route: Route, plan: EnergyPlan | None, request: int) -> None:
        self._routing = False
        if request != self._request or self.nav is None:
            return
        if plan is not None and plan.unreachable and self.route is not None:
            # Not even with charging stops: say so and keep the route being driven.
            self._show_status(self.tr("Below the reserve at arrival, and no charging station in reach"))
            return
        if self._target is not None and self._target[0] == request:
            _, self.destination, self.destination_name = self._target
        self.route, self.plan = route, plan
        self.guidance = Guidance(route, self.nav.graph.project)
        # The stops are via points of the route only when it is the plan's route through them.
        self.via_stops = stops = plan.stops if plan is not None and route is plan.route else []
        self.announcer = Announcer(route.maneuvers, stops)
        self.map.stops = [(*self._on_map(st.lat, st.lon), "swap" if st.swap else "charging") for st in stops]
        self._steps_next = -1
        self.map.set_route(route_path(self.nav.graph, route.points))
        self.map.highlight = None
        self.status.hide()
        self.ctx.session.drive_route([tuple(p) for p in route.points], route.speed_limits_kmh(self.nav.graph))
        self.follow.setChecked(True)
        self.map.scale = max(self.map.scale, STREET / 2)
        self._guide_at = 0.0
        self.background()

    def _route_failed(self, message: str) -> None:
        self._routing = False
        self._show_status(message)

    def go_charge(self) -> None:
        """Drive to the suggested charging stop first (the destination is kept for after charging)."""
        stop = self.plan.stop if self.plan is not None else None
        if stop is not None:
            self.navigate_to(stop.lat, stop.lon, self.local(stop.name))

    def end_guidance(self) -> None:
        self.route = self.guidance = self.progress = self.plan = self.announcer = None
        self.via_stops = []
        self.destination = None
        self.map.stops = []
        self.map.set_route(None)
        self.banner.hide()
        self.trip.hide()
        self.steps_button.setChecked(False)
        self._place()

    def _on_map(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = self.nav.graph.project(lat, lon)  # type: ignore[union-attr]
        return float(x), -float(y)

    def _steps_toggled(self, on: bool) -> None:
        if on:
            self.results.hide()
            self._steps_next = -1
            self._fill_steps()
        self.steps.setVisible(on)
        self._place()

    # -- text -----------------------------------------------------------------------------------------------
    def local(self, name: str) -> str:
        """A street or place name in the UI language, where the map has it."""
        return self.nav.data.local_name(name, self.ctx.lang) if self.nav is not None and name else name

    def instruction(self, m: Maneuver) -> str:
        return self.text.instruction(m)

    def _stops_ahead(self) -> list[ChargingStop]:
        """The planned stops the car has not left behind yet."""
        along = self.progress.along_m if self.progress is not None else 0.0
        return [st for st in self.via_stops if st.at_m + AT_STOP_AFTER_M > along]

    def _stop_of(self, m: Maneuver) -> ChargingStop | None:
        if m.type != "arrive" or not m.waypoint:
            return None
        return next((st for st in self.via_stops if abs(st.at_m - m.at_m) < 50.0), None)

    def _show_progress(self) -> None:
        p = self.progress
        if p is None or self.route is None:
            return
        ahead = self._stops_ahead()
        here = ahead[0] if ahead and ahead[0].at_m - AT_STOP_BEFORE_M <= p.along_m else None
        if here is not None:
            # At a charging or swap stop: what to do here, not the next turn.
            m = next(m for m in self.route.maneuvers if m.type == "arrive" and abs(m.at_m - here.at_m) < 50.0)
            note = self.text.arrival_soc(here.arrival_soc)
            self.banner.show_step(icon_for(m, here), self.local(here.name), self.text.at_stop(here), "", note)
        elif p.arrived:
            self.banner.show_step(icon_for(self.route.maneuvers[-1]), "", self.tr("You have arrived"), "", "")
        elif p.next_maneuver is not None:
            m = p.next_maneuver
            stop = self._stop_of(m)
            note = f"{self.text.arrival_soc(stop.arrival_soc)} · {self.text.stop_plan(stop)}" if stop else ""
            self.banner.show_step(
                icon_for(m, stop),
                self._distance(p.to_next_m / 1000),
                self.instruction(m),
                lane_hints(m),
                note,
            )
        if self.banner.isHidden() or self.banner.height() != self.banner.height_for(self.banner.width()):
            self.banner.show()
            self._place()
        eta = time.strftime("%H:%M", time.localtime(time.time() + p.remaining_s))
        parts = [
            self.tr("%1 to go").replace("%1", self._distance(p.remaining_m / 1000)),
            self.tr("%1 min").replace("%1", str(round(p.remaining_s / 60))),
            self.tr("arrive %1").replace("%1", eta),
        ]
        if self.plan is not None:
            parts.append(self.text.arrival_soc(self.plan.arrival_soc))
        text = "  ·  ".join(parts)
        stop = self.plan.stop if self.plan is not None else None
        if ahead:
            text += "\n" + self.text.stop_summary(ahead[0])
        elif stop is not None and not self.via_stops:
            line = self.tr("Charge at %1: %2 min to %3 %").replace("%1", self.local(stop.name))
            line = line.replace("%2", f"{stop.charge_min:.0f}").replace("%3", f"{stop.target_soc:.0f}")
            text += "\n" + line
        elif self.plan is not None and self.plan.needs_charge and not self.via_stops:
            text += "\n" + self.tr("Below the reserve at arrival, and no charging station in reach")
        # Driving there is offered for a stop the route does not go through already.
        self.charge_button.setVisible(stop is not None and not self.via_stops)
        self.trip_text.setText(text)
        if not self.trip.isVisible():
            self.trip.show()
            self._place()
        if self.steps.isVisible():
            self._fill_steps()

    def _fill_steps(self) -> None:
        """The steps from the next one on: what to do, how far after the previous, each stop with the charge
        on arrival and what is done there; the destination with the charge at arrival."""
        route, p = self.route, self.progress
        if route is None:
            return
        along = p.along_m if p is not None else 0.0
        first = next((i for i, m in enumerate(route.maneuvers) if m.at_m > along + 1.0), len(route.maneuvers))
        if first == self._steps_next:
            return
        self._steps_next = first
        self.steps.clear()
        px = self.ctx.px
        previous = along
        for m in route.maneuvers[first:]:
            if m.type == "depart":
                continue  # leaving a stop: its arrival row says what is done there
            stop = self._stop_of(m)
            lines = [self.instruction(m), self._distance((m.at_m - previous) / 1000)]
            if stop is not None:
                lines[1] += " · " + self.text.arrival_soc(stop.arrival_soc)
                lines.append(self.text.stop_plan(stop))
            elif m is route.maneuvers[-1] and self.plan is not None:
                lines[1] += " · " + self.text.arrival_soc(self.plan.arrival_soc)
            hints = lane_hints(m)
            if hints:
                lines.append(hints)
            item = QListWidgetItem("\n".join(lines))
            image = pixmap(icon_for(m, stop)[0], self.ctx.theme.text, px(28))
            if image is not None:
                item.setIcon(QIcon(image))
            item.setData(Qt.ItemDataRole.UserRole, m)
            self.steps.addItem(item)
            previous = m.at_m

    def _distance(self, km: float) -> str:
        return self.text.distance(km)

    # -- view controls --------------------------------------------------------------------------------------
    def _user_moved(self) -> None:
        self.follow.blockSignals(True)
        self.follow.setChecked(False)
        self.follow.blockSignals(False)

    def _follow_toggled(self, on: bool) -> None:
        self.map.follow = on
        if on and self.map.car is not None:
            self.map.center = QPointF(self.map.car[0], self.map.car[1])
        self.map.update()

    def _north_toggled(self, north_up: bool) -> None:
        self.map.heading_up = not north_up
        # Compass while north is up, the car's arrow while the map turns with the heading.
        name, glyph = ("compass", self.tr("N")) if north_up else ("navigation", "⬆")
        set_icon(self.north, name, self.ctx.theme.text, self.ctx.px(26), "#ffffff", missing_text=glyph)
        self.map.update()

    def zoom_to(self, scale: float) -> None:
        self.map.scale = max(CITY / 2, scale)
        self.map.update()
