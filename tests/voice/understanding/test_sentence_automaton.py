"""The sentence automaton allows exactly what the templates allow, in the forms Whisper writes."""

from __future__ import annotations

import pytest

from voice.understanding.grammar import build_grammar
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser
from voice.understanding.sentence_automaton import SentenceAutomaton

INTENTS = load_intents()
AUTOMATON = SentenceAutomaton.from_intents(INTENTS)
PARSER = IntentParser(INTENTS)


def allowed(text: str) -> bool:
    return AUTOMATON.accepts(AUTOMATON.walk(text.split()))


def test_every_sentence_drawn_from_the_templates_is_allowed_and_is_a_command() -> None:
    sentences = sorted(set(build_grammar(INTENTS).sample(per_sentence=2, seed=3)))
    assert len(sentences) > 500
    refused = [s for s in sentences if not allowed(s)]
    assert refused == []


@pytest.mark.parametrize(
    "text",
    [
        "set the temperature to 22",  # a range value in digits, as Whisper writes it
        "set the temperature to twenty two",
        "turn on the ac",  # "a c" written as one word
        "turn on the a c",
        "please close the windows",  # skip words open or close a sentence
        "close the windows please",
        "turn on the a c and close the windows",  # two commands joined
    ],
)
def test_whispers_written_forms_and_joined_commands_are_allowed(text: str) -> None:
    assert allowed(text)
    assert PARSER.parse(text), text


@pytest.mark.parametrize(
    "text",
    [
        "tell me a joke about penguins",
        "turn on the",
        "close the windows the windows",
        "set the temperature to 99",
    ],
)
def test_what_the_templates_do_not_allow_is_refused(text: str) -> None:
    assert not allowed(text)


def test_a_prefix_lists_the_words_that_may_follow() -> None:
    after = AUTOMATON.next_words(AUTOMATON.walk(["turn"]))
    assert {"on", "off", "up", "down"} <= set(after)
    assert "penguins" not in after
    assert not AUTOMATON.accepts(AUTOMATON.walk(["turn"]))
