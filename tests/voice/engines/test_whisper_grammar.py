"""Whisper held to the templates' sentences (voice/engines/whisper_grammar.py), on real speech through
the real Whisper tiny.en: noisy commands whose free transcript wanders off are recovered, and what is not
a command is still left undone."""

from __future__ import annotations

import numpy as np
import pytest

from voice.audio.sources import array_frames
from voice.engines.whisper_grammar import GrammarDecoder
from voice.listener import Listener
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser
from voice.understanding.sentence_automaton import SentenceAutomaton

PARSER = IntentParser(load_intents())

# Commands at 10 dB whose free transcripts missed (Whisper wrote "how warm until the battery is strong",
# "open the tail seat", "close how the wind does", "warm up please"; two more were only asked about),
# found on this machine by comparing the engine with and without the sentence decoding.
RECOVERED = [
    ("how long until the battery is full", "flite:slt", "fan", [("AskTimeToCharge", {})]),
    ("open the tailgate", "piper:joe", "fan", [("TrunkOpen", {})]),
    ("close all the windows", "flite:slt", "fan", [("WindowClose", {"window": "all"})]),
    ("warmer please", "piper:joe", "fan", [("ClimateRaiseTemperature", {})]),
    ("switch on the front defroster", "flite:slt", "road", [("TurnOn", {"switch": "climate.defrost_front"})]),
    ("turn off the ambient lighting", "flite:slt", "road", [("TurnOff", {"switch": "ambient.on"})]),
]


def done(whisper, samples: np.ndarray) -> tuple[list, bool, str]:
    """(intents acted on without asking, whether it asked, what was heard)."""
    heard = Listener(whisper, PARSER).listen(array_frames(samples))
    if heard.transcript is None:
        return [], False, heard.text
    understanding = PARSER.understand(heard.transcript)
    if understanding.question:
        return [], True, heard.text
    return [(i.name, i.slots) for i in understanding.intents], False, heard.text


def test_noisy_commands_the_free_transcript_missed_are_done(whisper, speech, monkeypatch) -> None:
    clips = [speech(text, voice, snr=10.0, noise=noise) for text, voice, noise, _ in RECOVERED]
    wanted = [expected for *_, expected in RECOVERED]
    outcomes = [done(whisper, clip) for clip in clips]
    right = sum(acted == expected for (acted, _, _), expected in zip(outcomes, wanted, strict=True))
    pairs = zip(outcomes, wanted, strict=True)
    wrong = [(heard, acted) for (acted, _, heard), w in pairs if acted and acted != w]
    # At a margin's edge the CPU's kernels may turn one into a question (the safe side): 5 of 6, none wrong.
    assert right >= 5 and not wrong, outcomes
    monkeypatch.setattr(whisper, "_grammar", None)  # the same engine without the sentence decoding
    before = [done(whisper, clip)[0] for clip in clips]
    assert sum(acted == expected for acted, expected in zip(before, wanted, strict=True)) <= 1, before


@pytest.mark.parametrize(
    "text", ["tell me a joke about penguins", "the kids are asleep in the back", "i wonder if it will snow"]
)
def test_out_of_domain_speech_in_noise_is_not_made_a_command(whisper, speech, text) -> None:
    # The sentence decoding turns anything into some command; its score must keep these undone.
    acted, _asked, heard = done(whisper, speech(text, "flite:slt", snr=10.0, noise="road"))
    assert acted == [], heard


def test_every_sentence_found_is_one_the_templates_allow(whisper, speech) -> None:
    import ctranslate2

    samples = speech("turn on the seat heating", "flite:slt", snr=5.0, noise="wind").astype(np.float32)
    features = whisper.model.feature_extractor(samples / 32768.0)
    window = ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None, :, :]))
    encoded = whisper.model.model.encode(window, to_cpu=False)
    automaton = SentenceAutomaton.from_intents(load_intents())
    decoder = GrammarDecoder(automaton, whisper.model.hf_tokenizer, whisper.tokenizer.eot)
    found = decoder.decode(whisper.model.model, encoded, whisper._score_start, 30, beam=3)
    assert found and decoder.calls > 0
    for text, score in found:
        assert automaton.accepts(automaton.walk(text.split())), text
        assert PARSER.parse(text), text
        assert score < 0
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
