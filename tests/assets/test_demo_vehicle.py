"""The demo vehicle profiles (demo-bev, demo-erev): their DBCs, KUKSA mappings and vehicle.toml parameters."""

from __future__ import annotations

import math

import cantools
import pytest
from cantools.database.namedsignalvalue import NamedSignalValue

from assets import VEHICLES_DIR
from cockpit.catalog import load_catalog
from cockpit.mapping_check import check_mapping
from cockpit.vehicle_data import VehicleData, load_vehicle_data
from vehicle_bus.frame_protection import FrameProtection
from vehicle_bus.mapping import make_vss_converter, to_dbc
from vehicle_bus.transmit import ActuatorTransmitter

PROFILES = ["demo-bev", "demo-erev"]
BEV_DBC = VEHICLES_DIR / "demo-bev" / "smart_ev.dbc"
REX_DBC = VEHICLES_DIR / "demo-erev" / "range_extender.dbc"
NO_REQUEST = {"NO_REQUEST", "NONE"}

# DESIGN.md's table: every vehicle profile maps these where its bus has them.
DESIGN_TABLE = [
    "Vehicle.Speed",
    "Vehicle.Powertrain.Transmission.SelectedGear",
    "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed",
    "Vehicle.Powertrain.TractionBattery.CurrentVoltage",
    "Vehicle.Powertrain.TractionBattery.CurrentCurrent",
    "Vehicle.Powertrain.TractionBattery.CurrentPower",
    "Vehicle.TraveledDistance",
    "Vehicle.CurrentLocation.Latitude",
    "Vehicle.CurrentLocation.Longitude",
    "Vehicle.CurrentLocation.Heading",
    "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature",
    "Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature",
]

# VSS actuators this car reports but the head unit does not command (stalk, switches, mechanics).
STATUS_ONLY = {
    "Vehicle.Powertrain.Transmission.SelectedGear",
    "Vehicle.TripMeterReading",
    "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen",
    "Vehicle.Cabin.Door.Row1.PassengerSide.IsOpen",
    "Vehicle.Cabin.Door.Row2.DriverSide.IsOpen",
    "Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen",
    "Vehicle.Body.Hood.IsOpen",
    "Vehicle.Body.Lights.Beam.Low.IsOn",
    "Vehicle.Body.Lights.Fog.Front.IsOn",
    "Vehicle.Body.Lights.Fog.Rear.IsOn",
    "Vehicle.Body.Lights.DirectionIndicator.Left.IsSignaling",
    "Vehicle.Body.Lights.DirectionIndicator.Right.IsSignaling",
    "Vehicle.Body.Lights.Brake.IsActive",
    "Vehicle.Powertrain.TractionBattery.Charging.IsChargingCableLocked",
}


@pytest.fixture(scope="module", params=PROFILES)
def vehicle(request) -> VehicleData:
    return load_vehicle_data(request.param)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def databases():
    return {path.name: cantools.database.load_file(str(path), strict=True) for path in (BEV_DBC, REX_DBC)}


def all_messages(databases):
    return [m for db in databases.values() for m in db.messages]


def baseline(message) -> dict:
    """A valid value for every signal: its start value, else its minimum."""
    return {s.name: s.initial if s.initial is not None else (s.minimum or 0) for s in message.signals}


# --- profiles -----------------------------------------------------------------------------------------


def test_profiles_load_without_warnings(vehicle):
    assert vehicle.warnings == []
    assert vehicle.database.warnings == []
    assert vehicle.profile is not None and vehicle.profile.bitrate == 500_000
    assert vehicle.profile.settings["can"]["e2e"] == "crc8-sae-j1850"


def test_the_erev_adds_the_range_extender_to_the_bev_bus():
    bev, erev = load_vehicle_data("demo-bev"), load_vehicle_data("demo-erev")
    bev_ids = {m.frame_id for m in bev.database.db.messages}
    erev_ids = {m.frame_id for m in erev.database.db.messages}
    assert bev_ids < erev_ids
    assert {erev.database.db.get_message_by_frame_id(i).name for i in erev_ids - bev_ids} == {
        "RCU_Status",
        "RCU_Fuel",
    }
    assert "Vehicle.Powertrain.FuelSystem.Range" in erev.mapping.nodes
    assert "Vehicle.Powertrain.FuelSystem.Range" not in bev.mapping.nodes


