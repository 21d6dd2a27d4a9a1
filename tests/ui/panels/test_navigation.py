"""The navigation panel on the running simulated car: the built-in map loads off the UI thread, search
finds charging stations by road distance, a route starts guidance, the simulated car drives it, the
banner counts down; an OSM map shows its attribution, and restaurants once the driver searches for them;
a broken map file is one line and the panel lives."""

from __future__ import annotations

import dataclasses
import itertools
import re
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from cockpit.navigation.builtin_town import grid_latlon
from cockpit.navigation.search import Place
from cockpit.session import Session, SessionOptions
from ui.context import UiContext
from ui.panels.navigation import NavigationPanel
from ui.theme import DARK
from ui.units import Units

from ..conftest import pump_events


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


# Map loads and routes run on worker threads: seconds alone, more on two shared cores (pytest-qt's
# default limit is 5 s).
WAIT_MS = 60_000


def _delivered(check) -> bool:
    # Deliver the worker threads' queued signals even when an earlier test left the application after
    # exec()/quit() (the screenshot tests do): Qt then stops processing events in qWait, posted ones too.
    QCoreApplication.sendPostedEvents()
    return bool(check())


def _panel(qtbot, ctx: UiContext) -> NavigationPanel:
    panel = NavigationPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 600)
    panel.show()
    loading = panel.status.text()
    qtbot.waitUntil(
        lambda: _delivered(lambda: panel.nav is not None or panel.status.text() != loading), timeout=WAIT_MS
    )
    return panel


def test_search_route_and_guidance_on_the_builtin_town(qtbot, ctx, run_session) -> None:
    panel = _panel(qtbot, ctx)
    assert panel.nav is not None, panel.status.text()
    assert panel.map.attribution == ""
    run_session(1.0, lambda: panel.refresh(ctx.session.store.snapshot()))
    assert panel.map.car is not None  # the car from the CAN GPS signals
    panel._search_for("charging")
    assert panel.results.count() == 6
    first = panel.results.item(0).data(0x0100)
    assert "Charging" in panel.results.item(0).text() and "100 % match" in panel.results.item(0).text()
    panel._search_for("swap")
    assert panel.results.item(0).text().startswith("West Gate Power Swap\nBattery swap")
    panel._search_for("charging")
    panel.navigate_to(first.lat, first.lon, first.name)
    qtbot.waitUntil(lambda: _delivered(lambda: panel.route is not None), timeout=WAIT_MS)
    # Planned from the car's live charge (the store's displayed SoC, as the car reports it).
    live = ctx.session.store.value("Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed")
    assert live is not None and panel.plan.start_soc == pytest.approx(float(live), abs=0.5)
    # The simulated car now drives the route the panel computed.
    assert ctx.session.simulator.car.route.points[-1] == pytest.approx(tuple(panel.route.points[-1]))
    run_session(2.0, lambda: (panel.refresh(ctx.session.store.snapshot()), panel.background()))
    assert panel.banner.isVisible() and panel.trip.isVisible()
    assert "to go" in panel.trip_text.text() and "% at arrival" in panel.trip_text.text()
    before = panel.progress.remaining_m
    run_session(2.0, lambda: (panel.refresh(ctx.session.store.snapshot()), panel.background()))
    assert panel.progress.remaining_m < before
    assert not panel.progress.off_route
    image = QImage(panel.size(), QImage.Format.Format_RGB32)
    panel.render(image)
    route_blue = sum(
        1 for x in range(0, 1280, 8) for y in range(0, 600, 8) if image.pixelColor(x, y).name() == "#3d8bff"
    )
    assert route_blue > 10  # the route line (and the banner) are drawn
    panel.end_guidance()
    assert not panel.banner.isVisible()


def _ctx_with(qapp, options: SessionOptions) -> tuple[Session, UiContext]:
    session = Session(options)
    session.start()
    return session, UiContext(session, DARK, Units(), session.commands)


