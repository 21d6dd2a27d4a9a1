"""The shapes of KUKSA's published Tesla Model 3 example, written small and by hand.

KUKSA's example mapping (kuksa-can-provider ``mapping/vss_4.0/dbc_overlay.vspec`` and the ``vss_dbc.json``
generated from it; kuksa.val.feeders ``dbc2val/mapping/vss_3.0/dbc_overlay.vspec``) and its
``Model3CAN.dbc`` may not be copied here. Each test below reproduces one structural feature found in those
files (verified by hand against the real files, see docs/architecture.md) with made-up names and values.
"""

from __future__ import annotations

import pytest

from vehicle_bus.dbc import load_databases
from vehicle_bus.mapping import bind_mapping, load_mapping

# The Tesla example's DBC features: Vector's pseudo message for signals without a message, a signal name
# in two messages, a message repeated under two ids, [0|0] ranges, value tables for absent messages.
TESLA_LIKE_DBC = """\
VERSION ""


NS_ :
\tNS_DESC_
\tCM_
\tVAL_

BS_:

BU_: Receiver ChassisBus VehicleBus

BO_ 3221225472 VECTOR__INDEPENDENT_SIG_MSG: 0 Vector__XXX
 SG_ LampStatus : 0|2@0+ (1,0) [0|3] "" Vector__XXX

BO_ 0 Unnamed_Message: 8 Vector__XXX
 SG_ Unnamed_Signal : 32|8@1+ (1,0) [0|0] "" Vector__XXX

BO_ 12 ID00CUI_status: 8 VehicleBus
 SG_ UI_cpuTemp : 56|8@1- (1,40) [-20|100] "C"  Receiver

BO_ 851 ID353UI_status: 8 VehicleBus
 SG_ UI_cpuTemp : 56|8@1- (1,40) [-20|100] "C"  Receiver

BO_ 258 ID102LEFT_doorStatus: 8 VehicleBus
 SG_ LEFT_mirrorTilt : 41|8@1+ (0.02,0) [0|5] "V"  Receiver
 SG_ LEFT_mirrorHeat : 58|3@1+ (1,0) [0|4] ""  Receiver

BO_ 573 ID23DChargeStatus: 4 VehicleBus
 SG_ ChargeStatus : 0|3@1+ (1,0) [0|6] ""  Receiver

BO_ 317 ID13DChargeStatus: 6 VehicleBus
 SG_ ChargeStatus : 0|3@1+ (1,0) [0|6] ""  Receiver

VAL_ 258 LEFT_mirrorHeat 0 "HEATER_OFF" 1 "HEATER_ON" ;
VAL_ 801 AbsentLevel 1 "LOW" 2 "NORMAL" ;
VAL_ 1963 LampStatus 0 "LIGHT_OFF" 1 "LIGHT_ON" ;
"""


@pytest.fixture
def tesla_like(tmp_path):
    path = tmp_path / "tesla_like.dbc"
    path.write_text(TESLA_LIKE_DBC)
    return load_databases([path])


def test_model3_dbc_shapes_load_like_cantools_with_every_repair_named(tesla_like) -> None:
    """Model3CAN.dbc: VECTOR__INDEPENDENT_SIG_MSG (cantools leaves it out), and VAL_ lines for messages the
    file does not define (cantools refuses the file for them, even non-strict)."""
    names = sorted(m.name for m in tesla_like.db.messages)
    assert names == [
        "ID00CUI_status",
        "ID102LEFT_doorStatus",
        "ID13DChargeStatus",
        "ID23DChargeStatus",
        "ID353UI_status",
        "Unnamed_Message",
    ]
    stray = [w for w in tesla_like.warnings if "VAL_ for unknown message" in w]
    assert len(stray) == 2 and any("0x7ab LampStatus" in w for w in stray)


