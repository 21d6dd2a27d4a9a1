"""The endpointer hands the recognizer the whole utterance, with the lead-in before its first word."""

from __future__ import annotations

import numpy as np

from voice.audio.endpoint import Endpointer
from voice.engines.base import SAMPLE_RATE

LEAD_IN_S = 0.25


def run(samples: np.ndarray, lead_in_s: float = LEAD_IN_S) -> tuple[bytes, int, int]:
    """The audio handed over, and the frame numbers where speech started and ended."""
    ep = Endpointer(lead_in_s=lead_in_s)
    data, handed, started, ended = samples.tobytes(), b"", -1, -1
    for i in range(len(data) // ep.frame_bytes):
        step = ep.process(data[i * ep.frame_bytes : (i + 1) * ep.frame_bytes])
        started = i if step.started else started
        handed += step.speech or b""
        if step.ended:
            ended = i
            break
    return handed, started, ended


def test_the_recognizer_gets_the_silence_before_the_first_word(speech):
    samples = speech("close the windows")  # 300 ms of silence, then the words
    onset = int(np.flatnonzero(np.abs(samples) > 50)[0])
    handed, started, ended = run(samples)
    assert started >= 0 and ended > started
    lead = np.frombuffer(handed, np.int16)
    first_voiced = int(np.flatnonzero(np.abs(lead) > 50)[0])
    # The words arrive whole, after at least 200 ms of the silence that came before them.
    assert 0.2 <= first_voiced / SAMPLE_RATE <= LEAD_IN_S + 0.035
    assert lead[first_voiced : first_voiced + 1600].tobytes() == samples[onset : onset + 1600].tobytes()


def test_speech_right_at_the_start_has_no_lead_in_to_give(speech):
    samples = speech("close the windows")
    onset = int(np.flatnonzero(np.abs(samples) > 50)[0])
    handed, started, _ = run(samples[onset:])
    assert started >= 0
    assert np.frombuffer(handed, np.int16)[:1600].tobytes() == samples[onset : onset + 1600].tobytes()


def test_without_a_lead_in_speech_starts_at_the_first_voiced_frame(speech):
    samples = speech("close the windows")
    handed, _, _ = run(samples, lead_in_s=0.0)
    lead = np.frombuffer(handed, np.int16)
    assert int(np.flatnonzero(np.abs(lead) > 50)[0]) / SAMPLE_RATE < 0.035
