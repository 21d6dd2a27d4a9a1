"""Understanding a recognizer's transcript: confidence, near misses, and the question asked before acting
when the reading is unsure or the n-best readings would move a setting opposite ways."""

from __future__ import annotations

import pytest

from voice.engines.base import Transcript
from voice.understanding.intents import load_intents
from voice.understanding.parser import ASK_BELOW, IntentParser


@pytest.fixture(scope="module")
def parser() -> IntentParser:
    return IntentParser(load_intents())


def read(understood) -> list[tuple[str, dict]]:
    return [(i.name, i.slots) for i in understood.intents]


def test_a_clear_command_is_acted_on_without_a_question(parser):
    understood = parser.understand(Transcript("close the windows", confidence=0.95))
    assert read(understood) == [("WindowClose", {"window": "all"})]
    assert understood.confidence == pytest.approx(0.95)
    assert understood.question is None and not understood.opposite_risk


def test_typed_text_is_fully_confident(parser):
    understood = parser.understand(Transcript("turn on the a c"))
    assert understood.confidence == 1.0 and understood.question is None


@pytest.mark.parametrize(
    ("heard", "alternative", "question"),
    [
        ("lower the windows", "close the windows", "Did you mean open the windows?"),
        ("close the windows", "lower the windows", "Did you mean close the windows?"),
        ("make it cooler", "make it warmer", "Did you mean make it cooler?"),
        ("make it warmer", "make it colder", "Did you mean make it warmer?"),
        ("turn on the a c", "turn off the a c", "Did you mean turn on the air conditioning?"),
        ("unlock the car", "lock the car", "Did you mean unlock the doors?"),
        ("turn the fan up", "turn the fan down", "Did you mean turn the fan up?"),
        ("increase the temperature", "decrease the temperature", "Did you mean make it warmer?"),
        ("open the trunk", "close the trunk", "Did you mean open the trunk?"),
        ("seat heater off", "seat heater on", "Did you mean turn off the seat heating for the seat?"),
    ],
)
def test_readings_that_disagree_on_direction_ask_even_when_the_recognizer_is_sure(
    parser, heard, alternative, question
):
    understood = parser.understand(Transcript(heard, alternatives=(alternative,), confidence=0.98))
    assert understood.opposite_risk
    assert understood.question == question
    assert understood.intents and understood.alternative


def test_an_opposite_reading_further_down_than_second_is_the_second_best_reading(parser):
    # The first alternative is the same command in other words: the second *reading* is the opposite one.
    understood = parser.understand(
        Transcript("close the windows", alternatives=("shut the windows", "open the windows"), confidence=0.9)
    )
    assert understood.opposite_risk and understood.question == "Did you mean close the windows?"


def test_alternatives_that_agree_do_not_ask(parser):
    understood = parser.understand(
        Transcript("close the windows", alternatives=("close all the windows", "roll up the windows"))
    )
    assert understood.question is None and not understood.opposite_risk


def test_a_different_but_not_opposite_reading_does_not_ask(parser):
    understood = parser.understand(Transcript("open the windows", alternatives=("open the sunroof",)))
    assert not understood.opposite_risk and understood.question is None


def test_absolute_settings_have_no_direction(parser):
    # A misheard number is a wrong value, bounded by the car's range check, not the opposite action.
    understood = parser.understand(
        Transcript("set the temperature to twenty two", alternatives=("set the temperature to twenty",))
    )
    assert not understood.opposite_risk


def test_low_recognizer_confidence_asks(parser):
    understood = parser.understand(Transcript("close the windows", confidence=ASK_BELOW - 0.1))
    assert read(understood) == [("WindowClose", {"window": "all"})]
    assert understood.question == "Did you mean close the windows?" and not understood.opposite_risk


def test_a_command_found_only_down_the_n_best_list_is_less_certain(parser):
    understood = parser.understand(
        Transcript("open bus on", alternatives=("open the sunroof",), confidence=0.65)
    )
    assert read(understood) == [("SunroofOpen", {})]
    assert understood.confidence < 0.65 and understood.question is not None


def test_a_rejected_best_text_is_not_read(parser):
    understood = parser.understand(Transcript("lock the car", rejected=True))
    assert understood.intents == [] and understood.confidence == 0.0


@pytest.mark.parametrize(
    ("typed", "intent", "slots"),
    [
        ("turn on the windsheild defroster", "TurnOn", {"switch": "climate.defrost_front"}),
        ("set the temprature to twenty two", "ClimateSetTemperature", {"temperature": 22}),
        ("masage my back", "SeatMassage", {}),
        ("open the sunrooof", "SunroofOpen", {}),
        ("show me the enrgy screen", "ShowPanel", {"panel": "energy"}),
        ("what's the tyre presure", "AskTyrePressure", {}),
    ],
)
def test_near_misses_are_recovered_with_a_lower_score(parser, typed, intent, slots):
    understood = parser.understand(Transcript(typed))
    assert read(understood) == [(intent, slots)]
    assert 0.8 <= understood.match_score < 1.0 and understood.confidence == understood.match_score


@pytest.mark.parametrize(
    "typed",
    [
        "don't open the windows",  # a negation is never corrected towards a command
        "do not turn on the heeted seats",
        "clean the windshield",  # one letter from "clear", but another word: wipers, not defrost
        "turn on the hazard lights",  # an unknown word is not dropped to make "turn on the lights"
        "opne the windows",  # short words are too alike to correct safely
    ],
)
def test_what_is_not_a_near_miss_is_not_understood(parser, typed):
    assert parser.understand(Transcript(typed)).intents == []


def test_parse_still_gives_the_intents_of_typed_text(parser):
    found = parser.parse("turn on the a c and close the windows")
    assert [i.name for i in found] == ["TurnOn", "WindowClose"]
    assert parser.parse("") == []


def test_korean_is_understood_and_asks_with_its_own_words():
    parser = IntentParser(load_intents(language="ko"))
    understood = parser.understand(Transcript("창문 열어", alternatives=("창문 닫아",)))
    assert read(understood) == [("WindowOpen", {"window": "all"})]
    assert understood.opposite_risk and understood.question == "Did you mean 창문 열어?"


def test_free_text_slots_count_only_from_a_recognizer_that_hears_any_words(parser):
    # Whisper (or typed text) can hear an artist's name; pocketsphinx and Vosk only the templates' words,
    # so their "play some wheel heat" is noise, while their fixed media phrasings still count.
    free = parser.understand(Transcript("play aurora lane"))
    assert read(free) == [("MediaPlay", {"query": "aurora lane"})]
    assert parser.understand(Transcript("play some wheel heat", free_text=False)).intents == []
    fixed = parser.understand(Transcript("play some music and next song", free_text=False))
    assert read(fixed) == [("MediaPlay", {}), ("MediaNext", {})]
