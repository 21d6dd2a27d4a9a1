"""Binding a mapping to a cantools database: multiplexers, repeated signal names, pinning, missing signals."""

from __future__ import annotations

import pytest

from vehicle_bus.errors import MappingError
from vehicle_bus.mapping import RuleGate, bind_mapping, load_mapping

MUX_OVERLAY = """
A.AlwaysPresentModeA:
  type: sensor
  datatype: uint8
  dbc:
    on_change: true
    signal: AlwaysPresent
    multiplexer:
      - signal: MuxSelector
        value: 0
A.AlwaysPresentModeB:
  type: sensor
  datatype: uint8
  dbc:
    on_change: true
    signal: AlwaysPresent
    multiplexer:
      - signal: MuxSelector
        value: 1
A.NoMultiplexer:
  type: sensor
  datatype: uint8
  dbc:
    on_change: true
    signal: AlwaysPresent
"""


def test_kuksa_multiplex_mapping_binds_to_one_frame(db, write_yaml):
    bound = bind_mapping(load_mapping(write_yaml(MUX_OVERLAY)), db)
    rules = {b.rule.vss_path: b for b in bound.by_frame_id[100]}
    assert set(bound.by_frame_id) == {100}
    assert rules["A.AlwaysPresentModeA"].mux == (("MuxSelector", 0),)
    assert rules["A.AlwaysPresentModeB"].mux == (("MuxSelector", 1),)
    assert rules["A.NoMultiplexer"].mux == ()
    assert bound.unresolved == [] and bound.notes == []


def test_multiplexer_filters_decoded_frames_like_kuksa_canreader(db, write_yaml):
    # KUKSA: a rule is evaluated only if every selector matches; a rule without multiplexer always is.
    mapping = load_mapping(write_yaml(MUX_OVERLAY))
    bound = bind_mapping(mapping, db)
    gates = {b.rule.vss_path: (b, RuleGate(b.rule, "uint8")) for b in bound.by_frame_id[100]}
    message = db.get_message_by_frame_id(100)
    emitted = []
    for t, (selector, data) in enumerate([(0, 42), (1, 43), (0, 44)]):
        values = message.decode(bytes([selector, data, 0, 0, 0, 0, 0, 0]))
        for path, (b, gate) in gates.items():
            if b.mux_matches(values):
                value = gate.offer(values[b.signal], float(t))
                if value is not None:
                    emitted.append((path, value))
    assert emitted == [
        ("A.AlwaysPresentModeA", 42),
        ("A.NoMultiplexer", 42),
        ("A.AlwaysPresentModeB", 43),
        ("A.NoMultiplexer", 43),
        ("A.AlwaysPresentModeA", 44),
        ("A.NoMultiplexer", 44),
    ]


@pytest.mark.parametrize(
    "signal, selector",
    [("OtherSignal", "MuxSelector"), ("AlwaysPresent", "NonExistentSignal")],
    ids=["mapping_multiplex_mismatch", "mapping_multiplex_invalid_signal"],
)
def test_selector_outside_the_data_signals_message_is_an_error(db, write_yaml, signal, selector):
    path = write_yaml(
        f"""
        A.MismatchedValue:
          type: sensor
          datatype: uint8
          dbc:
            on_change: true
            signal: {signal}
            multiplexer:
              - signal: {selector}
                value: 0
        """
    )
    mapping = load_mapping(path)
    with pytest.raises(MappingError) as info:
        bind_mapping(mapping, db)
    assert f"multiplexer signal {selector} is not in message" in info.value.what
    assert info.value.where == f"{path}:4"
    # For `mapping check`, the same problem is collected instead of raised.
    lenient = bind_mapping(mapping, db, strict=False)
    assert lenient.by_frame_id == {} and len(lenient.errors) == 1


