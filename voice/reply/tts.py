"""Spoken replies: Piper's neural voice when installed (the ``piper`` extra), espeak-ng otherwise.

Speech never blocks recognition or the screen: espeak-ng runs as a subprocess, Piper renders on a thread
and plays through sounddevice. :meth:`Speaker.stop` cuts either off at once (barge-in: the driver speaks
over the reply).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading

from . import piper_voice

log = logging.getLogger(__name__)
BACKENDS = ("auto", "piper", "espeak-ng")


class Speaker:
    def __init__(
        self,
        enabled: bool = True,
        voice: str = "en-us",
        rate_wpm: int = 170,
        backend: str = "auto",
        wav_out: str | None = None,
    ) -> None:
        """``wav_out``: espeak-ng writes each utterance to this WAV file instead of the loudspeaker (a head
        unit without audio, tests)."""
        self.program = shutil.which("espeak-ng")
        use_piper = backend in ("auto", "piper") and piper_voice.piper_available()
        self.backend = "piper" if use_piper else ("espeak-ng" if self.program else "")
        self.enabled = enabled and bool(self.backend)
        self.voice = voice
        self.rate_wpm = rate_wpm
        self.wav_out = wav_out
        self._current: subprocess.Popen | None = None
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def status(self) -> str:
        if self.enabled:
            return self.backend
        return "off" if self.backend else "off (neither Piper nor espeak-ng is installed)"

    @property
    def speaking(self) -> bool:
        if self._thread is not None and self._thread.is_alive():
            return True
        return self._current is not None and self._current.poll() is None

    def say(self, text: str, voice: str | None = None) -> None:
        """Speak ``text`` (cutting off what is still being said); nothing when off. ``voice``: an espeak-ng
        voice for this utterance (``cmn`` for Chinese); Piper's bundled voice speaks English only, so another
        language goes to espeak-ng."""
        if not self.enabled or not text:
            return
        self.stop()
        english = voice is None or voice.startswith("en")
        if self.backend == "piper" and english and self.wav_out is None:
            self._cancel = threading.Event()
            self._thread = threading.Thread(
                target=self._piper, args=(text, self._cancel), name="tts", daemon=True
            )
            self._thread.start()
            return
        if self.program is None:
            log.info("no espeak-ng for the %s voice: not spoken: %s", voice, text)
            return
        out = ["-w", self.wav_out] if self.wav_out else []
        self._current = subprocess.Popen(
            [self.program, "-v", voice or self.voice, "-s", str(self.rate_wpm), *out, "--", text],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def _piper(self, text: str, cancel: threading.Event) -> None:
        try:
            samples, rate = piper_voice.render(text)
            if cancel.is_set():
                return
            import sounddevice

            with self._lock:
                if cancel.is_set():
                    return
                sounddevice.play(samples, rate)
            while not cancel.is_set() and sounddevice.get_stream().active:
                cancel.wait(0.05)
        except Exception as exc:  # no output device, a broken voice: the reply is on screen anyway
            log.warning("Piper could not speak the reply: %s", exc)

    def synthesize(self, text: str, voice: str | None = None, rate_wpm: int | None = None) -> bytes:
        """The WAV espeak-ng would speak, as bytes (tests and the benchmark make speech with it)."""
        if self.program is None:
            raise FileNotFoundError("espeak-ng is not installed")
        args = [self.program, "-v", voice or self.voice, "-s", str(rate_wpm or self.rate_wpm), "--stdout"]
        return subprocess.run([*args, "--", text], capture_output=True, check=True).stdout

    def stop(self) -> None:
        """Stop speaking now (barge-in); a reply still being rendered is dropped."""
        self._cancel.set()
        if self.backend == "piper" and self._thread is not None:
            with self._lock:
                try:
                    import sounddevice

                    sounddevice.stop()
                except Exception:  # no audio device: nothing is playing
                    pass
        if self._current is not None and self._current.poll() is None:
            self._current.terminate()
        self._current = None
