"""The wake phrase ("hey cockpit"), spotted offline.

Each utterance the endpointer cuts from the running audio is decoded against a one-sentence grammar (the
phrase, with the filler words competing, as for commands); the phrase is heard when that utterance is
exactly it. pocketsphinx's keyphrase search was tried first: it did not fire on the phrase at any
threshold on the test speech, while this fires on it and not on other speech or noise.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from hassil import Intents

from ..engines.pocketsphinx_engine import PocketsphinxEngine
from ..listener import Listener
from ..understanding.parser import IntentParser

PHRASE = "hey cockpit"


class WakePhrase:
    def __init__(self, phrase: str = PHRASE) -> None:
        # The leading words are optional: the last, distinctive one ("cockpit") is what must be heard;
        # a greeting clipped by the endpointer or misheard should not cost the wake-up.
        *lead, last = phrase.split()
        template = " ".join([*(f"[{w}]" for w in lead), last])
        wake = {"Wake": {"data": [{"sentences": [template]}]}}
        intents = Intents.from_dict({"language": "en", "intents": wake})
        self.phrase = phrase
        # No noise front end: it cost pocketsphinx commands (docs/architecture.md, cabin-noise front end).
        self.listener = Listener(PocketsphinxEngine(intents), IntentParser(intents))

    def wait(self, frames: Iterable[bytes], stop: threading.Event | None = None) -> bool:
        """Listen utterance by utterance until the phrase is said (True) or the frames end / stop (False)."""
        source = iter(frames)
        while stop is None or not stop.is_set():
            heard = self.listener.listen(source, stop)
            if heard.intents:
                return True
            if heard.problem in ("no speech heard", "cancelled"):
                return False  # the audio ran out (a live microphone does not), or stopped
        return False
