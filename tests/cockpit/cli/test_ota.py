"""``cockpit ota`` and ``cockpit diag flash`` end to end: the simulated car's ECUs flashed over UDS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit.cli.main import main
from vehicle_bus.diagnostics.firmware_image import FirmwareImage


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    payload = tmp_path / "bms.bin"
    payload.write_bytes(bytes(range(256)) * 12)
    assert run(capsys, "ota", "keys", "init", str(tmp_path / "keys"))[0] == 0
    image = tmp_path / "bms-3.9.2.img"
    args = ["--ecu", "BMS", "--hardware-id", "H02.4", "--version", "3.9.2", "-o", str(image)]
    assert run(capsys, "ota", "firmware", str(payload), *args)[0] == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("Faster DC charging above 80 %")
    code, out, _ = run(
        capsys,
        "ota",
        "publish",
        "--repo",
        str(tmp_path / "repo"),
        "--keys",
        str(tmp_path / "keys"),
        str(image),
        "--notes",
        str(notes),
    )
    assert code == 0 and "BMS firmware for hardware H02.4, version 3.9.2" in out
    return tmp_path / "repo"


def update_args(repo: Path, *extra: str) -> list[str]:
    root = str(repo / "metadata" / "1.root.json")
    return ["ota", "update", "--repo", str(repo), "--root", root, "--state", str(repo.parent / "car"), *extra]


def test_update_flashes_the_simulated_bms_over_uds(repo: Path, capsys) -> None:
    code, out, err = run(capsys, *update_args(repo, "--json"))
    assert code == 0, err
    report = json.loads(out)
    assert report["installed"] == ["bms-3.9.2.img"] and report["problem"] is None
    offer = report["offers"][0]
    assert (offer["ecu"], offer["installed"], offer["version"], offer["notes"]) == (
        "BMS",
        "3.9.1",
        "3.9.2",
        "Faster DC charging above 80 %",
    )


def test_update_waits_while_the_battery_is_low_and_says_why(repo: Path, capsys) -> None:
    code, out, _ = run(capsys, *update_args(repo, "--soc", "12"))
    assert code == 4
    assert "bms-3.9.2.img: BMS firmware 3.9.2 (installed 3.9.1)" in out and "— new" in out
    assert "waiting: battery at 12 %, below 30 %: charge or plug in to update" in out


def test_update_from_a_repository_that_is_down(repo: Path, capsys) -> None:
    run(capsys, *update_args(repo, "--check"))  # enrol the root
    code, out, _ = run(
        capsys, "ota", "update", "--repo", "http://127.0.0.1:9/", "--state", str(repo.parent / "car")
    )
    assert code == 1 and out.startswith(
        "update refused: cannot reach the update repository http://127.0.0.1:9/"
    )


def test_update_without_a_trusted_root_is_one_line(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "ota", "update", "--repo", str(tmp_path), "--state", str(tmp_path / "car"))
    assert code == 2 and err.count("\n") == 1 and "Enrol one with --root" in err


def test_diag_flash_for_the_workshop_shows_the_new_version(tmp_path: Path, capsys) -> None:
    image = tmp_path / "tpms.img"
    image.write_bytes(FirmwareImage("TPMS", "H01.2", "1.6.4", b"\x01" * 2000).to_bytes())
    code, out, err = run(capsys, "diag", "flash", "TPMS", str(image))
    assert code == 0, err
    assert "TPMS: flashed 2,1" in out and "now running TPMS 1.6.4" in out
    assert "Software version: TPMS 1.6.4" in out
    code, _, err = run(capsys, "diag", "flash", "BMS", str(image))
    assert code == 2 and "the image is for TPMS, not BMS" in err
    (tmp_path / "junk.img").write_bytes(b"MZ\x90\x00")
    code, _, err = run(capsys, "diag", "flash", "TPMS", str(tmp_path / "junk.img"))
    assert code == 2 and "not a firmware image" in err and "cockpit ota firmware" in err


def test_update_on_a_bare_bus_waits_because_gear_and_charge_are_unknown(repo: Path, capsys) -> None:
    from cockpit.simulator.diagnostics.in_process import car_on_bus

    with car_on_bus() as car:
        code, out, _ = run(capsys, *update_args(repo, "--can", f"virtual:{car.channel}"))
    assert code == 4
    assert "(installed 3.9.1)" in out  # the BMS on that bus reported its version
    assert "waiting: the car is not parked (gear unknown)" in out


def test_status_keeps_good_content_and_rolls_back_damaged_content(repo: Path, capsys) -> None:
    import tarfile

    folder = repo.parent / "profiles"
    folder.mkdir()
    (folder / "kona.toml").write_text("name = 'Kona'\n")
    bundle = repo.parent / "profiles.tar.gz"
    with tarfile.open(bundle, "w:gz") as tar:
        tar.add(folder, arcname=".")
    keys = str(repo.parent / "keys")
    assert (
        run(capsys, "ota", "publish", "--repo", str(repo), "--keys", keys, str(bundle), "--version", "1")[0]
        == 0
    )
    assert run(capsys, *update_args(repo))[0] == 0
    state = ["--state", str(repo.parent / "car")]
    code, out, _ = run(capsys, "ota", "status", *state, "--json")
    status = json.loads(out)
    assert code == 0 and status["confirmed_now"] and status["content"] == {"profiles.tar.gz": "1"}
    # The same bundle again as version 2; after the install its file is damaged on disk before the start.
    run(capsys, "ota", "publish", "--repo", str(repo), "--keys", keys, str(bundle), "--version", "2")
    assert run(capsys, *update_args(repo))[0] == 0
    slot = repo.parent / "car" / "content" / "current"
    (slot / "profiles" / "kona.toml").write_text("damaged")
    code, out, _ = run(capsys, "ota", "status", *state)
    assert "ROLLED BACK: profiles.tar.gz: profiles/kona.toml is damaged" in out
    assert "profiles.tar.gz 1" in out
