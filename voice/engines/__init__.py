"""Recognition engines behind one interface (base.Engine), and the choice of the best one installed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hassil import Intents

from ..errors import VoiceError
from .base import SAMPLE_RATE, Engine, Stream, Transcript
from .models import find_vosk_model

ENGINES = ("auto", "whisper", "vosk", "pocketsphinx")

__all__ = ["ENGINES", "SAMPLE_RATE", "Engine", "Stream", "Transcript", "best_engine", "open_engine"]


def best_engine(
    language: str,
    vosk_model: str | None = None,
    whisper_model: str | None = None,
    installed: Sequence[Path] = (),
) -> str:
    """What ``auto`` means here: Whisper for English when faster-whisper and a model are installed, else
    Vosk when a model for the language is found, else pocketsphinx (English, always installed).
    ``installed``: model folders from the head unit's content updates, looked in first."""
    from .whisper_models import whisper_model_available

    if language == "en" and (whisper_model or whisper_model_available(installed=installed)):
        return "whisper"
    if vosk_model or find_vosk_model(language, installed=installed) is not None:
        return "vosk"
    return "pocketsphinx"


def open_engine(
    name: str,
    intents: Intents,
    vosk_model: str | None = None,
    free_form: bool = False,
    whisper_model: str | None = None,
    second_opinion: bool = False,
    installed: Sequence[Path] = (),
) -> Engine:
    """``auto``: :func:`best_engine`. ``free_form`` recognizes without the templates' grammar (dictation;
    the parser still decides); Whisper always transcribes freely, biased by the templates' words."""
    grammar = None if free_form else intents
    language = intents.language
    if name == "auto":
        name = best_engine(language, vosk_model, whisper_model, installed)
    if name == "whisper":
        from .pocketsphinx_engine import PocketsphinxEngine
        from .second_opinion import SecondOpinionEngine
        from .whisper_engine import WhisperEngine
        from .whisper_models import find_whisper_model

        whisper = WhisperEngine(find_whisper_model(whisper_model, installed=installed), intents)
        # pocketsphinx's template reading as a second opinion: more commands accepted clean, but more
        # opposite actions in noise (docs/architecture.md), so it is off unless asked for.
        return SecondOpinionEngine(whisper, PocketsphinxEngine(intents)) if second_opinion else whisper
    if name == "vosk":
        model = find_vosk_model(language, vosk_model, installed)
        if model is None:
            raise VoiceError(
                f"no Vosk model for language {language!r}",
                fix=f"Run: cockpit voice download {language}, set VOSK_MODEL_PATH, or give --vosk-model DIR",
            )
        from .vosk_engine import VoskEngine

        return VoskEngine(model, grammar)
    if language != "en":
        raise VoiceError(
            f"pocketsphinx here has only an English model, and the intents are {language!r}",
            fix=f"Install a Vosk model: cockpit voice download {language}",
        )
    from .pocketsphinx_engine import PocketsphinxEngine

    return PocketsphinxEngine(grammar)
