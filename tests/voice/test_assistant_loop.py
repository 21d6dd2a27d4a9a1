"""The voice loop on its worker threads, fed by a recording through the microphone's code path: push to
talk, and the wake phrase followed by a command."""

from __future__ import annotations

import threading

import numpy as np

from voice.assistant_loop import VoiceLoop, VoiceOptions
from voice.audio.sources import array_frames


def _loop(recordings: list[np.ndarray]):
    got: dict[str, list] = {"ready": [], "heard": [], "events": [], "problems": []}
    done = threading.Event()

    def heard(h):
        got["heard"].append(h)
        done.set()

    def source(stop: threading.Event):
        return array_frames(recordings.pop(0)) if recordings else iter(())

    loop = VoiceLoop(
        VoiceOptions(engine="pocketsphinx"),
        got["ready"].append,
        lambda kind, value: got["events"].append(kind),
        heard,
        got["problems"].append,
        source,
    )
    loop.load().join(30)
    return loop, got, done


def test_push_to_talk_hears_one_command(speech):
    loop, got, _ = _loop([speech("cancel navigation")])
    assert got["ready"] == ["pocketsphinx en-us (grammar)"]
    loop.listen().join(30)
    assert [i.name for i in got["heard"][0].intents] == ["CancelNavigation"]
    assert {"level", "speech", "endpoint"} <= set(got["events"])


def test_the_wake_phrase_then_a_command(speech):
    audio = np.concatenate(
        [speech("what a nice day for a drive"), speech("hey cockpit"), speech("lock the car")]
    )
    loop, got, done = _loop([audio])
    loop.watch()
    assert done.wait(30)
    assert "wake" in got["events"]
    assert [i.name for i in got["heard"][0].intents] == ["Lock"]
    loop.close()
