import json
import stat
from pathlib import Path

import pytest
from tuf.api.metadata import Metadata

from cockpit.ota.keys import ROLES, KeysError, init_keys, load_signer, private_path
from cockpit.ota.repository import RepositoryError

from .conftest import Setup, bundle, firmware


def test_keys_init_makes_one_private_key_per_role_readable_by_its_owner_only(tmp_path: Path) -> None:
    ids = init_keys(tmp_path / "keys")
    assert set(ids) == set(ROLES) and len(set(ids.values())) == 4
    for role in ROLES:
        assert stat.S_IMODE(private_path(tmp_path / "keys", role).stat().st_mode) == 0o600


def test_keys_init_never_overwrites_and_a_loose_private_key_is_refused(tmp_path: Path) -> None:
    init_keys(tmp_path / "k")
    with pytest.raises(KeysError, match=r"already exist"):
        init_keys(tmp_path / "k")
    private_path(tmp_path / "k", "targets").chmod(0o644)
    with pytest.raises(KeysError, match=r"readable by others.*chmod 600"):
        load_signer(tmp_path / "k", "targets")


def test_publish_signs_targets_with_uptane_style_fields(published: Setup) -> None:
    targets = Metadata.from_file(str(published.repo.dir / "metadata" / "targets.json"))
    entries = targets.signed.targets
    assert entries["bms.img"].custom == {
        "kind": "ecu-firmware",
        "ecu": "BMS",
        "hardware_id": "H02.4",
        "version": "3.9.2",
        "notes": "Monaco map",
    }
    assert entries["maps.tar.gz"].custom["kind"] == "content"
    assert entries["maps.tar.gz"].custom["contents"] == []  # tiles.bin and poi.json: nothing the car reads
    assert entries["maps.tar.gz"].length == (published.repo.dir / "targets" / "maps.tar.gz").stat().st_size
    root = Metadata.from_file(str(published.repo.dir / "metadata" / "root.json"))
    # Every role is signed by its own key, as listed in root.
    for role in ("targets", "snapshot", "timestamp"):
        md = Metadata.from_file(str(published.repo.dir / "metadata" / f"{role}.json"))
        root.verify_delegate(role, md)


def test_each_publish_is_newer_in_every_role(published: Setup) -> None:
    before = {r: published.repo.load(r).signed.version for r in ("targets", "snapshot", "timestamp")}
    published.repo.add([bundle(published.work / "voice.tar", {"model/x": b"1"})], version="7")
    after = {r: published.repo.load(r).signed.version for r in before}
    assert all(after[r] == before[r] + 1 for r in before)


def test_a_bundle_says_what_the_head_unit_will_read_from_it(setup: Setup, capsys) -> None:
    from cockpit.cli.main import main

    files = {
        "ioniq-5/vehicle.toml": b"",
        "maps/seoul.osm.pbf": b"",
        "vosk-model-small-ko-0.22/am/final.mdl": b"",
        "assistant/intents/ko.yaml": b"",
        "README.txt": b"",
    }
    everything = bundle(setup.work / "korea.tar.gz", files)
    plain = bundle(setup.work / "plain.tar", {"notes/a.txt": b"hello"})
    repo, keys = str(setup.repo.dir), str(setup.keys)
    assert main(["ota", "publish", "--repo", repo, "--keys", keys, str(everything), str(plain)]) == 0
    out, err = capsys.readouterr()
    assert "korea.tar.gz: content bundle (vehicle profile, map, voice model, app data)" in out
    assert "plain.tar: content bundle (nothing the head unit reads)" in out
    assert "plain.tar holds no vehicle profile" in err and "korea" not in err
    entries = Metadata.from_file(str(setup.repo.dir / "metadata" / "targets.json")).signed.targets
    assert entries["korea.tar.gz"].custom["contents"] == ["vehicle profile", "map", "voice model", "app data"]


def test_an_artifact_that_is_neither_bundle_nor_image_is_refused(setup: Setup) -> None:
    junk = setup.work / "notes.txt"
    junk.write_text("hello")
    with pytest.raises(RepositoryError, match=r"notes\.txt: neither a content bundle"):
        setup.repo.add([junk])
    img = firmware(setup.work / "x.img", version="1.0")
    with pytest.raises(RepositoryError, match=r"--version 2\.0 but the image says 1\.0"):
        setup.repo.add([img], version="2.0")


def test_cli_publish_and_keys_through_cockpit_ota(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.cli.main import main

    assert main(["ota", "keys", "init", str(tmp_path / "keys")]) == 0
    img = firmware(tmp_path / "tpms.img", ecu="TPMS", hw="H01.2", version="1.6.4")
    notes = tmp_path / "notes.md"
    notes.write_text("Quieter warnings\n")
    capsys.readouterr()
    code = main(
        [
            "ota",
            "publish",
            "--repo",
            str(tmp_path / "r"),
            "--keys",
            str(tmp_path / "keys"),
            str(img),
            "--notes",
            str(notes),
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["published"][0]["custom"]["ecu"] == "TPMS" and out["published"][0]["custom"]["notes"] == (
        "Quieter warnings"
    )
    assert main(["ota", "keys", "init", str(tmp_path / "keys")]) == 2
    assert "keys already exist" in capsys.readouterr().err
