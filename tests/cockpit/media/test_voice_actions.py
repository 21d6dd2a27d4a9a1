"""Spoken media requests through the real understanding and the assistant, played by the media player on a
fake output: what is said back, and what the player then does."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.assistant import Assistant, Media
from cockpit.media.cache import open_library
from cockpit.media.catalog import MusicCatalog
from cockpit.media.controller import MediaController
from cockpit.media.voice_actions import MediaVoice
from cockpit.session import Session
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

from .conftest import FakeOutput

PARSER = IntentParser(load_intents())


@pytest.fixture
def player(music: Path, tmp_path: Path):
    controller = MediaController(settings=tmp_path / "cfg" / "media.json", output=FakeOutput, seed=1)
    catalog = MusicCatalog(open_library(music, cache_dir=tmp_path / "cache").tracks)
    yield controller, catalog
    controller.close()


@pytest.fixture
def assistant(parked: Session, player) -> Assistant:
    controller, catalog = player
    assistant = Assistant(parked.commands)
    assistant.handlers.register(Media, MediaVoice(controller, lambda: catalog))
    return assistant


def say(assistant: Assistant, text: str):
    return assistant.handle(text, PARSER.parse(text))


def test_play_an_artist_then_next_pause_and_resume(assistant, player) -> None:
    controller, _ = player
    reply = say(assistant, "play kite theory")
    assert reply.ok and reply.text == "Playing Updraft by Kite Theory."
    assert controller.player.playing
    assert [t.title for t in controller.queue.tracks] == ["Updraft", "Glide Path"]
    assert say(assistant, "next song").text == "Playing Glide Path by Kite Theory."
    assert controller.queue.current.title == "Glide Path"
    assert say(assistant, "pause").text == "Paused." and not controller.player.playing
    assert say(assistant, "resume the music").text == "Playing Glide Path by Kite Theory."
    assert controller.player.playing


def test_play_some_music_plays_the_library_and_an_album_by_name(assistant, player) -> None:
    controller, catalog = player
    assert say(assistant, "play some music").ok
    assert len(controller.queue.tracks) == len(catalog.tracks) and controller.player.playing
    assert say(assistant, "play songs by harbour lights").text == "Playing Morning Tide by Aurora Lane."
    assert [t.title for t in controller.queue.tracks] == ["Morning Tide", "Salt Wind"]


def test_volume_louder_quieter_to_a_level_mute_and_unmute(assistant, player, tmp_path: Path) -> None:
    controller, _ = player
    assert say(assistant, "volume to five").text == "Volume 5."
    assert say(assistant, "louder").text == "Volume 6."
    assert say(assistant, "turn the music down a bit").text == "Volume 5."
    assert say(assistant, "mute").text == "Muted." and controller.volume.muted
    assert say(assistant, "unmute").text == "Volume 5." and not controller.volume.muted
    # Kept across restarts, as the knob's setting is.
    again = MediaController(settings=tmp_path / "cfg" / "media.json", output=FakeOutput)
    assert again.volume.level == 5


def test_what_cannot_be_played_is_said_and_nothing_changes(assistant, player) -> None:
    controller, _ = player
    reply = say(assistant, "play moonlight orchestra")
    assert not reply.ok
    assert reply.text == (
        "I could not play moonlight orchestra: there is nothing called moonlight orchestra in your music."
    )
    assert controller.queue.current is None and not controller.player.playing
    assert say(assistant, "next song").text == "I could not play the next song: nothing is queued."


def test_without_a_media_player_the_request_is_not_available(parked: Session) -> None:
    reply = say(Assistant(parked.commands), "play some music")
    assert reply.results[0].state == "unavailable"
    assert reply.text == "I cannot play music: that is not available here."
