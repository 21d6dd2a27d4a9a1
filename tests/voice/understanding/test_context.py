"""Follow-ups resolved from the dialogue, and user intent files merged over the shipped ones."""

from __future__ import annotations

import pytest

from voice.errors import VoiceError
from voice.understanding.context import Dialogue
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

PARSER = IntentParser(load_intents())


def _run(*texts: str):
    dialogue = Dialogue()
    return [[(i.name, i.slots) for i in dialogue.resolve(PARSER.parse(t))] for t in texts]


def test_warmer_keeps_the_zone_and_a_bit_more_repeats_by_one():
    assert _run("set the passenger temperature to twenty", "warmer", "a bit more", "a bit less")[1:] == [
        [("ClimateRaiseTemperature", {"zone": "passenger", "amount": 1})],
        [("ClimateRaiseTemperature", {"zone": "passenger", "amount": 1})],
        [("ClimateLowerTemperature", {"zone": "passenger", "amount": 1})],
    ]


def test_the_passenger_side_too_repeats_the_last_command_there():
    assert _run("heat the driver seat to low", "the passenger side too")[1] == [
        ("SeatHeating", {"seat": "passenger", "level": 1})
    ]
    assert _run("set the temperature to twenty two", "the passenger side too")[1] == [
        ("ClimateSetTemperature", {"temperature": 22, "zone": "passenger"})
    ]


def test_less_after_opening_a_window_closes_it_a_step():
    assert _run("open the driver window", "a bit less")[1] == [
        ("WindowSetPosition", {"window": "driver", "percent": 80})
    ]


def test_questions_do_not_become_the_context():
    assert _run("turn up the fan", "what's the range", "more")[2] == [("ClimateFanUp", {"amount": 1})]


def test_a_user_intents_file_adds_places_and_sentences(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "language: en\n"
        'lists:\n  place:\n    values:\n      - {in: "the beach", out: beach}\n'
        'intents:\n  Lock:\n    data:\n      - sentences: ["secure the car"]\n'
    )
    parser = IntentParser(load_intents([mine]))
    assert [(i.name, i.slots) for i in parser.parse("take me to the beach")] == [
        ("NavigateToPlace", {"place": "beach"})
    ]
    assert [i.name for i in parser.parse("secure the car")] == ["Lock"]
    assert [i.name for i in parser.parse("lock the doors")] == ["Lock"]  # ours are still there


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("intents: [unclosed", r"mine.yaml:\d+: not valid YAML"),
        ("- just a list", "not an intents file"),
        ("language: en\nintents:\n  Broken:\n    sentences: [x]\n", "intent 'Broken' has no 'data'"),
    ],
)
def test_a_bad_intents_file_is_one_line(tmp_path, content, message):
    mine = tmp_path / "mine.yaml"
    mine.write_text(content)
    with pytest.raises(VoiceError, match=message):
        load_intents([mine])
