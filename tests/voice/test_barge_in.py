"""Barge-in at the voice-loop level with a real spoken reply: espeak-ng synthesizes it and a child process
plays it into a null sink at the pace of a sound card, so the reply lasts as long as it would be heard and
its stop can be observed (the process ends, terminated, long before the reply would have)."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading

import numpy as np
import pytest

from voice.assistant_loop import VoiceLoop, VoiceOptions
from voice.audio import synthetic
from voice.audio.sources import array_frames
from voice.engines.base import SAMPLE_RATE

# A reply of about two minutes: far longer than the loop needs to hear the next command from a recording,
# even on a loaded machine, so that a reply found ended was stopped, not finished.
SENTENCE = "The range is two hundred and forty kilometers, the battery is at sixty percent."
LONG_REPLY = " ".join([SENTENCE] * 24)
# The child: espeak-ng's WAV, written to the null device in 20 ms blocks at the rate it would play.
PLAYER = """
import subprocess, sys, time
wav = subprocess.run(["espeak-ng", "--stdout", "--", sys.argv[1]], capture_output=True, check=True).stdout
block = 22050 * 2 // 50
start = time.monotonic()
with open("/dev/null", "wb") as sink:
    for n, at in enumerate(range(44, len(wav), block)):
        sink.write(wav[at : at + block])
        time.sleep(max(0.0, start + (n + 1) / 50 - time.monotonic()))
"""


class NullSinkSpeaker:
    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def say(self, text: str) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", PLAYER, text])

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()

    @property
    def speaking(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def close(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def speaker():
    if not synthetic.available("en-us"):
        pytest.fail("espeak-ng is needed for the barge-in tests: apt-get install espeak-ng")
    player = NullSinkSpeaker()
    yield player
    player.close()


def _loop(audio: np.ndarray, speaker: NullSinkSpeaker):
    got: dict[str, list] = {"heard": [], "events": [], "speaking_at": []}
    heard = threading.Event()

    def event(kind, value):
        got["events"].append((kind, value))
        got["speaking_at"].append((kind, speaker.speaking))

    def on_heard(h):
        got["heard"].append(h)
        heard.set()

    recordings = [audio]
    loop = VoiceLoop(
        VoiceOptions(engine="pocketsphinx", speak=False, wake=False),
        lambda _: None,
        event,
        on_heard,
        lambda line: got["events"].append(("problem", line)),
        lambda stop: array_frames(recordings.pop(0)) if recordings else iter(()),
        speaker=speaker,
    )
    loop.load().join(60)
    assert loop.ready
    return loop, got, heard


def _stopped_early(speaker: NullSinkSpeaker) -> None:
    assert speaker.process is not None
    assert speaker.process.wait(10) == -signal.SIGTERM  # terminated, not played to its end


def _started(speaker: NullSinkSpeaker) -> None:
    speaker.say(LONG_REPLY)
    assert speaker.speaking


def test_the_talk_button_stops_the_reply_at_once(speech, speaker):
    loop, got, heard = _loop(speech("lock the car"), speaker)
    _started(speaker)
    loop.listen()
    _stopped_early(speaker)
    assert ("barge-in", "talk") in got["events"]
    assert heard.wait(30) and [i.name for i in got["heard"][0].intents] == ["Lock"]
    loop.close()


def test_speech_while_the_reply_plays_stops_it_when_the_driver_starts_speaking(speech, speaker):
    # Listening for the answer to a question: the question plays on through the silence before "yes"
    # and stops when the speech starts.
    audio = np.concatenate([np.zeros(SAMPLE_RATE, np.int16), speech("yes")])
    loop, got, heard = _loop(audio, speaker)
    _started(speaker)
    loop.listen(interrupt=False)
    assert heard.wait(30)
    _stopped_early(speaker)
    kinds = [k for k, _ in got["events"]]
    assert kinds.index("barge-in") == kinds.index("speech") - 1
    assert got["events"][kinds.index("barge-in")] == ("barge-in", "speech")
    before = [speaking for kind, speaking in got["speaking_at"][: kinds.index("barge-in")] if kind == "level"]
    assert before and all(before)  # the silence did not stop it
    assert [i.name for i in got["heard"][0].intents] == ["Confirm"]
    loop.close()


def test_the_wake_phrase_stops_the_reply(speech, speaker):
    audio = np.concatenate([speech("hey cockpit"), speech("lock the car")])
    loop, got, heard = _loop(audio, speaker)
    _started(speaker)
    loop.watch()
    assert heard.wait(60)
    _stopped_early(speaker)
    kinds = [k for k, _ in got["events"]]
    assert ("barge-in", "wake") in got["events"] and kinds.index("barge-in") < kinds.index("wake")
    loop.close()