def test_bev_parameters_are_of_its_class():
    s = load_vehicle_data("demo-bev").profile.settings
    v, b = s["vehicle"], s["battery"]
    assert 90 <= b["capacity_kwh"] <= 110 and 650 <= b["nominal_voltage"] <= 900
    assert b["nominal_voltage"] / b["cells_in_series"] == pytest.approx(3.7, abs=0.3)
    assert 2000 <= v["mass_kg"] <= 2400 and 400 <= v["max_motor_power_kw"] <= 550
    assert 300 <= b["max_dc_charge_kw"] <= 450 and 0 < b["max_ac_charge_kw"] <= 22
    for key in (
        "drag_coefficient",
        "frontal_area_m2",
        "rolling_resistance",
        "wheel_radius_m",
        "max_regen_power_kw",
        "max_motor_torque_nm",
        "gear_ratio",
    ):
        assert v[key] > 0, key
    assert b["internal_resistance_ohm"] > 0
    assert "range_extender" not in s


def test_erev_parameters_are_of_its_class():
    s = load_vehicle_data("demo-erev").profile.settings
    v, b, rex = s["vehicle"], s["battery"], s["range_extender"]
    assert 40 <= b["capacity_kwh"] <= 60 and 330 <= b["nominal_voltage"] <= 450
    assert b["nominal_voltage"] / b["cells_in_series"] == pytest.approx(3.7, abs=0.3)
    assert 2300 <= v["mass_kg"] <= 2700
    assert 80 <= rex["generator_kw"] <= 120 and rex["fuel_tank_l"] == 65
    low, high = rex["soc_window"]
    assert 0 < low < high < 100


def test_motor_limits_fit_the_bus():
    """The simulator's limits must be encodable in MCU_Status and the speeds in VCU_DriveStatus."""
    db = load_vehicle_data("demo-bev").database.db
    mcu = db.get_message_by_name("MCU_Status")
    for name in PROFILES:
        v = load_vehicle_data(name).profile.settings["vehicle"]
        assert v["max_motor_power_kw"] <= mcu.get_signal_by_name("MotorPower").maximum
        assert v["max_regen_power_kw"] <= -mcu.get_signal_by_name("MotorPower").minimum
        assert v["max_motor_torque_nm"] <= mcu.get_signal_by_name("MotorTorque").maximum
        assert v["max_motor_speed_rpm"] <= mcu.get_signal_by_name("MotorSpeed").maximum
        wheel_rpm = v["top_speed_kmh"] / 3.6 / (2 * math.pi * v["wheel_radius_m"]) * 60
        assert wheel_rpm * v["gear_ratio"] <= v["max_motor_speed_rpm"] * 1.01


# --- the DBCs -----------------------------------------------------------------------------------------


def test_every_signal_encodes_and_decodes_at_min_max_and_start_value(databases):
    checked = 0
    for message in all_messages(databases):
        base = baseline(message)
        for signal in message.signals:
            values = [signal.minimum, signal.maximum]
            if signal.initial is not None:
                values.append(signal.initial)
            for value in values:
                data = message.encode({**base, signal.name: value}, strict=True)
                assert len(data) == 8
                named = isinstance(value, NamedSignalValue | str)
                got = message.decode(data, decode_choices=named)[signal.name]
                if named:
                    assert str(got) == str(value), (message.name, signal.name)
                else:
                    where = (message.name, signal.name, value)
                    assert got == pytest.approx(value, abs=signal.scale / 2), where
                checked += 1
    assert checked > 300


def test_ids_sizes_and_byte_order(databases):
    messages = all_messages(databases)
    ids = [m.frame_id for m in messages]
    assert len(ids) == len(set(ids)), "two messages share an id"
    for m in messages:
        assert not m.is_extended_frame and m.frame_id <= 0x7FF and m.length == 8, m.name
        assert not 0x700 <= m.frame_id <= 0x7FF, f"{m.name}: 0x700-0x7FF is for diagnostics"
        assert all(s.byte_order == "little_endian" for s in m.signals), m.name
        if m.senders == ["IVI"]:
            assert 0x400 <= m.frame_id <= 0x45F, m.name
        elif m.name.split("_")[0] in {"VCU", "MCU", "BMS", "OBC", "DCDC", "RCU"}:
            assert 0x100 <= m.frame_id <= 0x1FF, m.name
        elif m.name.split("_")[0] in {"ESP", "EPS", "TPMS"}:
            assert 0x200 <= m.frame_id <= 0x2FF, m.name
        else:
            assert 0x300 <= m.frame_id <= 0x3FF, m.name


