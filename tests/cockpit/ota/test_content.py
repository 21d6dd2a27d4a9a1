"""Content installed over the air is what the head unit uses after its next start, and a failed health check
brings the old content back: the map, a voice model, a vehicle profile and intent templates, each read
through the active A/B slot by its own loader."""

from __future__ import annotations

import dataclasses
import errno
import os
from pathlib import Path

import pytest

from assets import ASSETS_DIR
from cockpit.navigation.builtin_town import builtin_town
from cockpit.navigation.map_source import open_map
from cockpit.ota.content import InstalledContent
from cockpit.ota.slots import Slots
from cockpit.session import Session, SessionOptions
from voice.engines.models import find_vosk_model
from voice.engines.whisper_models import find_whisper_model
from voice.understanding.intents import load_intents

from .conftest import FakeCar, Setup, bundle

VOSK_PARTS = ("am/final.mdl", "conf/mfcc.conf", "graph/HCLr.fst", "graph/Gr.fst")
WHISPER_PARTS = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")
INTENTS = b"""language: en
intents:
  OtaTestIntent:
    data:
      - sentences:
          - "play the update jingle"
"""


def map_bytes(work: Path, name: str) -> bytes:
    """A real map cache (the built-in town) under another name, as a map vendor's bundle would carry."""
    path = work / f"{name}.navmap.npz"
    dataclasses.replace(builtin_town(work / "town-cache"), name=name).save(path)
    return path.read_bytes()


def content_v(work: Path, n: int) -> dict[str, bytes]:
    files = {"maps/town.navmap.npz": map_bytes(work, f"Town v{n}")}
    files |= {f"voice/vosk-model-small-de-0.{n}/{part}": f"v{n}".encode() for part in VOSK_PARTS}
    files |= {f"voice/whisper-tiny.en/{part}": f"v{n}".encode() for part in WHISPER_PARTS}
    return files


def start(**options: object) -> Session:
    """A head unit start: a new session (not started: what it resolves is read when it is made)."""
    return Session(SessionOptions(use_can_config=False, **options))  # type: ignore[arg-type]


@pytest.fixture
def car(published: Setup, monkeypatch: pytest.MonkeyPatch) -> Setup:
    monkeypatch.setenv("COCKPIT_OTA_DIR", str(published.car_dir))
    return published


def test_nothing_installed_means_the_built_in_map_and_no_installed_models(car: Setup) -> None:
    session = start()
    try:
        assert session.content.slot_dir is None and session.content_notice is None
        assert open_map(None, content=session.content).source == "builtin"
        assert session.content.voice_model_dirs() == []
    finally:
        session.close()


def test_an_update_is_used_after_the_restart_and_a_failed_check_brings_the_old_content_back(
    car: Setup,
) -> None:
    demo = ASSETS_DIR / "vehicles" / "demo-bev"
    profile = {f"ota-bev/{f.name}": f.read_bytes() for f in demo.iterdir() if f.is_file()}
    v1 = bundle(car.work / "town.tar.gz", content_v(car.work, 1) | profile | {"app/intents/en.yaml": INTENTS})
    car.repo.add([v1])
    client = car.client()
    assert "town.tar.gz" in client.update(FakeCar()).installed

    session = start(vehicle="ota-bev")  # the restart: the slot on trial passes its check and is used
    try:
        content = session.content
        assert session.content_notice is None and content.slot == "b"
        assert not client.slots.state()["trial"]
        assert session.vehicle.profile is not None
        assert session.vehicle.profile.folder.is_relative_to(content.slot_dir)  # type: ignore[arg-type]
        assert open_map(None, content=content).name == "Town v1"
        model = find_vosk_model("de", installed=content.voice_model_dirs())
        assert model is not None and (model / "am" / "final.mdl").read_bytes() == b"v1"
        assert model.is_relative_to(content.slot_dir)  # type: ignore[arg-type]
        whisper = find_whisper_model(installed=content.voice_model_dirs())
        assert whisper.origin == "update" and (whisper.path / "model.bin").read_bytes() == b"v1"
        intents = load_intents([str(f) for f in content.intent_files("en")])
        assert "OtaTestIntent" in intents.intents and "ClimateSetTemperature" in intents.intents
    finally:
        session.close()

    v2 = bundle(car.work / "v2" / "town.tar.gz", content_v(car.work, 2))
    car.repo.add([v2])
    assert "town.tar.gz" in car.client().update(FakeCar()).installed
    # The new slot is damaged before the next start (a storage fault, an install cut short outside the
    # atomic steps): its health check fails and the car goes back to what worked.
    damaged = client.slots.slot_dir("a") / "town" / "maps" / "town.navmap.npz"
    damaged.write_bytes(damaged.read_bytes()[:1000])

    session = start()
    try:
        content = session.content
        assert session.content_notice is not None and "rolled back" in session.content_notice
        assert "town.navmap.npz is damaged" in session.content_notice
        assert content.slot == "b"
        assert open_map(None, content=content).name == "Town v1"
        model = find_vosk_model("de", installed=content.voice_model_dirs())
        assert model is not None and (model / "am" / "final.mdl").read_bytes() == b"v1"
    finally:
        session.close()


def test_an_installed_extract_is_imported_outside_the_slot_once_per_content(
    car: Setup, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pbf = ASSETS_DIR.parent.parent / "shared" / "data" / "osm" / "monaco-latest.osm.pbf"
    if not pbf.is_file():
        pytest.skip("shared Monaco extract not found")
    monkeypatch.setattr("cockpit.navigation.mapdata.maps_dir", lambda: tmp_path / "maps")
    car.repo.add([bundle(car.work / "monaco.tar", {"monaco.osm.pbf": pbf.read_bytes()})])
    car.client().update(FakeCar())
    content, _ = InstalledContent.at_start()
    installed = content.map()
    assert installed is not None and installed.cache_dir is not None
    assert installed.cache_dir.is_relative_to(tmp_path / "maps" / "ota")
    assert open_map(None, content=content).source == "osm"
    assert list(installed.cache_dir.glob("*.navmap.npz")) and content.slot_dir is not None
    assert not list(content.slot_dir.rglob("*.navmap.npz"))  # the slot stays as its manifest lists it


def test_a_state_folder_that_cannot_be_written_runs_on_shipped_content_and_says_why(
    car: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    car.repo.add([bundle(car.work / "town.tar.gz", content_v(car.work, 1))])
    car.client().update(FakeCar())  # on trial: the next start must write boot.json to keep or drop it

    def read_only(self: Slots, state: dict) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(Slots, "_write_state", read_only)  # a read-only file system (root ignores chmod)
    content, notice = InstalledContent.at_start()
    assert content.slot_dir is None and notice is not None
    assert "cannot be written (Read-only file system)" in notice and "Make it writable and restart" in notice
    assert open_map(None, content=content).source == "builtin"


def test_the_whisper_folder_the_resolver_knows_is_the_one_voice_loads() -> None:
    from cockpit.ota.content import WHISPER_FOLDER
    from voice.engines.whisper_models import MODEL_NAME

    assert WHISPER_FOLDER == MODEL_NAME
