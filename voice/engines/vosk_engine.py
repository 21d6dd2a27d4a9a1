"""Vosk (Kaldi): the primary engine. Streaming recognition, constrained by the templates or free-form.

With a grammar, Vosk decodes only the phrases we give (the template sentences, or their vocabulary when
the sentences are too many) plus ``[unk]`` where the model has it, so out-of-grammar speech comes back as
``[unk]`` and is rejected. A model without ``[unk]`` (the small Korean one) gets the language's filler
words instead (assets/intents/LANG.filler.txt), with the same effect. Free-form mode (no grammar) uses the
model's own language model; the parser alone then decides what is a command.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from hassil import Intents

from ..errors import VoiceError
from ..understanding.grammar import build_grammar
from .base import SAMPLE_RATE, Engine, Stream, Transcript
from .models import check_vosk_model, filler_words

log = logging.getLogger(__name__)
UNK = "[unk]"
MAX_PHRASES = 5000


class VoskEngine(Engine):
    name = "vosk"

    def __init__(self, model_dir: Path, intents: Intents | None) -> None:
        import vosk

        vosk.SetLogLevel(-1)
        self.model_dir = check_vosk_model(Path(model_dir))
        try:
            self.model = vosk.Model(str(self.model_dir))
        except Exception as exc:  # vosk raises a bare Exception("Failed to create a model")
            raise VoiceError(
                f"Vosk cannot load the model ({exc})",
                where=str(self.model_dir),
                fix="The folder may be corrupt: unpack it again",
            ) from None
        self.mode = "grammar" if intents is not None else "free"
        self.missing: list[str] = []
        self.filler: frozenset[str] = frozenset()
        self.grammar: list[str] | None = None
        if intents is not None:
            self.grammar = self._phrases(intents)
        args = [self.model, SAMPLE_RATE]
        if self.grammar is not None:
            # Vosk's JSON reader takes UTF-8 literally; \\u escapes would not match any word.
            args.append(json.dumps(self.grammar, ensure_ascii=False))
        self.recognizer = vosk.KaldiRecognizer(*args)

    def describe(self) -> str:
        return f"vosk {self.model_name()} ({self.mode})"

    def model_name(self) -> str:
        name = self.model_dir.name
        return self.model_dir.parent.name if name == "model" else name

    def _known(self, word: str) -> bool:
        return self.model.vosk_model_find_word(word) != -1

    def _phrases(self, intents: Intents) -> list[str]:
        grammar = build_grammar(intents)
        vocabulary = grammar.vocabulary()
        self.missing = sorted(w for w in vocabulary if not self._known(w))
        if self.missing:
            log.warning("the Vosk model cannot hear these template words: %s", ", ".join(self.missing))
        phrases = grammar.phrases(MAX_PHRASES)
        if phrases is not None:
            phrases = [p for p in phrases if all(self._known(w) for w in p.split())]
        else:
            phrases = sorted(w for w in vocabulary if self._known(w))
        if not phrases:
            raise VoiceError(
                "the Vosk model knows none of the template words",
                where=str(self.model_dir),
                fix="Use a model of the intents' language",
            )
        if self._known(UNK):
            return [*phrases, UNK]
        self.filler = frozenset(w for w in filler_words(intents.language) if self._known(w)) - vocabulary
        return [*phrases, *sorted(self.filler)]

    def start(self) -> Stream:
        self.recognizer.Reset()
        return _VoskStream(self.recognizer, self.filler | {UNK})


class _VoskStream(Stream):
    def __init__(self, recognizer: Any, rejecting: frozenset[str]) -> None:
        self.recognizer = recognizer
        self.rejecting = rejecting
        self.done: list[str] = []  # segments Vosk closed on its own (a pause inside the utterance)

    def accept(self, pcm: bytes) -> None:
        if self.recognizer.AcceptWaveform(pcm):
            self.done.append(json.loads(self.recognizer.Result()).get("text", ""))

    def partial(self) -> str:
        current = json.loads(self.recognizer.PartialResult()).get("partial", "")
        return " ".join(t for t in [*self.done, current] if t)

    def finish(self) -> Transcript:
        last = json.loads(self.recognizer.FinalResult()).get("text", "")
        words = " ".join(t for t in [*self.done, last] if t).split()
        rejected = any(w in self.rejecting for w in words)
        return Transcript(" ".join(w for w in words if w != UNK), rejected, free_text=False)
