"""Voice in the window: push-to-talk fed from a WAV (the microphone's code path), the overlay showing the
transcript and the result, the command confirmed by the simulated car, the engine in the status bar."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator

import numpy as np
import pytest

from cockpit.cli.run import open_session
from cockpit.session import SessionOptions
from ui.app import Look, build_window
from ui.shell import HeadUnitWindow
from voice.assistant_loop import VoiceOptions
from voice.audio.sources import array_frames
from voice.audio.wav import read_wav
from voice.reply.tts import Speaker

from .conftest import pump_events

AC = "Vehicle.Cabin.HVAC.IsAirConditioningActive"
# Waits that include loading the recognizer (and its language model, built from the templates): seconds
# alone, but more than a minute was seen with the two cores shared by other test workers.
LOAD_S = 300.0


def _speech(text: str) -> np.ndarray:
    samples = read_wav(io.BytesIO(Speaker().synthesize(text, "en-us", 165))).samples
    pad = np.zeros(4800, np.int16)
    return np.concatenate([pad, samples, pad])


class Utterances:
    """A microphone stand-in: each push-to-talk hears the next recording, in real time."""

    def __init__(self, *texts: str) -> None:
        self.queue = [_speech(t) for t in texts]

    def __call__(self, stop: threading.Event) -> Iterator[bytes]:
        if not self.queue:
            return  # the microphone is unplugged: the listener hears no more
        for chunk in array_frames(self.queue.pop(0)):
            if stop.is_set():
                return
            time.sleep(0.005)  # faster than real time, but still a stream
            yield chunk


@pytest.fixture
def window(qtbot, request) -> Iterator[HeadUnitWindow]:
    session = open_session(SessionOptions(use_can_config=False, cycle="idle"))
    wake = "wake" in request.node.name
    win = build_window(session, Look(), voice=VoiceOptions(engine="pocketsphinx", speak=False, wake=wake))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.voice.close()
    win.close()
    session.close()


def _run_until(window: HeadUnitWindow, qtbot, done, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        window.tick()
        pump_events(0.016)
    overlay = window.voice_overlay
    assert done(), f"timed out showing {overlay.result.text()!r} for {overlay.transcript.text()!r}"


def test_push_to_talk_executes_and_shows_the_result(window: HeadUnitWindow, qtbot):
    window.voice.loop.source = Utterances("turn on the a c", "yes")
    window.start()
    _run_until(window, qtbot, lambda: window.status.voice.text() != "voice: off", LOAD_S)
    # The name on the bar (the whole description made it wider than the screen), the rest on a tap.
    assert window.status.voice.text() == "voice: pocketsphinx"
    assert window.status.voice.toolTip() == "pocketsphinx en-us (grammar)"
    window.voice.push_to_talk()
    assert window.voice_overlay.isVisible() and window.voice_overlay.state.text() == "Listening…"
    overlay = window.voice_overlay
    _run_until(window, qtbot, lambda: "done" in overlay.result.text() or overlay.answer.isVisible())
    if overlay.answer.isVisible():
        # The first utterance, heard before the engine has adapted to the channel, can be found only far
        # down the n-best list: then the assistant asks, opens the microphone, and acts on "yes".
        assert overlay.result.text() == "Did you mean turn on the air conditioning?"
        assert overlay.transcript.text() in ("“turn on the a c”", "“turn on the ac”")
        _run_until(window, qtbot, lambda: "done" in overlay.result.text())
        assert overlay.transcript.text() == "“yes”" and overlay.understood.text() == "Understood: Confirm"
    else:
        assert overlay.transcript.text() in ("“turn on the a c”", "“turn on the ac”")
        assert overlay.understood.text() == "Understood: TurnOn"
    assert overlay.result.text() == "Air conditioning on, done."
    assert window.ctx.session.store.value(AC) is True
    # Out-of-domain speech: said so, nothing sent.
    window.voice.loop.source = Utterances("tell me a joke")
    sent = window.ctx.session.transmitter.sent
    window.voice.push_to_talk()
    _run_until(window, qtbot, lambda: "did not understand" in overlay.result.text())
    assert overlay.understood.text() == "Not understood"
    assert window.ctx.session.transmitter.sent == sent


def test_a_tap_while_listening_cancels(window: HeadUnitWindow, qtbot):
    window.voice.loop.source = lambda stop: iter(lambda: (time.sleep(0.03), bytes(960))[1], None)
    window.start()
    _run_until(window, qtbot, lambda: window.status.voice.text() != "voice: off", LOAD_S)
    window.voice.push_to_talk()
    _run_until(window, qtbot, lambda: window.voice.loop.listening)
    window.talk.click()
    _run_until(window, qtbot, lambda: not window.voice.loop.listening)
    assert window.voice_overlay.result.text() == "Cancelled."


def test_no_microphone_is_said_on_screen_and_the_window_keeps_running(
    window: HeadUnitWindow, qtbot, monkeypatch
):
    import voice.audio.sources as sources

    def no_portaudio():
        raise sources.VoiceError("no microphone: PortAudio library not found", fix="Install PortAudio")

    monkeypatch.setattr(sources, "_sounddevice", no_portaudio)
    window.start()
    _run_until(window, qtbot, lambda: window.status.voice.text() != "voice: off", LOAD_S)
    window.voice.push_to_talk()
    _run_until(window, qtbot, lambda: "no microphone" in window.voice_overlay.result.text())
    window.tick()
    assert window.status.voice.text().startswith("voice: pocketsphinx")


def test_the_wake_phrase_starts_listening_without_a_tap(window: HeadUnitWindow, qtbot, monkeypatch):
    import cockpit.assistant.assistant as assistant_module

    # A question must not expire before a busy machine has drawn its Yes button ("No answer: nothing done"
    # also contains "done").
    monkeypatch.setattr(assistant_module, "ANSWER_TIMEOUT_S", 120.0)
    source = Utterances("lock the car")
    source.queue[0] = np.concatenate([_speech("hey cockpit"), source.queue[0]])
    window.voice.loop.source = source
    window.start()
    overlay = window.voice_overlay
    _run_until(window, qtbot, lambda: "locked" in overlay.result.text() or overlay.answer.isVisible(), LOAD_S)
    if overlay.answer.isVisible():
        # The first command the engine hears can be found only far down its n-best list: the window asks
        # (answered by voice in the push-to-talk test; here by touch).
        assert overlay.result.text() == "Did you mean lock the doors?"
        overlay.yes.click()
        _run_until(window, qtbot, lambda: "done" in overlay.result.text())
    assert overlay.result.text() == "Doors locked, done."


@pytest.mark.parametrize("listener", ["push_to_talk", "wake_watcher"])
def test_a_question_stays_when_the_microphone_ends_before_the_answer(
    window: HeadUnitWindow, qtbot, listener: str
):
    # A microphone that gives out (unplugged; here at once): the window opens it for the answer and hears
    # nothing, but the question still waits, so it stays on screen to be answered by touch. With the wake
    # watcher on, the watcher's stream (silence until stopped) is handed over for the answer.
    opened = []
    watcher = listener == "wake_watcher"  # the fixture turns the watcher on for "wake" in the test id

    def microphone(stop: threading.Event) -> Iterator[bytes]:
        opened.append(1)
        while watcher and len(opened) == 1 and not stop.is_set():
            time.sleep(0.03)
            yield bytes(960)

    window.voice.loop.source = microphone
    window.start()
    _run_until(
        window, qtbot, lambda: window.voice.loop.watching if watcher else window.voice.loop.ready, LOAD_S
    )
    overlay = window.voice_overlay
    window.voice.hear_text("turn on the a c", ("turn off the a c",))
    assert overlay.state.text() == "Please confirm"
    _run_until(window, qtbot, lambda: len(opened) > watcher)  # the microphone opened for the answer...
    _run_until(window, qtbot, lambda: overlay.state.text() != "Listening…")  # ...and gave nothing
    assert overlay.state.text() == "Please confirm" and overlay.answer.isVisible(), overlay.result.text()
    assert overlay.result.text() == "Did you mean turn on the air conditioning?"
    overlay.yes.click()
    _run_until(window, qtbot, lambda: "done" in overlay.result.text())
    assert window.ctx.session.store.value(AC) is True


def test_voice_navigation_and_panels_drive_the_window(window: HeadUnitWindow, qtbot):
    from voice.understanding.intents import load_intents
    from voice.understanding.parser import IntentParser

    parser = IntentParser(load_intents())

    def say(text: str) -> str:
        return window.voice.assistant.handle(text, parser.parse(text), 5.0).text

    assert say("show the energy screen") == "Okay, show the energy panel."
    assert window.panel_keys[window.current] == "energy"
    # Navigation goes to the navigation panel: a route once its map has loaded (on a worker thread).
    reply = say("navigate to the nearest charging station")
    assert window.panel_keys[window.current] == "navigation"
    assert reply.startswith("Route to ") or reply.endswith("the map is still loading.")
    assert say("cancel navigation") == "Navigation cancelled."


def test_a_question_is_shown_and_only_yes_acts(window: HeadUnitWindow, qtbot):
    # A microphone that hears silence, in real time: the window listens for the answer to the question.
    window.voice.loop.source = lambda stop: iter(lambda: (time.sleep(0.03), bytes(960))[1], None)
    window.start()
    _run_until(window, qtbot, lambda: window.voice.loop.ready, LOAD_S)
    session, overlay = window.ctx.session, window.voice_overlay
    _run_until(window, qtbot, lambda: session.store.value(AC) is not None)
    before, sent = session.store.value(AC), session.transmitter.sent
    on, off = "turn on the a c", "turn off the a c"
    said, other = (off, on) if before else (on, off)
    window.voice.hear_text(said, (other,))
    assert overlay.state.text() == "Please confirm" and overlay.answer.isVisible()
    assert overlay.result.text().startswith("Did you mean turn o")
    assert overlay.confidence.text() == f"Confidence: 100 % · also heard: “{other}”"
    _run_until(window, qtbot, lambda: window.voice.loop.listening)  # the microphone is open for the answer
    assert session.transmitter.sent == sent
    overlay.no.click()
    _run_until(window, qtbot, lambda: overlay.result.text() == "Okay, I did nothing.")
    assert session.transmitter.sent == sent and session.store.value(AC) is before
    window.voice.hear_text(said, (other,))
    overlay.yes.click()
    _run_until(window, qtbot, lambda: "done" in overlay.result.text())
    assert session.store.value(AC) is (not before) and not overlay.answer.isVisible()


def test_the_music_follows_the_voice(window: HeadUnitWindow, tmp_path) -> None:
    controller = window.media.controller
    controller.settings = tmp_path / "media.json"  # not the user's own volume setting
    window.voice.hear_text("volume to five")
    assert window.voice_overlay.result.text() == "Volume 5." and controller.volume.level == 5
    window.voice.hear_text("mute the music")
    assert window.voice_overlay.result.text() == "Muted." and controller.volume.muted
    window.media._tick()
    assert window.media.controller.now_playing().muted
