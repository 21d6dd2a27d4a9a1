"""The head unit's one voice: the assistant's replies and navigation's prompts are spoken through the same
:class:`voice.reply.tts.Speaker`, so one place knows when the car is talking.

The hook for whatever must give way to speech (the media player ducks its music): ``speaking_changed(bool)``
is emitted when speech starts and once it has ended, whoever spoke; ``said(text, kind)`` tells what was said
(``kind`` is ``"reply"`` or ``"prompt"``). A prompt is held while the microphone listens (it would be heard as
the driver's words) and said once it closes, unless it is older than ``HOLD_PROMPT_S`` by then: "turn left
now" said late is worse than not said.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from voice.reply.tts import Speaker

HOLD_PROMPT_S = 4.0


class SpeechOutput(QObject):
    speaking_changed = Signal(bool)
    said = Signal(str, str)  # text, "reply" or "prompt"

    def __init__(self, speaker: Speaker, listening: Callable[[], bool] = lambda: False) -> None:
        super().__init__()
        self.speaker = speaker
        self.listening = listening
        self.speaking = False
        self._held: tuple[str, str | None, float] | None = None

    def say(self, text: str, kind: str = "reply", voice: str | None = None) -> None:
        """Speak ``text`` now (cutting off what is being said); a ``"prompt"`` waits for the microphone."""
        if not text:
            return
        if kind == "prompt" and self.listening():
            self._held = (text, voice, time.monotonic())
            return
        self.speaker.say(text, voice)
        self.said.emit(text, kind)
        self._update(True)

    def tick(self) -> None:
        """On the window's tick: say a held prompt once the microphone has closed; notice when speech ends."""
        if self._held is not None and not self.listening():
            text, voice, since = self._held
            self._held = None
            if time.monotonic() - since <= HOLD_PROMPT_S:
                self.say(text, "prompt", voice)
        self._update(bool(self.speaker.speaking))

    def _update(self, speaking: bool) -> None:
        # Speech that is off (no speaker, muted) never starts: nothing to duck for.
        speaking = speaking and self.speaker.enabled
        if speaking != self.speaking:
            self.speaking = speaking
            self.speaking_changed.emit(speaking)
