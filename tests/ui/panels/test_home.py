from __future__ import annotations

from cockpit.cli.run import open_session
from cockpit.session import SessionOptions
from ui.app import Look, build_window
from ui.panels.home import HomePanel

from ..conftest import pump_events, wait_until


def test_home_is_the_first_panel_with_map_battery_climate_and_tiles(qtbot, tmp_path) -> None:
    session = open_session(
        SessionOptions(use_can_config=False, destination="Central Car Park", music=str(tmp_path / "none"))
    )
    try:
        window = build_window(session, Look(size=(800, 480)))
        qtbot.addWidget(window)
        window.show()
        window.start()
        home = window.panel("home")
        assert isinstance(home, HomePanel) and window.current == 0

        def ticked() -> bool:
            session.tick()
            pump_events(0.02)
            return home._layers_shown and home.map.car is not None and "%" in home.ring_text()

        assert wait_until(ticked, timeout=30), (
            f"map shown {home._layers_shown}, car {home.map.car}, battery {home.ring_text()!r}"
        )
        assert wait_until(lambda: (session.tick(), home.maneuver.text() != "No route")[1], timeout=30)
        # Guided, the car drives: the mini map's car moves with it while the navigation panel stays hidden.
        parked_at = home.map.car
        assert wait_until(lambda: ticked() and home.map.car != parked_at, timeout=30), "the car stood still"
        assert home.map.car == window.panel("navigation").map.car
        assert "°" in home.climate.text()
        assert home.song.text() == "Nothing playing"
        tile = next(b for b in home.findChildren(type(home.play)) if b.text() == "Media")
        tile.click()
        assert window.panel_keys[window.current] == "media"
        assert window.height() <= 480
        window.close()  # before its session: a closed window ticks no more
        assert not window.timer.isActive() and not window.media.timer.isActive()
    finally:
        session.close()
