"""`cockpit vehicle new`: a profile for your own car from its DBC; it loads, decodes, is never replaced."""

from __future__ import annotations

import json
from pathlib import Path

import cantools
import pytest

from cockpit.cli.main import main
from cockpit.vehicle_data import load_vehicle_data

TB = "Vehicle.Powertrain.TractionBattery."
DBC = """VERSION ""

NS_ :

BS_:

BU_: VCU BMS

BO_ 256 VCU_Status: 8 VCU
 SG_ VehicleSpeed : 0|16@1+ (0.01,0) [0|300] "km/h" Vector__XXX
 SG_ Gear : 16|8@1+ (1,0) [0|255] "" Vector__XXX

BO_ 512 BMS_Pack: 8 BMS
 SG_ BattVolt : 0|16@1+ (0.1,0) [0|1000] "V" Vector__XXX
 SG_ BattCurr : 16|16@1- (0.1,0) [-1000|1000] "A" Vector__XXX
 SG_ Bms_Soc : 32|8@1+ (0.5,0) [0|100] "%" Vector__XXX

BO_ 768 Aux12V: 8 BMS
 SG_ Aux12V_Soc : 0|8@1+ (1,0) [0|100] "%" Vector__XXX
 SG_ WiperMode : 8|8@1+ (1,0) [0|3] "" Vector__XXX
"""


@pytest.fixture
def dbc(tmp_path: Path) -> Path:
    path = tmp_path / "my_car.dbc"
    path.write_text(DBC)
    return path


def candump_log(path: Path, dbc: Path, speed: float, current: float) -> Path:
    db = cantools.database.load_file(dbc)
    frames = [
        (0x100, db.encode_message("VCU_Status", {"VehicleSpeed": speed, "Gear": 3})),
        (0x200, db.encode_message("BMS_Pack", {"BattVolt": 400.0, "BattCurr": current, "Bms_Soc": 55.0})),
    ]
    path.write_text(
        "".join(f"(1.{i:06d}) can0 {fid:03X}#{data.hex().upper()}\n" for i, (fid, data) in enumerate(frames))
    )
    return path


