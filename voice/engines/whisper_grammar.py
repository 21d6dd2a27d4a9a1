"""Whisper decoding held to the templates' sentences: a beam search over the sentence automaton.

Whisper's free transcript of a noisy command wanders off into other words ("massage the passenger seat" →
"this is the passenger speed") that no edit distance brings back. Here the decoder may only write what
the templates allow: at each step only the tokens that keep to the automaton (understanding/
sentence_automaton.py) are considered, Whisper's own log-probabilities pick among them, and the beam keeps
the best few paths. The result is a candidate, never a verdict: the engine acts on it only when Whisper
finds the sentence likely enough (its mean token log-probability, unconstrained), asks a little below,
and checks it against its turned twin, so noise or an out-of-domain sentence (which this search always
turns into some command) is still left undone.

CTranslate2 offers no per-step constraint on its Whisper decoder, so each step is one ``generate`` call
per path, one token long, with the path so far as the forced prefix; it returns the logits of every
position, from which the path's own log-probability and the best allowed next tokens are read. A token
that is the only one allowed (the rest of a word once its first piece is chosen) costs no call, and a path
more than ``PRUNE`` behind the best is dropped: 13-15 calls for a short command, 150-200 ms median on this
2-core machine (docs/benchmarks.md). The encoder's output is computed once and reused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..understanding.sentence_automaton import SentenceAutomaton, States
from .command_text import command_words

_ENDS = (".", "?", "!")
# Template words Whisper spells its own ways (command_words reads every one of them back).
_WRITTEN = {"ac": ("AC", "A/C", "A.C", "ac")}
# CTranslate2 4.8's Whisper generate returns max_length // 2 steps of logits after a 2-token start
# (measured): the step for a path's next token needs twice its length plus one.
_LOGITS_TO_LENGTH = 2
PRUNE = 3.0  # a path this far (summed log-probability) below the best is dropped
TRIES_KEPT = 64  # one utterance uses 10-20


@dataclass
class _Spelling:
    """The token trie of the words that may come next from one automaton position."""

    children: dict[int, _Spelling] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)  # words complete at this node


@dataclass(frozen=True)
class _Path:
    tokens: tuple[int, ...]
    score: float
    states: States  # the automaton after the last whole word
    spelling: _Spelling  # where in the next word's tokens the path is (the root: at a word boundary)
    capital: bool  # the next word starts a sentence
    ended: bool = False  # a full stop written: only the end may follow


def _logsumexp(logits: Any) -> float:
    top = float(logits.max())
    return top + float(np.log(np.exp(logits - top).sum()))


class GrammarDecoder:
    def __init__(self, automaton: SentenceAutomaton, hf_tokenizer: Any, eot: int) -> None:
        self.automaton = automaton
        self._hf = hf_tokenizer
        self.eot = eot
        self.calls = 0  # decoder calls of the last decode
        self._ends = {self._one_token(mark) for mark in _ENDS} - {None}
        self._tries: dict[tuple[States, bool], _Spelling] = {}
        self._forms: dict[tuple[str, bool], list[list[int]]] = {}
        self.prune = PRUNE

    def decode(
        self, model: Any, encoded: Any, prompt: list[int], max_tokens: int, beam: int = 3
    ) -> list[tuple[str, float]]:
        """The ``beam`` best sentences the templates allow, in the templates' words, each with Whisper's
        mean token log-probability, best first."""
        start = self.automaton.begin()
        live = [_Path((), 0.0, start, self._trie(start, True), True)]
        done: list[_Path] = []
        self.calls = 0
        while live:
            grown: list[_Path] = []
            for path in live:
                allowed = self._allowed(path)
                if len(allowed) == 1:  # no choice, no call: its log-probability is added by the next call
                    self._keep(self._advance(path, next(iter(allowed)), path.score), grown, done)
                    continue
                if not allowed or len(path.tokens) >= max_tokens:
                    continue
                scored, next_logprobs = self._step(model, encoded, prompt, path.tokens)
                keep = np.fromiter(allowed, np.int64)
                chosen = keep[np.argsort(-next_logprobs[keep])[:beam]]
                for token in chosen.tolist():
                    self._keep(self._advance(path, token, scored + float(next_logprobs[token])), grown, done)
            live = sorted(grown, key=lambda p: p.score, reverse=True)[:beam]
            # Paths far behind the best rarely come back: each costs a decoder call per word.
            live = [p for p in live if p.score >= live[0].score - self.prune]
            if done and live and live[0].score < max(p.score for p in done):
                break
        out: list[tuple[str, float]] = []
        for path in sorted(done, key=lambda p: p.score / len(p.tokens), reverse=True):
            text = command_words(self._hf.decode([t for t in path.tokens if t < self.eot]), "en")
            if text and text not in [t for t, _ in out]:
                out.append((text, round(path.score / len(path.tokens), 3)))
        return out

    def _keep(self, path: _Path | None, grown: list[_Path], done: list[_Path]) -> None:
        if path is not None:
            (done if path.tokens[-1] == self.eot else grown).append(path)

    def _step(
        self, model: Any, encoded: Any, prompt: list[int], tokens: tuple[int, ...]
    ) -> tuple[float, Any]:
        """Whisper's summed log-probability of ``tokens`` and its log-probabilities of every next token."""
        self.calls += 1
        result = model.generate(
            encoded,
            [prompt + list(tokens)],
            beam_size=1,
            max_length=_LOGITS_TO_LENGTH * (len(tokens) + 1),
            return_logits_vocab=True,
            suppress_blank=False,
            suppress_tokens=[],
        )[0]
        steps = result.logits[0]
        if len(steps) <= len(tokens):
            raise RuntimeError("CTranslate2 returned fewer decoding steps than asked for")
        summed = 0.0
        for position, token in enumerate(tokens):
            logits = np.asarray(steps[position], dtype=np.float32)
            summed += float(logits[token] - _logsumexp(logits))
        logits = np.asarray(steps[len(tokens)], dtype=np.float32)
        return summed, logits - _logsumexp(logits)

    # -- the automaton in tokens ---------------------------------------------------------------------------
    def _allowed(self, path: _Path) -> set[int]:
        if path.ended:  # another sentence after the full stop would let the decoder's loops in
            return {self.eot}
        allowed = set(path.spelling.children)
        if path.spelling.words:  # a word may end here: what may follow it
            after = self._after(path)
            allowed |= set(self._trie(after, False).children)
            if self.automaton.accepts(after):
                allowed |= {self.eot, *self._ends}
        return allowed

    def _after(self, path: _Path) -> States:
        nexts = self.automaton.next_words(path.states)
        return frozenset().union(*(nexts[w] for w in path.spelling.words if w in nexts))

    def _advance(self, path: _Path, token: int, score: float) -> _Path | None:
        tokens = (*path.tokens, token)
        if path.ended:
            ended = token == self.eot
            return _Path(tokens, score, path.states, path.spelling, False, True) if ended else None
        child = path.spelling.children.get(token)
        if child is not None:  # the same word goes on
            return _Path(tokens, score, path.states, child, path.capital)
        states = self._after(path) if path.spelling.words else path.states
        if token == self.eot or token in self._ends:
            if not self.automaton.accepts(states):
                return None
            return _Path(tokens, score, states, self._trie(states, False), False, ended=True)
        child = self._trie(states, False).children.get(token)
        return None if child is None else _Path(tokens, score, states, child, False)

    def _trie(self, states: States, capital: bool) -> _Spelling:
        key = (states, capital)
        trie = self._tries.get(key)
        if trie is None:
            trie = _Spelling()
            for word in self.automaton.next_words(states):
                for tokens in self._spellings(word, capital):
                    node = trie
                    for t in tokens:
                        node = node.children.setdefault(t, _Spelling())
                    if word not in node.words:
                        node.words.append(word)
            if len(self._tries) >= TRIES_KEPT:  # a trie of ~300 words weighs ~70 kB
                self._tries.clear()
            self._tries[key] = trie
        return trie

    def _spellings(self, word: str, capital: bool) -> list[list[int]]:
        key = (word, capital)
        forms = self._forms.get(key)
        if forms is None:
            written = _WRITTEN.get(word, (word,))
            texts = {" " + w for w in written}
            if capital:
                texts |= {" " + w[:1].upper() + w[1:] for w in written}
            if len(word) == 1:  # a letter: "the A C"
                texts.add(" " + word.upper())
            if word == "percent":
                texts.add("%")
            forms = [self._hf.encode(t, add_special_tokens=False).ids for t in sorted(texts)]
            self._forms[key] = forms
        return forms

    def _one_token(self, text: str) -> int | None:
        ids = self._hf.encode(text, add_special_tokens=False).ids
        return ids[0] if len(ids) == 1 else None
