import json
import time

from cockpit.cli.main import main
from cockpit.simulator.diagnostics.in_process import car_on_bus


def test_dtc_json_lists_each_ecu_with_code_status_and_description(capsys) -> None:
    code = main(["diag", "dtc", "--fault", "hv-isolation", "--fault", "tyre-low-fl", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 3  # codes failing now: a status of their own, so a script can tell
    ecus = {e["name"]: e for e in out["ecus"]}
    assert set(ecus) == {"VCU", "BMS", "BCM", "TPMS", "OBC"}
    assert (ecus["OBC"]["address"], ecus["OBC"]["response_address"]) == ("0x18DA44F1", "0x18DAF144")
    assert ecus["BMS"]["address"] == "0x7E1"
    (dtc,) = ecus["BMS"]["dtcs"]
    assert dtc["code"] == "P0AA6"
    assert dtc["status"] == "0xAF" and "confirmed" in dtc["status_bits"]
    assert dtc["description"] == "Hybrid/EV battery voltage system isolation fault"
    assert [d["code"] for d in ecus["TPMS"]["dtcs"]] == ["C0750"]
    assert ecus["VCU"]["dtcs"] == []


def test_scan_and_info_in_text(capsys) -> None:
    assert main(["diag", "scan", "--fault", "12v-low"]) == 3  # a confirmed code, as with dtc
    out = capsys.readouterr().out
    assert "VCU (0x7E0): answers in" in out and "1 DTC" in out
    assert main(["diag", "info", "--fault", "hv-isolation"]) == 3
    capsys.readouterr()
    assert main(["diag", "info"]) == 0  # a car without codes
    out = capsys.readouterr().out
    assert "VIN: W0SCPD3E5N1000417" in out
    assert "State of health: 97.00 %" in out
    assert "OBD-II (answered by 0x7E8, 0x18DAF144)" in out


def test_clear_then_dtc_on_a_bus_given_with_can(capsys) -> None:
    with car_on_bus(["cell-imbalance"]) as car:
        bus = f"virtual:{car.channel}"
        car.simulation.car.faults.repair("cell-imbalance")
        bms = car.tester.description.ecu("BMS")
        deadline = time.monotonic() + 30  # the BMS runs its monitors every 100 ms (later on a busy machine)
        while time.monotonic() < deadline and any(
            d.status & 0x01 for d in car.tester.uds.read_dtcs([bms])[0].dtcs or []
        ):
            time.sleep(0.05)
        assert main(["diag", "dtc", "--can", bus, "--ecu", "BMS"]) == 3  # repaired, still confirmed
        assert "P1A10  stored" in capsys.readouterr().out
        assert main(["diag", "clear", "--can", bus, "--ecu", "bms"]) == 0
        assert capsys.readouterr().out.strip() == "BMS (0x7E1): DTCs cleared"
        assert main(["diag", "dtc", "--can", bus, "--ecu", "BMS", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["ecus"][0]["dtcs"] == []


def test_a_bus_without_ecus_reports_each_silence_and_exits_1(capsys) -> None:
    code = main(["diag", "dtc", "--can", "virtual:cockpit-test-nobody", "--timeout", "0.3", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert out["ecus"][0]["problem"] == "no answer from VCU (7E0h) after 0.3 s"
    assert all(e["dtcs"] is None and not e["answered"] for e in out["ecus"])


def test_an_ecu_that_stops_answering_is_reported_with_the_time_waited(capsys) -> None:
    # 2 s: long enough that the ECUs that do answer make it on a loaded machine
    code = main(["diag", "scan", "--fault", "tpms-diag-silent", "--timeout", "2"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[3] == "TPMS (0x7E3): no answer from TPMS (7E3h) after 2.0 s"
    assert all("answers in" in line for line in lines[:3] + lines[4:])


def test_bad_input_is_one_line_and_exit_2(capsys) -> None:
    assert main(["diag", "dtc", "--can", "virtual:x", "--fault", "12v-low"]) == 2
    assert "--fault injects into the in-process simulator" in capsys.readouterr().err
    assert main(["diag", "scan", "--ecu", "ABS"]) == 2
    assert "no ECU named 'ABS'. Known ECUs: VCU, BMS, BCM, TPMS, OBC" in capsys.readouterr().err
    assert main(["diag", "scan", "--fault", "flat"]) == 2
    assert "unknown fault 'flat'" in capsys.readouterr().err
    assert main(["diag", "scan", "--timeout", "0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cockpit: --timeout must be more than 0 s") and "Traceback" not in err


def test_a_profiles_own_ecu_list_is_asked_on_a_real_bus(capsys) -> None:
    code = main(
        [
            "diag",
            "scan",
            "--can",
            "virtual:cockpit-test-kona",
            "--vehicle",
            "kona-ev",
            "--timeout",
            "0.2",
            "--json",
        ]
    )
    ecus = json.loads(capsys.readouterr().out)["ecus"]
    assert code == 1  # nobody on that bus
    assert [(e["name"], e["problem"]) for e in ecus] == [
        ("BMS", "no answer from BMS (7E4h) after 0.2 s"),
        ("Cluster", "no answer from Cluster (7C6h) after 0.2 s"),
    ]
    assert main(["diag", "scan", "--vehicle", "kona-ev"]) == 2
    assert "Add --can" in capsys.readouterr().err
