import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import can
import cantools
import pytest

from cockpit.cli.main import main

KONA_LOG = "230112-7-2019-pcan-ccan-power-off-on-ready-off.csv"


def decode(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["decode", *args])
    out, err = capsys.readouterr()
    return code, out, err


def last_values(jsonl: str) -> dict[str, object]:
    values: dict[str, object] = {}
    for line in jsonl.splitlines():
        row = json.loads(line)
        assert set(row) == {"t", "path", "value"}
        values[row["path"]] = row["value"]
    return values


def test_real_kona_capture_decodes_to_the_known_state(capsys, kona_dir: Path) -> None:
    code, out, err = decode(capsys, str(kona_dir / KONA_LOG), "--vehicle", "kona-ev")
    assert code == 0, err
    values = last_values(out)
    soc = values["Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed"]
    assert soc == pytest.approx(36.5, abs=0.5)
    assert values["Vehicle.Powertrain.TractionBattery.CurrentVoltage"] == pytest.approx(355, abs=3)
    assert 26_700 <= values["Vehicle.TraveledDistance"] <= 26_730
    assert values["Vehicle.Powertrain.Transmission.SelectedGear"] == 126  # Park
    assert values["Vehicle.Speed"] == 0
    ts = [json.loads(line)["t"] for line in out.splitlines()]
    assert ts == sorted(ts) and ts[0] >= 0 and ts[-1] <= 11


def test_signals_glob_and_csv_format(capsys, kona_dir: Path) -> None:
    log = str(kona_dir / KONA_LOG)
    code, out, _ = decode(
        capsys, log, "--vehicle", "kona-ev", "--signals", "*TractionBattery*", "--format", "csv"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all("TractionBattery" in r["path"] for r in rows)
    assert {r["path"].rsplit(".", 1)[-1] for r in rows} >= {"CurrentVoltage", "Displayed"}


def test_explicit_dbc_and_mapping_files(capsys, kona_dir: Path) -> None:
    mapping = Path(__file__).resolve().parents[3] / "assets/vehicles/kona-ev/mapping.vspec"
    code, out, _ = decode(
        capsys, str(kona_dir / KONA_LOG), "--dbc", str(kona_dir / "pcan.dbc"), "--mapping", str(mapping),
        "--channel", "0", "--signals", "Vehicle.TraveledDistance",
    )  # fmt: skip
    assert code == 0
    assert last_values(out) == {"Vehicle.TraveledDistance": pytest.approx(26716.5)}


def test_channel_choice_decodes_only_that_bus(capsys, kona_dir: Path) -> None:
    code, out, err = decode(capsys, str(kona_dir / KONA_LOG), "--vehicle", "kona-ev", "--channel", "7")
    assert code == 2 and out == ""
    assert "no frames on channel 7" in err and "Channels in this log: 0, 1" in err
    assert len(err.strip().splitlines()) == 1


def test_corrupt_lines_are_skipped_counted_and_summarised(capsys, tmp_path: Path, kona_dir: Path) -> None:
    lines = (kona_dir / KONA_LOG).read_text().splitlines()
    lines[100] = "this,is,not,a,frame"
    lines[2000] = lines[2000].replace(",8,", ",8,ZZ,")
    bad = tmp_path / "damaged.csv"
    bad.write_text("\n".join(lines) + "\n")
    code, out, err = decode(capsys, str(bad), "--vehicle", "kona-ev")
    assert code == 0
    assert "2 bad lines" in err and "damaged.csv:101" in err
    assert last_values(out)["Vehicle.Powertrain.Transmission.SelectedGear"] == 126


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["missing.log"], "missing.log: no such file"),
        (["{tmp}/x.xyz"], "unsupported log type"),
        (["{tmp}/ok.log", "--vehicle", "no-such-car"], "unknown vehicle 'no-such-car'"),
        (["{tmp}/ok.log", "--dbc", "{tmp}/none.dbc", "--mapping", "{tmp}/none.vspec"], "not found"),
        (["{tmp}/ok.log", "--dbc", "{tmp}/none.dbc"], "--dbc and --mapping go together"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(capsys, tmp_path: Path, args: list[str], expected: str) -> None:
    (tmp_path / "x.xyz").write_text("hello")
    with can.Logger(str(tmp_path / "ok.log")) as out:
        out.on_message_received(can.Message(arbitration_id=1, data=b"\x00"))
    code, out, err = decode(capsys, *[a.format(tmp=tmp_path) for a in args])
    assert code == 2
    assert expected in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_installed_command_runs_as_a_module_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cockpit", "decode", str(tmp_path / "nothing.blf")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("cockpit: ") and "Traceback" not in result.stderr


# -- --raw: every frame as read -----------------------------------------------------------------------


def test_raw_prints_every_frame_with_all_its_fields(capsys, tmp_path: Path) -> None:
    path = tmp_path / "mixed.log"
    path.write_text(
        "(1.000000) can0 123#DEADBEEF\n"
        "(1.500000) can1 1ABCDEF0#R2 T\n"
        "(2.000000) can0 321##3" + "11" * 12 + "\n"
        "(2.500000) can0 20000080#0000000000000000\n"
    )
    code, out, err = decode(capsys, str(path), "--raw")
    assert code == 0 and err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {
        "t": 1.0,
        "channel": "can0",
        "id": 0x123,
        "extended": False,
        "fd": False,
        "brs": False,
        "esi": False,
        "error": False,
        "remote": False,
        "rx": True,
        "dlc": 4,
        "data": "DEADBEEF",
    }
    assert (rows[1]["id"], rows[1]["extended"], rows[1]["remote"], rows[1]["dlc"], rows[1]["rx"]) == (
        0x1ABCDEF0,
        True,
        True,
        2,
        False,
    )
    assert (rows[2]["fd"], rows[2]["brs"], rows[2]["esi"], rows[2]["dlc"]) == (True, True, True, 12)
    assert rows[3]["error"] is True


def test_raw_csv_and_channel_filter(capsys, kona_dir: Path) -> None:
    code, out, err = decode(capsys, str(kona_dir / KONA_LOG), "--raw", "--format", "csv", "--channel", "1")
    assert err == ""
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) > 1000 and {row["channel"] for row in rows} == {"1"}
    first = rows[0]
    assert len(first["id"]) == 3 and first["extended"] == "0" and len(first["data"]) == 2 * int(first["dlc"])


