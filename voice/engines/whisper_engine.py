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

Held to the templates: the encoder runs once and two decodings read it, one free and one held to the
templates' words (every other text token suppressed). When no reading is a command, the template
sentences closest to the best readings (understanding/closest.py) are scored against the audio by Whisper
itself and lead only when it finds them about as likely as its free transcript; a command is also scored
beside its turned-direction twin ("unlock" for "lock"), which becomes the next reading when about as
likely, so that the parser asks. Every text is scored as Whisper would write it (command_text.written_forms).
Figures and thresholds: docs/architecture.md, docs/benchmarks.md.

Confidence: Whisper's own transcribe calls a segment failed when its mean token log-probability is below
-1.0; we map that mean through a logistic centred there (-1.0 → 0.5, -0.5 → 0.92, -1.5 → 0.08), times
(1 − no_speech_prob). exp(mean) alone put clean, right commands at 0.45 (a 4-token command is judged
token by token), below any sensible "ask first" threshold. Alternatives: the other hypotheses of the beam
(n-best), which the understanding layer weighs.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
from hassil import Intents

from ..errors import VoiceError
from ..understanding.closest import ClosestSentence
from ..understanding.direction import opposite
from ..understanding.grammar import build_grammar
from ..understanding.parser import IntentParser
from ..understanding.pronunciation import Pronunciations
from ..understanding.sentence_automaton import SentenceAutomaton
from .base import SAMPLE_RATE, Engine, Stream, Transcript
from .command_text import command_words, written_forms
from .whisper_grammar import GrammarDecoder
from .whisper_models import WhisperModelSource

# No network at load, whatever a caller passes: the weights are a local folder.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

PROMPT_TOKENS = 120  # Whisper keeps at most 223 prompt tokens; fewer decode faster
FULL_WINDOW = 3000  # mel frames in Whisper's 30 s window
# Output cap: spoken commands run at about 3 tokens a second; the cap stops a loop early.
MIN_TOKENS, TOKENS_PER_S = 10, 6
LOGPROB_FAILED = -1.0  # Whisper's own log_prob_threshold: below it, decoding is taken to have failed
LOGPROB_SLOPE = 5.0
RESCORE_READINGS = 4  # the closest template sentences are sought for this many of the best readings
ALIGN_BATCH = 4  # sequences per align call
CLOSEST_PER_READING = 1  # … this many for each: 3 won nothing on the quick set and cost 0.2-1 s of align
# A template sentence found by the rescoring, by how much less likely Whisper finds it than its own free
# transcript (mean token log-probability, the gap) and how likely at all (the score); measured on the
# tuning half of the benchmark (docs/benchmarks.md): right readings lie below a gap of 0.7, out-of-domain
# speech and wrong readings mostly above 1.2 and below a score of -3.
REJECT_GAP = 1.2
SCORE_FLOOR = -3.0
SCORE_SURE = -2.2  # below it: ask first, whatever the gap
GAP_CENTRE, GAP_SLOPE = 0.9, 2.5  # confidence 0.62 at a gap of 0.7 (acts), 0.41 at 1.2 (asks)
ASK_CONFIDENCE = 0.5
# A candidate leading every candidate of another command by this much acts up to a gap of REJECT_GAP:
# Whisper then heard one command clearly, only worded apart from its free transcript ("switch off the
# heated seat" for "… the heat and see": gap 1.1, lead 1.3). On the tuning half the wrong readings within
# REJECT_GAP led by at most 0.99 (and that one scored below SCORE_SURE, so it still asks).
LEAD_SURE = 1.2
LEAD_CONFIDENCE = 0.62  # the confidence of a gap of 0.7
ACT_CONFIDENCE = 0.6  # the parser's ASK_BELOW
# An exact reading's unprompted score → confidence: -2.3 → 0.5, -2.0 → 0.77 (right short commands such as
# "eighteen degrees" scored -1.1 to -2.1 where the prompted decoding's belief was 0.15-0.55).
EXACT_CENTRE, EXACT_SLOPE = -2.3, 4.0
# A reading with one direction word turned, Whisper finding it within this of the reading: ask first.
OPPOSITE_MARGIN = 0.5
# … and this when the command is not Whisper's first reading: "unlock the doors" at 10 dB written "and lock
# the doors", its next hypothesis "lock the doors" 0.65 likelier than "unlock the doors" (it acted, the
# opposite); right commands lay 0.6-1.2 from their turned twins, so a wider margin only where Whisper
# itself wrote something else first.
OPPOSITE_MARGIN_BELOW = 1.0
# The decoding held to the templates' sentences (whisper_grammar.py), when the readings above are not acted
# on: its best sentence's mean token log-probability acts from GRAMMAR_ACT, asks down to GRAMMAR_ASK (set on
# the tuning half of the quick set: right sentences lay at a median of -0.3 to -0.6, out-of-domain speech
# at -2.5 and below, docs/benchmarks.md).
GRAMMAR_ACT, GRAMMAR_ASK = -1.8, -2.3
GRAMMAR_SLOPE = 4.0
GRAMMAR_CENTRE = GRAMMAR_ACT - math.log(1.5) / GRAMMAR_SLOPE  # confidence 0.6 (acts) at GRAMMAR_ACT
# Direction words and their opposites, for turned_readings.
_TURN = {
    "lock": "unlock", "open": "close", "on": "off", "up": "down", "warmer": "cooler", "raise": "lower",
    "increase": "decrease", "higher": "lower", "more": "less", "cold": "hot", "colder": "hotter",
    "enable": "disable", "activate": "deactivate", "warm": "cool",
}  # fmt: skip
_TURN.update({b: a for a, b in list(_TURN.items())})


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
    held: bool = True  # a second decoding held to the templates' words
    rescore: bool = True  # no command heard: the closest template sentences, scored against the audio
    grammar: bool = True  # nothing to act on yet: a decoding held to the templates' sentences
    grammar_beam: int = 3


