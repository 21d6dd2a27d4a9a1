"""The voice front end without Qt: load the engine, then for each push-to-talk listen on a worker thread.

It takes a frame source (the microphone, or anything that yields 16 kHz PCM: WAV files in tests) and
reports through callbacks, which the UI turns into queued Qt signals. Cancel by tap is :meth:`cancel`;
"cancel" said aloud is an intent the assistant answers.

Barge-in: a spoken reply never talks over the next command. The reply stops when the driver presses talk,
says the wake phrase, or starts speaking while it plays (while the loop listens for the answer to a
question). Speech detected while the reply plays is only the driver's if the microphone does not hear the
loudspeaker: a head unit needs its audio front end's echo cancellation for that path; talk and the wake
phrase interrupt regardless.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .audio.noise_suppression import DEFAULT as DEFAULT_FRONT_END
from .audio.noise_suppression import FrontEnd, open_front_end
from .engines import Engine, open_engine
from .errors import VoiceError
from .listener import Events, Heard, Listener
from .understanding.intents import load_intents
from .understanding.parser import IntentParser

FrameSource = Callable[[threading.Event], Iterable[bytes]]


class Interruptible(Protocol):
    """What plays the spoken reply (voice.reply): stopping it is all barge-in needs."""

    def stop(self) -> None: ...


@dataclass
class VoiceOptions:
    enabled: bool = True
    engine: str = "auto"
    whisper_model: str | None = None
    vosk_model: str | None = None
    intents: list[str] = field(default_factory=list)
    # Model folders installed by the head unit's content updates, looked in before the usual places.
    model_dirs: list[Path] = field(default_factory=list)
    speak: bool = True
    mic: str | None = None
    wake: bool = True  # listen for "hey cockpit" all the time
    # The microphone does not hear the loudspeaker (echo cancelled): listen while a question is spoken,
    # and let the driver's speech stop it. Off by default: without it the question could be heard back.
    barge_in_speech: bool = False
    # Cabin-noise suppression before the endpointer and the engine (audio/noise_suppression.py).
    noise_suppression: bool = True


class VoiceLoop:
    def __init__(
        self,
        options: VoiceOptions,
        on_ready: Callable[[str], None],
        on_event: Events,
        on_heard: Callable[[Heard], None],
        on_problem: Callable[[str], None],
        source: FrameSource | None = None,
        speaker: Interruptible | None = None,
    ) -> None:
        self.options = options
        self.speaker = speaker
        self.on_ready, self.on_event, self.on_heard, self.on_problem = (
            on_ready,
            on_event,
            on_heard,
            on_problem,
        )
        self.source = source
        self.engine: Engine | None = None
        # One front end for the microphone's commands: a noise estimate (the spectral gate's) followed during
        # one command serves the next.
        self.front_end: FrontEnd | None = (
            open_front_end(DEFAULT_FRONT_END) if options.noise_suppression else None
        )
        self.parser: IntentParser | None = None
        self._busy = threading.Lock()
        self._stop = threading.Event()
        self._closing = threading.Event()
        self._talk = threading.Event()
        self._threads: list[threading.Thread] = []  # push-to-talk while the wake watcher holds the microphone
        self.watching = False
        self.listening_command = False

    def load(self) -> threading.Thread:
        """Load intents and the engine on a thread (seconds for a Vosk model); ``on_ready`` when done."""
        thread = threading.Thread(target=self._load, name="voice-load", daemon=True)
        self._threads.append(thread)
        thread.start()
        return thread

    def _load(self) -> None:
        try:
            intents = load_intents(self.options.intents)
            self.engine = open_engine(
                self.options.engine,
                intents,
                self.options.vosk_model,
                whisper_model=self.options.whisper_model,
                installed=self.options.model_dirs,
            )
            self.parser = IntentParser(intents).prepare()
        except VoiceError as exc:
            self.on_problem(exc.line())
            return
        except Exception as exc:  # voice failing to start must not go unsaid, nor take the app down
            self.on_problem(f"voice could not start: {type(exc).__name__}: {exc}")
            return
        self.on_ready(self.engine.describe())

    @property
    def ready(self) -> bool:
        return self.engine is not None

    @property
    def listening(self) -> bool:
        """Taking a command (push-to-talk or after the wake phrase)."""
        return self.listening_command or (self._busy.locked() and not self.watching)

    def listen(self, interrupt: bool = True) -> threading.Thread | None:
        """One utterance on a thread; None when not ready or already listening.

        ``interrupt``: the talk button stops the reply at once. False when listening for the answer to a
        question just asked: the question plays on until the driver starts speaking.
        """
        if interrupt:
            self.barge_in("talk")
        if self.watching and not self.listening_command:
            self._talk.set()  # the watcher stops waiting for the phrase and takes the command
            self._stop.set()
            return None
        if not self.ready or not self._busy.acquire(blocking=False):
            return None
        self._stop.clear()
        thread = threading.Thread(target=self._listen, name="voice-listen", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return thread

    def cancel(self) -> None:
        self._stop.set()

    def barge_in(self, why: str) -> None:
        """The driver starts the next command: stop the spoken reply (``why``: talk, wake, speech)."""
        if self.speaker is not None:
            self.speaker.stop()
            self.on_event("barge-in", why)

    def _events(self, kind: str, value: object) -> None:
        if kind == "speech":
            self.barge_in("speech")
        self.on_event(kind, value)

    def close(self, timeout_s: float = 5.0) -> None:
        """Stop listening and wait for the worker threads (none may be inside a decoder at exit)."""
        self._closing.set()
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout_s)

    # -- wake phrase --------------------------------------------------------------------------------------
    def watch(self) -> threading.Thread:
        """Listen for the wake phrase on a thread, then for the command that follows it."""
        thread = threading.Thread(target=self._watch, name="voice-wake", daemon=True)
        self._threads.append(thread)
        thread.start()
        return thread

    def _watch(self) -> None:
        from .audio.wake import WakePhrase

        try:
            wake = WakePhrase()
        except VoiceError as exc:
            self.on_problem(exc.line())
            return
        self.watching = True
        try:
            while not self._closing.is_set():
                with self._busy:
                    self._stop.clear()
                    try:
                        frames = self._frames()
                        woke = wake.wait(frames, self._stop)
                        talk = self._talk.is_set()
                        if self._closing.is_set() or not (woke or talk):
                            return  # closed, or the audio ended (a file; a microphone does not end)
                        self._talk.clear()
                        self._stop.clear()
                        if talk:  # push-to-talk stopped the watcher's stream: open a fresh one
                            frames = self._frames()
                        if not talk:  # push-to-talk barged in already (or chose not to)
                            self.barge_in("wake")
                        self.on_event("wake", None)
                        self.listening_command = True
                        heard = self._listener().listen(frames, self._stop)
                        self.on_heard(heard)
                    except VoiceError as exc:
                        self.on_problem(exc.line())
                        return
                    finally:
                        self.listening_command = False
        finally:
            self.watching = False

    def _listen(self) -> None:
        self.listening_command = True
        try:
            frames = self._frames()
            heard = self._listener().listen(frames, self._stop)
            self.on_heard(heard)
        except VoiceError as exc:
            self.on_problem(exc.line())
        finally:
            self.listening_command = False
            self._stop.set()  # ends the microphone stream
            self._busy.release()

    def _listener(self) -> Listener:
        return Listener(self.engine, self.parser, self._events, front_end=self.front_end)

    def _frames(self) -> Iterable[bytes]:
        if self.source is not None:
            return self.source(self._stop)
        from .audio.sources import Microphone

        mic = Microphone(self.options.mic)

        def frames() -> Iterable[bytes]:
            try:
                yield from mic.frames(self._stop)
            finally:
                mic.close()

        return frames()
