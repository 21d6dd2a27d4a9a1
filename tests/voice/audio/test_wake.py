"""The wake phrase is spotted in running audio, and not in other speech or in noise."""

from __future__ import annotations

import numpy as np

from voice.audio.cabin_noise import cabin_noise, mix
from voice.audio.sources import array_frames
from voice.audio.wake import WakePhrase


def test_hey_cockpit_is_spotted_right_after_start(speech):
    assert WakePhrase().wait(array_frames(speech("hey cockpit")))


def test_hey_cockpit_is_spotted_after_other_speech(speech):
    audio = np.concatenate([speech("what a nice day for a drive"), speech("hey cockpit")])
    assert WakePhrase().wait(array_frames(audio))


def test_other_speech_and_noise_do_not_wake_it(speech):
    wake = WakePhrase()
    assert not wake.wait(array_frames(speech("what a nice day for a drive")))
    assert not wake.wait(array_frames(speech("turn on the a c")))
    assert not wake.wait(array_frames(mix(np.ones(48000, np.int16), cabin_noise("fan", 3.1), 0)))
