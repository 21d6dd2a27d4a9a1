"""What every subcommand shares: one vehicle resolver, exit status 0 only when the work was done."""

from __future__ import annotations

import json
from pathlib import Path

import can
import pytest

from assets import VEHICLES_DIR
from cockpit.cli.main import main

UNKNOWN = "unknown vehicle 'no-such-car'. Known vehicles: demo-bev, demo-erev"


@pytest.fixture
def tiny_log(tmp_path: Path) -> Path:
    log = tmp_path / "tiny.log"
    with can.Logger(str(log)) as out:
        out.on_message_received(can.Message(timestamp=1.0, arbitration_id=0x100, data=bytes(8)))
    return log


@pytest.mark.parametrize(
    "argv",
    [
        ["sim", "--duration", "1"],
        ["decode", "{log}"],
        ["mapping", "check"],
        ["route", "--from", "1,1", "--to", "2,2"],
        ["command", "climate.ac=on"],
        ["voice", "say", "turn on the air conditioning"],
        ["doctor", "--listen", "0"],
    ],
)
def test_every_command_refuses_an_unknown_vehicle_with_the_same_line(
    capsys, tiny_log: Path, argv: list[str]
) -> None:
    argv = [a.format(log=tiny_log) for a in argv]
    assert main([*argv, "--vehicle", "no-such-car"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("cockpit: " + UNKNOWN) and "erev (= demo-erev)" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("vehicle", ["erev", "demo-erev", str(VEHICLES_DIR / "demo-erev")])
def test_aliases_names_and_folders_mean_the_same_profile(capsys, data_home: Path, vehicle: str) -> None:
    argv = ["route", "--from", "Town Hall Fast Charge", "--to", "Central Car Park", "--soc", "80", "--json"]
    assert main([*argv, "--vehicle", vehicle]) == 0
    erev = json.loads(capsys.readouterr().out)["energy"]
    assert main(argv) == 0
    bev = json.loads(capsys.readouterr().out)["energy"]
    assert erev["energy_wh"] != bev["energy_wh"]  # the alias reached the EREV's own energy model


@pytest.mark.parametrize(
    "argv",
    [["route", "--from", "1,1", "--to", "2,2", "--soc", "150"], ["sim", "--soc", "-5", "--duration", "1"]],
)
def test_a_state_of_charge_outside_0_to_100_is_bad_input(capsys, argv: list[str]) -> None:
    assert main(argv) == 2
    assert "is not a state of charge. Give a percentage from 0 to 100" in capsys.readouterr().err


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_a_search_without_a_match_is_not_success(capsys, data_home: Path, json_flag: list[str]) -> None:
    assert main(["map", "search", "zzqqxxjj", *json_flag]) == 1
    if json_flag:
        assert json.loads(capsys.readouterr().out)["results"] == []


def test_diag_dtc_has_its_own_status_for_codes_failing_now(capsys) -> None:
    assert main(["diag", "dtc"]) == 0
    assert main(["diag", "dtc", "--fault", "12v-low"]) == 3
    assert "active" in capsys.readouterr().out
    assert main(["diag", "scan", "--fault", "12v-low", "--json"]) == 3  # every reading verb says so
    vcu = json.loads(capsys.readouterr().out)["ecus"][0]
    assert (vcu["dtc_count"], vcu["failing_or_confirmed_count"]) == (1, 1)


def test_diag_verbs_are_subcommands_with_their_own_help(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["diag", "clear", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: cockpit diag clear") and "--ecu NAME" in out
    with pytest.raises(SystemExit) as done:
        main(["diag", "erase"])
    assert done.value.code == 2
    assert "invalid choice: 'erase'" in capsys.readouterr().err
