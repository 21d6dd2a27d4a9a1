"""Free transcription → the words the intent templates are written in.

Whisper writes the way a newspaper does ("Set the fan to level 3.", "Open the sun roof 50%", "A/C"); the
templates spell numbers as words ("level three", hassil reads "fifty" for a range), write "sunroof" and "a
c", and have no punctuation. This module bridges the two and nothing more: which command was meant is
still the parser's decision.
"""

from __future__ import annotations

import re

from ..understanding.grammar import normalize, number_words

# Symbols with a spoken form the templates use.
_SYMBOLS = [
    (re.compile(r"\ba\s*/\s*c\b", re.I), " a c "),
    (re.compile(r"%"), " percent "),
    (re.compile(r"°\s*[cf]?\b", re.I), " degrees "),
    (re.compile(r"&"), " and "),
]
# Whisper splits or joins some compounds differently from the templates.
_COMPOUNDS = {
    "sun roof": "sunroof",
    "sun shade": "sunshade",
    "wind shield": "windshield",
    "head lights": "headlights",
    "tail gate": "tailgate",
    "okay": "ok",
}
# Digits with a unit glued on ("22c", "3rd") and plain numbers; decimals read as "point".
_NUMBER = re.compile(r"(?<![\w.])(\d+)(?:\.(\d+))?(st|nd|rd|th)?(?![\d])")
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


def command_words(text: str, language: str = "en") -> str:
    """Lower-case words, numbers spelled out, known compounds joined, no punctuation."""
    for pattern, spoken in _SYMBOLS:
        text = pattern.sub(spoken, text)
    text = _NUMBER.sub(lambda m: " " + _spell(m, language) + " ", re.sub(r"(?<=\d),(?=\d{3}\b)", "", text))
    words = " ".join(normalize(text))
    for split, joined in _COMPOUNDS.items():
        words = re.sub(rf"\b{split}\b", joined, words)
    return words


def _spell(match: re.Match[str], language: str) -> str:
    whole = int(match.group(1))
    if match.group(3) and whole in _ORDINALS:
        return _ORDINALS[whole]
    spoken = " ".join(number_words(whole, language))
    if match.group(2):
        spoken += " point " + " ".join(" ".join(number_words(int(d), language)) for d in match.group(2))
    return spoken