# -- files with no readable frame ---------------------------------------------------------------------


def _empty_blf(path: Path) -> Path:
    with can.BLFWriter(str(path)):
        pass
    return path


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("junk.asc", lambda p: p.write_text("hello\nworld\n"), "no readable CAN frame"),
        ("junk.log", lambda p: p.write_text("hello\nworld\n"), "skipped 2 bad lines (first: "),
        (
            "utf16.asc",
            lambda p: p.write_bytes("date Mon Jan 1\n 1.0 1 123 Rx d 1 00\n".encode("utf-16")),
            "is UTF-16 text",
        ),
        ("empty.blf", _empty_blf, "no readable CAN frame"),
        ("nul.trc", lambda p: p.write_bytes(b"\x00\x01\x02garbage"), "binary data"),
    ],
)
@pytest.mark.parametrize("raw", [True, False])
def test_a_log_without_one_readable_frame_is_an_error(
    capsys, tmp_path: Path, name: str, make, expected: str, raw: bool
) -> None:
    path = tmp_path / name
    make(path)
    code, out, err = decode(capsys, str(path), *(["--raw"] if raw else []))
    assert code == 2 and out == ""
    assert expected in err and name in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_skips_are_counted_with_the_first_bad_line(capsys, tmp_path: Path) -> None:
    path = tmp_path / "dirty.asc"
    path.write_text(
        "date Mon Jan 1 10:00:00.000 am 2024\nbase hex  timestamps absolute\n"
        "Begin Triggerblock Mon Jan 1 10:00:00.000 am 2024\n"
        "   0.100000 1  123             Rx   d 2 01 02\n"
        "garbage that is no ASC\n"
        "   0.200000 1  124             Rx   d 8 01\n"
        "   0.300000 1  125             Rx   d 1 03\n"
        "End TriggerBlock\n"
    )
    code, out, err = decode(capsys, str(path), "--raw")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [0x123, 0x125]
    assert "skipped 2 bad lines (first: " in err and "dirty.asc:5: not a Vector ASC line" in err


def test_a_kuksa_style_mapping_decodes_a_candump_log(capsys, tmp_path: Path) -> None:
    """Stands for KUKSA's Tesla example (Model3CAN.dbc, vss_4.0/dbc_overlay.vspec, a candump -L log):
    mirror positions in volts through KUKSA's own math transform, a value table through a mapping
    transform, a DBC without the message that Vector's pseudo message stands for. Written small by hand."""
    dbc = tmp_path / "car.dbc"
    dbc.write_text(
        'VERSION ""\n\nNS_ :\n\nBS_:\n\nBU_: Receiver VehicleBus\n\n'
        "BO_ 3221225472 VECTOR__INDEPENDENT_SIG_MSG: 0 Vector__XXX\n"
        ' SG_ Lamp : 0|2@1+ (1,0) [0|3] "" Vector__XXX\n\n'
        "BO_ 258 ID102LEFT_doorStatus: 8 VehicleBus\n"
        ' SG_ LEFT_mirrorTilt : 41|8@1+ (0.02,0) [0|5] "V"  Receiver\n'
        ' SG_ LEFT_mirrorHeat : 58|3@1+ (1,0) [0|4] ""  Receiver\n\n'
        'VAL_ 258 LEFT_mirrorHeat 0 "HEATER_OFF" 1 "HEATER_ON" ;\n'
    )
    overlay = tmp_path / "dbc_overlay.vspec"
    overlay.write_text(
        "Vehicle.Body.Mirrors.DriverSide.Tilt:\n  datatype: int8\n  type: actuator\n"
        "  dbc2vss:\n    signal: LEFT_mirrorTilt\n    interval_ms: 100\n"
        '    transform:\n      math: "floor((x*40)-100)"\n'
        "Vehicle.Body.Mirrors.DriverSide.IsHeatingOn:\n  type: actuator\n  datatype: boolean\n"
        "  dbc2vss:\n    interval_ms: 1000\n    signal: LEFT_mirrorHeat\n    transform:\n"
        "       mapping:\n        - from: HEATER_ON\n          to: true\n"
        "        - from: HEATER_OFF\n          to: false\n"
    )
    db = cantools.database.load_file(dbc, strict=False)
    message = db.get_message_by_frame_id(258)
    log = tmp_path / "candump.log"
    with log.open("w") as out:
        for i, (volts, heat) in enumerate([(1.0, 0), (2.5, 1), (3.0, 1)]):
            data = message.encode({"LEFT_mirrorTilt": volts, "LEFT_mirrorHeat": heat})
            out.write(f"({1700000000 + i:.6f}) vcan0 102#{data.hex().upper()}\n")
    code, out, err = decode(capsys, str(log), "--dbc", str(dbc), "--mapping", str(overlay))
    assert code == 0 and "Traceback" not in err
    rows = [json.loads(line) for line in out.splitlines()]
    tilt = [r["value"] for r in rows if r["path"].endswith("Tilt")]
    heating = [r["value"] for r in rows if r["path"].endswith("IsHeatingOn")]
    assert tilt == [-60, 0, 20] and heating == [False, True, True]
