"""Whisper's written text put into the words the templates use."""

from __future__ import annotations

import pytest

from voice.engines.command_text import command_words, written_forms
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("Set the fan to level 3.", "set the fan to level three"),
        ("Open the sun roof 50%", "open the sunroof fifty percent"),
        ("Turn on the A/C!", "turn on the a c"),
        ("Set it to 22°C.", "set it to twenty two degrees"),
        ("It's 21.5 degrees", "it's twenty one point five degrees"),
        ("A 12-ounce latte", "a twelve ounce latte"),
        ("1,000 miles", "one thousand miles"),
    ],
)
def test_written_text_becomes_template_words(written, words):
    assert command_words(written) == words


PARSER = IntentParser(load_intents())


def test_normalised_text_parses_as_the_command():
    [intent] = PARSER.parse(command_words("Set the temperature to 22 degrees."))
    assert (intent.name, intent.slots) == ("ClimateSetTemperature", {"temperature": 22})


@pytest.mark.parametrize(
    ("words", "forms"),
    [
        ("make the temperature eighteen", ["Make the temperature eighteen.", "Make the temperature 18."]),
        ("turn on the a c", ["Turn on the AC."]),
        (
            "open the sunroof to fifty percent",
            ["Open the sunroof to fifty percent.", "Open the sunroof to 50%."],
        ),
        ("set it to twenty two degrees", ["Set it to twenty two degrees.", "Set it to 22 degrees."]),
        ("close the windows", ["Close the windows."]),
    ],
)
def test_template_words_are_scored_as_whisper_writes_them(words, forms):
    assert written_forms(words) == forms
    # and what Whisper would write reads back as the same command
    [said], [read] = PARSER.parse(words), PARSER.parse(command_words(forms[-1]))
    assert (read.name, read.slots) == (said.name, said.slots)