def test_signal_missing_from_the_dbc_is_unresolved_and_the_rest_still_binds(db, write_yaml):
    path = write_yaml(
        """
        Vehicle.Speed:
          type: sensor
          datatype: float
          dbc2vss: {signal: Speed}
        Vehicle.IsMoving:
          type: sensor
          datatype: boolean
          dbc2vss: {signal: NoSuchSignal}
        """
    )
    bound = bind_mapping(load_mapping(path), db)
    assert [b.rule.vss_path for b in bound.rules] == ["Vehicle.Speed"]
    assert bound.unresolved == [(f"{path}:8", "Vehicle.IsMoving: signal NoSuchSignal is not in the DBC")]


def test_actuator_binds_with_its_node(db, write_yaml):
    path = write_yaml(
        """
        Vehicle.Body.Trunk.Rear.IsOpen:
          type: actuator
          datatype: boolean
          dbc2vss: {signal: Latch}
          vss2dbc:
            signal: Climate.Latch
            transform:
              mapping:
                - {from: true, to: LATCH_OPENED}
                - {from: false, to: LATCH_CLOSED}
        Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature:
          type: actuator
          datatype: int8
          vss2dbc: {signal: Missing}
        """
    )
    bound = bind_mapping(load_mapping(path), db)
    actuator = bound.actuators["Vehicle.Body.Trunk.Rear.IsOpen"]
    assert (actuator.frame_id, actuator.signal, actuator.node.datatype) == (400, "Latch", "boolean")
    assert "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature" not in bound.actuators
    assert bound.unresolved[0][1].endswith("signal Missing is not in the DBC")


# --- the real Kona pcan.dbc: IBatt is in 0x595 and 0x5D6 ---------------------------------------------


def ibatt_mapping(write_yaml, signal: str):
    return load_mapping(
        write_yaml(
            f"""
            Vehicle.Powertrain.TractionBattery.CurrentCurrent:
              type: sensor
              datatype: float
              unit: A
              dbc2vss:
                signal: {signal}
                interval_ms: 100
            """
        )
    )


def test_repeated_name_takes_lowest_frame_id_and_says_so(kona_db, write_yaml):
    bound = bind_mapping(ibatt_mapping(write_yaml, "IBatt"), kona_db)
    (b,) = bound.rules
    assert (b.frame_id, b.message.name, b.signal) == (0x595, "Batt_HV_Status", "IBatt")
    assert bound.notes == [
        "Vehicle.Powertrain.TractionBattery.CurrentCurrent: signal IBatt occurs in Batt_HV_Status (0x595), "
        "BMS_5D6 (0x5d6); took Batt_HV_Status; pin it as MESSAGE.SIGNAL to choose"
    ]


@pytest.mark.parametrize(
    "written, frame_id",
    [
        ("BMS_5D6.IBatt", 0x5D6),
        ("0x5D6.IBatt", 0x5D6),
        ("0x595.IBatt", 0x595),
        ("Batt_HV_Status.IBatt", 0x595),
    ],
)
def test_pinning_chooses_the_message(kona_db, write_yaml, written, frame_id):
    bound = bind_mapping(ibatt_mapping(write_yaml, written), kona_db)
    (b,) = bound.rules
    assert (b.frame_id, b.signal) == (frame_id, "IBatt")
    assert bound.notes == []


@pytest.mark.parametrize(
    "written, reason",
    [
        ("NoSuchMessage.IBatt", "message NoSuchMessage"),
        ("Batt_HV_Status.SocDisp", "signal SocDisp is not in message"),
    ],
)
def test_bad_pin_is_unresolved(kona_db, write_yaml, written, reason):
    bound = bind_mapping(ibatt_mapping(write_yaml, written), kona_db)
    assert bound.rules == [] and reason in bound.unresolved[0][1]


def test_kona_frame_decodes_through_the_bound_rule(kona_db, write_yaml):
    bound = bind_mapping(ibatt_mapping(write_yaml, "0x595.IBatt"), kona_db)
    (b,) = bound.rules
    # IBatt: 16 bits at bit 32, little endian, signed, 0.1 A; 34 -> 3.4 A (as in the 230112-7 capture).
    data = bytes([0, 0, 0, 0, 34, 0, 0x6E, 0x0D])
    values = b.message.decode(data)
    gate = RuleGate(b.rule, "float")
    assert gate.offer(values[b.signal], 0.0) == pytest.approx(3.4)
