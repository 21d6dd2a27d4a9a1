"""Near misses: words the templates do not know, corrected to ones they do (rapidfuzz), with a score.

A recognizer or a typist gets a word slightly wrong ("windsheild", "sun roof", "temprature"), or adds one
the templates do not have ("turn on the bloody a c"). Each unknown word is replaced by the closest
template word when it is close enough, or dropped (a few at most); the corrected sentence is then matched
exactly by the parser, so slots still come from the templates and never from a guess. Whole-sentence
fuzzy matching was not used: it would carry the slot values of the template it landed on ("twenty two"
for "twenty three"). A sentence with a negation is never corrected: dropping "don't" from "don't open the
windows" would do the opposite of what was said.
"""

from __future__ import annotations

import itertools

from hassil import Intents
from rapidfuzz import fuzz, process

from .grammar import build_grammar, normalize

WORD_CUTOFF = 80  # rapidfuzz ratio (0..100) for a word to count as a misspelling of a template word
MIN_WORD_LEN = 4  # shorter words are too alike to correct ("cat" → "a c"?); they may only be dropped
DROP_SCORE = 0.8  # what a dropped unknown word costs
MAX_DROPS = 2
MAX_UNKNOWN = 3  # more unknown words than this: not a near miss of a command
JOIN_SCORE = 0.95  # "sun roof" → "sunroof"
NEGATIONS = {"don't", "dont", "do not", "not", "never", "no", "doesn't", "didn't", "won't", "can't", "cannot"}
MAX_CORRECTIONS = 4


class NearMiss:
    def __init__(self, intents: Intents) -> None:
        grammar = build_grammar(intents)
        vocabulary = grammar.vocabulary()
        for skip in intents.skip_words:
            vocabulary.update(normalize(skip))
        self.vocabulary = vocabulary
        self._choices = sorted(w for w in vocabulary if len(w) >= MIN_WORD_LEN - 1)

    def corrections(self, clean: str) -> list[tuple[str, float]]:
        """Corrected sentences, best first, each with its score (0..1); [] when it is no near miss."""
        words = clean.split()
        if any(w in NEGATIONS for w in words) or "do not" in clean:
            return []
        words = self._join(words)
        options: list[list[tuple[str, float]]] = []
        unknown = 0
        for word, score in words:
            if word in self.vocabulary:
                options.append([(word, score)])
                continue
            unknown += 1
            choices = [(word_, score * found / 100) for word_, found in self._closest(word)]
            options.append([*choices, ("", score * DROP_SCORE)])
        if unknown == 0 or unknown > MAX_UNKNOWN:
            return []
        out: dict[str, float] = {}
        for combo in itertools.product(*options):
            dropped = sum(1 for w, _ in combo if not w)
            kept = [w for w, _ in combo if w]
            if dropped > MAX_DROPS or not kept:
                continue
            total = 1.0
            for _, s in combo:
                total *= s
            text = " ".join(kept)
            out[text] = max(out.get(text, 0.0), total)
        ranked = sorted(out.items(), key=lambda kv: kv[1], reverse=True)
        return ranked[:MAX_CORRECTIONS]

    def _closest(self, word: str) -> list[tuple[str, float]]:
        if len(word) < MIN_WORD_LEN:
            return []
        found = process.extract(word, self._choices, scorer=fuzz.ratio, limit=2, score_cutoff=WORD_CUTOFF)
        return [(choice, score) for choice, score, _ in found]

    def _join(self, words: list[str]) -> list[tuple[str, float]]:
        out: list[tuple[str, float]] = []
        i = 0
        while i < len(words):
            pair = words[i] + words[i + 1] if i + 1 < len(words) else ""
            if pair and words[i] not in self.vocabulary and pair in self.vocabulary:
                out.append((pair, JOIN_SCORE))
                i += 2
                continue
            if pair and pair in self.vocabulary and words[i + 1] not in self.vocabulary:
                out.append((pair, JOIN_SCORE))
                i += 2
                continue
            out.append((words[i], 1.0))
            i += 1
        return out
