"""Near misses: words the templates do not know, corrected to ones they do (rapidfuzz), with a score.

A recognizer or a typist gets a word slightly wrong ("windsheild", "temprature") or splits one ("sun
roof"). Each unknown word is replaced by the closest template word when it is close enough; the corrected
sentence is then matched exactly by the parser, so slots still come from the templates and never from a
guess. Not done, on purpose: whole-sentence fuzzy matching (it would carry the slot values of the template
it landed on, "twenty two" for "twenty three"), and dropping unknown words ("turn on the hazard lights"
would become "turn on the lights"; meaningless words are the templates' skip words instead). A sentence
with a negation is never corrected ("don't open the windows" must not come near "open the windows").
"""

from __future__ import annotations

import itertools

from hassil import Intents
from rapidfuzz import fuzz, process

from .grammar import build_grammar, normalize

# rapidfuzz ratio (0..100) for a word to count as a misspelling of a template word: one letter wrong in a
# word of ten ("windsheild"), not a different word of five ("clean" for "clear" is 80, "lock"/"unlock" 80).
WORD_CUTOFF = 85
MIN_WORD_LEN = 5  # shorter words are too alike to correct safely
MAX_UNKNOWN = 2  # more unknown words than this: not a near miss of a command
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
            if not choices:
                return []
            options.append(choices)
        if unknown > MAX_UNKNOWN or all(s == 1.0 for opts in options for _, s in opts):
            return []
        out: dict[str, float] = {}
        for combo in itertools.product(*options):
            total = 1.0
            for _, s in combo:
                total *= s
            text = " ".join(w for w, _ in combo)
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
