from __future__ import annotations

import logging
from pathlib import Path

import pytest

from cockpit.media.volume import MAX_LEVEL, DuckReason, VolumePolicy


def test_level_is_clamped_and_choosing_a_level_unmutes() -> None:
    v = VolumePolicy()
    assert v.set_level(99) == MAX_LEVEL and v.quieter(20) == 0
    v.set_level(5)
    v.toggle_mute()
    assert v.gain() == 0.0
    assert v.louder() == 6 and not v.muted and v.gain() > 0


def test_ducking_lowers_once_for_several_reasons_and_returns() -> None:
    v = VolumePolicy(level=8)
    full = v.gain()
    v.duck(DuckReason.ASSISTANT_LISTENING, True)
    v.duck(DuckReason.NAVIGATION_PROMPT, True)
    ducked = v.gain()
    assert 0 < ducked < full / 3
    v.duck(DuckReason.ASSISTANT_LISTENING, False)
    assert v.gain() == pytest.approx(ducked)
    v.duck(DuckReason.NAVIGATION_PROMPT, False)
    assert v.gain() == pytest.approx(full)


def test_speed_compensation_is_louder_when_fast_only_when_on() -> None:
    v = VolumePolicy(level=5, speed_kmh=120)
    still = v.gain()
    v.speed_compensation = True
    assert v.gain() > still
    assert VolumePolicy(level=0, speed_compensation=True, speed_kmh=120).gain() == 0.0


def test_level_and_mute_are_kept_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "media.json"
    v = VolumePolicy()
    v.set_level(7)
    v.toggle_mute()
    v.save(path)
    again = VolumePolicy.load(path)
    assert (again.level, again.muted) == (7, True)


def test_a_damaged_settings_file_gives_defaults_and_one_line(tmp_path: Path, caplog) -> None:
    path = tmp_path / "media.json"
    path.write_text("{level: loud")
    with caplog.at_level(logging.WARNING):
        v = VolumePolicy.load(path)
    assert v.level == VolumePolicy().level
    assert len(caplog.records) == 1 and "media.json" in caplog.records[0].getMessage()
