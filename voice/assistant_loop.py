"""The voice front end without Qt: load the engine, then for each push-to-talk listen on a worker thread.

It takes a frame source (the microphone, or anything that yields 16 kHz PCM: WAV files in tests) and
reports through callbacks, which the UI turns into queued Qt signals. Cancel by tap is :meth:`cancel`;
"cancel" said aloud is an intent the assistant answers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .engines import Engine, open_engine
from .errors import VoiceError
from .listener import Events, Heard, Listener
from .understanding.intents import load_intents
from .understanding.parser import IntentParser

FrameSource = Callable[[threading.Event], Iterable[bytes]]


@dataclass
class VoiceOptions:
    enabled: bool = True
    engine: str = "auto"
    vosk_model: str | None = None
    intents: list[str] = field(default_factory=list)
    speak: bool = True
    mic: str | None = None


class VoiceLoop:
    def __init__(
        self,
        options: VoiceOptions,
        on_ready: Callable[[str], None],
        on_event: Events,
        on_heard: Callable[[Heard], None],
        on_problem: Callable[[str], None],
        source: FrameSource | None = None,
    ) -> None:
        self.options = options
        self.on_ready, self.on_event, self.on_heard, self.on_problem = (
            on_ready,
            on_event,
            on_heard,
            on_problem,
        )
        self.source = source
        self.engine: Engine | None = None
        self.parser: IntentParser | None = None
        self._busy = threading.Lock()
        self._stop = threading.Event()

    def load(self) -> threading.Thread:
        """Load intents and the engine on a thread (seconds for a Vosk model); ``on_ready`` when done."""
        thread = threading.Thread(target=self._load, name="voice-load", daemon=True)
        thread.start()
        return thread

    def _load(self) -> None:
        try:
            intents = load_intents(self.options.intents)
            self.engine = open_engine(self.options.engine, intents, self.options.vosk_model)
            self.parser = IntentParser(intents)
        except VoiceError as exc:
            self.on_problem(exc.line())
            return
        self.on_ready(self.engine.describe())

    @property
    def ready(self) -> bool:
        return self.engine is not None

    @property
    def listening(self) -> bool:
        return self._busy.locked()

    def listen(self) -> threading.Thread | None:
        """One utterance on a thread; None when not ready or already listening."""
        if not self.ready or not self._busy.acquire(blocking=False):
            return None
        self._stop.clear()
        thread = threading.Thread(target=self._listen, name="voice-listen", daemon=True)
        thread.start()
        return thread

    def cancel(self) -> None:
        self._stop.set()

    def _listen(self) -> None:
        try:
            frames = self._frames()
            heard = Listener(self.engine, self.parser, self.on_event).listen(frames, self._stop)
            self.on_heard(heard)
        except VoiceError as exc:
            self.on_problem(exc.line())
        finally:
            self._stop.set()  # ends the microphone stream
            self._busy.release()

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
