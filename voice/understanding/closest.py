"""The template sentence closest to a misheard transcript: a weighted word edit distance to the grammar.

Whisper in noise gets most words of a command right and one or two wrong ("lower the ten", "turn off the
child block", "pump up the heat"). The near-miss step (:mod:`.near_miss`) only mends unknown words that are
one letter off; this one finds, over every sentence the templates allow, the one that costs the least to
turn the transcript into: a word said for a template word costs how unlike they sound on paper
(1 − rapidfuzz ratio), a transcript word with no template word (an insertion) or a template word not heard
(a deletion) costs :data:`GAP`. The search is a dynamic programme over the template tree
(:mod:`.grammar`), memoised per node and start word, so shared rules (numbers, seats, colours) are
aligned once; alignments costing more than the budget are dropped as soon as they do.

What comes back is a sentence of the template language, so its slots still come from the templates
(hassil parses it), never from a guess; how far it was is the caller's to weigh (the engine rescores the
candidates against the audio, the parser turns the distance into confidence).
"""

from __future__ import annotations

from dataclasses import dataclass

from hassil import Intents
from rapidfuzz import fuzz, process

from .grammar import Grammar, Node, build_grammar, normalize

GAP = 0.8  # an extra or a missing word
# Per transcript word: a cost above this per word is no longer a mishearing of a command.
BUDGET_PER_WORD = 0.45
MAX_WORDS = 18  # longer transcripts are not commands the templates hold


# The template words of an alignment as a tree of pairs (built in O(1) per step, flattened once at the end).
Said = object


def _flatten(said: Said) -> list[str]:
    out: list[str] = []
    stack = [said]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif item:
            stack.append(item[1])
            stack.append(item[0])
    return out


@dataclass(frozen=True)
class Closest:
    text: str  # the template sentence
    cost: float  # its edit cost from the transcript
    distance: float  # the cost per word of the longer of the two, 0 (same) .. 1


class ClosestSentence:
    def __init__(self, intents: Intents) -> None:
        self.grammar: Grammar = build_grammar(intents)
        self.vocabulary = sorted(self.grammar.vocabulary())
        self.skip = {tuple(normalize(s)) for s in intents.skip_words}

    def find(self, text: str) -> Closest | None:
        found = self.nearest(text, 1)
        return found[0] if found else None

    def nearest(self, text: str, n: int) -> list[Closest]:
        """The ``n`` closest template sentences, closest first, each the best of a different template
        line: a misheard word may sit closer on paper to a word of another command than to the one said
        ("then speed three": "heated seat three" before "fan speed three"), so the audio judges several."""
        words = self._without_skip_words(normalize(text))
        if not words or len(words) > MAX_WORDS:
            return []
        budget = BUDGET_PER_WORD * len(words) + GAP / 2
        search = _Search(self.grammar, words, self._substitutions(words), budget)
        # sentence → (cost, template line): ties go to the earlier line, as the templates are ordered.
        found: dict[str, tuple[float, int]] = {}
        for line, sentence in enumerate(self.grammar.sentences):
            hit = search.align(sentence, 0).get(len(words))
            if hit is None:
                continue
            said = " ".join(_flatten(hit[1]))
            if said not in found or hit[0] < found[said][0]:
                found[said] = (hit[0], line)
        closest = sorted(found.items(), key=lambda kv: kv[1])[:n]
        return [
            Closest(said, round(cost, 3), round(cost / max(len(words), len(said.split())), 3))
            for said, (cost, _) in closest
        ]

    def _substitutions(self, words: list[str]) -> list[dict[str, float]]:
        # The cost of each template word for each transcript word, from one vectorised rapidfuzz pass.
        scores = process.cdist(words, self.vocabulary, scorer=fuzz.ratio, workers=1)
        out = []
        for row in scores:
            out.append({w: 1.0 - s / 100.0 for w, s in zip(self.vocabulary, row, strict=True) if s >= 40})
        return out

    def _without_skip_words(self, words: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(words):
            for skip in self.skip:
                if tuple(words[i : i + len(skip)]) == skip:
                    i += len(skip)
                    break
            else:
                out.append(words[i])
                i += 1
        return out


class _Search:
    """One transcript against the grammar: ``align(node, i)`` → {end word j: (cost, template words)}."""

    def __init__(self, grammar: Grammar, words: list[str], subs: list[dict[str, float]], budget: float):
        self.grammar = grammar
        self.words = words
        self.subs = subs
        self.budget = budget
        self.memo: dict[tuple[int, int], dict[int, tuple[float, Said]]] = {}

    def align(self, node: Node, i: int) -> dict[int, tuple[float, Said]]:
        key = (id(node), i)
        found = self.memo.get(key)
        if found is None:
            found = self._align(node, i)
            self.memo[key] = found
        return found

    def _align(self, node: Node, i: int) -> dict[int, tuple[float, Said]]:
        kind = node[0]
        if kind == "ref":
            return self.align(self.grammar.rules[node[1]], i)
        if kind == "w":
            return self._word(node[1], i)
        out: dict[int, tuple[float, Said]] = {}
        if kind == "alt":
            if node[2]:
                out[i] = (0.0, None)
            for item in node[1]:
                for j, hit in self.align(item, i).items():
                    if j not in out or hit[0] < out[j][0]:
                        out[j] = hit
            return out
        current: dict[int, tuple[float, Said]] = {i: (0.0, None)}
        for item in node[1]:
            following: dict[int, tuple[float, Said]] = {}
            for m, (cost, said) in current.items():
                for j, (more, words) in self.align(item, m).items():
                    total = cost + more
                    if total <= self.budget and (j not in following or total < following[j][0]):
                        following[j] = (total, (said, words) if said and words else said or words)
            if not following:
                return {}
            current = following
        return current

    def _word(self, word: str, i: int) -> dict[int, tuple[float, Said]]:
        out: dict[int, tuple[float, Said]] = {i: (GAP, word)} if self.budget >= GAP else {}
        n = len(self.words)
        # The word heard as transcript word i, or as i+1 after one extra word (an insertion).
        for extra in (0, 1):
            k = i + extra
            if k >= n:
                break
            cost = self.subs[k].get(word)
            if cost is None:
                continue
            total = cost + GAP * extra
            if total <= self.budget and (k + 1 not in out or total < out[k + 1][0]):
                out[k + 1] = (total, word)
        return out
