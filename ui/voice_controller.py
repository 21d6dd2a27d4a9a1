"""Voice in the window: push-to-talk, the overlay, execution through the assistant, the spoken reply.

Recognition runs on worker threads (voice.assistant_loop); what they report goes on a thread-safe queue
that the window's tick drains on the UI thread, where the controller's signals are emitted (signals
emitted from Python threads were lost after some other tests had run). The assistant (Qt-free) executes
on the UI thread, where the command layer lives, and its reply is followed on the tick until the car has
confirmed or refused.

When understanding is unsure, or two readings would do opposite things, the assistant asks instead of
acting: the overlay shows the question with yes/no to tap, the question is spoken, and the microphone opens
for the answer once the question has been said (while it plays only with ``barge_in_speech``, where the
audio front end cancels the loudspeaker's echo: otherwise the question itself could be heard as the
command). A question left unanswered is forgotten after the assistant's timeout, with nothing done.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from cockpit.assistant import Assistant, Reply
from voice.assistant_loop import FrameSource, VoiceLoop, VoiceOptions
from voice.engines.base import Transcript
from voice.listener import Heard
from voice.reply.tts import Speaker
from voice.understanding.intents import load_intents
from voice.understanding.parser import Intent, IntentParser

from .context import UiContext
from .speech import SpeechOutput
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
        # Replies and navigation prompts share this voice (and its speaking_changed hook, for ducking).
        self.speech = SpeechOutput(self.speaker, lambda: self.loop.listening)
        self.engine_name = ""
        self.reply: Reply | None = None
        self.awaiting_answer = False  # a question was asked: open the microphone once it has been said
        self.answering = False  # the microphone is open for the answer to the question on screen
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
            speaker=self.speaker,
        )
        overlay.cancel.clicked.connect(self.cancel)
        overlay.yes.clicked.connect(lambda: self.answer(True))
        overlay.no.clicked.connect(lambda: self.answer(False))

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
        self.reply = None
        self.awaiting_answer = self.answering = False
        self.overlay.start_listening(self.engine_name)
        self.loop.listen()  # stops a spoken reply first (barge-in)

    def answer(self, yes: bool) -> None:
        """Yes or No tapped on the question."""
        self.awaiting_answer = False
        if self.loop.listening:  # the microphone was open for the answer (the wake watcher keeps on)
            self.loop.cancel()
        said = "yes" if yes else "no"
        self._submit(said, [Intent("Confirm" if yes else "Deny", {}, said)], None)

    def hear_text(
        self, text: str, alternatives: tuple[str, ...] = (), confidence: float | None = None
    ) -> None:
        """Take ``text`` as if the recognizer had heard it (with its n-best ``alternatives``): typed input,
        and the screenshot of the overlay."""
        parser = self.loop.parser or IntentParser(load_intents(self.options.intents))
        understood = parser.understand(Transcript(text, alternatives=alternatives, confidence=confidence))
        heard = Heard(understood.text or text, understood.intents, understanding=understood)
        if understood.intents:
            heard.confidence, heard.question = understood.confidence, understood.question
        else:
            heard.problem = "not understood"
        self.reply = None
        self.overlay.start_listening(self.engine_name)
        self._heard(heard)

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
            if self.answering:
                return  # the wake watcher took the microphone for the answer: the question stays
            self.reply = None
            self.overlay.start_listening(self.engine_name)

    def _heard(self, heard: Heard) -> None:
        answering, self.answering = self.answering, False
        if heard.problem == "cancelled":
            return
        if heard.problem == "no speech heard":
            if answering:
                # The microphone ended while open for the answer (unplugged, a recording run out). A
                # question still waiting stays on screen with Yes and No to tap; one answered by touch in
                # the meantime has its result on screen, which this must not replace.
                asked = self.assistant.asked
                if asked is not None:
                    self.overlay.ask(asked.question)
                return
            self.overlay.show_result(self.tr("I did not hear anything."))
            return
        understood = heard.understanding
        also = understood.alternative[0].text if understood and understood.opposite_risk else None
        self.overlay.set_understood(heard.text, [i.name for i in heard.intents], heard.confidence, also)
        self._submit(heard.text, heard.intents, heard.question)

    def _submit(self, text: str, intents: list[Intent], question: str | None) -> None:
        reply = self.assistant.submit(text, intents, question)
        if reply.question:
            self.overlay.ask(reply.question)
            self.speech.say(reply.question)
            self.awaiting_answer = True
            return
        self.reply = reply
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
        if self.assistant.expire():
            self.awaiting_answer = False
            if self.loop.listening:
                self.loop.cancel()
            self.overlay.show_result(self.tr("No answer: nothing done."))
        elif self.awaiting_answer and self.loop.ready and not self.loop.listening and self._question_said():
            self.awaiting_answer = False
            self.overlay.listen_for_answer()
            self.answering = True
            self.loop.listen(interrupt=False)
        self.speech.tick()
        self.overlay.tick()

    def _question_said(self) -> bool:
        # A speaker that cannot tell whether it still speaks is taken as done (speech off, or silent).
        return self.options.barge_in_speech or not getattr(self.speaker, "speaking", False)

    def _follow(self) -> None:
        reply = self.reply
        if reply is None:
            return
        if self.assistant.refresh(reply):
            self.reply = None
            self.overlay.show_result(reply.text, error=not reply.ok)
            self.speech.say(reply.text)
        else:
            self.overlay.set_pending(self.tr("Waiting for the car…"))
