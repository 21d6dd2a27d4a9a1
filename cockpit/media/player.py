"""Playback: decode with soundfile (libsndfile) and play through sounddevice (PortAudio).

Chosen over miniaudio after measuring (docs/benchmarks.md, "Media"): both decode a 30 s FLAC or Ogg in
about the same time, so what decides is that sounddevice is already the voice package's audio stack (music
and speech share one audio library instead of two) and that libsndfile is a Debian package on a Pi.
libsndfile reads WAV, FLAC, Ogg/Opus, MP3 (1.1+), AIFF; an M4A track is listed by the scan but reported
once as unplayable.

The audio thread pulls blocks in ``_fill``: the gain is read from the volume policy for every block, so
mute and ducking take effect within one block (about 40 ms). The output is opened through a factory so
tests drive ``_fill`` without an audio device.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from .volume import VolumePolicy

BLOCK_FRAMES = 2048
NO_OUTPUT = "no audio output"
NO_OUTPUT_FIX = "check `cockpit doctor` and the sound settings"


class PlaybackError(Exception):
    """A track that cannot be played, or no audio output; the message says which and what to do."""


class Output(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...


OutputFactory = Callable[[int, int, Callable[[Any, int], bool]], Output]


class _DeviceOutput:
    """A sounddevice stream whose callback asks ``fill`` for each block."""

    def __init__(self, samplerate: int, channels: int, fill: Callable[[Any, int], bool]) -> None:
        try:
            import sounddevice as sd

            def callback(outdata: Any, frames: int, _time: Any, _status: Any) -> None:
                if not fill(outdata, frames):
                    raise sd.CallbackStop

            self._stream = sd.OutputStream(
                samplerate=samplerate,
                channels=channels,
                dtype="float32",
                blocksize=BLOCK_FRAMES,
                callback=callback,
            )
        except (OSError, ValueError, RuntimeError) as exc:  # PortAudio missing, no device, bad format
            raise PlaybackError(
                f"no audio output ({exc}); check `cockpit doctor` and the sound settings"
            ) from exc

    def start(self) -> None:
        self._stream.start()

    def stop(self) -> None:
        self._stream.stop()

    def close(self) -> None:
        self._stream.close()


class SilentOutput:
    """No sound device at all: the track is loaded and "plays" (the screen shows it) but nothing pulls
    blocks, so the position stays where it was. For screenshots and CI, which have no audio device."""

    def __init__(self, samplerate: int, channels: int, fill: Callable[[Any, int], bool]) -> None:
        self.samplerate, self.channels = samplerate, channels

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


class Player:
    """One track at a time: play, pause, seek. ``finished`` turns true at a track's end; the owner polls it
    (``MediaController.tick``) because starting the next track from inside the audio callback would stop
    the stream from its own thread."""

    def __init__(self, volume: VolumePolicy, output: OutputFactory | None = None) -> None:
        self.volume = volume
        self._output_factory = output or _DeviceOutput
        self._lock = threading.Lock()
        self._file: Any = None
        self._output: Output | None = None
        self._frame = 0
        self.playing = False
        self.finished = False

    @property
    def position_s(self) -> float:
        f = self._file
        return self._frame / f.samplerate if f is not None else 0.0

    def load(self, path: str) -> None:
        """Open ``path`` paused at its start; raises PlaybackError (the previous track is closed)."""
        import soundfile

        self.close()
        try:
            sf = soundfile.SoundFile(path)
        except (soundfile.LibsndfileError, RuntimeError, OSError, TypeError) as exc:
            raise PlaybackError(f"{path}: cannot play this file ({exc}); it is skipped") from exc
        try:
            output = self._output_factory(sf.samplerate, sf.channels, self._fill)
        except PlaybackError:
            sf.close()
            raise
        with self._lock:
            self._file, self._output, self._frame = sf, output, 0
            self.finished = False

    def play(self) -> None:
        if self._output is not None and not self.playing:
            self.playing = True
            self._output.start()

    def pause(self) -> None:
        if self._output is not None and self.playing:
            self.playing = False
            self._output.stop()

    def seek(self, seconds: float) -> None:
        with self._lock:
            if self._file is None:
                return
            frame = int(max(0.0, seconds) * self._file.samplerate)
            self._frame = min(frame, max(self._file.frames - 1, 0))
            self._file.seek(self._frame)

    def close(self) -> None:
        self.playing = False
        with self._lock:
            output, sf = self._output, self._file
            self._output = self._file = None
        if output is not None:
            output.stop()
            output.close()
        if sf is not None:
            sf.close()

    def _fill(self, outdata: Any, frames: int) -> bool:
        """Write the next block into ``outdata``; False (and ``finished``) at the end of the track."""
        with self._lock:
            if self._file is None:
                outdata.fill(0)
                return False
            block = self._file.read(frames, dtype="float32", always_2d=True)
            self._frame += len(block)
        gain = np.float32(self.volume.gain())
        outdata[: len(block)] = block * gain
        if len(block) < frames:
            outdata[len(block) :] = 0
            self.playing = False
            self.finished = True
            return False
        return True
