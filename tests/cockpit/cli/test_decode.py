import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import can
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
    assert code == 0 and out == ""
    assert "no frames on channel 7" in err


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
