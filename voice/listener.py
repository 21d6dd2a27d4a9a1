"""One spoken request: audio frames → endpointing → recognizer → intents, with events for the screen.

The same code runs for a microphone and for WAV files (``cockpit voice test``): only the frame source
differs. Latency is measured from the endpoint (end of speech detected) to the intents.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from .audio.endpoint import open_endpointer
from .audio.noise_suppression import FrontEnd
from .engines.base import SAMPLE_RATE, Engine, Transcript
from .understanding.parser import Intent, IntentParser, Understanding

Events = Callable[
    [str, object], None
]  # ("level", dBFS) ("speech", None) ("partial", text) ("endpoint", None)


@dataclass
class Heard:
    text: str = ""
    intents: list[Intent] = field(default_factory=list)
    problem: str | None = None  # why nothing is done: no speech, not understood, cancelled
    # How sure understanding is, and what to ask before acting (see voice.understanding.Understanding).
    confidence: float | None = None
    question: str | None = None
    understanding: Understanding | None = None
    latency_ms: float | None = None  # endpoint → intents
    audio_s: float = 0.0
    engine_s: float = 0.0  # time spent in the recognizer (for the real-time factor)
    transcript: Transcript | None = None  # what the engine returned, confidence and alternatives included


def level_dbfs(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, np.int16).astype(np.float64)
    if not len(samples):
        return -96.0
    rms = math.sqrt(float(np.mean(samples * samples))) / 32768.0
    return max(-96.0, 20 * math.log10(rms)) if rms > 0 else -96.0


class Listener:
    def __init__(
        self,
        engine: Engine,
        parser: IntentParser,
        events: Events | None = None,
        front_end: FrontEnd | None = None,
    ) -> None:
        self.engine = engine
        self.parser = parser.prepare()  # near-miss vocabulary now, not inside the latency of an utterance
        self.events = events or (lambda kind, value: None)
        # Cabin-noise suppression (audio/noise_suppression.py) before the endpointer: the endpointer finds
        # speech in the cleaned signal and the engine hears the cleaned speech.
        self.front_end = front_end if engine.noise_front_end else None

    def listen(self, frames: Iterable[bytes], cancel: threading.Event | None = None) -> Heard:
        """Recognize the first utterance in ``frames`` (stops at its endpoint or when frames run out)."""
        endpointer = open_endpointer(self.engine.endpointer, lead_in_s=self.engine.lead_in_s)
        fe = self.front_end
        if fe is not None:
            fe.restart()  # a new stream: the filters' memory belongs to the last one
        size = endpointer.frame_bytes
        heard = Heard()
        stream = None
        pending = b""
        endpoint_at: float | None = None
        last_partial = ""

        def feed(pcm: bytes) -> None:
            nonlocal last_partial
            t = time.perf_counter()
            stream.accept(pcm)
            partial = stream.partial()
            heard.engine_s += time.perf_counter() - t
            if partial != last_partial:
                last_partial = partial
                self.events("partial", partial)

        for chunk in frames:
            if cancel is not None and cancel.is_set():
                heard.problem = "cancelled"
                if stream is not None:
                    stream.finish()
                return heard
            pending += chunk
            while len(pending) >= size:
                frame, pending = pending[:size], pending[size:]
                heard.audio_s += len(frame) / 2 / SAMPLE_RATE
                self.events("level", level_dbfs(frame))
                step = endpointer.process(frame if fe is None else _cleaned(fe, frame))
                if step.started:
                    t = time.perf_counter()
                    stream = self.engine.start()
                    heard.engine_s += time.perf_counter() - t
                    self.events("speech", None)
                if step.speech and stream is not None:
                    feed(step.speech)
                if step.ended:
                    endpoint_at = time.perf_counter()
                    break
            if endpoint_at is not None:
                break
        if endpoint_at is None:
            if fe is not None and pending:
                pending = _cleaned(fe, pending)
            step = endpointer.end(pending)
            if step.speech and stream is not None:
                feed(step.speech)
            endpoint_at = time.perf_counter()
        if stream is None:
            heard.problem = "no speech heard"
            return heard
        self.events("endpoint", None)
        t = time.perf_counter()
        transcript = stream.finish()
        heard.engine_s += time.perf_counter() - t
        understood = self.parser.understand(transcript)
        heard.understanding = understood
        heard.transcript = transcript
        heard.text = understood.text or transcript.text
        heard.intents = understood.intents
        if understood.intents:
            heard.confidence = understood.confidence
            heard.question = understood.question
        else:
            heard.problem = "not understood"
        heard.latency_ms = (time.perf_counter() - endpoint_at) * 1000.0
        return heard


def _cleaned(front_end: FrontEnd, pcm: bytes) -> bytes:
    return front_end.process(np.frombuffer(pcm, np.int16)).tobytes()