def test_osm_map_shows_attribution(qtbot, qapp, monaco_map: Path) -> None:
    session, ctx = _ctx_with(qapp, SessionOptions(use_can_config=False, map=str(monaco_map)))
    try:
        panel = _panel(qtbot, ctx)
        assert panel.map.attribution == "© OpenStreetMap contributors"
        assert len(panel.nav.data.pois_in("charging")) == 11
        # The simulated car was in the built-in town, far from Monaco: it is moved onto Monaco's roads.
        end = time.monotonic() + 60
        while time.monotonic() < end and not panel.nav.on_map(*(panel._car_latlon() or (0.0, 0.0))):
            session.tick()
            panel.background()
            pump_events(0.02)
        lat, lon = panel._car_latlon()
        assert 43.72 < lat < 43.76 and 7.40 < lon < 7.45
    finally:
        session.close()


def test_searching_a_food_word_puts_restaurants_on_the_monaco_map(qtbot, qapp, monaco_map: Path) -> None:
    session, ctx = _ctx_with(qapp, SessionOptions(use_can_config=False, map=str(monaco_map)))
    try:
        panel = _panel(qtbot, ctx)
        panel.map.center = panel.map.layers.extent.center()  # the middle of Monaco, wherever the car is

        def food_markers() -> int:
            return sum(m.count for m in panel.map.markers(panel.map.transform()) if "food" in m.categories)

        assert food_markers() == 0  # a car map shows where to drive: parking, charging, fuel
        panel._search_for("restaurant")
        assert food_markers() > 20
        panel._search_for("")
        assert food_markers() == 0
    finally:
        session.close()


def test_broken_map_is_one_line_and_the_panel_lives(qtbot, qapp, tmp_path: Path) -> None:
    broken = tmp_path / "broken.osm.pbf"
    broken.write_bytes(b"garbage" * 100)
    session, ctx = _ctx_with(qapp, SessionOptions(use_can_config=False, map=str(broken)))
    try:
        panel = _panel(qtbot, ctx)
        assert panel.nav is None
        assert "not a readable OSM file" in panel.status.text()
        panel._search_for("charging")  # no map: nothing happens, nothing breaks
        assert not panel.results.isVisible()
    finally:
        session.close()


