"""Speech probability per 32 ms frame from Silero VAD, the model faster-whisper ships, fed as audio arrives.

Why, where pocketsphinx's WebRTC-style VAD was: in cabin noise that VAD hears speech everywhere. Measured on a
spoken command in our road, wind and fan noise: at 10 dB (road, fan) and at 5 dB (all three) it called
the noise speech from the first frames and never found an end, so the assistant listened until the audio
ran out; Silero's probabilities kept to the words down to 0 dB (docs/architecture.md).

faster-whisper's ``SileroVADModel`` takes a whole recording at once; the stream here keeps the model's
state (``h``, ``c``) and the 64-sample context between frames, which is what its batch call does inside.
"""

from __future__ import annotations

import functools

import numpy as np

FRAME_SAMPLES = 512  # the model's frame at 16 kHz: 32 ms
CONTEXT_SAMPLES = 64


@functools.lru_cache(maxsize=1)
def _session() -> object:
    from faster_whisper.vad import get_vad_model

    return get_vad_model().session  # one ONNX session for the process, as faster-whisper keeps it


class SileroStream:
    """Feed :data:`FRAME_SAMPLES` 16-bit samples at a time; get the probability that they are speech."""

    def __init__(self) -> None:
        self._session = _session()
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT_SAMPLES, dtype=np.float32)

    def probability(self, frame: bytes) -> float:
        samples = np.frombuffer(frame, dtype=np.int16).astype(np.float32) / 32768.0
        batch = np.concatenate([self._context, samples])[np.newaxis, :]
        out, self._h, self._c = self._session.run(None, {"input": batch, "h": self._h, "c": self._c})  # type: ignore[attr-defined]
        self._context = samples[-CONTEXT_SAMPLES:]
        return float(np.asarray(out).reshape(-1)[0])
