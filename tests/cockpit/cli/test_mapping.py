import json
from pathlib import Path

from cockpit.cli.main import main

KONA_LOG = "230112-7-2019-pcan-ccan-power-off-on-ready-off.csv"


def test_kona_profile_checks_clean_and_counts_traffic_on_its_bus(capsys, kona_dir: Path) -> None:
    code = main(["mapping", "check", "--vehicle", "kona-ev", "--log", str(kona_dir / KONA_LOG), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["ok"] and report["errors"] == [] and report["warnings"] == []
    rates = {t["vss_path"]: t for t in report["traffic"]}
    assert rates["Vehicle.Powertrain.Transmission.SelectedGear"]["frames"] == 1086
    assert round(rates["Vehicle.Speed"]["hz"]) == 50
    assert report["frames_checked"] == 24263  # bus 0 only: the profile's P-CAN


def test_bad_mapping_reports_each_problem_and_exits_1(capsys, tmp_path: Path, kona_dir: Path) -> None:
    mapping = tmp_path / "bad.vspec"
    mapping.write_text(
        """
Vehicle.Speed:
  type: sensor
  datatype: float
  dbc2vss: {signal: NoSuchSignal}
Vehicle.Made.Up.Path:
  type: sensor
  datatype: float
  dbc2vss: {signal: SocDisp}
Vehicle.Powertrain.TractionBattery.CurrentCurrent:
  type: sensor
  datatype: float
  unit: A
  dbc2vss: {signal: IBatt}
"""
    )
    code = main(["mapping", "check", "--dbc", str(kona_dir / "pcan.dbc"), "--mapping", str(mapping)])
    out = capsys.readouterr().out
    assert code == 1
    assert "NoSuchSignal" in out and "Vehicle.Made.Up.Path" in out
    assert "IBatt" in out and "Batt_HV_Status" in out  # the ambiguous name and which message it took


def test_vss2dbc_on_a_sensor_is_a_warning_with_file_and_line(capsys, tmp_path: Path, kona_dir: Path) -> None:
    """KUKSA ignores such an entry; the rest of the file loads (it used to refuse the whole file)."""
    mapping = tmp_path / "m.vspec"
    mapping.write_text(
        "Vehicle.Speed:\n  type: sensor\n  datatype: float\n  vss2dbc:\n    signal: SocDisp\n"
        "  dbc2vss:\n    signal: SocDisp\n"
    )
    code = main(["mapping", "check", "--dbc", str(kona_dir / "pcan.dbc"), "--mapping", str(mapping)])
    out = capsys.readouterr().out
    assert code == 0
    assert f"{mapping}:4: Vehicle.Speed: vss2dbc on a sensor ignored" in out


def test_the_databases_own_warnings_count_in_the_verdict(capsys, tmp_path: Path) -> None:
    dbc = tmp_path / "car.dbc"
    dbc.write_text(
        'VERSION ""\n\nBS_:\n\nBU_: ECU\n\n'
        "BO_ 256 Motion: 8 ECU\n"
        ' SG_ Speed : 0|16@1+ (0.01,0) [0|300] "km/h" Vector__XXX\n\n'
        "BO_ 257 Other: 8 ECU\n"
        ' SG_ Broken : -3|8@1+ (1,0) [0|255] "" Vector__XXX\n'
    )
    mapping = tmp_path / "m.vspec"
    mapping.write_text("Vehicle.Speed:\n  type: sensor\n  datatype: float\n  dbc2vss:\n    signal: Speed\n")
    code = main(["mapping", "check", "--dbc", str(dbc), "--mapping", str(mapping)])
    out = capsys.readouterr().out
    assert code == 0
    assert "warning:" in out and "Broken" in out
    assert out.strip().splitlines()[-1] == "mapping check OK: 0 error(s), 1 warning(s), 0 note(s)"
