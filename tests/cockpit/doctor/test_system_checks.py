"""The doctor's machine checks: audio, display, writable folders, platform limits, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

from cockpit.cli.main import main
from cockpit.doctor.system_checks import check_audio, check_platform, check_writable


def test_audio_on_this_machine_says_what_is_missing() -> None:
    checks = check_audio()
    failed = [c for c in checks if c.status == "fail"]
    # No sound card here: sounddevice, PortAudio or the microphone is missing, and the fix says which.
    assert failed, checks
    fixes = " ".join(c.fix for c in failed)
    assert any(hint in fixes for hint in ("pip install sounddevice", "libportaudio2", "USB microphone"))


def test_audio_devices_are_listed_by_direction() -> None:
    devices = [
        {"name": "USB PnP Sound Device", "max_input_channels": 1, "max_output_channels": 0},
        {"name": "bcm2835 Headphones", "max_input_channels": 0, "max_output_channels": 2},
    ]
    mic, speaker = check_audio(lambda: devices)
    assert (mic.status, speaker.status) == ("ok", "ok")
    assert "USB PnP" in mic.detail and "Headphones" in speaker.detail
    (no_mic, _) = check_audio(lambda: devices[1:])
    assert no_mic.status == "fail" and "no audio input device" in no_mic.detail


def test_a_read_only_folder_is_reported_with_a_way_out() -> None:
    (check,) = check_writable([("user data folder", Path("/proc/smart-cockpit-doctor"))])
    assert check.status == "fail" and "not writable" in check.detail and "XDG_DATA_HOME" in check.fix


def test_bookworm_glibc_on_arm_is_a_warning_with_the_pyside6_it_gets() -> None:
    checks = check_platform("aarch64", ("glibc", "2.36"))
    assert checks[0].detail.startswith("aarch64") and "profile pi" in checks[0].detail
    assert checks[1].status == "warn" and "6.8.0.2" in checks[1].detail
    assert check_platform("aarch64", ("glibc", "2.28"))[1].status == "fail"
    assert len(check_platform("aarch64", ("glibc", "2.41"))) == 1


def test_doctor_json_has_every_check(capsys) -> None:
    code = main(["doctor", "--can", "virtual:doctor-json", "--listen", "0.2", "--json"])
    out = json.loads(capsys.readouterr().out)
    names = [c["name"] for c in out["checks"]]
    assert names[0] == "CAN frames" and "platform" in names and "user data folder" in names
    assert "Qt platform" in names and "fonts" in names
    assert out["failed"] == sum(c["status"] == "fail" for c in out["checks"])
    assert code == (1 if out["failed"] else 0)


def test_map_cache_lists_imported_regions(tmp_path: Path) -> None:
    from cockpit.doctor.system_checks import check_map_cache

    (none,) = check_map_cache(tmp_path)
    assert none.status == "warn" and "built-in town" in none.detail and "cockpit map import" in none.fix
    (tmp_path / "monaco-latest.navmap.npz").write_bytes(b"\0" * 2048)
    (found,) = check_map_cache(tmp_path)
    assert found.status == "ok" and "monaco-latest" in found.detail


def test_voice_models_are_found_the_way_vosk_finds_them(tmp_path: Path, monkeypatch) -> None:
    from cockpit.doctor.system_checks import check_voice_models

    monkeypatch.setenv("VOSK_MODEL_PATH", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    vosk, sphinx = check_voice_models("en")
    assert vosk.status == "warn" and str(tmp_path) in vosk.detail and "cockpit voice download en" in vosk.fix
    assert sphinx.status == "ok" and sphinx.detail.endswith("en-us")
    # The Korean model the tests install from PyPI is found like any other.
    (korean, _) = check_voice_models("ko")
    assert korean.status == "ok" and "model" in korean.detail
