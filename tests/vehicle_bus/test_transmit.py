from pathlib import Path

import can
import pytest

from vehicle_bus.dbc import load_databases
from vehicle_bus.errors import TransmitRefusedError
from vehicle_bus.mapping import bind_mapping, load_mapping
from vehicle_bus.transmit import ActuatorTransmitter

DBC = """VERSION ""

NS_ :

BS_:

BU_: HU HVAC

BO_ 928 HU_HvacRequest: 8 HU
 SG_ DriverTempReq : 0|8@1+ (0.5,0) [16|32] "degC" HVAC
 SG_ PassengerTempReq : 8|8@1+ (0.5,0) [16|32] "degC" HVAC
 SG_ AcReq : 16|1@1+ (1,0) [0|1] "" HVAC
 SG_ ModeReq : 17|3@1+ (1,0) [0|4] "" HVAC

BO_ 768 HVAC_Status: 8 HVAC
 SG_ DriverTemp : 0|8@1+ (0.5,0) [16|32] "degC" HU

VAL_ 928 ModeReq 0 "FACE" 1 "FACE_FEET" 2 "FEET" 3 "FEET_WINDSHIELD" 4 "WINDSHIELD" ;
"""

MAPPING = """
Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature:
  type: actuator
  datatype: float
  unit: celsius
  min: 16
  max: 32
  dbc2vss: {signal: DriverTemp, on_change: true}
  vss2dbc: {signal: DriverTempReq}
Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature:
  type: actuator
  datatype: float
  min: 16
  max: 32
  vss2dbc: {signal: PassengerTempReq}
Vehicle.Cabin.HVAC.IsAirConditioningActive:
  type: actuator
  datatype: boolean
  vss2dbc:
    signal: AcReq
    transform:
      mapping:
        - {from: false, to: 0}
        - {from: true, to: 1}
Vehicle.Cabin.HVAC.Station.Row1.Driver.AirDistribution:
  type: actuator
  datatype: string
  allowed: [UP, MIDDLE, DOWN]
  vss2dbc:
    signal: ModeReq
    transform:
      mapping:
        - {from: UP, to: WINDSHIELD}
        - {from: MIDDLE, to: FACE}
        - {from: DOWN, to: FEET}
Vehicle.Speed:
  type: sensor
  datatype: float
  dbc2vss: {signal: DriverTemp}
"""


@pytest.fixture
def setup(tmp_path: Path):
    (tmp_path / "d.dbc").write_text(DBC)
    (tmp_path / "m.vspec").write_text(MAPPING)
    db = load_databases([tmp_path / "d.dbc"]).db
    bound = bind_mapping(load_mapping(tmp_path / "m.vspec"), db)
    return db, bound


def test_target_goes_out_as_the_mapped_frame_on_a_virtual_bus(setup) -> None:
    db, bound = setup
    with (
        can.Bus(interface="virtual", channel="tx-test") as bus,
        can.Bus(interface="virtual", channel="tx-test") as ecu,
    ):
        tx = ActuatorTransmitter(bound, bus, profile="test")
        tx.send("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 22.5)
        frame = ecu.recv(timeout=1)
    assert frame.arbitration_id == 928
    decoded = db.get_message_by_name("HU_HvacRequest").decode(frame.data)
    assert decoded["DriverTempReq"] == 22.5


def test_other_signals_of_the_message_keep_their_last_commanded_value(setup) -> None:
    db, bound = setup
    tx = ActuatorTransmitter(bound)
    tx.encode("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 24)
    tx.encode("Vehicle.Cabin.HVAC.IsAirConditioningActive", True)
    frame = tx.encode("Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature", 19)
    decoded = db.get_message_by_name("HU_HvacRequest").decode(frame.data)
    assert (decoded["DriverTempReq"], decoded["PassengerTempReq"], decoded["AcReq"]) == (24, 19, 1)


def test_enum_values_go_through_the_mapping_to_dbc_value_names(setup) -> None:
    db, bound = setup
    frame = ActuatorTransmitter(bound).encode(
        "Vehicle.Cabin.HVAC.Station.Row1.Driver.AirDistribution", "DOWN"
    )
    assert str(db.get_message_by_name("HU_HvacRequest").decode(frame.data)["ModeReq"]) == "FEET"


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        ("Vehicle.Speed", 10, "no vss2dbc mapping"),
        ("Vehicle.Body.Trunk.Rear.IsOpen", True, "no vss2dbc mapping"),
        ("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 40, "above the maximum"),
        ("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 5, "below the minimum"),
        ("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", "hot", "takes a number"),
        ("Vehicle.Cabin.HVAC.IsAirConditioningActive", 1, "true or false"),
        ("Vehicle.Cabin.HVAC.Station.Row1.Driver.AirDistribution", "SIDEWAYS", "not one of"),
    ],
)
def test_refused_targets_send_nothing(setup, path: str, value: object, reason: str) -> None:
    _, bound = setup
    with (
        can.Bus(interface="virtual", channel="tx-refuse") as bus,
        can.Bus(interface="virtual", channel="tx-refuse") as ecu,
    ):
        tx = ActuatorTransmitter(bound, bus, profile="test")
        with pytest.raises(TransmitRefusedError) as err:
            tx.send(path, value)
        assert ecu.recv(timeout=0.05) is None
    assert reason in str(err.value)
    if reason == "no vss2dbc mapping":
        assert "profile 'test'" in str(err.value) and path in str(err.value)


def test_no_raw_send_is_exposed() -> None:
    public = {name for name in dir(ActuatorTransmitter) if not name.startswith("_")}
    assert public == {"actuators", "encode", "release", "send"}
