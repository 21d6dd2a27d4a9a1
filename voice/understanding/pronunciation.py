"""How words sound, for matching what Whisper wrote to what the templates say.

Whisper in noise writes a word that sounds like the one said, not one spelt like it: "fan" becomes
"then", "ten" or "can", "a c" becomes "seat" or "see". On paper these are far apart; in CMU phones
(F AE N / DH EH N, EY S IY / S IY T) they share most of their sounds. The pronouncing dictionary is the
CMU one that pocketsphinx's wheel ships (a dependency already), with the project's own additions
(``assets/intents/LANG.dict``).

The dictionary is held as one bytes object (3 MB) with the offsets of its lines, searched by bisection
(it is sorted): parsing its 134,000 entries into a dict would cost about 20 MB more of the neural engine's
memory, which sits near its limit.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

LEXICON = Path(__file__).resolve().parents[2] / "assets" / "intents"

# Each phone as one character, phones that recognizers confuse sharing one: the vowels by where they are
# made (IY/IH, EH/AE, AA/AO/AH, UW/UH), TH/DH. Stress marks are dropped.
_CLASSES = {
    "IY": "i", "IH": "i", "EH": "e", "AE": "e", "EY": "y", "AY": "Y", "AA": "a", "AO": "a", "AH": "a",
    "OW": "o", "OY": "O", "UW": "u", "UH": "u", "AW": "w", "ER": "r",
    "TH": "0", "DH": "0", "B": "b", "CH": "c", "D": "d", "F": "f", "G": "g", "HH": "h", "JH": "j", "K": "k",
    "L": "l", "M": "m", "N": "n", "NG": "N", "P": "p", "R": "R", "S": "s", "SH": "S", "T": "t", "V": "v",
    "W": "W", "Y": "J", "Z": "z", "ZH": "Z",
}  # fmt: skip


def _encode(phones: str) -> str:
    return "".join(_CLASSES.get(p.rstrip("012"), "?") for p in phones.split())


class Pronunciations:
    """``sounds(word)``: the word's pronunciations, each a string of phone classes (empty if unknown)."""

    def __init__(self, language: str = "en", dictionary: Path | None = None) -> None:
        if dictionary is None:
            import pocketsphinx

            dictionary = Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict"
        self._blob = dictionary.read_bytes() if language == "en" and dictionary.is_file() else b""
        ends = np.flatnonzero(np.frombuffer(self._blob, np.uint8) == 10)
        starts = np.concatenate([[0], ends + 1]).astype(np.int64)
        self._starts = (
            starts[: len(ends) + (0 if self._blob.endswith(b"\n") else 1)] if self._blob else starts[:0]
        )
        self._own: dict[str, list[str]] = {}
        own = LEXICON / f"{language}.dict"
        if own.is_file():
            for line in own.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith(";"):
                    word, phones = line.split(None, 1)
                    self._own.setdefault(word.split("(")[0], []).append(_encode(phones))
        self.sounds = lru_cache(maxsize=4096)(self._sounds)

    def _word_at(self, i: int) -> bytes:
        start = int(self._starts[i])
        return self._blob[start : self._blob.find(b" ", start)].split(b"(")[0]

    def _sounds(self, word: str) -> tuple[str, ...]:
        found = list(self._own.get(word, []))
        key = word.encode()
        i = bisect_left(range(len(self._starts)), key, key=self._word_at)
        # "word", "word(2)" … follow one another.
        while i < len(self._starts) and self._word_at(i) == key:
            start = int(self._starts[i])
            end = self._blob.find(b"\n", start)
            line = self._blob[start : end if end >= 0 else None].decode()
            found.append(_encode(line.split(None, 1)[1].split("#")[0]))
            i += 1
        return tuple(dict.fromkeys(found))

    def unlike(self, heard: str, said: str) -> float | None:
        """How unlike the two words sound, 0 (the same) .. 1; None when either is not in the dictionary."""
        a, b = self.sounds(heard), self.sounds(said)
        if not a or not b:
            return None
        return 1.0 - max(fuzz.ratio(x, y) for x in a for y in b) / 100.0

    def sentence(self, text: str) -> str:
        """The sounds of a whole sentence, the first pronunciation of each word (a word the dictionary
        lacks stands as spelt)."""
        return "".join((self.sounds(w) or (w,))[0] for w in text.lower().split())

    def sentence_likeness(self, a: str, b: str) -> float:
        """How alike two sentences sound, 0 .. 100 (rapidfuzz ratio of their sounds)."""
        return fuzz.ratio(self.sentence(a), self.sentence(b))
