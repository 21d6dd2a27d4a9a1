from __future__ import annotations

import os
from pathlib import Path

from cockpit.media.cache import index_path, load_index, open_library
from cockpit.media.catalog import MusicCatalog
from cockpit.media.library import UNKNOWN_ARTIST, cover_art

from .conftest import PNG_1PX, tag, write_m4a


def test_scan_reads_tags_duration_and_lists_unreadable(music: Path, tmp_path: Path) -> None:
    result = open_library(music, cache_dir=tmp_path / "cache")
    titles = {t.title: t for t in result.tracks}
    assert set(titles) == {"Morning Tide", "Salt Wind", "Neon Rain", "Updraft", "Glide Path", "untitled demo"}
    assert titles["Salt Wind"].artist == "Aurora Lane" and titles["Salt Wind"].track_no == 2
    assert abs(titles["Updraft"].duration_s - 0.2) < 0.01
    assert titles["untitled demo"].artist == UNKNOWN_ARTIST
    assert [Path(u.path).name for u in result.unreadable] == ["broken.flac"]


def test_second_open_reuses_the_index_and_rereads_only_changed_files(music: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    open_library(music, cache_dir=cache)
    again = open_library(music, cache_dir=cache)
    assert again.reused == len(again.tracks) == 6

    changed = music / "Kite Theory" / "Paper Skies" / "01 Updraft.wav"
    tag(changed, "Updraft (Live)", "Kite Theory", "Paper Skies", 1)
    os.utime(changed, ns=(1, 1))  # a different mtime even on coarse-clock file systems
    third = open_library(music, cache_dir=cache)
    assert third.reused == 5
    assert "Updraft (Live)" in {t.title for t in third.tracks}


def test_a_damaged_index_is_ignored_and_replaced(music: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = index_path(music, cache)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00 half written")
    result = open_library(music, cache_dir=cache)
    assert result.reused == 0 and len(result.tracks) == 6
    assert len(load_index(path)) == 6


def test_missing_folder_says_what_to_do(tmp_path: Path) -> None:
    try:
        open_library(tmp_path / "nope", cache_dir=tmp_path / "cache")
    except FileNotFoundError as exc:
        assert "--music" in str(exc)
    else:
        raise AssertionError("a missing folder must be refused")


def test_browse_by_artist_album_and_search(music: Path, tmp_path: Path) -> None:
    catalog = MusicCatalog(open_library(music, cache_dir=tmp_path / "cache").tracks)
    assert catalog.artists() == ["Aurora Lane", "Kite Theory", UNKNOWN_ARTIST]
    assert catalog.albums("Aurora Lane") == [
        ("Aurora Lane", "City Nights"),
        ("Aurora Lane", "Harbour Lights"),
    ]
    assert [t.title for t in catalog.album_tracks("Aurora Lane", "Harbour Lights")] == [
        "Morning Tide",
        "Salt Wind",
    ]
    assert [t.title for t in catalog.search("kite glide")] == ["Glide Path"]
    assert catalog.search("   ") == []


def test_cover_art_is_read_when_asked(music: Path, tmp_path: Path) -> None:
    catalog = MusicCatalog(open_library(music, cache_dir=tmp_path / "cache").tracks)
    by_title = {t.title: t for t in catalog.tracks}
    assert cover_art(by_title["Morning Tide"]) == PNG_1PX
    assert cover_art(by_title["Salt Wind"]) is None
    (music / "Kite Theory" / "Paper Skies" / "cover.png").write_bytes(PNG_1PX)
    rescanned = {t.title: t for t in open_library(music, cache_dir=tmp_path / "cache").tracks}
    assert cover_art(rescanned["Updraft"]) == PNG_1PX


def test_an_m4a_is_listed_with_its_tags_but_marked_as_not_playable(music: Path, tmp_path: Path) -> None:
    write_m4a(
        music / "Aurora Lane" / "City Nights" / "02 Sea Glass.m4a",
        "Sea Glass",
        "Aurora Lane",
        "City Nights",
        2,
    )
    result = open_library(music, cache_dir=tmp_path / "cache")
    sea = next(t for t in result.tracks if t.title == "Sea Glass")
    assert sea.codec == "AAC" and not sea.playable and sea.duration_s == 30.0
    assert [t.title for t in result.unplayable] == ["Sea Glass"]
    assert all(t.playable for t in result.tracks if t is not sea)
    again = open_library(music, cache_dir=tmp_path / "cache")  # the mark survives the index
    assert [t.title for t in again.unplayable] == ["Sea Glass"] and again.reused == 7


def test_songs_are_listed_by_title(music: Path, tmp_path: Path) -> None:
    catalog = MusicCatalog(open_library(music, cache_dir=tmp_path / "cache").tracks)
    assert [t.title for t in catalog.by_title()] == [
        "Glide Path",
        "Morning Tide",
        "Neon Rain",
        "Salt Wind",
        "untitled demo",
        "Updraft",
    ]
