"""Spoken replies through espeak-ng (a subprocess, so speech never blocks recognition or the screen)."""

from __future__ import annotations

import shutil
import subprocess


class Speaker:
    def __init__(self, enabled: bool = True, voice: str = "en-us", rate_wpm: int = 170) -> None:
        self.program = shutil.which("espeak-ng")
        self.enabled = enabled and self.program is not None
        self.voice = voice
        self.rate_wpm = rate_wpm
        self._current: subprocess.Popen | None = None

    @property
    def status(self) -> str:
        if self.enabled:
            return "espeak-ng"
        return "off" if self.program else "off (espeak-ng is not installed)"

    def say(self, text: str) -> None:
        """Speak ``text`` (cutting off what is still being said); nothing when off."""
        if not self.enabled or not text:
            return
        self.stop()
        self._current = subprocess.Popen(
            [self.program, "-v", self.voice, "-s", str(self.rate_wpm), "--", text],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def synthesize(self, text: str, voice: str | None = None, rate_wpm: int | None = None) -> bytes:
        """The WAV espeak-ng would speak, as bytes (tests and the benchmark make speech with it)."""
        if self.program is None:
            raise FileNotFoundError("espeak-ng is not installed")
        args = [self.program, "-v", voice or self.voice, "-s", str(rate_wpm or self.rate_wpm), "--stdout"]
        return subprocess.run([*args, "--", text], capture_output=True, check=True).stdout

    def stop(self) -> None:
        if self._current is not None and self._current.poll() is None:
            self._current.terminate()
        self._current = None
