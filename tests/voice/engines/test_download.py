"""`cockpit voice download`: the model list, the checksum, unpacking; a clear line when offline."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from voice.engines.download import download
from voice.errors import VoiceError

NAME = "vosk-model-small-xx-0.1"


def _mirror(tmp_path, md5: str | None = None):
    """A model list and zip served from files (file:// URLs), laid out as alphacephei.com lays them out."""
    site = tmp_path / "site"
    site.mkdir()
    archive = site / f"{NAME}.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for part in ("am/final.mdl", "conf/mfcc.conf", "graph/HCLG.fst"):
            z.writestr(f"{NAME}/{part}", b"model bytes")
    digest = md5 or hashlib.md5(archive.read_bytes()).hexdigest()
    models = [
        {
            "lang": "xx-yy",
            "name": NAME,
            "type": "small",
            "obsolete": "false",
            "md5": digest,
            "size": archive.stat().st_size,
            "url": archive.as_uri(),
        },
        {"lang": "xx-yy", "name": "vosk-model-xx-big", "type": "big", "obsolete": "false"},
    ]
    (site / "model-list.json").write_text(json.dumps(models))
    return (site / "model-list.json").as_uri()


def test_the_small_model_is_fetched_checked_and_unpacked(tmp_path, monkeypatch):
    monkeypatch.setenv("COCKPIT_VOSK_MODELS_URL", _mirror(tmp_path))
    path = download("xx", tmp_path / "models", progress=False)
    assert path == tmp_path / "models" / NAME
    assert (path / "am" / "final.mdl").read_bytes() == b"model bytes"
    assert download("xx", tmp_path / "models", progress=False) == path  # already there: no second fetch


def test_a_damaged_download_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("COCKPIT_VOSK_MODELS_URL", _mirror(tmp_path, md5="0" * 32))
    with pytest.raises(VoiceError, match="damaged"):
        download("xx", tmp_path / "models", progress=False)
    assert not (tmp_path / "models" / NAME).exists()


def test_an_unknown_language_lists_the_ones_there_are(tmp_path, monkeypatch):
    monkeypatch.setenv("COCKPIT_VOSK_MODELS_URL", _mirror(tmp_path))
    with pytest.raises(VoiceError, match=r"no small model for language 'zz'\. Languages: xx-yy"):
        download("zz", tmp_path / "models", progress=False)


def test_offline_is_one_line_saying_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("COCKPIT_VOSK_MODELS_URL", (tmp_path / "nowhere" / "model-list.json").as_uri())
    with pytest.raises(VoiceError, match="cannot reach the Vosk model list") as err:
        download("en", tmp_path / "models", progress=False)
    assert "--vosk-model DIR" in err.value.line()
