"""What the recognizers may hear, built from the intent templates.

The templates are the single source of the grammar: pocketsphinx gets a language model trained on sentences
sampled from them, Vosk gets the template sentences as a phrase list (or, when they are too many, the
vocabulary), and both get the vocabulary checked against their dictionary. Numbers from range
lists are spoken words ("twenty two"), the way recognizers write them.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from hassil import Intents
from hassil.expression import (
    Alternative,
    Expression,
    ListReference,
    Permutation,
    RuleReference,
    Sequence,
    TextChunk,
)
from hassil.intents import RangeSlotList, TextSlotList, WildcardSlotList
from hassil.numbers import get_rbnf_engine

# Joins several commands in one utterance ("turn on the a c and close the windows").
CONJUNCTIONS = ("and", "and then", "then", "and also")
_PUNCT = re.compile(r"[^\w'\s]+")


def normalize(text: str) -> list[str]:
    """Lower-case words without punctuation (apostrophes kept: "i'm"), as recognizers write them."""
    return _PUNCT.sub(" ", text.lower().replace("-", " ")).split()


def number_words(value: int, language: str) -> list[str]:
    try:
        spoken = get_rbnf_engine(language).format_number(value).text
    except Exception:  # a language unicode-rbnf does not know: digits only
        return [str(value)]
    return normalize(spoken)


# A template as a small tree: ("w", word) | ("seq", [nodes]) | ("alt", [nodes], optional) | ("ref", rule).
Node = tuple


@dataclass
class Grammar:
    """The templates' language: top-level sentences plus named rules (slot lists, expansion rules)."""

    language: str
    sentences: list[Node] = field(default_factory=list)
    rules: dict[str, Node] = field(default_factory=dict)

    # -- what can be said ---------------------------------------------------------------------------------
    def vocabulary(self) -> set[str]:
        words: set[str] = set()
        for node in itertools.chain(self.sentences, self.rules.values()):
            _collect_words(node, words)
        if self.language == "en":  # several commands in one utterance are joined by English words
            words.update(w for c in CONJUNCTIONS for w in c.split())
        return words

    def phrases(self, limit: int = 20000) -> list[str] | None:
        """Every sentence the templates allow, or None when there are more than ``limit``."""
        out: list[str] = []
        for node in self.sentences:
            for words in self._expand(node):
                out.append(" ".join(words))
                if len(out) > limit:
                    return None
        return sorted(set(out))

    def sample(self, per_sentence: int = 200, seed: int = 0) -> list[str]:
        """A corpus for a language model: random sentences from every template (reproducible).

        Every template gets the same number of draws, repeats kept: a short template ("cooler") weighs as
        much as one with a hundred numbers in it.
        """
        rng = random.Random(seed)
        # A sentence with free text in it ("play {query}") cannot be drawn whole: leaving the free text out
        # taught the model a bare "play", and noise was then heard as "play <anything>".
        said = [node for node in self.sentences if self._sayable(node, {})]
        out = [" ".join(self._draw(node, rng)) for node in said for _ in range(per_sentence)]
        return [s for s in out if s]

    def _sayable(self, node: Node, seen: dict[str, bool]) -> bool:
        kind = node[0]
        if kind == "w":
            return True
        if kind == "ref":
            if node[1] not in seen:
                seen[node[1]] = True  # a rule reached again through itself: judged by its other parts
                seen[node[1]] = self._sayable(self.rules[node[1]], seen)
            return seen[node[1]]
        if kind == "alt":
            return node[2] or any(self._sayable(item, seen) for item in node[1])
        return all(self._sayable(item, seen) for item in node[1])

    def _draw(self, node: Node, rng: random.Random) -> list[str]:
        kind = node[0]
        if kind == "w":
            return [node[1]]
        if kind == "ref":
            return self._draw(self.rules[node[1]], rng)
        if kind == "alt":
            choices = list(node[1]) + ([("seq", [])] if node[2] else [])
            return self._draw(rng.choice(choices), rng) if choices else []
        return [w for item in node[1] for w in self._draw(item, rng)]

    def _expand(self, node: Node) -> Iterator[list[str]]:
        kind = node[0]
        if kind == "w":
            yield [node[1]]
        elif kind == "ref":
            yield from self._expand(self.rules[node[1]])
        elif kind == "alt":
            if node[2]:
                yield []
            for item in node[1]:
                yield from self._expand(item)
        else:
            parts = [list(self._expand(item)) for item in node[1]]
            for combo in itertools.product(*parts):
                yield [w for p in combo for w in p]


def _collect_words(node: Node, words: set[str]) -> None:
    if node[0] == "w":
        words.add(node[1])
    elif node[0] in ("seq", "alt"):
        for item in node[1]:
            _collect_words(item, words)