class WhisperEngine(Engine):
    name = "whisper"
    mode = "free"
    # Whisper hears the first word better with a little silence in front of it.
    lead_in_s = 0.2
    # Silero's VAD: the WebRTC one never ends speech in 10 dB road or fan noise (audio/endpoint.py).
    endpointer = "silero"

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
        self._score_start = [*self.tokenizer.sot_sequence, self.tokenizer.no_timestamps]
        # How words sound: the rescoring's candidates and the turned-direction check both use it.
        self._sounds = Pronunciations(intents.language) if intents and self.options.rescore else None
        self._closest = ClosestSentence(intents, self._sounds) if intents and self.options.rescore else None
        self._parser = IntentParser(intents) if intents else None
        held_to_sentences = intents is not None and self.options.rescore and self.options.grammar
        self._grammar = None
        if held_to_sentences:
            automaton = SentenceAutomaton.from_intents(intents)
            self._grammar = GrammarDecoder(automaton, self.model.hf_tokenizer, self.tokenizer.eot)
        # The last utterance's rescoring (candidates, scores, gap), for bench/voice.py --dump.
        self.last_detail: dict[str, Any] | None = None
        self._suppress_free = [-1]
        self._suppress_held = (
            [-1, *outside_tokens(self.model.hf_tokenizer, template_words(intents), self.tokenizer.eot)]
            if intents and self.options.held
            else None
        )
        self.transcribe(np.zeros(SAMPLE_RATE // 2, np.float32))  # warm-up

    def describe(self) -> str:
        return f"whisper tiny.en int8 ({self.source.origin})"

    def _count_tokens(self, text: str) -> int:
        return len(self.model.hf_tokenizer.encode(text, add_special_tokens=False).ids)

    def start(self) -> Stream:
        return _WhisperStream(self)

    def transcribe(self, audio: np.ndarray) -> Transcript:
        """What ``audio`` (float32 at 16 kHz) says: the readings in the templates' words, best first, and the
        confidence in the best, 0..1."""
        import ctranslate2

        self.last_detail = None
        features = self.model.feature_extractor(audio)
        frames = min(FULL_WINDOW, _round_up(features.shape[1], 100) + int(self.options.pad_s * 100))
        if features.shape[1] < frames:
            features = np.pad(features, ((0, 0), (0, frames - features.shape[1])))
        window = ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None, :, :frames]))
        # The encoder runs once; both decodings read its output.
        encoded = self.model.model.encode(window, to_cpu=False)
        max_tokens = int(MIN_TOKENS + TOKENS_PER_S * len(audio) / SAMPLE_RATE)
        free = self._decode(encoded, max_tokens, self._suppress_free)
        held = self._decode(encoded, max_tokens, self._suppress_held) if self._suppress_held else None
        heard = _reading(free, held)
        if self._closest is None or heard.rejected:
            return heard
        found = self._rescored(heard, encoded, features.shape[1] // 2)
        if self._grammar is None:
            return found
        understood = self._parser.understand(found)
        if understood.intents and understood.question is None:
            return found
        frames = features.shape[1] // 2
        return self._held_to_sentences(found, heard, understood.intents, encoded, frames, max_tokens)

    def _held_to_sentences(
        self, found: Transcript, heard: Transcript, asked: list, encoded: Any, frames: int, max_tokens: int
    ) -> Transcript:
        """Nothing to act on yet (``found``): the sentence the templates allow that Whisper finds likeliest.
        It leads when Whisper finds it likely enough, and is asked about a little below; Whisper's own
        readings (``heard``) stay its alternatives, so the parser asks when one of them moves the same thing
        the other way. The turned readings the first check added are not carried over: the sentence gets
        its own check. When ``found`` was to be asked about (``asked``, its intents) and the sentence means
        another command, the question stands: two decodings disagreeing is no ground to act ("switch off the
        heated seat" in wind: asked about, then found as "switch off the heating")."""
        sentences = self._grammar.decode(
            self.model.model, encoded, self._score_start, max_tokens, self.options.grammar_beam
        )
        detail = {"grammar": sentences, "grammar_calls": self._grammar.calls}
        self.last_detail = {**(self.last_detail or {}), **detail}
        if not sentences or sentences[0][1] < GRAMMAR_ASK or not self._parser.parse(sentences[0][0]):
            return found
        text, score = sentences[0]
        if asked and _meaning(self._parser.parse(text)) != _meaning(asked):
            return found
        confidence = 1.0 / (1.0 + math.exp(-GRAMMAR_SLOPE * (score - GRAMMAR_CENTRE)))
        rest = [t for t, _ in sentences[1:]] + [heard.text, *heard.alternatives]
        alternatives = tuple(dict.fromkeys(t for t in rest if t and t != text))
        held = Transcript(text, alternatives=alternatives, confidence=round(confidence, 3))
        return self._checked(held, encoded, frames, exact=False)

    def _rescored(self, heard: Transcript, encoded: Any, frames: int) -> Transcript:
        """When no reading is a command: the template sentences closest to the best readings, scored
        against the audio by Whisper itself; the best of them leads when Whisper finds it about as likely
        as what it wrote freely."""
        readings = [heard.text, *heard.alternatives]
        if any(self._parser.parse(text) for text in readings[:RESCORE_READINGS]):
            return self._checked(heard, encoded, frames, exact=True)
        candidates: list[str] = []
        for text in readings[:RESCORE_READINGS]:
            for found in self._closest.nearest(text, CLOSEST_PER_READING):
                if found.text not in candidates:
                    candidates.append(found.text)
        if not candidates:
            return heard
        scores = self._score([heard.text, *candidates], encoded, frames)
        best = max(range(len(candidates)), key=lambda i: scores[i + 1])
        gap = scores[0] - scores[best + 1]
        self.last_detail = {"candidates": candidates, "scores": scores, "gap": round(gap, 3)}
        if gap > REJECT_GAP or scores[best + 1] < SCORE_FLOOR:
            return heard  # the audio is something else: no template sentence is offered
        confidence = 1.0 / (1.0 + math.exp(GAP_SLOPE * (gap - GAP_CENTRE)))
        if self._lead(candidates, scores[1:], best) >= LEAD_SURE:
            confidence = max(confidence, LEAD_CONFIDENCE)
        if scores[best + 1] < SCORE_SURE:
            confidence = min(confidence, ASK_CONFIDENCE)
        # Only candidates about as likely as the best stay readings (the margin of the turned-direction
        # check): one the audio refutes could make the parser ask about a direction nobody heard ("switch
        # the defrost on" scored 6 below "… off …"; "switch on the front defroster" 1 below).
        floor = scores[best + 1] - OPPOSITE_MARGIN
        heard_as = [t for t, s in zip(candidates, scores[1:], strict=True) if s >= floor]
        rest = [t for t in [*heard_as, *readings] if t != candidates[best]]
        found = Transcript(candidates[best], alternatives=tuple(rest), confidence=round(confidence, 3))
        # Its doubt is the gap to what Whisper wrote freely: never judged again on its own score.
        return self._checked(found, encoded, frames, exact=False)

    def _lead(self, candidates: list[str], scores: list[float], best: int) -> float:
        """By how much Whisper finds the best candidate likelier than the best one meaning another command
        (-inf when every candidate means the same: no rival, no evidence)."""
        meant = [[(i.name, i.slots) for i in self._parser.parse(t)] for t in candidates]
        rivals = [s for m, s in zip(meant, scores, strict=True) if m != meant[best]]
        return scores[best] - max(rivals) if rivals else -math.inf

    def _checked(self, heard: Transcript, encoded: Any, frames: int, exact: bool) -> Transcript:
        """A command heard: the reading the parser will act on (the first that is a command, not always the
        first: "and lock the doors" is none, "lock the doors" next to it is) is scored beside itself with
        one direction word turned ("unlock" for "lock"); when Whisper finds the turned one about as likely,
        it becomes the next reading, and the parser, seeing two readings that move the same thing opposite
        ways, asks before acting. An exact reading that the prompted decoding doubted is judged again by
        its unprompted score."""
        readings = [heard.text, *heard.alternatives]
        at = next((i for i, t in enumerate(readings) if self._parser.parse(t)), 0)
        turned = turned_readings(readings[at], self._parser)
        doubted = exact and heard.confidence is not None and heard.confidence < ACT_CONFIDENCE and at == 0
        if not turned and not doubted:
            return heard
        scores = self._score([readings[at], *turned], encoded, frames)
        confidence = heard.confidence
        if doubted and self._parser.parse(heard.text):
            confidence = max(confidence, 1.0 / (1.0 + math.exp(-EXACT_SLOPE * (scores[0] - EXACT_CENTRE))))
        margin = OPPOSITE_MARGIN if at == 0 else OPPOSITE_MARGIN_BELOW
        close = [t for t, s in zip(turned, scores[1:], strict=True) if s >= scores[0] - margin]
        if at > 0 and self._sounds is not None:
            # What Whisper wrote first sounding more like the turned command than the one to be done
            # ("and lock the doors": "unlock", not "lock"): too close to call, whatever the scores say
            # (they put "unlock" 0.96 or 1.15 below, by the CPU's kernels: one asked, one locked).
            acting = self._sounds.sentence_likeness(readings[0], readings[at])
            close += [
                t
                for t in turned
                if t not in close and self._sounds.sentence_likeness(readings[0], t) > acting
            ]
        self.last_detail = {**(self.last_detail or {}), "checked": scores, "turned": turned}
        # The close turned readings follow the command reading, so that the parser weighs them next to it.
        rest = [t for t in readings[at + 1 :] if t not in close]
        ordered = [*readings[: at + 1], *close, *rest]
        return Transcript(ordered[0], alternatives=tuple(ordered[1:]), confidence=round(confidence, 3))

    def _score(self, texts: list[str], encoded: Any, frames: int) -> list[float]:
        """Whisper's mean token log-probability of each text as the transcript of the audio, without the
        prompt, so that the templates' bias is not counted; each text written as Whisper writes (capital
        first, full stop, "AC", numbers as words or digits, the likelier of the two)."""
        import ctranslate2

        forms = [written_forms(t, self.language) for t in texts]
        flat = [f for each in forms for f in each]
        tokens = [self.tokenizer.encode(" " + f) for f in flat]
        # In small batches: align's time and memory grow faster than its batch (3 sequences 45 ms, 11 654
        # ms; two forms per numbered sentence put 57 MB on the human set's peak).
        results = []
        for i in range(0, len(tokens), ALIGN_BATCH):
            part = tokens[i : i + ALIGN_BATCH]
            batch = np.repeat(np.asarray(encoded), len(part), axis=0)
            results += self.model.model.align(
                ctranslate2.StorageView.from_array(batch), self._score_start, part, [frames] * len(part)
            )
        scores = iter(float(np.mean(np.log(np.maximum(r.text_token_probs, 1e-9)))) for r in results)
        return [round(max(next(scores) for _ in each), 3) for each in forms]

    def _decode(self, encoded: Any, max_tokens: int, suppress: list[int]) -> _Decoding:
        beam = self.options.beam_size
        result = self.model.model.generate(
            encoded,
            [self._prompt_ids],
            beam_size=beam,
            num_hypotheses=beam,
            max_length=len(self._prompt_ids) + max_tokens,
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=True,
            suppress_tokens=suppress,
        )[0]
        texts: list[str] = []
        for ids in result.sequences_ids:
            raw = self.tokenizer.decode([t for t in ids if t < self.tokenizer.eot]).strip()
            words = cut_loop(command_words(raw, self.language))
            if words and words not in texts:
                texts.append(words)
        score = result.scores[0] if result.scores else -math.inf
        return _Decoding(texts, score, result.no_speech_prob)


@dataclass(frozen=True)
class _Decoding:
    texts: list[str]  # in the templates' words, best first, no repeats
    score: float  # the best hypothesis's mean token log-probability
    no_speech: float


def _meaning(intents: list) -> list[tuple[str, dict]]:
    return [(i.name, i.slots) for i in intents]


def _belief(score: float, no_speech: float) -> float:
    belief = 1.0 / (1.0 + math.exp(-LOGPROB_SLOPE * (score - LOGPROB_FAILED)))
    return max(0.0, min(1.0, belief * (1.0 - no_speech)))


def _reading(free: _Decoding, held: _Decoding | None) -> Transcript:
    if held is None or not held.texts or (free.texts and held.texts[0] == free.texts[0]):
        texts = free.texts + [t for t in (held.texts if held else []) if t not in free.texts]
        confidence = _belief(free.score, free.no_speech)
    else:
        texts = held.texts + [t for t in free.texts if t not in held.texts]
        confidence = _belief(held.score, free.no_speech)
    if not texts:
        return Transcript("", rejected=True, confidence=0.0)
    return Transcript(texts[0], alternatives=tuple(texts[1:]), confidence=round(confidence, 3))


def _round_up(n: int, step: int) -> int:
    return -(-n // step) * step


def cut_loop(words: str) -> str:
    """One turn of a loop the decoder fell into ("check the tires check the tires check" → "check the
    tires"; the cap on its output may cut the last turn inside a word: "… the front defro"); anything else
    unchanged."""
    w = words.split()
    # The second turn may be shorter than the first (the cap again); two words of it are enough to tell.
    for period in range(1, len(w)):
        if len(w) - period < min(period, 2):
            break
        *whole, last = w[period:]
        if all(x == w[i % period] for i, x in enumerate(whole)) and w[len(w) - 1 - period].startswith(last):
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
        return self.engine.transcribe(np.frombuffer(pcm, np.int16).astype(np.float32) / 32768.0)


def command_prompt(intents: Intents, count_tokens: Any, budget: int = PROMPT_TOKENS) -> str:
    """Sentences from the templates that cover the most of their vocabulary within ``budget`` tokens, each
    word weighed by how many sampled sentences use it and each sentence by that weight per token (short
    everyday commands before long rare ones), written as Whisper writes ("AC", digits).

    Sampled with a fixed seed, so the prompt (and so the recognition) is the same from run to run.
    """
    grammar = build_grammar(intents)
    candidates = sorted(set(grammar.sample(per_sentence=3, seed=7)))
    # A word weighs as many sampled sentences as use it: "seat", "fan", "window" before "crank", "everyone".
    weight = Counter(w for s in candidates for w in set(s.split()))
    seen: set[str] = set()
    chosen: list[str] = []
    used = 0
    while candidates:
        best = max(candidates, key=lambda s: (_gain(s, seen, weight) / count_tokens(s + ". "), s))
        gain = set(best.split()) - seen
        if not gain:
            break
        candidates.remove(best)
        cost = count_tokens(best + ". ")
        if used + cost > budget:
            continue
        chosen.append(written_forms(best, intents.language)[-1])  # as Whisper writes: "AC", digits
        seen |= gain
        used += cost
    return " ".join(chosen)


def _gain(sentence: str, seen: set[str], weight: Counter[str]) -> int:
    return sum(weight[w] for w in set(sentence.split()) - seen)


# Written forms the held decoding may use besides the templates' words: Whisper writes numbers as digits.
_MARKS = (".", ",", "?", "!", "-", "'", "%")


def template_words(intents: Intents) -> set[str]:
    """Every word a command can be made of: the templates', the skip words', the conjunctions'."""
    words = build_grammar(intents).vocabulary()
    for skip in intents.skip_words:
        words.update(skip.lower().split())
    return words


def outside_tokens(hf_tokenizer: Any, words: set[str], eot: int) -> list[int]:
    """Ids of the text tokens that spell none of ``words`` (in any of Whisper's casings and spacings),
    nor a digit or a punctuation mark: what the held decoding suppresses."""
    allowed: set[int] = set()
    for word in words:
        for form in {word, word.capitalize(), word.upper() if len(word) <= 2 else word}:
            for spaced in (form, " " + form):
                allowed.update(hf_tokenizer.encode(spaced, add_special_tokens=False).ids)
    for token, token_id in hf_tokenizer.get_vocab().items():
        bare = token.lstrip("\u0120")  # byte-level BPE writes a leading space as "Ġ"
        if bare.isdigit() or bare in _MARKS:
            allowed.add(token_id)
    return [i for i in range(eot) if i not in allowed]


def turned_readings(text: str, parser: IntentParser | None) -> list[str]:
    """``text`` with one direction word turned ("lock the doors" → "unlock the doors"), where that is a
    command moving the same thing the other way."""
    if parser is None:
        return []
    intents = parser.parse(text)
    if not intents:
        return []
    words = text.split()
    out = []
    for i, word in enumerate(words):
        other = _TURN.get(word)
        if other is None:
            continue
        variant = " ".join([*words[:i], other, *words[i + 1 :]])
        if variant not in out and opposite(intents, parser.parse(variant)):
            out.append(variant)
    return out