def test_every_message_is_periodic_with_a_realistic_cycle_time(databases):
    for m in all_messages(databases):
        assert m.cycle_time is not None and 10 <= m.cycle_time <= 1000, m.name
    bev = databases["smart_ev.dbc"]
    assert bev.get_message_by_name("VCU_DriveStatus").cycle_time == 10
    assert bev.get_message_by_name("MCU_Status").cycle_time == 10
    assert bev.get_message_by_name("BMS_PackStatus").cycle_time == 20
    assert all(m.cycle_time == 100 for m in bev.messages if m.senders == ["IVI"])


def test_signal_names_are_unique_but_counter_and_checksum(databases):
    seen: dict[str, str] = {}
    for m in all_messages(databases):
        for s in m.signals:
            if s.name in ("Counter", "Checksum"):
                continue
            assert s.name not in seen, f"{s.name} in {seen.get(s.name)} and {m.name}"
            seen[s.name] = m.name


def test_the_messages_and_signals_the_simulator_encodes_by_name(databases):
    bev = databases["smart_ev.dbc"]
    names = {s.name for m in bev.messages for s in m.signals}
    for message, signals in {
        "VCU_DriveStatus": ["VehicleSpeed", "GearSelected", "DriveMode", "RegenLevel", "ReadyState"],
        "MCU_Status": ["MotorSpeed", "MotorTorque", "MotorPower", "MotorTemp", "InverterTemp"],
        "BMS_PackStatus": ["PackVoltage", "PackCurrent", "PackPower"],
        "BMS_SOC": ["SocDisplayed", "SocActual", "SoH", "RemainingEnergy", "DisplayedRange"],
        "OBC_ChargeStatus": ["ChargeState", "ChargeSource", "PlugType", "ChargePower", "TargetSoc"],
        "SCM_SeatStatus": ["DrvHeat", "PasVent", "RLMassage", "RRMassageProgram", "RRMassageIntensity"],
        "IVI_SeatRequestFront": ["DrvHeatReq", "PasMassageIntensityReq", "SteeringWheelHeatReq"],
        "IVI_SeatRequestRear": ["RLVentReq", "RRMassageIntensityReq"],
    }.items():
        have = {s.name for s in bev.get_message_by_name(message).signals}
        assert set(signals) <= have, message
    for name in ("TimeToTarget", "LongAccel", "LatAccel", "TirePressRR", "Satellites", "WarnSensor"):
        assert name in names


def test_protected_messages_put_counter_and_checksum_where_the_design_says(databases):
    for m in all_messages(databases):
        p = FrameProtection(m)
        if not p.protected:
            continue
        counter, checksum = m.get_signal_by_name("Counter"), m.get_signal_by_name("Checksum")
        assert (counter.start, counter.length) == (52, 4), m.name
        assert (checksum.start, checksum.length) == (56, 8), m.name
        assert "CRC-8 SAE J1850" in checksum.comment


def test_powertrain_and_request_messages_are_protected(databases):
    for m in all_messages(databases):
        request = m.senders == ["IVI"]
        chassis = m.name in {"ESP_WheelSpeeds", "ESP_Acceleration", "EPS_Steering"}
        # BMS_CellVoltages needs all 64 bits for its payload; its DBC comment says so.
        powertrain = 0x100 <= m.frame_id <= 0x1FF and m.name != "BMS_CellVoltages"
        assert FrameProtection(m).protected == (request or chassis or powertrain), m.name


def test_every_request_field_starts_as_no_request(databases):
    for m in all_messages(databases):
        if m.senders != ["IVI"]:
            continue
        for s in m.signals:
            if s.name in ("Counter", "Checksum"):
                continue
            assert s.name.endswith("Req"), s.name
            assert str(s.initial) in NO_REQUEST, f"{m.name}.{s.name} starts as {s.initial!r}"
            assert str(s.initial) in {str(v) for v in s.choices.values()}
        # All fields at their start value: a frame that requests nothing.
        data = m.encode(baseline(m), strict=True)
        decoded = m.decode(data)
        assert all(str(decoded[s.name]) in NO_REQUEST for s in m.signals if s.name.endswith("Req"))


# --- the mappings -------------------------------------------------------------------------------------


def test_every_mapped_signal_resolves_without_ambiguity(vehicle):
    assert vehicle.bound.unresolved == []
    assert vehicle.bound.notes == []
    assert vehicle.bound.errors == []
    assert len(vehicle.bound.rules) == len(vehicle.mapping.dbc2vss)
    assert set(vehicle.bound.actuators) == set(vehicle.mapping.vss2dbc)


