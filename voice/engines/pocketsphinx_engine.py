"""pocketsphinx: the fallback that works right after install with the English model its wheel ships.

Recognition is constrained to the intent templates through a trigram language model trained, at start-up,
on sentences sampled from them (pocketsphinx's own ARPA builder), over the templates' vocabulary plus
frequent filler words (assets/intents/LANG.filler.txt). Out-of-domain speech then decodes to filler words
and is rejected, instead of being forced onto the nearest command.

Why not a JSGF grammar: pocketsphinx expands JSGF into a flat word graph; ours (number ranges, two
commands per utterance) decoded 3.3 s of speech in 8 s (0.8 s with narrow beams, losing accuracy), where
the template language model takes 0.2 s with the same answers.
"""

from __future__ import annotations

import io
import logging
import tempfile
from pathlib import Path
from typing import Any

from hassil import Intents

from ..errors import VoiceError
from ..understanding.grammar import CONJUNCTIONS, build_grammar
from .base import Engine, Stream, Transcript
from .models import filler_words

log = logging.getLogger(__name__)
LEXICON = Path(__file__).resolve().parents[2] / "assets" / "intents"
SENTENCES_PER_TEMPLATE = 200
# No second (flat-lexicon) pass: it doubled the time after the endpoint without a measurable gain.
# Dither: digital silence (WAV files, synthesised speech) has no spectrum to normalise. A trace of noise
# raised clean acceptance on half the benchmark's espeak-ng set by 6 points; on the full run, with the
# lead-in, the gain is 2 points and false accepts fell from 5 % to 3 %; nothing changed in cabin noise.
# A fixed seed keeps the result of a given recording the same from run to run.
DECODER: dict[str, Any] = {"fwdflat": False, "dither": True, "seed": 1}
DISCOUNT = 0.5
N_BEST = 10  # hypotheses from the lattice offered to the parser


class PocketsphinxEngine(Engine):
    name = "pocketsphinx"
    # Its models expect silence before the first word: started right on it, pocketsphinx lost or misheard
    # the first word ("close the windows" heard "also we go"). 250 ms raised clean acceptance on half the
    # benchmark's espeak-ng set by 5 points and did no harm in noise. Vosk does better without (its Korean
    # tests lose words).
    lead_in_s = 0.25
    # Measured (docs/benchmarks.md, "Cabin-noise front end"): the 150 Hz high-pass cost it 2 of 130 clean
    # commands and made the window's espeak-ng "turn on the a c" "do not do not seat"; its live cepstral
    # mean normalisation already takes out a steady spectral tilt.
    noise_front_end = False

    def __init__(self, intents: Intents | None, model_dir: str | None = None, **options: Any) -> None:
        """``options``: pocketsphinx decoder settings over ours (``lw``, ``beam``, ...)."""
        import pocketsphinx

        self.model_dir = Path(model_dir) if model_dir else Path(pocketsphinx.get_model_path()) / "en-us"
        hmm = self.model_dir / "en-us"
        dictionary = self.model_dir / "cmudict-en-us.dict"
        if not hmm.is_dir() or not dictionary.is_file():
            raise VoiceError(
                "the pocketsphinx English model is missing",
                where=str(self.model_dir),
                fix="Reinstall it: pip install --force-reinstall pocketsphinx",
            )
        self.mode = "grammar" if intents is not None else "free"
        config = pocketsphinx.Config()
        config["hmm"] = str(hmm)
        config["dict"] = str(dictionary)
        config["loglevel"] = "FATAL"
        config["lm"] = str(self.model_dir / "en-us.lm.bin") if intents is None else None
        for key, value in {**DECODER, **options}.items():
            config[key] = value
        try:
            self.decoder = pocketsphinx.Decoder(config)
        except (RuntimeError, ValueError) as exc:
            raise VoiceError(
                f"pocketsphinx cannot load its model: {exc}", where=str(self.model_dir)
            ) from None
        self.missing: list[str] = []
        self.filler: frozenset[str] = frozenset()
        self.adapted = False  # live CMN has taken in an utterance of this channel
        if intents is not None:
            self._load_templates(intents)

    def describe(self) -> str:
        return f"pocketsphinx en-us ({self.mode})"

    @property
    def channel(self) -> str:
        """The adapted channel estimate (CMN), to save and restore (tests start from the same one)."""
        return self.decoder.get_cmn(False)

    @channel.setter
    def channel(self, state: str) -> None:
        """Back to a saved channel, with the dither's random state back at its seed: a recording then
        decodes the same whatever the engine heard before (it used to depend on how much audio had gone
        through, so which tests a pytest worker ran first decided some results)."""
        self.decoder.reinit_feat()
        self.decoder.set_cmn(state)
        self.adapted = True

    def _load_templates(self, intents: Intents) -> None:
        from pocketsphinx.lm import ArpaBoLM

        self._add_lexicon(LEXICON / f"{intents.language}.dict")
        grammar = build_grammar(intents)
        vocabulary = grammar.vocabulary()
        self.missing = sorted(w for w in vocabulary if self.decoder.lookup_word(w) is None)
        if self.missing:
            log.warning(
                "pocketsphinx cannot hear these template words (not in its dictionary): %s",
                ", ".join(self.missing),
            )
        self.filler = frozenset(w for w in filler_words(intents.language) if w not in vocabulary)
        sentences = grammar.sample(SENTENCES_PER_TEMPLATE)
        # Two commands in one utterance: join sampled sentences so the model has seen the transitions.
        joined = [
            f"{a} {CONJUNCTIONS[i % len(CONJUNCTIONS)]} {b}"
            for i, (a, b) in enumerate(zip(sentences[::7], sentences[3::7], strict=False))
        ]
        filler = sorted(self.filler)
        # Filler in short runs: enough probability mass to absorb out-of-domain speech, not more.
        runs = [" ".join(filler[i : i + 3]) for i in range(len(filler))]
        model = ArpaBoLM(text="\n".join(sentences + joined + runs), add_start=True, discount_mass=DISCOUNT)
        model.compute()
        arpa = io.StringIO()
        model.write(arpa)
        with tempfile.NamedTemporaryFile("w", suffix=".arpa", encoding="utf-8") as f:
            f.write(arpa.getvalue())
            f.flush()
            try:
                self.decoder.add_lm_file("cockpit", f.name)
            except (RuntimeError, ValueError) as exc:
                raise VoiceError(f"the intent templates do not make a language model: {exc}") from None
        self.decoder.activate_search("cockpit")

    def _add_lexicon(self, path: Path) -> None:
        if not path.is_file():
            return
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(";"):
                word, phones = line.split(None, 1)
                if self.decoder.lookup_word(word) is None:
                    self.decoder.add_word(word, phones.strip(), False)

    def start(self) -> Stream:
        return _PocketsphinxStream(self)


