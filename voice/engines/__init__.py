"""Recognition engines behind one interface (base.Engine), and the choice of the best one installed."""

from __future__ import annotations

from hassil import Intents

from ..errors import VoiceError
from .base import SAMPLE_RATE, Engine, Stream, Transcript
from .models import find_vosk_model

ENGINES = ("auto", "vosk", "pocketsphinx")

__all__ = ["ENGINES", "SAMPLE_RATE", "Engine", "Stream", "Transcript", "open_engine"]


def open_engine(
    name: str, intents: Intents, vosk_model: str | None = None, free_form: bool = False
) -> Engine:
    """``auto``: Vosk when a model for the intents' language is found (or given), else pocketsphinx.

    ``free_form`` recognizes without the templates' grammar (dictation; the parser still decides).
    """
    grammar = None if free_form else intents
    language = intents.language
    if name in ("auto", "vosk"):
        model = find_vosk_model(language, vosk_model)
        if model is not None:
            from .vosk_engine import VoskEngine

            return VoskEngine(model, grammar)
        if name == "vosk":
            raise VoiceError(
                f"no Vosk model for language {language!r}",
                fix=f"Run: cockpit voice download {language}, set VOSK_MODEL_PATH, or give --vosk-model DIR",
            )
    if language != "en":
        raise VoiceError(
            f"pocketsphinx here has only an English model, and the intents are {language!r}",
            fix=f"Install a Vosk model: cockpit voice download {language}",
        )
    from .pocketsphinx_engine import PocketsphinxEngine

    return PocketsphinxEngine(grammar)
