"""The front end in the listener, with the real Whisper: commands in 5 dB of cabin noise are understood
through the default front end, and cabin noise alone never becomes a command through any of them."""

from __future__ import annotations

import numpy as np
import pytest

from voice.audio.cabin_noise import KINDS, cabin_noise
from voice.audio.noise_suppression import DEFAULT, open_front_end
from voice.audio.sources import array_frames
from voice.engines.base import SAMPLE_RATE
from voice.listener import Listener
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

PARSER = IntentParser(load_intents())


def noise(kind: str, seconds: float, level: float = 3000.0, seed: int = 3) -> np.ndarray:
    return np.round(cabin_noise(kind, seconds, seed=seed) * level).astype(np.int16)


@pytest.mark.parametrize("kind", [*KINDS, "silence"])
@pytest.mark.parametrize("front_end", ["highpass", "spectral"])
def test_cabin_noise_alone_never_becomes_a_command(whisper, kind, front_end):
    audio = np.zeros(3 * SAMPLE_RATE, np.int16) if kind == "silence" else noise(kind, 3.0, level=6000.0)
    heard = Listener(whisper, PARSER, front_end=open_front_end(front_end)).listen(array_frames(audio))
    # Never acted on. Silero's endpointer keeps this noise from Whisper (test_listener_in_noise.py); should
    # some reach it, Whisper can make words of wind ("let's go home", belief 0.5): then the assistant asks
    # first and does nothing without a "yes".
    assert not heard.intents or heard.question is not None, (kind, heard.text)


AT_5_DB = [("lock the doors", "Lock"), ("make it warmer", "ClimateRaiseTemperature")]


def test_at_5_db_commands_are_understood_through_the_default_front_end(whisper, speech):
    # Six cases, one rule each way: nearly all done as said, none done as another command. One case
    # alone sits at the edge at 5 dB ("lock the doors" in wind is "lard the doors" with CTranslate2's
    # AVX2 kernels, understood with this machine's AVX-512 ones).
    done, wrong = [], []
    for kind in KINDS:
        for text, intent in AT_5_DB:
            noisy = speech(text, snr=5, noise=kind)
            heard = Listener(whisper, PARSER, front_end=open_front_end(DEFAULT)).listen(array_frames(noisy))
            acted = [i.name for i in heard.intents] if heard.question is None else []
            (done if acted == [intent] else wrong if acted else []).append((kind, text, heard.text))
    assert not wrong, wrong
    assert len(done) >= 5, done
