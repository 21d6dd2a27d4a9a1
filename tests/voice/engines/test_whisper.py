"""Real speech through the real Whisper tiny.en (the packaged weights): commands understood, and
silence, music, a cough or another language doing nothing."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from voice.audio.sources import array_frames
from voice.engines.base import SAMPLE_RATE
from voice.engines.whisper_engine import cut_loop, turned_readings
from voice.listener import Listener
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

PARSER = IntentParser(load_intents())


def understood(whisper, samples: np.ndarray):
    heard = Listener(whisper, PARSER).listen(array_frames(samples))
    if heard.transcript is None:
        return heard, None
    return heard, PARSER.understand(heard.transcript)


@pytest.mark.parametrize(
    ("text", "voice", "snr", "intent", "slots"),
    [
        ("close the windows", "flite:slt", None, "WindowClose", {"window": "all"}),
        ("make it warmer", "flite:rms", None, "ClimateRaiseTemperature", {}),
        (
            "set the temperature to twenty two degrees",
            "en-us",
            None,
            "ClimateSetTemperature",
            {"temperature": 22},
        ),
        ("open the driver window", "flite:awb", None, "WindowOpen", {"window": "driver"}),
    ],
)
def test_spoken_commands_are_understood(whisper, speech, text, voice, snr, intent, slots):
    heard, understanding = understood(whisper, speech(text, voice, snr=snr))
    assert understanding is not None, heard.problem
    assert [(i.name, i.slots) for i in understanding.intents] == [(intent, slots)], heard.text
    assert understanding.question is None  # heard clearly: no need to ask
    assert heard.transcript.confidence > 0.6


@pytest.mark.parametrize(
    ("text", "voice", "snr", "noise", "intent", "slots"),
    [
        # Heard word for word; the templates lacked "make the temperature N" without "to".
        (
            "make the temperature eighteen",
            "flite:slt",
            None,
            "road",
            "ClimateSetTemperature",
            {"temperature": 18},
        ),
        # Heard "turn on the ac"; scored as "Turn on the a c." Whisper doubted it (-2.4), as "… AC." not.
        ("turn on the a c", "flite:slt", None, "road", "TurnOn", {"switch": "climate.ac"}),
    ],
)
def test_commands_first_misheard_are_done_without_asking(
    whisper, speech, text, voice, snr, noise, intent, slots
):
    heard, understanding = understood(whisper, speech(text, voice, snr=snr, noise=noise))
    assert understanding is not None, heard.problem
    assert [(i.name, i.slots) for i in understanding.intents] == [(intent, slots)], heard.text
    assert understanding.question is None, (heard.text, heard.transcript.alternatives)


@pytest.mark.parametrize(
    ("text", "snr", "noise", "intent", "slots", "question"),
    [
        # Whisper reads it right, but the turned reading ("switch on the front defrester") scored only 0.88
        # below it with this machine's AVX-512 kernels (inside the margin: it asks), 1.1 below with AVX2
        # (it acts). Either is right; acting on "on" would not be.
        (
            "switch off the front defroster",
            None,
            "road",
            "TurnOff",
            {"switch": "climate.defrost_front"},
            "Did you mean turn off the windshield defrost?",
        ),
        # In 20 dB wind the template sentence is 0.78 from Whisper's free transcript (beyond the 0.7 that
        # acts alone) and leads every other command by 2.5 (acts); with AVX2 kernels its confidence lands at
        # 0.50 (asks). Clean, since the Silero endpointer, Whisper hears "the heat in speed": not done.
        (
            "switch off the heated seat",
            20,
            "wind",
            "SeatHeatingOff",
            {},
            "Did you mean turn off the seat heating for the seat?",
        ),
    ],
)
def test_a_close_call_is_done_as_said_or_asked_about_never_turned(
    whisper, speech, text, snr, noise, intent, slots, question
):
    # Cases at the edge of a margin, where the CPU's kernels (CTranslate2 picks AVX2, AVX-512 …) decide
    # between acting and asking: what holds on every machine is the command said, done or asked about.
    heard, understanding = understood(whisper, speech(text, "flite:slt", snr=snr, noise=noise))
    assert understanding is not None, heard.problem
    assert [(i.name, i.slots) for i in understanding.intents] == [(intent, slots)], heard.text
    assert understanding.question in (None, question), understanding.question


@pytest.mark.parametrize(
    ("text", "voice", "intent", "slots"),
    [
        ("turn off the seat heating", "flite:slt", "SeatHeatingOff", {}),
        ("close the windows", "flite:rms", "WindowClose", {"window": "all"}),
        ("make it cooler", "en-us", "ClimateLowerTemperature", {}),
        ("unlock the doors", "flite:slt", "Unlock", {}),  # heard "and lock the doors" before the check
        ("lower the fan", "piper:joe", "ClimateFanDown", {}),
    ],
)
def test_in_cabin_noise_a_command_is_understood_or_left_undone_never_another(
    whisper, speech, text, voice, intent, slots
):
    """At 10 dB SNR Whisper tiny.en gets three commands in four (bench/voice.py): what a test can hold is
    the safety rule, that a noisy command is done as said, asked about, or not done, never another one."""
    heard, understanding = understood(whisper, speech(text, voice, snr=10.0))
    if understanding is None or not understanding.intents:
        return  # not understood: nothing done, and the assistant says so
    done = [(i.name, i.slots) for i in understanding.intents]
    assert done == [(intent, slots)] or understanding.question is not None, heard.text


def _tone_chord(seconds: float = 2.0) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    chord = sum(np.sin(2 * np.pi * f * t) * np.exp(-3 * (t % 0.5)) for f in (262, 330, 392))
    return (chord / 3 * 12000).astype(np.int16)


def _cough() -> np.ndarray:
    rng = np.random.default_rng(3)
    burst = rng.standard_normal(int(0.25 * SAMPLE_RATE)) * np.linspace(1, 0, int(0.25 * SAMPLE_RATE)) ** 2
    pad = np.zeros(int(0.4 * SAMPLE_RATE))
    return (np.concatenate([pad, burst * 16000, pad])).clip(-32768, 32767).astype(np.int16)


def _sox_music(tmp_path) -> np.ndarray:
    from voice.audio.wav import read_wav

    path = tmp_path / "music.wav"
    synth = ["synth", "3", "pluck", "C4", "pluck", "E4", "pluck", "G4", "vol", "0.5"]
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(path), *synth], check=True)
    return read_wav(path).samples


@pytest.mark.parametrize("kind", ["silence", "chord", "music", "cough", "german"])
def test_no_command_in_it_means_no_action(whisper, speech, tmp_path, kind):
    if kind == "music" and shutil.which("sox") is None:
        pytest.fail("sox is needed for this test: apt-get install sox")
    samples = {
        "silence": lambda: np.zeros(2 * SAMPLE_RATE, np.int16),
        "chord": _tone_chord,
        "music": lambda: _sox_music(tmp_path),
        "cough": _cough,
        "german": lambda: speech("Mach bitte das Fenster auf, es ist sehr warm hier drinnen", "de"),
    }[kind]()
    heard, understanding = understood(whisper, samples)
    acted = understanding.intents if understanding is not None and not understanding.question else []
    assert acted == [], f"{kind} heard as {heard.text!r}"


def test_a_decoder_loop_is_cut_to_one_turn():
    assert cut_loop("check the tires check the tires check the") == "check the tires"
    assert cut_loop("open the window") == "open the window"
    assert cut_loop("lower lower") == "lower"
    # The output cap cut the last turn inside a word.
    assert cut_loop("switch off the defroster switch off the defro") == "switch off the defroster"
    assert cut_loop("set the fan to two two") == "set the fan to two two"


@pytest.mark.parametrize(
    ("text", "turned"),
    [
        ("lock the doors", ["unlock the doors"]),
        ("make it warmer", ["make it cooler"]),
        ("turn on the ac", ["turn off the ac"]),
        ("set the temperature to twenty", []),  # absolute: no direction to turn
        ("what a beautiful day", []),  # no command
    ],
)
def test_a_command_is_checked_against_its_opposite(text, turned):
    assert turned_readings(text, PARSER) == turned


def test_pocketsphinx_gives_a_second_opinion_beside_whisper(whisper, speech):
    from voice.engines.pocketsphinx_engine import PocketsphinxEngine
    from voice.engines.second_opinion import SecondOpinionEngine

    both = SecondOpinionEngine(whisper, PocketsphinxEngine(load_intents()))
    assert both.describe().endswith("+ pocketsphinx second opinion")
    heard = Listener(both, PARSER).listen(array_frames(speech("lock the car", "flite:rms")))
    candidates = [heard.transcript.text, *heard.transcript.alternatives]
    assert candidates.count("lock the car") == 1  # once among the readings (Whisper hears "lots of car")
    [intent] = PARSER.understand(heard.transcript).intents
    assert intent.name == "Lock"
    # On silence neither has anything: nothing to act on.
    silent = Listener(both, PARSER).listen(array_frames(np.zeros(SAMPLE_RATE, np.int16)))
    assert silent.problem == "no speech heard"


def test_a_first_reading_that_sounds_like_the_opposite_makes_it_ask(whisper, speech):
    # flite's "unlock the doors" at 10 dB: Whisper writes "and lock the doors" first, then "lock the
    # doors". The scores put "unlock" 0.96 (AVX-512 kernels) or 1.15 (AVX2) below "lock": the second
    # locked the doors. "and lock" sounds like "unlock", so the assistant asks on every machine.
    heard, understanding = understood(whisper, speech("unlock the doors", "flite:slt", snr=10.0))
    assert understanding is not None and understanding.intents, heard.problem
    acted = [i.name for i in understanding.intents]
    assert acted == ["Unlock"] or understanding.question is not None, (heard.text, acted)
    assert "Unlock" in [i.name for i in [*understanding.intents, *understanding.alternative]], heard.text