class _PocketsphinxStream(Stream):
    """Streaming search with live cepstral mean normalisation (CMN), which adapts to the channel
    (microphone, cabin) over the utterances heard.

    Measured on the benchmark's speech, a mean adapted over many utterances recognizes far better than
    each utterance's own mean (clean acceptance 73 % against 44 %). Live CMN starts from the model's
    generic estimate, far from a new channel, so the first utterance after loading is decoded again at
    its end, whole, once its mean has been taken in.
    """

    def __init__(self, engine: PocketsphinxEngine) -> None:
        self.engine = engine
        self.filler = engine.filler
        self.decoder = engine.decoder
        self.audio: list[bytes] | None = None if engine.adapted else []
        self.decoder.start_utt()

    def accept(self, pcm: bytes) -> None:
        if not pcm:
            return  # pocketsphinx fails on an empty buffer
        if self.audio is not None:
            self.audio.append(pcm)
        self.decoder.process_raw(pcm, False, False)

    def partial(self) -> str:
        hyp = self.decoder.hyp()
        return hyp.hypstr if hyp is not None else ""

    def finish(self) -> Transcript:
        self.decoder.end_utt()
        if self.audio:
            self.decoder.start_utt()
            self.decoder.process_raw(b"".join(self.audio), False, True)
            self.decoder.end_utt()
            self.engine.adapted = True
        hyp = self.decoder.hyp()
        text = hyp.hypstr.strip() if hyp is not None else ""
        rejected = any(w in self.filler for w in text.split())
        alternatives = []
        for n, best in enumerate(self.decoder.nbest()):
            if n >= N_BEST:
                break
            words = best.hypstr.strip() if best is not None and best.hypstr else ""
            fresh = words and words != text and words not in alternatives
            if fresh and not any(w in self.filler for w in words.split()):
                alternatives.append(words)
        return Transcript(text, rejected, tuple(alternatives), free_text=False)