def test_drag_and_wheel_stop_following_and_zoom(qtbot, ctx, run_session) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtTest import QTest

    panel = _panel(qtbot, ctx)
    run_session(0.5, lambda: panel.refresh(ctx.session.store.snapshot()))
    view = panel.map
    assert view.follow and panel.follow.isChecked()
    before = QPointF(view.center)
    QTest.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))
    QTest.mouseMove(view, QPoint(500, 250))
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(500, 250))
    assert not view.follow and not panel.follow.isChecked()
    assert view.center.x() > before.x()  # dragging left shows what lies east
    scale = view.scale
    wheel = QWheelEvent(
        QPointF(640, 300),
        QPointF(640, 300),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(wheel)
    assert view.scale == pytest.approx(scale * 1.25**2)
    panel.follow.setChecked(True)
    assert view.follow
    north_up_icon = panel.north.icon().pixmap(26, 26).toImage()
    panel.north.setChecked(False)  # heading up
    assert view.heading_up
    # The button swaps its icon (compass, then the car's arrow) and never gains a glyph beside it.
    assert panel.north.text() == "" and panel.north.icon().pixmap(26, 26).toImage() != north_up_icon
    image = QImage(view.size(), QImage.Format.Format_RGB32)
    view.render(image)  # draws turned without error


def test_charging_stop_suggestion_leads_there(qtbot, ctx, run_session) -> None:
    panel = _panel(qtbot, ctx)
    run_session(0.5, lambda: panel.refresh(ctx.session.store.snapshot()))
    here = panel._car_latlon()
    # Not a charger (arriving low at one needs no stop): a street corner of the town a few km away.
    far = Place("corner", "street", *grid_latlon(17, 17))
    route = panel.nav.route(here, (far.lat, far.lon))
    # A battery too low for the trip: the plan suggests a stop and the button routes there.
    plan = panel.nav.energy_plan(route, panel.model, soc=10.05, reserve=10.0)
    assert plan.stop is not None
    panel.destination_name = far.name
    panel._routed(route, plan, panel._request)
    assert panel.charge_button.isVisible()
    assert plan.stop.name in panel.trip_text.text()
    panel.go_charge()
    qtbot.waitUntil(lambda: _delivered(lambda: panel.route is not route), timeout=WAIT_MS)
    end = panel.route.points[-1]
    assert panel.nav.graph.snap(plan.stop.lat, plan.stop.lon).distance_m < 100
    assert abs(end[0] - plan.stop.lat) < 0.001 and abs(end[1] - plan.stop.lon) < 0.001


def test_guidance_through_a_charging_stop_and_lane_hints(qtbot, ctx, run_session) -> None:
    panel = _panel(qtbot, ctx)
    run_session(0.5, lambda: panel.refresh(ctx.session.store.snapshot()))
    route = panel.nav.route(panel._car_latlon(), grid_latlon(17, 17))
    plan = panel.nav.energy_plan(route, panel.model, soc=10.05, reserve=10.0)
    assert plan.route is not None and plan.stop is not None
    via = next(m for m in plan.route.maneuvers if m.type == "arrive" and m.waypoint)
    assert panel.instruction(via) == f"Arrive at {plan.stop.name}"
    turn = next(m for m in plan.route.maneuvers if m.type == "turn")
    turn.lanes = [{"indications": ["left"], "valid": True}, {"indications": ["through"], "valid": False}]
    panel.destination_name = "corner"
    panel._routed(plan.route, plan, panel._request)
    panel.progress = dataclasses.replace(panel.guidance.update(*plan.route.points[0]), next_maneuver=turn)
    panel._show_progress()
    assert panel.banner.text().endswith("↰  ·")
    assert panel.banner.icon_name == "corner-up-left"


def test_an_unreachable_destination_keeps_the_route_being_driven(qtbot, ctx, run_session) -> None:
    panel = _panel(qtbot, ctx)
    run_session(0.5, lambda: panel.refresh(ctx.session.store.snapshot()))
    here = panel._car_latlon()
    first = panel.nav.route(here, grid_latlon(17, 17))
    panel._routed(first, panel.nav.energy_plan(first, panel.model, soc=80), panel._request)
    other = panel.nav.route(here, grid_latlon(3, 17))
    hopeless = panel.nav.energy_plan(other, panel.model, soc=0.5, reserve=10.0)
    assert hopeless.unreachable and hopeless.arrival_soc >= 0
    panel._routed(other, hopeless, panel._request)
    assert panel.route is first
    assert "no charging station in reach" in panel.status.text()


def _prompt_speech(tmp_path: Path):
    """A real Speaker on espeak-ng writing to a WAV file (no audio device needed), as the window wires it."""
    from ui.speech import SpeechOutput
    from voice.reply.tts import Speaker

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed")
    wav = tmp_path / "prompt.wav"
    speech = SpeechOutput(Speaker(backend="espeak-ng", wav_out=str(wav)))
    heard: list[tuple[str, str]] = []
    speaking: list[bool] = []
    speech.said.connect(lambda text, kind: heard.append((text, kind)))
    speech.speaking_changed.connect(speaking.append)
    return speech, wav, heard, speaking


def _turn_soon(panel: NavigationPanel) -> tuple[float, float]:
    """A destination whose route turns 150-400 m ahead of the car (the car drives in real time here)."""
    here = panel._car_latlon()
    for i, j in itertools.product(range(20), range(20)):
        there = grid_latlon(i, j)
        steps = [m for m in panel.nav.route(here, there).maneuvers if m.type != "depart"]
        if len(steps) >= 2 and 150 <= steps[0].at_m <= 400:
            return there
    pytest.fail("no route from the car turns within 400 m")


@pytest.mark.slow  # the simulated car drives to the first turn in real time
def test_guidance_is_spoken_through_the_assistants_voice(qtbot, ctx, run_session, tmp_path: Path) -> None:
    speech, wav, heard, speaking = _prompt_speech(tmp_path)
    ctx.extra["speech"] = speech
    panel = _panel(qtbot, ctx)
    run_session(0.5, lambda: panel.refresh(ctx.session.store.snapshot()))
    panel.navigate_to(*_turn_soon(panel), "Corner")
    qtbot.waitUntil(lambda: _delivered(lambda: panel.route is not None), timeout=WAIT_MS)

    def each() -> None:
        panel.refresh(ctx.session.store.snapshot())
        panel.background()
        speech.tick()

    end = time.monotonic() + 30
    while not heard and time.monotonic() < end:
        run_session(0.2, each)
    assert heard, "no prompt on the first stretch of the route"
    text, kind = heard[0]
    assert kind == "prompt"
    assert re.fullmatch(r"In \d+ (metres|kilometres), .+|.+ now|.+, then .+", text), text
    # Said once: driving on does not repeat it.
    run_session(0.6, each)
    assert [t for t, _ in heard].count(text) == 1
    # espeak-ng really spoke it (to the file), and the ducking hook saw speech start and end.
    qtbot.waitUntil(lambda: (speech.tick(), speaking[-1:] == [False])[1], timeout=WAIT_MS)
    assert speaking[0] is True and wav.stat().st_size > 20_000


def test_prompts_and_the_stop_in_chinese_with_the_chinese_voice(qtbot, qapp, ctx, tmp_path: Path) -> None:
    from cockpit.navigation.announce import Prompt
    from ui.app import install_translation

    speech, wav, heard, _ = _prompt_speech(tmp_path)
    ctx.extra["speech"] = speech
    ctx.lang = "zh"
    install_translation(qapp, "zh")
    try:
        panel = _panel(qtbot, ctx)
        here = grid_latlon(2, 2)
        plan = panel.nav.energy_plan(panel.nav.route(here, grid_latlon(17, 17)), panel.model, 10.05, 10.0)
        stop = plan.stops[0]
        arrive = next(m for m in plan.route.maneuvers if m.waypoint)
        turn = next(m for m in plan.route.maneuvers if m.type == "turn" and m.modifier in ("left", "right"))
        near = panel.text.prompt(Prompt("near", turn, 300.0))
        assert near.startswith("300米后，") and ("左转" in near or "右转" in near)
        at_stop = panel.text.prompt(Prompt("now", arrive, 0.0, stop=stop))
        assert at_stop.startswith("已到达") and f"请在此充电{stop.charge_min:.0f}分钟" in at_stop
        panel.say(at_stop)
        assert heard == [(at_stop, "prompt")]
        assert speech.speaker._current.args[1:3] == ["-v", "cmn"]  # espeak-ng's Mandarin voice
        qtbot.waitUntil(lambda: not speech.speaker.speaking, timeout=WAIT_MS)
        assert wav.stat().st_size > 20_000
    finally:
        install_translation(qapp, "en")


def test_stops_on_the_card_the_step_list_and_the_map(qtbot, ctx, run_session) -> None:
    panel = _panel(qtbot, ctx)
    run_session(0.5, lambda: panel.refresh(ctx.session.store.snapshot()))
    route = panel.nav.route(panel._car_latlon(), grid_latlon(17, 17))
    plan = panel.nav.energy_plan(route, panel.model, soc=10.05, reserve=10.0)
    stop = plan.stops[0]
    panel.destination_name = "Corner"
    panel._routed(plan.route, plan, panel._request)
    assert panel.map.stops == [(*panel._on_map(stop.lat, stop.lon), "charging")]
    guide = panel.guidance

    def at(along: float) -> None:
        guide.along_m = max(0.0, along - 30)
        lat = float(np.interp(along, plan.route.cum_m, plan.route.points[:, 0]))
        lon = float(np.interp(along, plan.route.cum_m, plan.route.points[:, 1]))
        panel.progress = guide.update(lat, lon)
        panel._show_progress()

    at(stop.at_m - 300)  # on the way: the stop is the next step, with what will be done there
    card = panel.banner.text()
    assert f"Arrive at {stop.name}" in card and f"{stop.arrival_soc:.0f} % at arrival" in card
    assert f"charge {stop.charge_min:.0f} min to {stop.target_soc:.0f} %" in card
    panel.steps_button.setChecked(True)
    rows = [panel.steps.item(i).text() for i in range(panel.steps.count())]
    assert panel.steps.isVisible() and rows[0].startswith(f"Arrive at {stop.name}")
    assert "depart" not in rows and rows[-1].startswith("Arrive at Corner")
    assert f"{plan.arrival_soc:.0f} % at arrival" in rows[-1]
    at(stop.at_m + 20)  # at the stop: what to do here
    assert f"Charge here for {stop.charge_min:.0f} min (to {stop.target_soc:.0f} %)" in panel.banner.text()
    assert panel.banner.icon_name == "charging-pile"
    assert not panel.charge_button.isVisible()  # the route already goes there
    panel.end_guidance()
    assert panel.map.stops == [] and not panel.steps.isVisible()


def test_no_route_says_why_and_keeps_the_route_being_driven(qtbot, ctx, run_session, monkeypatch) -> None:
    from cockpit.navigation.navigator import Navigator

    from ...cockpit.navigation.small_maps import at, small_map

    panel = _panel(qtbot, ctx)
    run_session(0.5, lambda: panel.refresh(ctx.session.store.snapshot()))
    panel.navigate_to(*grid_latlon(17, 17), "Corner")
    qtbot.waitUntil(lambda: _delivered(lambda: panel.route is not None), timeout=WAIT_MS)
    driving, destination = panel.route, panel.destination
    # The car is now (say) inside a lane entered by a one-way road only: nothing leads out.
    islands: Navigator = small_map(
        [
            {"pts": [(0, 0), (500, 0), (1000, 0)], "name": "Main Road"},
            {"pts": [(500, 0), (500, 300)], "name": "Way In", "oneway": 1},
            {"pts": [(500, 300), (800, 300)], "name": "Closed Lane"},
        ]
    )
    real_nav = panel.nav
    monkeypatch.setattr(panel, "nav", islands)
    monkeypatch.setattr(panel, "_car_latlon", lambda: at(700, 300))
    panel.navigate_to(*at(900, 0), "Main Road")
    qtbot.waitUntil(lambda: _delivered(lambda: not panel._routing), timeout=WAIT_MS)
    assert "the start is in a closed-off area" in panel.status.text() and panel.status.isVisible()
    assert panel.route is driving and panel.destination == destination and panel.destination_name == "Corner"
    monkeypatch.setattr(panel, "nav", real_nav)


def test_the_head_unit_plans_swaps_for_a_car_that_swaps(qtbot, ctx) -> None:
    """The demo BEV's profile says it swaps: the panel's plans count the town's swap station among the
    stations it can stop at (which of a swap and a charge wins is tested on the long corridor,
    tests/cockpit/navigation/test_charging_plan.py)."""
    panel = _panel(qtbot, ctx)
    assert ctx.session.vehicle.profile.battery_swappable
    route = panel.nav.route(grid_latlon(2, 2), grid_latlon(17, 17))
    stations = lambda plan: int(plan.unreachable.split("stops at the ")[1].split()[0])  # noqa: E731
    chargers_only = panel.nav.energy_plan(route, panel.model, 0.5)
    assert stations(panel.energy_plan(route, 0.5)) == stations(chargers_only) + 1