def test_model3_overlay_shapes_bind(tesla_like, write_yaml) -> None:
    """vss_4.0/dbc_overlay.vspec: one DBC signal feeding several VSS paths (DI_uiSpeed, brake fluid on four
    wheels), a signal present in two messages (CP_hvChargeStatus), a signal only in Vector's pseudo message
    (VCRIGHT_brakeLightStatus), a mapping block indented deeper than its key, quoted and bare strings."""
    path = write_yaml(
        """
        # Type and datatype required, others will be inherited

        Vehicle.Body.Mirrors.DriverSide.Tilt:
          datatype: int8
          type: actuator
          dbc2vss:
            signal: LEFT_mirrorTilt
            interval_ms: 100
            transform:
              math: "floor((x*40)-100)"
          vss2dbc:
            signal: LEFT_mirrorTilt
            transform:
              math: "(x+100)/40"

        Vehicle.Body.Mirrors.DriverSide.IsHeatingOn:
          type: actuator
          datatype: boolean
          dbc2vss:
            interval_ms: 1000
            signal: LEFT_mirrorHeat
            transform:
               mapping:
                - from: HEATER_ON
                  to: true
                - from: HEATER_OFF
                  to: false

        Vehicle.Body.Mirrors.PassengerSide.IsHeatingOn:
          type: actuator
          datatype: boolean
          dbc2vss:
            interval_ms: 1000
            signal: LEFT_mirrorHeat

        Vehicle.Powertrain.TractionBattery.Charging.IsCharging:
          type: sensor
          datatype: boolean
          dbc2vss:
            interval_ms: 1000
            signal: ChargeStatus

        Vehicle.Body.Lights.Brake.IsActive:
          type: actuator
          datatype: string
          dbc2vss:
            interval_ms: 100
            signal: LampStatus
            transform:
               mapping:
                - from: LIGHT_OFF
                  to: 'INACTIVE'
                - from: LIGHT_ON
                  to: ACTIVE
        """
    )
    mapping = load_mapping(path)
    assert mapping.warnings == []
    bound = bind_mapping(mapping, tesla_like.db)
    by_path = {b.rule.vss_path: b for b in bound.rules}
    assert by_path["Vehicle.Body.Mirrors.DriverSide.IsHeatingOn"].frame_id == 0x102
    assert by_path["Vehicle.Body.Mirrors.PassengerSide.IsHeatingOn"].frame_id == 0x102
    # The name in two messages resolves to the lowest id, and a note says how to pin the other.
    assert by_path["Vehicle.Powertrain.TractionBattery.Charging.IsCharging"].frame_id == 0x13D
    assert any("ChargeStatus" in note and "MESSAGE.SIGNAL" in note for note in bound.notes)
    # A signal that lives only in Vector's pseudo message cannot be decoded: named, not fatal.
    (unresolved,) = bound.unresolved
    assert "Vehicle.Body.Lights.Brake.IsActive: signal LampStatus is not in the DBC" in unresolved[1]
    assert set(bound.actuators) == {"Vehicle.Body.Mirrors.DriverSide.Tilt"}


def test_vss3_overlay_shapes_load(write_yaml) -> None:
    """vss_3.0/dbc_overlay.vspec (kuksa.val.feeders): the old ``dbc`` key, YAML 1.1 ``True``/``False``, and
    one VSS path given twice (front and rear door both as Row1.Left.IsOpen)."""
    path = write_yaml(
        """
        Vehicle.Speed:
          type: sensor
          datatype: float
          dbc:
            signal: SpeedSignal
            interval_ms: 100

        Vehicle.Cabin.Door.Row1.Left.IsOpen:
          type: actuator
          datatype: boolean
          dbc:
            interval_ms: 500
            signal: FrontDoor
            transform:
               mapping:
                - from: DOOR_CLOSED
                  to: False
                - from: DOOR_OPEN
                  to: True

        Vehicle.Cabin.Door.Row1.Left.IsOpen:
          type: actuator
          datatype: boolean
          dbc:
            interval_ms: 500
            signal: RearDoor
        """
    )
    mapping = load_mapping(path)
    rules = {rule.vss_path: rule for rule in mapping.dbc2vss}
    assert rules["Vehicle.Speed"].interval_ms == 100
    assert rules["Vehicle.Cabin.Door.Row1.Left.IsOpen"].signal == "RearDoor"
    (warning,) = mapping.warnings
    assert "Vehicle.Cabin.Door.Row1.Left.IsOpen appears twice" in warning
    assert "the last one is used" in warning


