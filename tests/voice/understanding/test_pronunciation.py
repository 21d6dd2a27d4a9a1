"""How words sound (CMU dictionary from pocketsphinx's wheel, plus the project's own entries)."""

from __future__ import annotations

from rapidfuzz import fuzz

from voice.understanding.pronunciation import Pronunciations

SOUNDS = Pronunciations()


def test_words_whisper_writes_for_fan_sound_near_it_though_spelt_far():
    for heard in ("then", "ten", "can"):
        assert SOUNDS.unlike(heard, "fan") < 0.4
    assert fuzz.ratio("then", "fan") < 40 and fuzz.ratio("ten", "fan") < 40  # on paper: no match at all
    assert SOUNDS.unlike("seat", "c") < 0.25  # "a c" heard as "… seat"
    assert SOUNDS.unlike("defroster", "fan") > 0.7


def test_every_pronunciation_counts_and_stress_does_not(tmp_path):
    assert len(SOUNDS.sounds("a")) == 2  # AH and EY
    assert SOUNDS.unlike("way", "a") < 0.4  # through EY
    dictionary = tmp_path / "stress.dict"
    dictionary.write_text("record R EH1 K ER0 D\nrecord(2) R EH0 K ER1 D\n", encoding="utf-8")
    assert Pronunciations(dictionary=dictionary).sounds("record") == ("Rekrd",)  # one sound, two stresses


def test_the_projects_own_words_and_unknown_words():
    assert SOUNDS.sounds("defroster")  # not in cmudict: assets/intents/en.dict
    assert SOUNDS.sounds("zzzqx") == ()
    assert SOUNDS.unlike("zzzqx", "fan") is None


def test_first_and_last_entries_of_the_dictionary_are_found(tmp_path):
    dictionary = tmp_path / "tiny.dict"
    dictionary.write_text("aa AA1\nfan F AE1 N\nfan(2) F AH0 N\nzz Z IY1\n", encoding="utf-8")
    sounds = Pronunciations(dictionary=dictionary)
    assert sounds.sounds("aa") == ("a",)
    assert sounds.sounds("fan") == ("fen", "fan")
    assert sounds.sounds("zz") == ("zi",)
    assert sounds.sounds("f") == ()


def test_a_sentence_sounds_like_the_command_it_was_misheard_from():
    # "and lock the doors" is what Whisper wrote for "unlock the doors" in noise.
    heard = "and lock the doors"
    assert SOUNDS.sentence_likeness(heard, "unlock the doors") > SOUNDS.sentence_likeness(
        heard, "lock the doors"
    )
    assert SOUNDS.sentence_likeness("open the windows please", "open the windows") > SOUNDS.sentence_likeness(
        "open the windows please", "close the windows"
    )
