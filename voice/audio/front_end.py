"""Where the listener puts the noise front end: before the endpointer, or on the speech segment only.

Before the endpointer (the default), the endpointer finds speech in the cleaned signal and the engine gets
the cleaned speech. On the segment only, the endpointer hears the raw signal and the engine gets the
segment cleaned; the front end still hears the audio between utterances (its output unused) so that it
follows the noise. Measured side by side: docs/benchmarks.md, "Cabin-noise front end".
"""

from __future__ import annotations

import numpy as np

from .noise_suppression import FrontEnd


class FrontEndFeed:
    """One listening stream through a front end (``front`` is kept: its noise estimate outlives it)."""

    def __init__(self, front: FrontEnd, before_vad: bool = True) -> None:
        self.front = front
        self.before_vad = before_vad
        self.front.restart()  # a new stream: the filters' memory belongs to the last one

    def for_endpointer(self, frame: bytes, in_speech: bool) -> bytes:
        """The frame the endpointer hears (``in_speech``: the endpointer's state before this frame)."""
        if self.before_vad:
            return self.front.process(np.frombuffer(frame, np.int16)).tobytes()
        if not in_speech:
            self.front.process(np.frombuffer(frame, np.int16))  # only to follow the noise between words
        return frame

    def for_engine(self, speech: bytes, started: bool) -> bytes:
        """The speech the engine hears."""
        if self.before_vad:
            return speech  # cleaned already
        if started:
            self.front.restart()  # the segment (lead-in included) does not continue the audio heard last
        return self.front.process(np.frombuffer(speech, np.int16)).tobytes()
