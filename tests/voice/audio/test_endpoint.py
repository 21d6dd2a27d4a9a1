"""The endpointers hand the recognizer the whole utterance, with the lead-in before its first word."""

from __future__ import annotations

import numpy as np
import pytest

from voice.audio.cabin_noise import cabin_noise, mix
from voice.audio.endpoint import ENDPOINTERS, open_endpointer
from voice.audio.silero import FRAME_SAMPLES
from voice.audio.silero_endpoint import PRE_ROLL_S
from voice.engines.base import SAMPLE_RATE

LEAD_IN_S = 0.25
FRAME_S = 0.035  # the longer of the two endpointers' frames (30 and 32 ms), with a little to spare
# The least silence before the words: Silero calls the onset speech up to two frames late, and the lead-in
# is counted from there.
MIN_LEAD_S = {"webrtc": 0.2, "silero": LEAD_IN_S - 0.07}


def run(samples: np.ndarray, kind: str, lead_in_s: float = LEAD_IN_S) -> tuple[bytes, int, int]:
    """The audio handed over, and the frame numbers where speech started and ended."""
    ep = open_endpointer(kind, lead_in_s=lead_in_s)
    data, handed, started, ended = samples.tobytes(), b"", -1, -1
    for i in range(len(data) // ep.frame_bytes):
        step = ep.process(data[i * ep.frame_bytes : (i + 1) * ep.frame_bytes])
        started = i if step.started else started
        handed += step.speech or b""
        if step.ended:
            ended = i
            break
    return handed, started, ended


@pytest.mark.parametrize("kind", ENDPOINTERS)
def test_the_recognizer_gets_the_silence_before_the_first_word(speech, kind):
    samples = speech("close the windows")  # 300 ms of silence, then the words
    onset = int(np.flatnonzero(np.abs(samples) > 50)[0])
    handed, started, ended = run(samples, kind)
    assert started >= 0 and ended > started
    lead = np.frombuffer(handed, np.int16)
    first_voiced = int(np.flatnonzero(np.abs(lead) > 50)[0])
    # The words arrive whole, after most of the lead-in of the silence that came before them.
    assert MIN_LEAD_S[kind] <= first_voiced / SAMPLE_RATE <= LEAD_IN_S + FRAME_S
    assert lead[first_voiced : first_voiced + 1600].tobytes() == samples[onset : onset + 1600].tobytes()


@pytest.mark.parametrize("kind", ENDPOINTERS)
def test_speech_right_at_the_start_has_no_lead_in_to_give(speech, kind):
    samples = speech("close the windows")
    onset = int(np.flatnonzero(np.abs(samples) > 50)[0])
    handed, started, _ = run(samples[onset:], kind)
    assert started >= 0
    assert np.frombuffer(handed, np.int16)[:1600].tobytes() == samples[onset : onset + 1600].tobytes()


def test_without_a_lead_in_webrtc_starts_at_the_first_voiced_frame(speech):
    handed, _, _ = run(speech("close the windows"), "webrtc", lead_in_s=0.0)
    lead = np.frombuffer(handed, np.int16)
    assert int(np.flatnonzero(np.abs(lead) > 50)[0]) / SAMPLE_RATE < FRAME_S


def test_without_a_lead_in_silero_still_keeps_the_first_sound(speech):
    # Silero calls an onset speech a frame or two late: its pre-roll keeps the first sound anyway.
    samples = speech("close the windows")
    onset = int(np.flatnonzero(np.abs(samples) > 50)[0])
    lead = np.frombuffer(run(samples, "silero", lead_in_s=0.0)[0], np.int16)
    first_voiced = int(np.flatnonzero(np.abs(lead) > 50)[0])
    assert first_voiced / SAMPLE_RATE <= PRE_ROLL_S + FRAME_S
    assert lead[first_voiced : first_voiced + 1600].tobytes() == samples[onset : onset + 1600].tobytes()


def test_silero_ends_speech_in_cabin_noise(speech):
    # The command, then 3 s of the same 5 dB road noise: the endpoint comes with the end of the words.
    # (pocketsphinx's VAD, the webrtc one, called that noise speech to the end of the audio.)
    clean = np.concatenate([speech("close the windows"), np.zeros(3 * SAMPLE_RATE, np.int16)])
    words_end = int(np.flatnonzero(np.abs(clean) > 50)[-1]) / SAMPLE_RATE
    noisy = mix(clean, cabin_noise("road", len(clean) / SAMPLE_RATE + 0.1, seed=1), 5)
    _, started, ended = run(noisy, "silero")
    assert started >= 0 and ended > started
    assert (ended + 1) * FRAME_SAMPLES / SAMPLE_RATE - words_end < 0.6


def test_an_unknown_endpointer_is_named():
    with pytest.raises(ValueError, match="unknown endpointer 'rnn'; one of webrtc, silero"):
        open_endpointer("rnn")