def test_mapping_check_with_the_catalog_is_clean(vehicle, catalog):
    report = check_mapping(vehicle.mapping, vehicle.database.db, catalog)
    assert report.errors == []
    assert report.warnings == []
    assert all(f.kind == "shared-signal" for f in report.notes)


def test_the_design_table_is_mapped(vehicle):
    mapped = {r.vss_path for r in vehicle.mapping.dbc2vss}
    assert [p for p in DESIGN_TABLE if p not in mapped] == []
    for side in ("Driver", "Passenger"):
        assert f"Vehicle.Cabin.HVAC.Station.Row1.{side}.Temperature" in vehicle.mapping.vss2dbc


def test_every_commanded_actuator_is_closed_loop(vehicle, catalog):
    read = {r.vss_path for r in vehicle.mapping.dbc2vss}
    written = set(vehicle.mapping.vss2dbc)
    assert written <= read, "an actuator the head unit sets must also be read back"
    for path in read:
        node = catalog.get(path)
        if node is not None and node.type == "actuator":
            assert path in written or path in STATUS_ONLY, f"{path}: actuator without vss2dbc"
    assert read >= STATUS_ONLY
    assert not STATUS_ONLY & written


def test_actuator_targets_can_be_validated(vehicle):
    for path in vehicle.mapping.vss2dbc:
        node = vehicle.mapping.nodes[path]
        assert node.type == "actuator"
        bounded = node.min is not None and node.max is not None
        assert node.datatype == "boolean" or node.allowed or bounded, f"{path} has no min/max/allowed"


def test_requests_go_only_to_ivi_request_messages(vehicle):
    for path, a in vehicle.bound.actuators.items():
        assert a.message.senders == ["IVI"] and a.message.name.startswith("IVI_"), path
        assert a.signal.endswith("Req"), path


def _targets(node) -> list:
    if node.datatype == "boolean":
        return [False, True]
    if node.allowed:
        return list(node.allowed)
    values = [node.min, node.max]
    return [int(v) if float(v).is_integer() else v for v in values]


# What an ECU does with a request value: the status reports it (names of momentary commands become 0/1).
_APPLIED = {
    "ON": 1,
    "OFF": 0,
    "LOCK": 1,
    "UNLOCK": 0,
    "OPEN": 1,
    "CLOSE": 0,
    "START": "CHARGING",
    "STOP": "CONNECTED",
}


def test_a_target_sent_comes_back_as_the_same_vss_value(vehicle):
    """Closed loop: target → vss2dbc → request field → ECU status signal → dbc2vss → the same target."""
    transmitter = ActuatorTransmitter(vehicle.bound)
    rules = {b.rule.vss_path: b for b in vehicle.bound.rules}
    checked = 0
    for path, actuator in sorted(vehicle.bound.actuators.items()):
        node = vehicle.mapping.nodes[path]
        status = rules[path]
        for target in _targets(node):
            frame = transmitter.encode(path, target)
            sent = actuator.message.decode(bytes(frame.data))[actuator.signal]
            assert str(sent) not in NO_REQUEST, (path, target)
            raw = to_dbc(actuator.rule.transform, target)
            assert str(sent) == str(raw) or sent == pytest.approx(raw), (path, target, sent)
            reported = _APPLIED.get(str(sent), sent)
            if isinstance(reported, NamedSignalValue):
                reported = reported.name
            message = status.message
            data = message.encode({**baseline(message), status.signal: reported}, strict=True)
            decoded = message.decode(data)[status.signal]
            shown = make_vss_converter(status.rule.transform, node.datatype)(decoded)
            assert shown == target, f"{path}: set {target!r}, vehicle reports {shown!r}"
            checked += 1
    assert checked >= 100


def test_one_request_changes_one_field(vehicle):
    transmitter = ActuatorTransmitter(vehicle.bound)
    frame = transmitter.encode("Vehicle.Cabin.Door.Row2.PassengerSide.Window.Position", 40)
    decoded = vehicle.database.db.get_message_by_name("IVI_WindowRequest").decode(bytes(frame.data))
    assert decoded["WindowPosRRReq"] == 40
    others = [k for k in decoded if k.endswith("Req") and k != "WindowPosRRReq"]
    assert others and all(str(decoded[k]) == "NO_REQUEST" for k in others)
