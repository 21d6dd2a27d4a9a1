import json

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


def test_out_of_range_and_unmappable_targets_fail_before_sending(capsys) -> None:
    code = main(["command", f"{DRIVER}=40", "Vehicle.Speed=10", "--json", "--timeout", "1"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    reasons = {r["path"]: r for r in out["results"]}
    assert "above the maximum 32" in reasons[DRIVER]["reason"] and reasons[DRIVER]["reported"] == 22
    assert "no vss2dbc mapping" in reasons["Vehicle.Speed"]["reason"]
    assert all(r["seconds"] < 0.5 for r in out["results"])  # refused at once, no waiting for a timeout


def test_malformed_target_is_a_one_line_error(capsys) -> None:
    assert main(["command", "Vehicle.Cabin.HVAC.IsAirConditioningActive"]) == 2
    assert "is not PATH=VALUE" in capsys.readouterr().err
    assert main(["command", f"{AC}=maybe"]) == 2
    assert "takes true or false" in capsys.readouterr().err
