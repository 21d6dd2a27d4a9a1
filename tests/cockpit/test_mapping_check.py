"""``check_mapping``: what `cockpit mapping check` reports for a mapping vs a DBC, the catalog and a log."""

from __future__ import annotations

import dataclasses
import json
import textwrap

import can
import cantools
import pytest

from cockpit.catalog import load_catalog
from cockpit.mapping_check import check_mapping
from vehicle_bus.mapping import load_mapping

DBC = """\
VERSION ""

NS_ :

BS_:

BU_: ECU

BO_ 100 MuxMessage: 8 ECU
 SG_ MuxSelector : 0|8@1+ (1,0) [0|255] "" ECU
 SG_ TirePressure : 8|8@1+ (4,0) [0|1000] "kPa" ECU

BO_ 200 OtherMessage: 8 ECU
 SG_ OtherSignal : 0|8@1+ (1,0) [0|255] "" ECU

BO_ 300 Drive: 8 ECU
 SG_ Gear : 0|3@1+ (1,0) [0|7] "" ECU
 SG_ VehSpeed : 8|16@1+ (0.01,0) [0|655.35] "km/h" ECU
 SG_ DoorOpen : 24|1@1+ (1,0) [0|1] "" ECU
 SG_ Odo : 32|24@1+ (0.1,0) [0|1677721] "km" ECU

BO_ 400 Body: 8 ECU
 SG_ Sunroof : 0|8@1- (1,0) [-100|100] "%" ECU
 SG_ Counter : 8|4@1+ (1,0) [0|15] "" ECU

BO_ 500 Status2: 8 ECU
 SG_ Counter : 0|4@1+ (1,0) [0|15] "" ECU

VAL_ 300 Gear 0 "GEAR_P" 1 "GEAR_R" 2 "GEAR_N" 3 "GEAR_D" ;
"""

GOOD = """
Vehicle.Speed:
  type: sensor
  datatype: float
  unit: km/h
  dbc2vss:
    signal: VehSpeed
    interval_ms: 100
Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure:
  type: sensor
  datatype: uint16
  dbc2vss:
    signal: TirePressure
    multiplexer:
      - {signal: MuxSelector, value: 0}
Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure:
  type: sensor
  datatype: uint16
  dbc2vss:
    signal: TirePressure
    multiplexer:
      - {signal: MuxSelector, value: 1}
Vehicle.Cabin.Door.Row1.DriverSide.IsOpen:
  type: actuator
  datatype: boolean
  dbc2vss: {signal: DoorOpen, on_change: true}
"""

BAD = """
Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed:
  type: sensor
  datatype: float
  dbc2vss: {signal: SocDisplayed}
Vehicle.Made.Up.Signal:
  type: sensor
  datatype: boolean
  dbc2vss: {signal: DoorOpen}
Vehicle.Cabin.Door.Row1.DriverSide.IsOpen:
  type: sensor
  datatype: uint8
  dbc2vss: {signal: DoorOpen}
Vehicle.TraveledDistance:
  type: sensor
  datatype: float
  unit: m
  dbc2vss: {signal: Odo}
Vehicle.Powertrain.Transmission.CurrentGear:
  type: sensor
  datatype: int8
  dbc2vss:
    signal: Gear
    transform:
      mapping:
        - {from: GEAR_D, to: 1}
        - {from: DI_GEAR_R, to: -1}
Vehicle.Cabin.Sunroof.Position:
  type: actuator
  datatype: int8
  vss2dbc: {signal: Sunroof}
Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Pressure:
  type: sensor
  datatype: uint16
  dbc2vss:
    signal: OtherSignal
    multiplexer:
      - {signal: MuxSelector, value: 2}
Vehicle.Service.DistanceToService:
  type: sensor
  datatype: float
  dbc2vss:
    signal: Counter
    interval_ms: 5000
"""


