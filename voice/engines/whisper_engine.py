"""Whisper tiny.en on faster-whisper (CTranslate2, int8 on the CPU): the neural English engine.

Whisper transcribes freely; two things make it suit commands. The prompt (Whisper's ``initial_prompt``)
is written from the intent templates, so the decoder expects the car's words ("sunroof", "defrost", "a
c") and a user's ``--intents`` file biases it toward its own domain. Its text is then put into the
templates' spelling (engines/command_text.py) for the parser, which alone decides what is a command.

Latency: the listener's endpointer already cut the utterance out, so the audio handed over is the speech
plus the lead-in; Whisper pads it to a fixed window anyway, and ``chunk_length`` shortens that window
(the encoder's cost follows it). The model is loaded once and warmed on silence, so the first command
does not pay for CTranslate2's lazy set-up. Greedy decoding without timestamps, no temperature fallback.

Confidence: exp(mean token log-probability) of the text, times the probability that there was speech
at all (1 − no_speech_prob). Alternatives: the text of a second, beam-search pass is offered when the
greedy one is not a command (the parser takes the first that is).
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
NO_SPEECH = 0.6  # above this no_speech_prob with a weak text, the segment is noise


@dataclass(frozen=True)
class WhisperOptions:
    cpu_threads: int = 0  # 0: CTranslate2 decides (all cores)
    beam_size: int = 1
    chunk_length: int = 10  # seconds of padded audio the encoder sees; commands are shorter
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
        self.prompt = command_prompt(intents, self._count_tokens) if intents and self.options.prompt else None
        self.transcribe(np.zeros(SAMPLE_RATE // 2, np.float32))  # warm-up

    def describe(self) -> str:
        return f"whisper tiny.en int8 ({self.source.origin})"

    def _count_tokens(self, text: str) -> int:
        return len(self.model.hf_tokenizer.encode(text, add_special_tokens=False).ids)

    def start(self) -> Stream:
        return _WhisperStream(self)

    def transcribe(self, audio: np.ndarray, beam_size: int | None = None) -> tuple[str, float]:
        """Text of ``audio`` (float32 at 16 kHz) and the engine's confidence in it, 0..1."""
        segments, _ = self.model.transcribe(
            audio,
            language="en",
            beam_size=beam_size or self.options.beam_size,
            best_of=1,
            temperature=0.0,
            without_timestamps=True,
            condition_on_previous_text=False,
            initial_prompt=self.prompt,
            chunk_length=self.options.chunk_length,
            vad_filter=False,  # the endpointer has trimmed the utterance already
        )
        texts, logprob, no_speech, tokens = [], 0.0, 0.0, 0
        for segment in segments:
            texts.append(segment.text)
            n = max(1, len(segment.tokens))
            logprob += segment.avg_logprob * n
            no_speech = max(no_speech, segment.no_speech_prob)
            tokens += n
        text = " ".join(t.strip() for t in texts).strip()
        if not text:
            return "", 0.0
        confidence = math.exp(logprob / tokens) * (1.0 - no_speech)
        return text, max(0.0, min(1.0, confidence))


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
        raw, confidence = self.engine.transcribe(audio)
        text = command_words(raw, self.engine.language)
        return Transcript(text, rejected=not text, confidence=round(confidence, 3))


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
