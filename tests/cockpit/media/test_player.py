"""Playback through a fake output that pulls blocks the way PortAudio's callback does, without a device."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cockpit.media.cache import open_library
from cockpit.media.catalog import MusicCatalog
from cockpit.media.controller import MediaController
from cockpit.media.player import PlaybackError
from cockpit.media.queue import Repeat
from cockpit.media.volume import DuckReason

from .conftest import FakeOutput, write_m4a


def no_device(*_args) -> FakeOutput:
    raise PlaybackError("no audio output (no default device); check `cockpit doctor` and the sound settings")


@pytest.fixture
def controller(tmp_path: Path) -> MediaController:
    FakeOutput.instances.clear()
    c = MediaController(settings=tmp_path / "cfg" / "media.json", output=FakeOutput, seed=1)
    yield c
    c.close()


@pytest.fixture
def album(music: Path, tmp_path: Path):
    catalog = MusicCatalog(open_library(music, cache_dir=tmp_path / "cache").tracks)
    return catalog.album_tracks("Aurora Lane", "Harbour Lights")


def drain(out: FakeOutput) -> int:
    blocks = 0
    while out.running:
        out.pull()
        blocks += 1
    return blocks


def test_plays_a_track_to_its_end_and_goes_on_with_the_next(controller, album) -> None:
    assert controller.play_tracks(album).title == "Morning Tide"
    out = FakeOutput.instances[-1]
    block = out.pull()
    assert np.abs(block).max() > 0.01  # the tone, at the current volume
    drain(out)
    controller.tick()
    assert controller.now_playing().track.title == "Salt Wind" and controller.now_playing().playing
    drain(FakeOutput.instances[-1])
    controller.tick()
    assert not controller.now_playing().playing  # end of the queue, repeat off


def test_repeat_one_plays_the_same_track_again(controller, album) -> None:
    controller.play_tracks(album)
    controller.cycle_repeat()
    assert controller.cycle_repeat() is Repeat.ONE
    drain(FakeOutput.instances[-1])
    controller.tick()
    assert controller.now_playing().track.title == "Morning Tide" and controller.now_playing().playing


def test_mute_and_ducking_change_the_samples_at_the_next_block(controller, album) -> None:
    controller.set_level(10)
    controller.play_tracks(album)
    out = FakeOutput.instances[-1]
    loud = np.abs(out.pull()).max()
    controller.duck(DuckReason.ASSISTANT_SPEAKING, True)
    ducked = np.abs(out.pull()).max()
    assert ducked < loud / 3
    controller.toggle_mute()
    assert np.abs(out.pull()).max() == 0.0


def test_seek_pause_and_previous_restarts_the_track(controller, album) -> None:
    controller.play_tracks(album, start=1)
    controller.seek(0.1)
    assert controller.now_playing().position_s == pytest.approx(0.1, abs=0.01)
    controller.toggle_play()
    assert not controller.now_playing().playing
    controller.toggle_play()
    assert controller.now_playing().playing
    controller.previous()  # 0.1 s played: goes to the previous track
    assert controller.now_playing().track.title == "Morning Tide"


def test_unplayable_tracks_are_skipped_and_reported_once(controller, music, tmp_path) -> None:
    tracks = MusicCatalog(open_library(music, cache_dir=tmp_path / "cache").tracks).artist_tracks(
        "Kite Theory"
    )
    Path(tracks[0].path).write_bytes(b"RIFF garbage")  # damaged after the scan
    assert controller.play_tracks(tracks).title == "Glide Path"
    controller.play_tracks(tracks)
    assert len(controller.errors) == 1 and Path(tracks[0].path).name in controller.errors[0]
    assert "cannot be decoded" in controller.errors[0] and "FLAC, Ogg or MP3" in controller.errors[0]


def test_no_audio_device_is_reported_and_nothing_crashes(tmp_path, album) -> None:
    c = MediaController(settings=tmp_path / "media.json", output=no_device)
    assert c.play_tracks(album) is None
    assert c.errors == ["no audio output (no default device); check `cockpit doctor` and the sound settings"]
    assert c.now_playing().track.title == "Morning Tide" and not c.now_playing().playing


def test_volume_is_kept_across_restarts(tmp_path) -> None:
    settings = tmp_path / "media.json"
    MediaController(settings=settings, output=FakeOutput).set_level(9)
    assert MediaController(settings=settings, output=FakeOutput).now_playing().level == 9


def test_an_m4a_is_skipped_with_one_line_naming_the_format_and_what_to_do(
    controller, music, tmp_path
) -> None:
    write_m4a(
        music / "Kite Theory" / "Paper Skies" / "01b Crosswind.m4a",
        "Crosswind",
        "Kite Theory",
        "Paper Skies",
        1,
    )
    tracks = MusicCatalog(open_library(music, cache_dir=tmp_path / "cache").tracks).album_tracks(
        "Kite Theory", "Paper Skies"
    )
    assert [t.title for t in tracks] == ["Updraft", "Crosswind", "Glide Path"]
    assert controller.play_tracks(tracks, start=1).title == "Glide Path"
    assert controller.now_playing().playing
    assert controller.skipped.track.title == "Crosswind" and controller.skipped.codec == "AAC"
    assert controller.errors == [
        "01b Crosswind.m4a: AAC cannot be played here; convert it to FLAC, Ogg or MP3. Skipped."
    ]


def test_a_queued_track_plays_after_the_current_one(controller, album, music, tmp_path) -> None:
    controller.play_tracks(album)
    extra = MusicCatalog(open_library(music, cache_dir=tmp_path / "cache").tracks).album_tracks(
        "Kite Theory", "Paper Skies"
    )[1]
    controller.play_next(extra)
    assert [t.title for t in controller.queue.upcoming()] == ["Glide Path", "Salt Wind"]
    assert controller.next().title == "Glide Path"


def test_a_skip_at_the_end_of_the_queue_stops_the_song_before(controller, album, music, tmp_path) -> None:
    m4a = write_m4a(music / "x" / "Last.m4a", "Last", "Aurora Lane", "Harbour Lights", 9)
    last = next(t for t in open_library(music, cache_dir=tmp_path / "cache").tracks if t.path == str(m4a))
    controller.play_tracks(album)
    controller.add_to_queue(last)
    controller.next()
    assert controller.next() is None and controller.skipped.track == last
    assert not controller.now_playing().playing  # Salt Wind does not play on under "Last"
