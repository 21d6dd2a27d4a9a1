"""The template sentence closest to a misheard transcript (word edit distance over the grammar)."""

from __future__ import annotations

import pytest

from voice.understanding.closest import ClosestSentence
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

INTENTS = load_intents()
CLOSEST = ClosestSentence(INTENTS)
PARSER = IntentParser(INTENTS)


@pytest.mark.parametrize(
    ("heard", "meant", "intent", "slots"),
    [
        ("turn off the child block", "turn off the child lock", "TurnOff", {"switch": "window.child_lock"}),
        ("open the sun to eighty percent", None, "SunroofSetPosition", {"percent": 80}),
        ("what is the time to feel", "what is the time to full", "AskTimeToCharge", {}),
        ("massage the passenger speed", "massage the passenger seat", "SeatMassage", {"seat": "passenger"}),
    ],
)
def test_a_misheard_command_comes_back_as_a_template_sentence(heard, meant, intent, slots):
    found = CLOSEST.find(heard)
    assert found is not None
    if meant:
        assert found.text == meant
    assert 0 < found.distance < 0.3
    [got] = PARSER.parse(found.text)  # a sentence of the templates: hassil parses it, slots included
    assert (got.name, got.slots) == (intent, slots)


def test_a_template_sentence_is_its_own_closest():
    found = CLOSEST.find("close the windows please")  # skip words cost nothing
    assert found is not None and found.text == "close the windows" and found.cost == 0


def test_several_candidates_come_from_different_template_lines():
    # "then one" (Piper's "fan one" to Whisper): the closest on paper ("regen one") need not be what was
    # said, so the engine scores several against the audio.
    found = CLOSEST.nearest("then one", 3)
    assert [f.text for f in found][:1] == [CLOSEST.find("then one").text]
    assert len({f.text for f in found}) == 3
    assert [f.cost for f in found] == sorted(f.cost for f in found)


@pytest.mark.parametrize("heard", ["the quarterly report is due on friday afternoon at the office", "", "um"])
def test_speech_far_from_every_command_is_no_candidate_or_a_distant_one(heard):
    found = CLOSEST.find(heard)
    assert found is None or found.distance > 0.3
