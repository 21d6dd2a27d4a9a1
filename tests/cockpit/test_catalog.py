"""The signal catalog: VSS paths the product understands, with the units and limits VSS gives them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cockpit.catalog import Catalog, CatalogError, load_catalog
from vehicle_bus.mapping import VssNode

DESIGN_MD = Path(__file__).resolve().parents[2].parent / "shared" / "DESIGN.md"

# DESIGN.md's table, with its units written as VSS unit names.
DESIGN_TABLE = {
    "Vehicle.Speed": "km/h",
    "Vehicle.Powertrain.Transmission.SelectedGear": None,  # VSS gear code, no unit
    "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed": "percent",
    "Vehicle.Powertrain.TractionBattery.CurrentVoltage": "V",
    "Vehicle.Powertrain.TractionBattery.CurrentCurrent": "A",
    "Vehicle.Powertrain.TractionBattery.CurrentPower": "W",
    "Vehicle.TraveledDistance": "km",
    "Vehicle.CurrentLocation.Latitude": "degrees",
    "Vehicle.CurrentLocation.Longitude": "degrees",
    "Vehicle.CurrentLocation.Heading": "degrees",
    "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature": "celsius",
    "Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature": "celsius",
}

# What the product must understand beyond the table (the brief for the catalog).
REQUIRED = [
    "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current",
    "Vehicle.Powertrain.TractionBattery.Temperature.Average",
    "Vehicle.Powertrain.TractionBattery.StateOfHealth",
    "Vehicle.Powertrain.TractionBattery.GrossCapacity",
    "Vehicle.Powertrain.TractionBattery.Range",
    "Vehicle.CurrentLocation.Altitude",
    "Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed",
    "Vehicle.Cabin.HVAC.Station.Row1.Passenger.AirDistribution",
    "Vehicle.Cabin.HVAC.IsAirConditioningActive",
    "Vehicle.Cabin.HVAC.IsRecirculationActive",
    "Vehicle.Cabin.HVAC.IsFrontDefrosterActive",
    "Vehicle.Cabin.HVAC.IsRearDefrosterActive",
    "Vehicle.Cabin.HVAC.AmbientAirTemperature",
    "Vehicle.Exterior.AirTemperature",
    "Vehicle.Cabin.Seat.Row1.DriverSide.Heating",
    "Vehicle.Cabin.Seat.Row1.PassengerSide.Massage",
    "Vehicle.Cabin.Seat.Row2.DriverSide.Heating",
    "Vehicle.SmartCockpit.Cabin.Seat.Row1.DriverSide.Ventilation",
    "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position",
    "Vehicle.Cabin.Door.Row2.PassengerSide.Window.Position",
    "Vehicle.Cabin.Sunroof.Position",
    "Vehicle.Cabin.Door.Row1.DriverSide.IsLocked",
    "Vehicle.Cabin.Door.Row2.DriverSide.IsOpen",
    "Vehicle.Body.Trunk.Rear.IsOpen",
    "Vehicle.Body.Lights.Beam.Low.IsOn",
    "Vehicle.Body.Lights.Beam.High.IsOn",
    "Vehicle.Body.Lights.LightSwitch",
    "Vehicle.LowVoltageBattery.CurrentVoltage",
    "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure",
    "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Temperature",
    "Vehicle.Powertrain.ElectricMotor.Power",
    "Vehicle.Powertrain.ElectricMotor.Torque",
    "Vehicle.Powertrain.ElectricMotor.Speed",
    "Vehicle.Powertrain.TractionBattery.Charging.IsCharging",
    "Vehicle.Powertrain.TractionBattery.Charging.IsChargingCableConnected",
    "Vehicle.Powertrain.TractionBattery.Charging.ChargePlugType",
    "Vehicle.Powertrain.TractionBattery.Charging.ChargeRate",
    "Vehicle.Powertrain.TractionBattery.Charging.ChargeLimit",
    "Vehicle.Powertrain.TractionBattery.Charging.TimeToComplete",
    "Vehicle.SmartCockpit.Powertrain.TractionBattery.Charging.Power",
    "Vehicle.Powertrain.FuelSystem.RelativeLevel",
    "Vehicle.Powertrain.FuelSystem.Range",
    "Vehicle.Powertrain.Transmission.PerformanceMode",
    "Vehicle.Chassis.Accelerator.PedalPosition",
    "Vehicle.Chassis.Brake.PedalPosition",
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_catalog_loads_with_a_sensible_size(catalog):
    assert 150 <= len(catalog) <= 300
    assert all(isinstance(node, VssNode) for node in catalog)
    assert all(node.path.startswith("Vehicle.") for node in catalog)
    assert {node.type for node in catalog} <= {"sensor", "actuator", "attribute"}


@pytest.mark.parametrize("path, unit", DESIGN_TABLE.items())
def test_every_design_table_signal_is_there_with_its_unit(catalog, path, unit):
    node = catalog.get(path)
    assert node is not None, path
    assert node.unit == unit


def test_design_table_specifics(catalog):
    gear = catalog.get("Vehicle.Powertrain.Transmission.SelectedGear")
    assert gear.datatype == "int8" and "126=Park" in gear.description and "127=Drive" in gear.description
    assert catalog.check_value(gear.path, 126) is None and catalog.check_value(gear.path, -1) is None
    assert (
        "positive = discharge" in catalog.get("Vehicle.Powertrain.TractionBattery.CurrentCurrent").description
    )
    for side in ("Driver", "Passenger"):
        assert catalog.get(f"Vehicle.Cabin.HVAC.Station.Row1.{side}.Temperature").type == "actuator"


def test_paths_named_in_design_md_are_in_the_catalog(catalog):
    if not DESIGN_MD.exists():
        pytest.skip("shared/DESIGN.md not present")
    text = DESIGN_MD.read_text(encoding="utf-8")
    section = text.split("## Signals are named by COVESA VSS", 1)[1].split("\n## ", 1)[0]
    found = set()
    for row in section.splitlines():
        paths = re.findall(r"`(Vehicle\.[\w.]+)`", row)
        for path in paths:
            found.add(path)
            # "`X.Latitude` / `.Longitude`" and "(and `.Passenger`)" abbreviate siblings.
            base = path.rsplit(".", 1)[0]
            for tail in re.findall(r"`\.(\w+)`", row):
                found.add(
                    f"{base}.{tail}" if tail != "Passenger" else path.replace(".Driver.", ".Passenger.")
                )
    assert len(found) >= 10
    assert sorted(p for p in found if p not in catalog) == []


@pytest.mark.parametrize("path", REQUIRED)
def test_required_signals_are_there(catalog, path):
    assert path in catalog


def test_extensions_live_under_one_branch(catalog):
    ours = [n.path for n in catalog if "SmartCockpit" in n.path]
    assert ours and all(p.startswith("Vehicle.SmartCockpit.") for p in ours)


def test_vss_metadata_is_vss_4(catalog):
    heating = catalog.get("Vehicle.Cabin.Seat.Row1.DriverSide.Heating")
    assert (heating.datatype, heating.unit, heating.min, heating.max) == ("int8", "percent", -100, 100)
    soc = catalog.get("Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed")
    assert (soc.datatype, soc.min, soc.max) == ("float", 0, 100)
    sunroof = catalog.get("Vehicle.Cabin.Sunroof.Position")
    assert (sunroof.datatype, sunroof.type, sunroof.min) == ("int8", "sensor", -100)
    assert catalog.get("Vehicle.Cabin.HVAC.Station.Row1.Driver.AirDistribution").allowed == (
        "UP",
        "MIDDLE",
        "DOWN",
    )
    assert catalog.get("Vehicle.Powertrain.TractionBattery.Range").unit == "m"


@pytest.mark.parametrize(
    "path, value, reason",
    [
        ("Vehicle.Speed", 88.5, None),
        ("Vehicle.Speed", "fast", "takes a number"),
        ("Vehicle.Speed", True, "takes a number"),
        ("Vehicle.Speed", float("nan"), "finite"),
        ("Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed", 101, "above the maximum 100 percent"),
        ("Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed", -0.5, "below the minimum 0 percent"),
        ("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 21, None),
        ("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 21.5, "whole number"),
        ("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 90, "above the maximum 32 celsius"),
        ("Vehicle.Cabin.HVAC.Station.Row1.Driver.AirDistribution", "UP", None),
        ("Vehicle.Cabin.HVAC.Station.Row1.Driver.AirDistribution", "SIDEWAYS", "not one of UP, MIDDLE, DOWN"),
        ("Vehicle.Cabin.HVAC.IsAirConditioningActive", 1, "true or false"),
        ("Vehicle.Cabin.HVAC.IsAirConditioningActive", False, None),
        ("Vehicle.Powertrain.Transmission.SelectedGear", 300, "does not fit int8"),
        ("Vehicle.Powertrain.TractionBattery.Charging.ChargePlugType", ["IEC_TYPE_2_CCS_DC"], None),
        ("Vehicle.Powertrain.TractionBattery.Charging.ChargePlugType", ["USB"], "not one of"),
        ("Vehicle.Powertrain.TractionBattery.Charging.ChargePlugType", "IEC_TYPE_2_AC", "takes a list"),
        ("Vehicle.Body.Lights.LightSwitch", "AUTO", None),
        ("Vehicle.NoSuch.Signal", 1, "not in the signal catalog"),
    ],
)
def test_check_value(catalog, path, value, reason):
    got = catalog.check_value(path, value)
    if reason is None:
        assert got is None
    else:
        assert got is not None and reason in got


def test_a_broken_catalog_file_says_where(tmp_path):
    path = tmp_path / "catalog.yaml"
    path.write_text("Vehicle.Speed:\n  type: sensor\n  datatype: float\n  min: low\n")
    with pytest.raises(CatalogError) as info:
        load_catalog(path)
    assert info.value.where == f"{path}:4"


def test_a_vss_json_tree_works_as_a_catalog(tmp_path):
    path = tmp_path / "vss.json"
    path.write_text(
        '{"Vehicle": {"type": "branch", "children": {"Speed": {"type": "sensor", "datatype": "float", '
        '"unit": "km/h", "description": "Vehicle speed."}}}}'
    )
    catalog = load_catalog(path)
    assert list(catalog) == [
        VssNode("Vehicle.Speed", "sensor", "float", unit="km/h", description="Vehicle speed.")
    ]
