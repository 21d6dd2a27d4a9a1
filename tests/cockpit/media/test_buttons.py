from __future__ import annotations

import time
from pathlib import Path

from cockpit.media.buttons import BUTTON, PRESSES, ButtonWatcher
from cockpit.media.controller import MediaController
from cockpit.session import Session, SessionOptions

from .conftest import FakeOutput


def test_each_counter_step_is_one_press_and_the_first_value_is_not(tmp_path: Path) -> None:
    c = MediaController(settings=tmp_path / "m.json", output=FakeOutput)
    w = ButtonWatcher(c)
    start = c.now_playing().level
    assert w.update("VOLUME_UP", 7) == []  # the state at start-up
    assert w.update("VOLUME_UP", 9) == ["VOLUME_UP", "VOLUME_UP"]
    assert c.now_playing().level == start + 2
    assert w.update("VOLUME_UP", 9) == []
    assert w.update("MUTE", 10) == ["MUTE"] and c.now_playing().muted
    assert w.update("VOLUME_DOWN", 1) == ["VOLUME_DOWN"]  # 10 → 1 wraps: 7 steps, a jump, acts once
    assert w.update("NONE", 2) == [] and w.update("UNKNOWN", 3) == []


def test_the_demo_car_sends_its_steering_wheel_buttons(tmp_path: Path) -> None:
    session = Session(SessionOptions(use_can_config=False))
    session.start()
    try:
        c = MediaController(settings=tmp_path / "m.json", output=FakeOutput)
        w = ButtonWatcher(c)
        store = session.store

        def seen(predicate, timeout: float = 10.0) -> bool:
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                session.tick()
                if predicate():
                    return True
                time.sleep(0.02)
            return False

        assert seen(lambda: store.value(PRESSES) is not None)
        w.update(store.value(BUTTON), store.value(PRESSES))
        level = c.now_playing().level
        session.simulator.car.press_media_button(4)  # VOLUME_DOWN
        assert seen(lambda: store.value(BUTTON) == "VOLUME_DOWN")
        assert w.update(store.value(BUTTON), store.value(PRESSES)) == ["VOLUME_DOWN"]
        assert c.now_playing().level == level - 1
    finally:
        session.close()