def build_grammar(intents: Intents) -> Grammar:
    language = intents.language
    grammar = Grammar(language)
    for name, rule in intents.expansion_rules.items():
        grammar.rules[f"rule:{name}"] = _node(rule.expression, grammar, intents)
    for intent in intents.intents.values():
        for data in intent.data:
            for rule_name, rule in data.expansion_rules.items():
                key = f"rule:{rule_name}"
                if key not in grammar.rules:
                    grammar.rules[key] = _node(rule.expression, grammar, intents)
            for list_name, slot_list in data.slot_lists.items():
                _list_rule(list_name, slot_list, grammar, intents)
            for sentence in data.sentences:
                grammar.sentences.append(_node(sentence.expression, grammar, intents))
    # Rules reached only through other rules are built on demand by _node; drop nothing here.
    return grammar


def _list_rule(name: str, slot_list: object, grammar: Grammar, intents: Intents) -> str | None:
    key = f"list:{name}"
    if key in grammar.rules:
        return key
    if isinstance(slot_list, RangeSlotList):
        alternatives = []
        for number in slot_list.get_numbers():
            if float(number).is_integer():
                alternatives.append(("seq", [("w", w) for w in number_words(int(number), grammar.language)]))
        grammar.rules[key] = ("alt", alternatives, False)
    elif isinstance(slot_list, TextSlotList):
        grammar.rules[key] = ("alt", [], False)  # placeholder: a value may refer back to rules
        values = [_node(v.text_in, grammar, intents) for v in slot_list.values]
        grammar.rules[key] = ("alt", values, False)
    elif isinstance(slot_list, WildcardSlotList):
        return None  # free text cannot be a grammar; such sentences are for typed input only
    else:
        return None
    return key


def _node(expr: Expression, grammar: Grammar, intents: Intents) -> Node:
    if isinstance(expr, TextChunk):
        words = normalize(expr.text)
        return ("seq", [("w", w) for w in words])
    if isinstance(expr, Alternative):
        return ("alt", [_node(e, grammar, intents) for e in expr.items], expr.is_optional)
    if isinstance(expr, Permutation):
        orders = itertools.permutations(expr.items)
        return ("alt", [("seq", [_node(e, grammar, intents) for e in order]) for order in orders], False)
    if isinstance(expr, Sequence):
        return ("seq", [_node(e, grammar, intents) for e in expr.items])
    if isinstance(expr, RuleReference):
        key = f"rule:{expr.rule_name}"
        if key not in grammar.rules:
            rule = intents.expansion_rules.get(expr.rule_name)
            grammar.rules[key] = _node(rule.expression, grammar, intents) if rule else ("alt", [], False)
        return ("ref", key)
    if isinstance(expr, ListReference):
        slot_list = intents.slot_lists.get(expr.list_name)
        if slot_list is None and expr.is_inline_range:
            start, stop, step = expr.get_inline_range()
            slot_list = RangeSlotList(name=None, start=start, stop=stop, step=step)
        key = _list_rule(expr.list_name, slot_list, grammar, intents) if slot_list is not None else None
        return ("ref", key) if key else ("alt", [], False)
    raise TypeError(f"unknown template expression {type(expr).__name__}")


def to_jsgf(
    grammar: Grammar, keep: set[str] | None = None, filler: list[str] | None = None, multi: bool = True
) -> str:
    names = {name: f"r{i}" for i, name in enumerate(grammar.rules)}
    lines = ["#JSGF V1.0;", "grammar cockpit;"]
    for name, node in grammar.rules.items():
        body = _jsgf(node, names, keep)
        lines.append(f"<{names[name]}> = {'<VOID>' if body is None else body or '<NULL>'};")
    commands = [b for b in (_jsgf(n, names, keep) for n in grammar.sentences) if b]
    lines.append("<command> = " + " | ".join(f"({c})" for c in commands) + ";")
    joins = " | ".join(f"({c})" for c in CONJUNCTIONS)
    utterance = f"<command> [({joins}) <command>]" if multi else "<command>"
    if filler:
        lines.append("<filler> = " + " | ".join(filler) + ";")
        utterance = f"({utterance}) | <filler>+"
    lines.append(f"public <utterance> = {utterance};")
    return "\n".join(lines) + "\n"


def _jsgf(node: Node, names: dict[str, str], keep: set[str] | None) -> str | None:
    kind = node[0]
    if kind == "w":
        return node[1] if keep is None or node[1] in keep else None
    if kind == "ref":
        return f"<{names[node[1]]}>"
    parts = [_jsgf(item, names, keep) for item in node[1]]
    if kind == "seq":
        if any(p is None for p in parts):
            return None
        return " ".join(p for p in parts if p)
    sayable = [p for p in parts if p is not None]
    if not sayable:
        return "" if node[2] else None
    if any(p == "" for p in sayable):
        rest = [p for p in sayable if p]
        return "[" + " | ".join(rest) + "]" if rest else ""
    body = " | ".join(sayable)
    return f"[{body}]" if node[2] else f"({body})"
