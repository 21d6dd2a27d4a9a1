"""Free transcription → the words the intent templates are written in, and back.

Whisper writes the way a newspaper does ("Set the fan to level 3.", "Open the sun roof 50%", "A/C"); the
templates spell numbers as words ("level three", hassil reads "fifty" for a range), write "sunroof" and "a
c", and have no punctuation. This module bridges the two and nothing more: which command was meant is
still the parser's decision.

:func:`written_forms` goes the other way, for scoring a template sentence against the audio: Whisper's
likelihood of a text depends on its spelling as much as on its sound ("Make the temperature 18." scored a
mean token log-probability of -0.15 on a clean utterance where "… eighteen." scored -1.38, "Turn on the
AC." -1.95 where "… a c." scored -2.67), so a sentence is scored as Whisper would have written it,
with numbers both ways, since it writes "one more" but "fan 1".
"""

from __future__ import annotations

import re
from functools import cache

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


# Template words → Whisper's spelling, for written_forms.
_WRITTEN = {"a c": "AC", "ac": "AC"}
_MAX_NUMBER = 200  # the templates' ranges (temperatures, percentages, levels) stay below it


@cache
def _numbers(language: str) -> dict[tuple[str, ...], str]:
    return {tuple(number_words(n, language)): str(n) for n in range(_MAX_NUMBER + 1)}


def written_forms(words: str, language: str = "en") -> list[str]:
    """A sentence in the templates' words as Whisper may write it: capital first, "AC", a full stop, and
    numbers as words and, where there are any, as digits ("make the temperature eighteen" → "Make the
    temperature eighteen.", "Make the temperature 18.")."""
    forms = [_sentence(words), _sentence(_digits(words, language))]
    return forms[:1] if forms[1] == forms[0] else forms


def _digits(words: str, language: str) -> str:
    numbers = _numbers(language)
    longest = max(len(k) for k in numbers)
    w = words.split()
    out: list[str] = []
    i = 0
    while i < len(w):
        for n in range(min(longest, len(w) - i), 0, -1):
            digits = numbers.get(tuple(w[i : i + n]))
            if digits is not None:
                out.append(digits)
                i += n
                break
        else:
            out.append(w[i])
            i += 1
    return " ".join(out)


def _sentence(text: str) -> str:
    for spoken, written in _WRITTEN.items():
        text = re.sub(rf"\b{spoken}\b", written, text)
    text = re.sub(r"(\d) percent\b", r"\1%", text)
    return (text[:1].upper() + text[1:] + ".") if text else text