def decoded(capsys, log: Path, profile: Path) -> dict[str, float]:
    assert main(["decode", str(log), "--vehicle", str(profile)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {row["path"]: row["value"] for row in rows}


def test_new_profile_guesses_by_name_and_passes_mapping_check(tmp_path: Path, dbc: Path, capsys) -> None:
    folder = tmp_path / "profiles" / "my-car"
    assert main(["vehicle", "new", "my-car", "--dbc", str(dbc), "--out", str(folder)]) == 0
    out = capsys.readouterr().out
    assert sorted(p.name for p in folder.iterdir()) == [
        "README.md",
        "mapping.vspec",
        "my_car.dbc",
        "vehicle.toml",
    ]
    mapping = (folder / "mapping.vspec").read_text()
    for path, signal in [
        ("Vehicle.Speed", "VCU_Status.VehicleSpeed"),
        (TB + "CurrentVoltage", "BMS_Pack.BattVolt"),
        (TB + "CurrentCurrent", "BMS_Pack.BattCurr"),
        (TB + "StateOfCharge.Current", "BMS_Pack.Bms_Soc"),
        ("Vehicle.Powertrain.Transmission.SelectedGear", "VCU_Status.Gear"),
    ]:
        assert f"{path}:" in mapping and f"signal: {signal}" in mapping and f"{path} ← {signal}" in out
    # The 12 V battery's SoC is not the traction battery's; the wiper is nobody's guess.
    assert "# 0x300 Aux12V: Aux12V_Soc [%], WiperMode" in mapping
    assert main(["mapping", "check", "--vehicle", str(folder)]) == 0
    assert "mapping check OK" in capsys.readouterr().out


def test_the_profile_decodes_and_may_flip_the_battery_sign(tmp_path: Path, dbc: Path, capsys) -> None:
    folder = tmp_path / "my-car"
    assert main(["vehicle", "new", "my-car", "--dbc", str(dbc), "--out", str(folder)]) == 0
    capsys.readouterr()
    log = candump_log(tmp_path / "drive.log", dbc, speed=50.0, current=120.0)
    values = decoded(capsys, log, folder)
    assert values["Vehicle.Speed"] == pytest.approx(50.0) and values[TB + "CurrentCurrent"] == pytest.approx(
        120.0
    )
    toml = folder / "vehicle.toml"
    toml.write_text(toml.read_text().replace('current_positive = "discharge"', 'current_positive = "charge"'))
    flipped = decoded(capsys, log, folder)
    assert flipped[TB + "CurrentCurrent"] == pytest.approx(-120.0)
    assert flipped["Vehicle.Speed"] == pytest.approx(50.0) and flipped[
        TB + "CurrentVoltage"
    ] == pytest.approx(400.0)
    toml.write_text(toml.read_text().replace('"charge"', '"in"'))
    assert main(["decode", str(log), "--vehicle", str(folder)]) == 2
    assert "current_positive = 'in'" in capsys.readouterr().err
    text = toml.read_text().replace('"in"', '"charge"')
    toml.write_text(text.replace("swappable = false", 'swappable = "yes"'))
    assert main(["decode", str(log), "--vehicle", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "swappable = 'yes'" in err and "true or false" in err


def test_by_name_in_the_user_folder_never_replaced(tmp_path: Path, dbc: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["vehicle", "new", "my-car", "--dbc", str(dbc)]) == 0
    folder = tmp_path / "data" / "smart-cockpit" / "vehicles" / "my-car"
    assert load_vehicle_data("my-car").profile.folder == folder
    (folder / "mapping.vspec").write_text((folder / "mapping.vspec").read_text() + "# my own edit\n")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    capsys.readouterr()
    assert main(["vehicle", "new", "my-car", "--dbc", str(dbc)]) == 2
    assert "already exists; nothing was changed" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert main(["vehicle", "new", "demo-bev", "--dbc", str(dbc)]) == 2  # would hide the shipped one
    assert "exists already" in capsys.readouterr().err
    assert main(["vehicle", "new", "../evil", "--dbc", str(dbc)]) == 2


def test_a_bad_dbc_writes_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.dbc"
    bad.write_text("this is not a database\n")
    assert main(["vehicle", "new", "x", "--dbc", str(bad), "--out", str(tmp_path / "x")]) == 2
    assert not (tmp_path / "x").exists() and capsys.readouterr().err.startswith("cockpit: ")
    assert not list(tmp_path.glob(".x-*"))


def test_a_dbc_with_no_obvious_signal_says_what_to_do(tmp_path: Path, capsys) -> None:
    dbc = tmp_path / "odd.dbc"
    dbc.write_text(
        DBC.split("BO_ 256")[0] + 'BO_ 768 Aux: 8 BMS\n SG_ WiperMode : 8|8@1+ (1,0) [0|3] "" Vector__XXX\n'
    )
    folder = tmp_path / "odd"
    assert main(["vehicle", "new", "odd", "--dbc", str(dbc), "--out", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "0 signal(s) mapped" in captured.out and "map at least one from the TODO list" in captured.err
    assert "# 0x300 Aux: WiperMode" in (folder / "mapping.vspec").read_text()
    assert main(["mapping", "check", "--vehicle", str(folder)]) == 2
    assert "describes no VSS signals" in capsys.readouterr().err


def test_sim_of_a_profile_without_a_simulator_says_so(tmp_path: Path, dbc: Path, capsys) -> None:
    folder = tmp_path / "my-car"
    assert main(["vehicle", "new", "my-car", "--dbc", str(dbc), "--out", str(folder)]) == 0
    capsys.readouterr()
    log = tmp_path / "sim.blf"
    code = main(
        ["sim", "--vehicle", str(folder), "--fast", "--duration", "2", "--record", str(log), "--quiet"]
    )
    assert code == 2 and not log.exists()
    assert "has no simulator" in capsys.readouterr().err


def test_the_head_unit_runs_the_new_profile_on_a_log(tmp_path: Path, dbc: Path, capsys) -> None:
    folder = tmp_path / "my-car"
    assert main(["vehicle", "new", "my-car", "--dbc", str(dbc), "--out", str(folder)]) == 0
    log = candump_log(tmp_path / "drive.log", dbc, speed=50.0, current=120.0)
    capsys.readouterr()
    png = tmp_path / "energy.png"
    args = ["--vehicle", str(folder), "--replay", str(log), "--out", str(png), "--after", "0.5"]
    assert main(["screenshot", "--panel", "energy", *args]) == 0
    err = capsys.readouterr().err
    assert png.stat().st_size > 0 and "demo vehicle" not in err


def test_json_names_what_was_mapped_for_a_script(tmp_path: Path, dbc: Path, capsys) -> None:
    folder = tmp_path / "scripted"
    assert main(["vehicle", "new", "scripted", "--dbc", str(dbc), "--out", str(folder), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["folder"] == str(folder) and report["loads"] is True
    assert report["mapped"]["Vehicle.Speed"] == "VCU_Status.VehicleSpeed" and report["todo"] >= 1
    assert (folder / "mapping.vspec").is_file()
