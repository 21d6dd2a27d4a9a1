import json

import can
import pytest

from cockpit.cli.main import main

DRIVER = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"
AC = "Vehicle.Cabin.HVAC.IsAirConditioningActive"


def test_targets_are_confirmed_by_the_simulated_car(capsys) -> None:
    code = main(["command", f"{DRIVER}=26", f"{AC}=off", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    by_path = {r["path"]: r for r in out["results"]}
    assert by_path[DRIVER]["state"] == "confirmed" and by_path[DRIVER]["reported"] == 26
    assert by_path[AC]["reported"] is False
    # The HVAC acts after ~200 ms and reports at 100 ms: confirmation takes a fraction of a second.
    assert 0.1 < by_path[DRIVER]["seconds"] < 1.5


def test_cabin_functions_with_instances_relative_changes_and_colours(capsys) -> None:
    code = main(
        [
            "command",
            "seat.heating:passenger=2",
            "climate.temperature:all=+2",
            "ambient.color=purple",
            "lights.exterior=high",
            "--json",
        ]
    )
    results = {r["target"]: r for r in json.loads(capsys.readouterr().out)["results"]}
    assert code == 0, results
    assert results["seat.heating:passenger=2"]["reported"] == 2
    # The demo car starts at 22 °C in both zones: +2 sets 24 in each, reported per zone.
    assert results["climate.temperature:all=+2"]["value"] == [24, 24]
    assert results["climate.temperature:all=+2"]["reported"] == [24, 24]
    assert results["ambient.color=purple"]["reported"] == [150, 40, 255]
    assert results["lights.exterior=high"]["reported"] == "high"


def test_out_of_range_and_unmappable_targets_fail_before_sending(capsys) -> None:
    code = main(
        [
            "command",
            f"{DRIVER}=40",
            "Vehicle.Speed=10",
            "seat.heating=7",
            f"{AC}=off",
            "--json",
            "--timeout",
            "1",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    reasons = {r["target"]: r for r in out["results"]}
    assert "above the maximum 32" in reasons[f"{DRIVER}=40"]["reason"]
    assert reasons[f"{DRIVER}=40"]["reported"] == 22
    assert "no vss2dbc mapping" in reasons["Vehicle.Speed=10"]["reason"]
    assert "out of range (0–3)" in reasons["seat.heating=7"]["reason"]
    # The valid target of the batch is not sent either: the car still has its air conditioning on.
    assert reasons[f"{AC}=off"]["reason"] == "not sent: another target of the command was refused"
    assert reasons[f"{AC}=off"]["reported"] is True
    assert all(r["seconds"] == 0 for r in out["results"])  # refused at once, nothing sent


def test_text_output_says_confirmed_or_failed_per_target(capsys) -> None:
    assert main(["command", "climate.ac=off", "drive.mode=warp"]) == 2
    assert "drive.mode takes eco, comfort, sport, snow, not 'warp'" in capsys.readouterr().err
    assert main(["command", "climate.ac=off", "window.position:driver=+10"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("climate.ac=off: confirmed in ") and out[0].endswith("(the car reports off)")
    assert out[1].endswith("(the car reports 10)")


def test_list_names_every_function_with_its_instances(capsys) -> None:
    assert main(["command", "--list"]) == 0
    out = capsys.readouterr().out
    assert "seat.heating:driver|passenger|rear_left|rear_right|all  0–3" in out
    assert "drive.mode  eco, comfort, sport, snow" in out


def test_malformed_target_is_a_one_line_error(capsys) -> None:
    assert main(["command", "Vehicle.Cabin.HVAC.IsAirConditioningActive"]) == 2
    assert "is not TARGET=VALUE" in capsys.readouterr().err
    assert main(["command", f"{AC}=maybe"]) == 2
    assert "takes true or false" in capsys.readouterr().err
    assert main(["command", "climat.ac=on"]) == 2
    assert "Did you mean climate.ac" in capsys.readouterr().err
    assert main(["command"]) == 2
    assert "no targets given" in capsys.readouterr().err


@pytest.mark.parametrize(
    "bad",
    [
        "climate.temperature=nan",
        "climate.temperature=inf",
        "climate.temperature=-inf",
        "climate.temperature=1e309",
        "climate.temperature=２３",  # fullwidth digits
        "climate.temperature=-1e9",  # a relative step larger than the whole range
        "climate.temperature:passenger=40",
        f"{DRIVER}=nan",
        f"{DRIVER}=-1e9",
        "climate.fan=1_0",
    ],
)
def test_a_batch_with_one_bad_value_sends_no_frame_at_all(capsys, bad: str) -> None:
    with can.Bus(interface="virtual", channel="cmd-listen") as listener:
        code = main(["command", "--can", "virtual:cmd-listen", "climate.ac=off", bad, "--timeout", "0.3"])
        captured = capsys.readouterr()
        assert code in (1, 2) and "Traceback" not in captured.err
        lines = [line for line in (captured.out + captured.err).splitlines() if "climate.ac" not in line]
        assert len(lines) == 1, lines  # one line, naming the real limits
        assert any(limit in lines[0] for limit in ("(16–32 ", "minimum 16", "(0–7)")), lines
        assert listener.recv(0.3) is None  # not one frame on the bus


def test_the_valid_target_alone_is_heard_on_the_bus(capsys) -> None:
    # The control for the test above: its listener would have heard a frame had one been sent.
    with can.Bus(interface="virtual", channel="cmd-listen") as listener:
        main(["command", "--can", "virtual:cmd-listen", "climate.ac=off", "--timeout", "0.3"])
        assert listener.recv(1.0) is not None


def test_signed_zero_is_the_value_zero(capsys) -> None:
    assert main(["command", "climate.fan=-0", "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert result["state"] == "confirmed" and result["reported"] == 0
