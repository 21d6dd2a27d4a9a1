"""WAV files in, 16 kHz mono 16-bit samples out: other rates are resampled, stereo is mixed down."""

from __future__ import annotations

import wave
from dataclasses import dataclass, field
from math import gcd
from pathlib import Path
from typing import BinaryIO

import numpy as np

from ..engines.base import SAMPLE_RATE
from ..errors import VoiceError

FIX = "Convert it: sox IN.wav -r 16000 -c 1 -b 16 OUT.wav"


@dataclass
class Audio:
    samples: np.ndarray  # int16, mono, SAMPLE_RATE
    notes: list[str] = field(default_factory=list)  # what was converted, for the user

    @property
    def seconds(self) -> float:
        return len(self.samples) / SAMPLE_RATE


def read_wav(source: str | Path | BinaryIO) -> Audio:
    """A WAV file (path or open binary file) as 16 kHz mono samples; VoiceError for what cannot be used."""
    path = Path(source) if isinstance(source, (str, Path)) else Path(getattr(source, "name", "<audio>"))
    try:
        with wave.open(str(path) if isinstance(source, (str, Path)) else source, "rb") as w:
            channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
            raw = w.readframes(w.getnframes())
    except FileNotFoundError:
        raise VoiceError("audio file not found", where=str(path)) from None
    except (wave.Error, EOFError) as exc:
        # The standard reader takes integer PCM only; float and compressed WAVs land here.
        raise VoiceError(
            f"not a PCM WAV file this reader can use ({exc})", where=str(path), fix=FIX
        ) from None
    except OSError as exc:
        raise VoiceError(f"cannot read the audio file: {exc}", where=str(path)) from None
    if width not in (1, 2, 3, 4):
        raise VoiceError(f"unsupported sample width of {width} bytes", where=str(path), fix=FIX)
    signal = _to_float(raw, width).reshape(-1, channels) if raw else np.zeros((0, channels))
    notes = []
    if channels > 1:
        notes.append(f"{channels} channels mixed down to mono")
    mono = signal.mean(axis=1)
    if rate != SAMPLE_RATE:
        notes.append(f"resampled from {rate} Hz to {SAMPLE_RATE} Hz")
        mono = resample(mono, rate)
    if len(mono) == 0:
        raise VoiceError("the audio file holds no samples", where=str(path))
    return Audio(to_int16(mono), notes)


def resample(signal: np.ndarray, rate: int, target: int = SAMPLE_RATE) -> np.ndarray:
    from scipy.signal import resample_poly

    g = gcd(rate, target)
    return resample_poly(signal, target // g, rate // g)


def to_int16(signal: np.ndarray) -> np.ndarray:
    return np.clip(np.round(signal * 32768.0), -32768, 32767).astype(np.int16)


def write_wav(path: str | Path, samples: np.ndarray, rate: int = SAMPLE_RATE) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.asarray(samples, dtype=np.int16).tobytes())


def _to_float(raw: bytes, width: int) -> np.ndarray:
    if width == 1:  # 8-bit WAV is unsigned
        return (np.frombuffer(raw, np.uint8).astype(np.float64) - 128.0) / 128.0
    if width == 3:
        b = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int32)
        values = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        values = np.where(values & 0x800000, values - 0x1000000, values)
        return values / float(1 << 23)
    dtype = np.int16 if width == 2 else np.int32
    return np.frombuffer(raw, dtype).astype(np.float64) / float(1 << (8 * width - 1))
