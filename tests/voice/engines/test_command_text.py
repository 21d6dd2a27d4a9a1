"""Whisper's written text put into the words the templates use."""

from __future__ import annotations

import pytest

from voice.engines.command_text import command_words
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


def test_normalised_text_parses_as_the_command():
    parser = IntentParser(load_intents())
    [intent] = parser.parse(command_words("Set the temperature to 22 degrees."))
    assert (intent.name, intent.slots) == ("ClimateSetTemperature", {"temperature": 22})
