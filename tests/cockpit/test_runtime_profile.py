from pathlib import Path

import pytest

from cockpit.runtime_profile import DESKTOP, PI, available_memory_mb, choose_profile
from vehicle_bus.errors import InputError


def test_auto_chooses_pi_on_arm_and_desktop_elsewhere() -> None:
    assert choose_profile("auto", machine="aarch64") is PI
    assert choose_profile("auto", machine="armv7l") is PI
    assert choose_profile("auto", machine="x86_64") is DESKTOP
    assert choose_profile("pi", machine="x86_64") is PI


def test_pi_profile_works_less() -> None:
    assert PI.ui_hz == 30 < DESKTOP.ui_hz
    assert PI.history_hz < DESKTOP.history_hz and PI.plot_every_s > DESKTOP.plot_every_s
    assert PI.map_detail == "simplified" and not PI.animations


def test_voice_engine_follows_free_memory(tmp_path: Path) -> None:
    assert PI.voice_engine(available_mb=2000) == "vosk"
    assert PI.voice_engine(available_mb=400) == "pocketsphinx"
    assert DESKTOP.voice_engine(available_mb=400) == "vosk"
    meminfo = tmp_path / "meminfo"
    meminfo.write_text(
        "MemTotal:        3906552 kB\nMemFree:          123456 kB\nMemAvailable:     512000 kB\n"
    )
    assert available_memory_mb(meminfo) == 500.0
    assert available_memory_mb(tmp_path / "missing") is None


def test_unknown_profile_is_one_line() -> None:
    with pytest.raises(InputError, match="Use auto, desktop or pi"):
        choose_profile("turbo")


def test_run_with_profile_pi_keeps_less_history() -> None:
    from cockpit.session import Session, SessionOptions

    session = Session(SessionOptions(use_can_config=False, history_hz=PI.history_hz))
    assert session.store._history_hz == PI.history_hz
