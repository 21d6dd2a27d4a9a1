from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit.cli.main import main

from ..media.conftest import make_music, write_m4a


@pytest.fixture(autouse=True)
def cache_in_tmp(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


def test_scan_json_counts_and_lists_unreadable(tmp_path: Path, capsys) -> None:
    music = make_music(tmp_path / "Music")
    assert main(["media", "scan", str(music), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["tracks"], doc["artists"], doc["albums"]) == (6, 3, 4)
    assert [Path(u["path"]).name for u in doc["unreadable"]] == ["broken.flac"]
    assert doc["from_index"] == 0
    assert main(["media", "scan", str(music), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["from_index"] == 6


def test_scan_text_and_a_missing_folder(tmp_path: Path, capsys) -> None:
    music = make_music(tmp_path / "Music")
    assert main(["media", "scan", str(music)]) == 0
    out = capsys.readouterr().out
    assert "6 tracks, 3 artists, 4 albums" in out and "unreadable: " in out and "broken.flac" in out
    assert main(["media", "scan", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope: no such music folder" in err and "Traceback" not in err


def test_scan_names_the_songs_that_cannot_be_played_and_what_to_do(tmp_path: Path, capsys) -> None:
    music = make_music(tmp_path / "Music")
    write_m4a(
        music / "Kite Theory" / "Paper Skies" / "03 Tailwind.m4a", "Tailwind", "Kite Theory", "Paper Skies", 3
    )
    assert main(["media", "scan", str(music), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["tracks"] == 7 and [(Path(u["path"]).name, u["codec"]) for u in doc["unplayable"]] == [
        ("03 Tailwind.m4a", "AAC")
    ]
    assert main(["media", "scan", str(music)]) == 0
    assert (
        "cannot play: " in (out := capsys.readouterr().out) and "Tailwind.m4a: AAC; convert it to FLAC" in out
    )