def test_vss4_json_tree_shapes_load(write_json) -> None:
    """vss_4.0/vss_dbc.json: the whole VSS tree (branch/children), attributes KUKSA ignores (allowed, comment,
    min/max, unit, description), signals without mapping beside mapped ones, an actuator with both
    directions whose vss2dbc maps booleans to value names."""
    tree = {
        "Vehicle": {
            "type": "branch",
            "description": "High-level vehicle data.",
            "children": {
                "Body": {
                    "type": "branch",
                    "description": "All body components.",
                    "children": {
                        "RefuelPosition": {
                            "allowed": ["FRONT_LEFT", "REAR_RIGHT"],
                            "datatype": "string",
                            "description": "Location of the fuel cap or charge port.",
                            "type": "attribute",
                        },
                        "Trunk": {
                            "type": "branch",
                            "comment": "A trunk is a luggage compartment.",
                            "description": "Trunk status.",
                            "children": {
                                "IsOpen": {
                                    "datatype": "boolean",
                                    "type": "actuator",
                                    "description": "Trunk open or closed.",
                                    "dbc2vss": {
                                        "interval_ms": 1000,
                                        "signal": "Latch",
                                        "transform": {
                                            "mapping": [
                                                {"from": "LATCH_CLOSED", "to": False},
                                                {"from": "LATCH_OPENED", "to": True},
                                            ]
                                        },
                                    },
                                    "vss2dbc": {
                                        "signal": "Latch",
                                        "transform": {
                                            "mapping": [
                                                {"from": True, "to": "LATCH_OPENED"},
                                                {"from": False, "to": "LATCH_CLOSED"},
                                            ]
                                        },
                                    },
                                },
                                "IsLocked": {"datatype": "boolean", "type": "actuator", "description": "."},
                            },
                        },
                        "PowerOptimizeLevel": {
                            "datatype": "uint8",
                            "description": "Power optimization level.",
                            "max": 10,
                            "min": 0,
                            "type": "actuator",
                        },
                    },
                }
            },
        }
    }
    mapping = load_mapping(write_json(tree))
    assert mapping.warnings == []
    assert [rule.vss_path for rule in mapping.dbc2vss] == ["Vehicle.Body.Trunk.IsOpen"]
    assert mapping.vss2dbc["Vehicle.Body.Trunk.IsOpen"].transform.mapping == (
        (True, "LATCH_OPENED"),
        (False, "LATCH_CLOSED"),
    )
    assert mapping.nodes["Vehicle.Body.PowerOptimizeLevel"].max == 10


@pytest.mark.parametrize("form", ["json", "vspec"])
def test_a_sensor_with_vss2dbc_is_warned_about_and_the_rest_loads(form, write_json, write_yaml) -> None:
    """A sensor carrying vss2dbc (issue 16: present in KUKSA's VSS 4.0 example): the entry is ignored with a
    warning naming the place, its dbc2vss and every other entry still load."""
    sensor = {
        "type": "sensor",
        "datatype": "boolean",
        "dbc2vss": {"signal": "Level", "interval_ms": 1000},
        "vss2dbc": {"signal": "Level"},
    }
    other = {"type": "actuator", "datatype": "uint8", "vss2dbc": {"signal": "TempSet"}}
    if form == "json":
        path = write_json({"Vehicle": {"type": "branch", "children": {"Low": sensor, "Set": other}}})
        where = f"{path}: Vehicle.Low"
    else:
        path = write_yaml(
            """
            Vehicle.Low:
              type: sensor
              datatype: boolean
              dbc2vss: {signal: Level, interval_ms: 1000}
              vss2dbc: {signal: Level}
            Vehicle.Set:
              type: actuator
              datatype: uint8
              vss2dbc: {signal: TempSet}
            """
        )
        where = f"{path}:5"
    mapping = load_mapping(path)
    assert [rule.vss_path for rule in mapping.dbc2vss] == ["Vehicle.Low"]
    assert set(mapping.vss2dbc) == {"Vehicle.Set"}
    (warning,) = mapping.warnings
    assert warning.startswith(f"{where}: ") and "vss2dbc on a sensor ignored" in warning
