"""Whisper tiny.en on faster-whisper (CTranslate2, int8 on the CPU): the neural English engine.

Whisper transcribes freely; two things make it suit commands. The prompt (Whisper's previous-text prompt)
is written from the intent templates, so the decoder expects the car's words ("sunroof", "defrost", "a
c") and a user's ``--intents`` file biases it toward its own domain. Its text is then put into the
templates' spelling (engines/command_text.py) for the parser, which alone decides what is a command.

Latency: Whisper pads every input to a 30 s window, and the encoder's cost follows the window: on this
2-core machine, 1.6-2 s per command under load for 30 s against 0.2 s for the utterance plus 2 s of
silence (measured, docs/architecture.md). The listener's endpointer has cut the utterance out already,
so we call CTranslate2's Whisper directly with the short window (faster-whisper's ``transcribe`` always
pads to 30 s). A short window costs the model its end-of-speech cue: it may repeat itself ("check the
tires check the tires …"), so the output is capped at a length that follows the audio's duration and a
repeated loop is cut to one turn. Greedy or small-beam decoding without timestamps, no temperature
fallback; the model is loaded once and warmed on silence.

Confidence: Whisper's own transcribe calls a segment failed when its mean token log-probability is below
-1.0; we map that mean through a logistic centred there (-1.0 → 0.5, -0.5 → 0.92, -1.5 → 0.08), times
(1 − no_speech_prob). exp(mean) alone put clean, right commands at 0.45 (a 4-token command is judged
token by token), below any sensible "ask first" threshold. Alternatives: the other hypotheses of the beam
(n-best), which the understanding layer weighs.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

import numpy as np
from hassil import Intents

from ..errors import VoiceError
from ..understanding.grammar import build_grammar
from .base import SAMPLE_RATE, Engine, Stream, Transcript
from .command_text import command_words
from .whisper_models import WhisperModelSource

# No network at load, whatever a caller passes: the weights are a local folder.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

PROMPT_TOKENS = 120  # Whisper keeps at most 223 prompt tokens; fewer decode faster
FULL_WINDOW = 3000  # mel frames in Whisper's 30 s window
# Output cap: spoken commands run at about 3 tokens a second; the cap stops a loop early.
MIN_TOKENS, TOKENS_PER_S = 10, 6
LOGPROB_FAILED = -1.0  # Whisper's own log_prob_threshold: below it, decoding is taken to have failed
LOGPROB_SLOPE = 5.0


@dataclass(frozen=True)
class WhisperOptions:
    cpu_threads: int = 0  # 0: CTranslate2 decides (all cores)
    # Measured on 108 commands in 3 voices (docs/architecture.md): beam 3 heard 96 where greedy heard 81,
    # in the same time (its hypotheses are the alternatives); 5 s of padding matched the full 30 s window
    # (96 against 97) at a sixth of its time.
    beam_size: int = 3  # also that many hypotheses as alternatives
    pad_s: float = 5.0  # silence after the utterance in the encoder's window
    prompt: bool = True  # bias the decoder with the templates' words
    compute_type: str = "int8"


class WhisperEngine(Engine):
    name = "whisper"
    mode = "free"
    # Whisper hears the first word better with a little silence in front of it.
    lead_in_s = 0.2

    def __init__(
        self, source: WhisperModelSource, intents: Intents | None, options: WhisperOptions | None = None
    ) -> None:
        try:
            from faster_whisper import WhisperModel
        except ImportError:
            raise VoiceError("faster-whisper is not installed", fix="pip install faster-whisper") from None
        self.source = source
        self.options = options or WhisperOptions()
        self.language = intents.language if intents is not None else "en"
        if self.language != "en":
            raise VoiceError(
                f"Whisper tiny.en hears English only, and the intents are {self.language!r}",
                fix=f"Use --engine vosk with a model for {self.language!r}",
            )
        try:
            self.model = WhisperModel(
                str(source.path),
                device="cpu",
                compute_type=self.options.compute_type,
                cpu_threads=self.options.cpu_threads,
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:  # CTranslate2 on a broken model.bin
            raise VoiceError(
                f"CTranslate2 cannot load the Whisper model ({exc})",
                where=str(source.path),
                fix="Install it again: cockpit voice download whisper-tiny.en --from FILE|DIR",
            ) from None
        from faster_whisper.tokenizer import Tokenizer

        self.tokenizer = Tokenizer(
            self.model.hf_tokenizer, self.model.model.is_multilingual, "transcribe", "en"
        )
        self.prompt = command_prompt(intents, self._count_tokens) if intents and self.options.prompt else None
        previous = self.tokenizer.encode(" " + self.prompt) if self.prompt else None
        self._prompt_ids = self.model.get_prompt(self.tokenizer, previous, without_timestamps=True)
        self.transcribe(np.zeros(SAMPLE_RATE // 2, np.float32))  # warm-up

    def describe(self) -> str:
        return f"whisper tiny.en int8 ({self.source.origin})"

    def _count_tokens(self, text: str) -> int:
        return len(self.model.hf_tokenizer.encode(text, add_special_tokens=False).ids)

    def start(self) -> Stream:
        return _WhisperStream(self)

    def transcribe(self, audio: np.ndarray) -> tuple[list[str], float]:
        """Hypotheses for ``audio`` (float32 at 16 kHz), best first, and the confidence in the best, 0..1."""
        import ctranslate2

        features = self.model.feature_extractor(audio)
        frames = min(FULL_WINDOW, _round_up(features.shape[1], 100) + int(self.options.pad_s * 100))
        if features.shape[1] < frames:
            features = np.pad(features, ((0, 0), (0, frames - features.shape[1])))
        window = ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None, :, :frames]))
        seconds = len(audio) / SAMPLE_RATE
        beam = self.options.beam_size
        result = self.model.model.generate(
            window,
            [self._prompt_ids],
            beam_size=beam,
            num_hypotheses=beam,
            max_length=len(self._prompt_ids) + int(MIN_TOKENS + TOKENS_PER_S * seconds),
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=True,
            suppress_tokens=[-1],
        )[0]
        texts = [self._decode(ids) for ids in result.sequences_ids]
        if not texts or not texts[0]:
            return [], 0.0
        belief = 1.0 / (1.0 + math.exp(-LOGPROB_SLOPE * (result.scores[0] - LOGPROB_FAILED)))
        return texts, max(0.0, min(1.0, belief * (1.0 - result.no_speech_prob)))

    def _decode(self, ids: list[int]) -> str:
        return self.tokenizer.decode([t for t in ids if t < self.tokenizer.eot]).strip()


def _round_up(n: int, step: int) -> int:
    return -(-n // step) * step


def cut_loop(words: str) -> str:
    """One turn of a loop the decoder fell into ("check the tires check the tires check" → "check the
    tires"); anything else unchanged."""
    w = words.split()
    for period in range(1, len(w) // 2 + 1):
        if all(w[i] == w[i % period] for i in range(period, len(w))):
            return " ".join(w[:period])
    return words


class _WhisperStream(Stream):
    def __init__(self, engine: WhisperEngine) -> None:
        self.engine = engine
        self.chunks: list[bytes] = []

    def accept(self, pcm: bytes) -> None:
        self.chunks.append(pcm)

    def partial(self) -> str:
        return ""  # Whisper decodes the whole utterance at its end

    def finish(self) -> Transcript:
        pcm = b"".join(self.chunks)
        self.chunks = []
        if len(pcm) < SAMPLE_RATE // 10:  # under 50 ms: nothing to hear
            return Transcript("", rejected=True, confidence=0.0)
        audio = np.frombuffer(pcm, np.int16).astype(np.float32) / 32768.0
        hypotheses, confidence = self.engine.transcribe(audio)
        texts: list[str] = []
        for raw in hypotheses:
            words = cut_loop(command_words(raw, self.engine.language))
            if words and words not in texts:
                texts.append(words)
        if not texts:
            return Transcript("", rejected=True, confidence=0.0)
        return Transcript(texts[0], alternatives=tuple(texts[1:]), confidence=round(confidence, 3))


def command_prompt(intents: Intents, count_tokens: Any, budget: int = PROMPT_TOKENS) -> str:
    """Sentences from the templates that cover the most of their vocabulary within ``budget`` tokens.

    Sampled with a fixed seed, so the prompt (and so the recognition) is the same from run to run.
    """
    grammar = build_grammar(intents)
    candidates = sorted(set(grammar.sample(per_sentence=3, seed=7)))
    seen: set[str] = set()
    chosen: list[str] = []
    used = 0
    while candidates:
        best = max(candidates, key=lambda s: (len(set(s.split()) - seen), -len(s), s))
        gain = set(best.split()) - seen
        if not gain:
            break
        candidates.remove(best)
        cost = count_tokens(best + ". ")
        if used + cost > budget:
            continue
        chosen.append(best[0].upper() + best[1:] + ".")
        seen |= gain
        used += cost
    return " ".join(chosen)