@pytest.fixture(scope="module")
def db():
    return cantools.database.load_string(DBC, database_format="dbc", strict=False)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def write(tmp_path, text, name="mapping.vspec"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def kinds(findings):
    return sorted(f.kind for f in findings)


def test_a_good_mapping_is_ok(tmp_path, db, catalog):
    report = check_mapping(load_mapping(write(tmp_path, GOOD)), db, catalog)
    assert report.ok, report.lines()
    assert report.errors == [] and report.warnings == []
    assert report.lines()[-1].startswith("mapping check OK")


def test_a_bad_mapping_reports_every_problem_with_its_place(tmp_path, db, catalog):
    path = write(tmp_path, BAD)
    report = check_mapping(load_mapping(path), db, catalog)
    assert not report.ok
    by_kind = {f.kind: f for f in report.errors + report.warnings + report.notes}

    assert kinds(report.errors) == [
        "datatype-mismatch",
        "missing-signal",
        "multiplexer",
        "unit-mismatch",
        "vss2dbc-not-actuator",
    ]
    assert by_kind["missing-signal"].where == f"{path}:4"
    assert "SocDisplayed is not in the DBC" in by_kind["missing-signal"].message
    assert "uint8 in the mapping but boolean in the catalog" in by_kind["datatype-mismatch"].message
    assert "in m in the mapping but km in the catalog" in by_kind["unit-mismatch"].message
    assert "Sunroof.Position has vss2dbc but is a sensor" in by_kind["vss2dbc-not-actuator"].message
    assert "MuxSelector is not in message OtherMessage" in by_kind["multiplexer"].message

    assert kinds(report.warnings) == ["ambiguous-signal", "not-in-catalog", "unknown-value-name"]
    assert "Vehicle.Made.Up.Signal is not in the signal catalog" in by_kind["not-in-catalog"].message
    assert "DI_GEAR_R not among the value names of DBC signal Gear" in by_kind["unknown-value-name"].message
    assert (
        "signal Counter occurs in Body (0x190), Status2 (0x1f4); took Body"
        in by_kind["ambiguous-signal"].message
    )
    assert by_kind["ambiguous-signal"].where.startswith(f"{path}:")

    assert kinds(report.notes) == ["shared-signal"]
    assert "Drive.DoorOpen (0x12c) feeds 2 VSS paths" in by_kind["shared-signal"].message

    text = "\n".join(report.lines())
    assert f"error: {path}:4: " in text and "mapping check FAILED: 5 error(s)" in text
    data = json.loads(json.dumps(report.as_dict()))
    assert data["ok"] is False and len(data["errors"]) == 5 and data["frames_checked"] is None


def test_same_vss_path_twice_is_an_error_and_shared_signal_only_a_note(tmp_path, db, catalog):
    mapping = load_mapping(write(tmp_path, GOOD))
    speed = mapping.dbc2vss[0]
    mapping.dbc2vss.append(dataclasses.replace(speed, where="other.vspec:9"))
    report = check_mapping(mapping, db, catalog)
    (dup,) = report.errors
    assert dup.kind == "duplicate-path" and f"{speed.where}, other.vspec:9" in dup.message
    assert kinds(report.notes) == ["shared-signal"]


def frames():
    """2 s of Drive at 10 Hz and MuxMessage at 20 Hz, always with selector 0; Body never."""
    out = []
    for i in range(20):
        t = 1000.0 + i * 0.1
        out.append(can.Message(timestamp=t, arbitration_id=300, data=bytes([3, 0x10, 0x27, 1, 0, 0, 0, 0])))
    for i in range(40):
        t = 1000.0 + i * 0.05
        out.append(can.Message(timestamp=t, arbitration_id=100, data=bytes([0, 60, 0, 0, 0, 0, 0, 0])))
    out.append(can.Message(timestamp=1001.0, arbitration_id=0x7FF, data=bytes(8)))
    return sorted(out, key=lambda m: m.timestamp)


def test_with_frames_reports_rates_and_rules_that_never_occur(tmp_path, db, catalog):
    text = (
        GOOD
        + """
Vehicle.Cabin.Sunroof.Position:
  type: sensor
  datatype: int8
  dbc2vss: {signal: Sunroof}
"""
    )
    report = check_mapping(load_mapping(write(tmp_path, text)), db, catalog, frames=frames())
    traffic = {t.vss_path: t for t in report.traffic}
    assert report.frames_checked == 61
    assert traffic["Vehicle.Speed"].frames == 20 and traffic["Vehicle.Speed"].hz == pytest.approx(10.0)
    left = traffic["Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure"]
    assert left.frames == 40 and left.hz == pytest.approx(20.0)
    assert traffic["Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure"].frames == 0  # selector never 1
    assert traffic["Vehicle.Cabin.Sunroof.Position"].frames == 0
    never = sorted(f.message for f in report.never_seen)
    assert len(never) == 2
    assert "no frame of Body (0x190) in the log" in never[0]
    assert "no frame of MuxMessage (0x64) with MuxSelector=1 in the log" in never[1]
    assert report.ok  # rules that never occur are warnings, not errors
    lines = report.lines()
    assert any("Vehicle.Speed <- Drive.VehSpeed (0x12c): 20 frames, 10.0 Hz" in line for line in lines)
    assert json.loads(json.dumps(report.as_dict()))["traffic"][0]["frames"] == 20


def test_loader_warnings_show_up(tmp_path, db, catalog):
    text = GOOD.replace("interval_ms: 100", "interval_ms: 100\n    intervall: 5")
    path = write(tmp_path, text)
    report = check_mapping(load_mapping(path), db, catalog)
    (w,) = report.warnings
    assert (
        w.kind == "ignored"
        and w.where == f"{path}:8"
        and w.message.startswith("Vehicle.Speed: unknown key 'intervall'")
    )


DEAD = """
Vehicle.Speed:
  type: sensor
  datatype: float
  dbc2vss:
    signal: VehSpeed
    transform: {math: "x/0"}
Vehicle.TraveledDistance:
  type: sensor
  datatype: float
  dbc2vss:
    signal: Odo
    transform: {math: "log(0) + x"}
Vehicle.Cabin.Sunroof.Position:
  type: sensor
  datatype: int8
  dbc2vss:
    signal: Sunroof
    transform: {math: "sqrt(x - 1000)"}
Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed:
  type: sensor
  datatype: float
  dbc2vss:
    signal: OtherSignal
    transform: {math: "log(x)"}
"""


def test_a_transform_that_drops_every_value_of_its_range_is_an_error(tmp_path, db, catalog):
    report = check_mapping(load_mapping(write(tmp_path, DEAD)), db, catalog)
    dead = {f.message.split(":")[0]: f for f in report.errors if f.kind == "dead-transform"}
    assert set(dead) == {"Vehicle.Speed", "Vehicle.TraveledDistance", "Vehicle.Cabin.Sunroof.Position"}
    assert dead["Vehicle.Speed"].where.endswith("mapping.vspec:4")  # the dbc2vss block
    assert (
        "'x/0' fails or is not finite for every value of VehSpeed (0 to 655.35)"
        in dead["Vehicle.Speed"].message
    )
    # log(x) fails only at 0 of 0..255: the other values decode, so it is no error.
    assert not report.ok


def test_decode_warns_once_per_signal_when_its_transform_fails(tmp_path, caplog):
    from cockpit.vehicle_data import load_vehicle_data

    dbc = write(tmp_path, DBC, "car.dbc")
    decoder = load_vehicle_data(None, (dbc,), (write(tmp_path, DEAD),)).decoder()
    values = []
    with caplog.at_level("WARNING"):
        for k in range(20):
            decoder.feed(300, bytes([0, k, k, 0, k, 0, 0, 0]), float(k), lambda p, v, t: values.append(p))
    warnings = [r.getMessage() for r in caplog.records if "transform" in r.getMessage()]
    assert len([w for w in warnings if "'x/0' fails" in w]) == 1
    assert len([w for w in warnings if "'log(0) + x' fails" in w]) == 1
    assert len(warnings) == 2 and all("such values are dropped" in w for w in warnings)
    assert "Vehicle.Speed" not in values
