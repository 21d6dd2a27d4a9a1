"""Where audio frames come from: a microphone (sounddevice) or a WAV file, through the same listener."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

import numpy as np

from ..engines.base import SAMPLE_RATE
from ..errors import VoiceError

CHUNK_S = 0.03


def array_frames(samples: np.ndarray, chunk_s: float = CHUNK_S) -> Iterator[bytes]:
    """A recording as the microphone would deliver it: fixed-size chunks of 16-bit PCM."""
    step = int(SAMPLE_RATE * chunk_s)
    data = np.asarray(samples, dtype=np.int16)
    for i in range(0, len(data), step):
        yield data[i : i + step].tobytes()


def _sounddevice():
    try:
        import sounddevice
    except OSError as exc:  # the module is there but PortAudio is not
        raise VoiceError(
            f"no microphone: {exc}",
            fix="Install PortAudio (apt-get install libportaudio2); test with: cockpit voice test FILE.wav",
        ) from None
    return sounddevice


def input_devices() -> list[tuple[int, str]]:
    sd = _sounddevice()
    return [(i, d["name"]) for i, d in enumerate(sd.query_devices()) if d["max_input_channels"] > 0]


class Microphone:
    """16 kHz mono capture from an input device (default, an index, or part of its name)."""

    def __init__(self, device: str | int | None = None) -> None:
        sd = _sounddevice()
        if isinstance(device, str) and device.isdigit():
            device = int(device)
        try:
            info = sd.query_devices(device, "input")
        except (ValueError, sd.PortAudioError) as exc:
            devices = ", ".join(f"{i}: {n}" for i, n in input_devices()) or "none"
            raise VoiceError(
                f"no microphone {device if device is not None else ''}({exc})".replace("(", " (", 1),
                fix=f"Input devices: {devices}. Pick one with --mic",
            ) from None
        self.name = info["name"]
        self._queue: queue.Queue[bytes] = queue.Queue()
        self._stream = sd.RawInputStream(
            samplerate=SAMPLE_RATE,
            channels=1,
            dtype="int16",
            device=device,
            blocksize=int(SAMPLE_RATE * CHUNK_S),
            callback=self._callback,
        )

    def _callback(self, data, frames, time, status) -> None:
        self._queue.put(bytes(data))

    def frames(self, stop: threading.Event) -> Iterator[bytes]:
        """Chunks until ``stop`` is set."""
        self._stream.start()
        try:
            while not stop.is_set():
                try:
                    yield self._queue.get(timeout=0.1)
                except queue.Empty:
                    continue
        finally:
            self._stream.stop()

    def close(self) -> None:
        self._stream.close()
