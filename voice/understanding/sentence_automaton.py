"""Every sentence the templates allow, as a word automaton: which words may come next after a prefix.

The templates allow millions of sentences (every temperature in every phrasing, two commands joined by
"and"), too many to list, so a recognizer held to them walks this automaton instead: a nondeterministic
one built from the grammar's tree (understanding/grammar.py) the textbook way, each rule copied where it is
used. Numbers of a range may also be written in digits ("22" for "twenty two") and "a c" as "ac", the way
Whisper writes them; the skip words ("please", "could you") may open or close a sentence; two sentences
may be joined by the grammar's conjunctions.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from hassil import Intents

from .grammar import CONJUNCTIONS, Grammar, Node, build_grammar, normalize, number_words

States = frozenset[int]
_SPELLED_AS_ONE = {("a", "c"): "ac"}  # two template words Whisper writes as one


class SentenceAutomaton:
    def __init__(self, grammar: Grammar, skip_words: list[str] = ()) -> None:
        self._words: list[list[tuple[str, int]]] = []
        self._empty: list[list[int]] = []
        self._digits = _range_values(grammar)
        self._grammar = grammar
        self.start = self._new()
        self.final = self._new()
        body = self._new()  # after the opening skip words
        self._empty[self.start].append(body)
        for skip in skip_words:
            self._phrase(normalize(skip), self.start, self.start)
            self._phrase(normalize(skip), self.final, self.final)
        for sentence in grammar.sentences:
            end = self._build(sentence, body, ())
            self._empty[end].append(self.final)
        if grammar.language == "en":
            for joint in CONJUNCTIONS:
                self._phrase(joint.split(), self.final, body)
        self._join_spellings()
        self.closure = lru_cache(maxsize=4096)(self._closure)
        self.step = lru_cache(maxsize=16384)(self._step)

    @classmethod
    def from_intents(cls, intents: Intents) -> SentenceAutomaton:
        return cls(build_grammar(intents), list(intents.skip_words))

    # -- walking ------------------------------------------------------------------------------------------
    def begin(self) -> States:
        return self.closure(frozenset([self.start]))

    def next_words(self, states: States) -> dict[str, States]:
        """The words that may follow, each with where it leads (closed over empty moves)."""
        out: dict[str, set[int]] = defaultdict(set)
        for s in states:
            for word, target in self._words[s]:
                out[word].add(target)
        return {word: self.closure(frozenset(targets)) for word, targets in out.items()}

    def _step(self, states: States, word: str) -> States:
        return self.next_words(states).get(word, frozenset())

    def accepts(self, states: States) -> bool:
        """A whole sentence (or several joined) ends here."""
        return self.final in states

    def walk(self, words: list[str]) -> States:
        states = self.begin()
        for word in words:
            states = self.step(states, word)
            if not states:
                break
        return states

    @property
    def size(self) -> int:
        return len(self._words)

    # -- building -----------------------------------------------------------------------------------------
    def _new(self) -> int:
        self._words.append([])
        self._empty.append([])
        return len(self._words) - 1

    def _phrase(self, words: list[str], start: int, end: int) -> None:
        state = start
        for word in words[:-1]:
            nxt = self._new()
            self._words[state].append((word, nxt))
            state = nxt
        if words:
            self._words[state].append((words[-1], end))

    def _build(self, node: Node, start: int, inside: tuple[str, ...]) -> int:
        kind = node[0]
        if kind == "w":
            end = self._new()
            self._words[start].append((node[1], end))
            return end
        if kind == "seq":
            state = start
            for item in node[1]:
                state = self._build(item, state, inside)
            return state
        if kind == "alt":
            end = self._new()
            if node[2]:
                self._empty[start].append(end)
            for item in node[1]:
                self._empty[self._build(item, start, inside)].append(end)
            return end
        name = node[1]
        if name in inside:  # a rule reached again through itself: that path says nothing
            return self._new()
        end = self._build(self._grammar.rules[name], start, (*inside, name))
        for digits in self._digits.get(name, ()):
            self._words[start].append((digits, end))
        return end

    def _join_spellings(self) -> None:
        for state in range(len(self._words)):
            for word, middle in list(self._words[state]):
                for (first, second), joined in _SPELLED_AS_ONE.items():
                    if word != first:
                        continue
                    for s in self._closure(frozenset([middle])):
                        for after, target in self._words[s]:
                            if after == second:
                                self._words[state].append((joined, target))

    def _closure(self, states: States) -> States:
        seen = set(states)
        todo = list(states)
        while todo:
            for nxt in self._empty[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return frozenset(seen)


def _range_values(grammar: Grammar) -> dict[str, list[str]]:
    """Range lists' values in digits, by rule: a list all of whose values are number words."""
    numbers = _number_table(grammar.language)
    out: dict[str, list[str]] = {}
    for name, node in grammar.rules.items():
        if not name.startswith("list:") or node[0] != "alt" or not node[1]:
            continue
        values = []
        for item in node[1]:
            plain = item[0] == "seq" and all(w[0] == "w" for w in item[1])
            number = numbers.get(tuple(w[1] for w in item[1])) if plain else None
            if number is None:
                break
            values.append(str(number))
        else:
            out[name] = values
    return out


@lru_cache(maxsize=4)
def _number_table(language: str) -> dict[tuple[str, ...], int]:
    return {tuple(number_words(n, language)): n for n in range(201)}
