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
    assert PI.voice_engine(available_mb=900) == "whisper"
    assert PI.voice_engine(available_mb=400) == "pocketsphinx"
    assert DESKTOP.voice_engine(available_mb=400) == "whisper"
    # The Pi says which engine it picked and why.
    assert "400 MB free: pocketsphinx (Whisper wants 600 MB)" in PI.voice_choice(available_mb=400)[1]
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

    kept = {}
    for profile in (DESKTOP, PI):
        store = Session(SessionOptions(use_can_config=False, history_hz=profile.history_hz)).store
        for k in range(1000):  # 10 s of speed at 100 Hz, as the bus sends it
            store.update("Vehicle.Speed", float(k % 120), k * 0.01)
        times, _ = store.history("Vehicle.Speed")
        kept[profile.name] = len(times)
    # 20 Hz and 5 Hz (a point is kept once the gap reaches 1/hz; 10 ms steps make it a little fewer).
    assert 160 <= kept["desktop"] <= 200
    assert 40 <= kept["pi"] <= 50
    assert kept["desktop"] >= 3.5 * kept["pi"]


def test_the_pi_profile_picks_the_small_voice_engine_when_memory_is_short(monkeypatch) -> None:
    import argparse

    import cockpit.runtime_profile as rp
    from cockpit.cli.run import voice_options

    args = argparse.Namespace(
        voice_engine="auto",
        no_voice=False,
        vosk_model=None,
        intents=[],
        no_speak=False,
        mic=None,
        no_wake=False,
    )
    monkeypatch.setattr(rp, "available_memory_mb", lambda: 350.0)
    assert voice_options(args, PI).engine == "pocketsphinx"
    assert voice_options(args, DESKTOP).engine == "auto"
    monkeypatch.setattr(rp, "available_memory_mb", lambda: 3000.0)
    assert voice_options(args, PI).engine == "auto"  # the best engine installed


def test_a_cgroup_memory_limit_bounds_what_is_available(tmp_path: Path) -> None:
    from cockpit.runtime_profile import _cgroup_room_mb

    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal: 8000000 kB\nMemAvailable: 6000000 kB\n")
    root = tmp_path / "cg"
    (root / "memory" / "pi").mkdir(parents=True)
    (root / "memory" / "pi" / "memory.limit_in_bytes").write_text(str(1 << 30))
    (root / "memory" / "pi" / "memory.usage_in_bytes").write_text(str(200 << 20))
    cgroup = tmp_path / "cgroup"
    cgroup.write_text("9:memory:/pi\n8:cpu,cpuacct:/pi\n")
    assert _cgroup_room_mb(cgroup, root) == 824.0
    (root / "app").mkdir()
    (root / "app" / "memory.max").write_text("max\n")
    (root / "app" / "memory.current").write_text("1000\n")
    cgroup.write_text("0::/app\n")
    assert _cgroup_room_mb(cgroup, root) is None  # unlimited
    # This very process: whatever the machine gives it is a positive number of MB.
    assert available_memory_mb(meminfo) is not None
