"""Voice in the window: push-to-talk, the overlay, execution through the assistant, the spoken reply.

Recognition runs on worker threads (voice.assistant_loop); what they report goes on a thread-safe queue
that the window's tick drains on the UI thread, where the controller's signals are emitted (signals
emitted from Python threads were lost after some other tests had run). The assistant (Qt-free) executes
on the UI thread, where the command layer lives, and its reply is followed on the tick until the car has
confirmed or refused.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from cockpit.assistant import Assistant, Reply
from voice.assistant_loop import FrameSource, VoiceLoop, VoiceOptions
from voice.listener import Heard
from voice.reply.tts import Speaker

from .context import UiContext
from .widgets.voice_overlay import VoiceOverlay


class VoiceController(QObject):
    ready = Signal(str)
    problem = Signal(str)
    event = Signal(str, object)
    heard = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        overlay: VoiceOverlay,
        options: VoiceOptions | None = None,
        source: FrameSource | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.overlay = overlay
        self.options = options or VoiceOptions()
        self.assistant = Assistant(ctx.commands)
        self.speaker = Speaker(enabled=self.options.speak)
        self.engine_name = ""
        self.reply: Reply | None = None
        self.ready.connect(self._ready)
        self.problem.connect(self._problem)
        self.event.connect(self._event)
        self.heard.connect(self._heard)
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        post = self._inbox.put
        self.loop = VoiceLoop(
            self.options,
            lambda engine: post((self.ready, (engine,))),
            lambda kind, value: post((self.event, (kind, value))),
            lambda heard: post((self.heard, (heard,))),
            lambda line: post((self.problem, (line,))),
            source,
        )
        overlay.cancel.clicked.connect(self.cancel)

    def start(self) -> None:
        self.loop.load()

    def register(self, kind: type, handler: Callable[[Any], str | None]) -> None:
        """Where the window plugs in what voice cannot do alone (panels, navigation): ``handler(action)``
        returns what to say (None: "okay"), or raises with the reason."""
        self.assistant.handlers.register(kind, handler)

    # -- user ---------------------------------------------------------------------------------------------
    def push_to_talk(self) -> None:
        """The button or the key: start listening, or cancel when already listening."""
        if self.loop.listening:
            self.cancel()
            return
        if not self.loop.ready:
            self.overlay.show_result(
                self.tr("Voice is not ready: {0}").format(self.engine_name or self.tr("loading…"))
            )
            return
        self.speaker.stop()
        self.reply = None
        self.overlay.start_listening(self.engine_name)
        self.loop.listen()

    def close(self) -> None:
        self.loop.close()

    def cancel(self) -> None:
        self.loop.cancel()
        self.reply = None
        self.overlay.show_result(self.tr("Cancelled."))

    # -- from the worker (queued) -----------------------------------------------------------------------
    def _ready(self, description: str) -> None:
        self.engine_name = description
        if self.options.wake:
            self.loop.watch()  # "hey cockpit" from now on

    def _problem(self, line: str) -> None:
        self.overlay.show_result(line, error=True)

    def _event(self, kind: str, value: object) -> None:
        if kind == "level":
            self.overlay.set_level(float(value))
        elif kind == "partial":
            self.overlay.set_partial(str(value))
        elif kind == "endpoint":
            self.overlay.set_thinking()
        elif kind == "wake":
            self.speaker.stop()
            self.reply = None
            self.overlay.start_listening(self.engine_name)

    def _heard(self, heard: Heard) -> None:
        if heard.problem == "cancelled":
            return
        if heard.problem == "no speech heard":
            self.overlay.show_result(self.tr("I did not hear anything."))
            return
        self.overlay.set_understood(heard.text, [i.name for i in heard.intents])
        self.reply = self.assistant.submit(heard.text, heard.intents)
        self._follow()

    # -- each window tick ----------------------------------------------------------------------------------
    def tick(self) -> None:
        while True:
            try:
                signal, args = self._inbox.get_nowait()
            except queue.Empty:
                break
            signal.emit(*args)
        if self.reply is not None:
            self._follow()
        self.overlay.tick()

    def _follow(self) -> None:
        reply = self.reply
        if reply is None:
            return
        if self.assistant.refresh(reply):
            self.reply = None
            self.overlay.show_result(reply.text, error=not reply.ok)
            self.speaker.say(reply.text)
        else:
            self.overlay.set_pending(self.tr("Waiting for the car…"))
