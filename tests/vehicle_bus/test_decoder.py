"""The coalescing decoder emits exactly what naive per-frame KUKSA evaluation emits, and decodes less."""

from pathlib import Path

import cantools
import pytest

from vehicle_bus.dbc import load_databases
from vehicle_bus.decoder import SignalDecoder
from vehicle_bus.mapping import RuleGate, bind_mapping, load_mapping
from vehicle_bus.sources.logfile import LogFile

DBC = """VERSION ""

NS_ :

BS_:

BU_: VCU

BO_ 256 Drive: 8 VCU
 SG_ Speed : 0|16@1+ (0.01,0) [0|300] "km/h" VCU
 SG_ Gear : 16|4@1+ (1,0) [0|15] "" VCU
 SG_ Counter : 60|4@1+ (1,0) [0|15] "" VCU

BO_ 512 Mux: 8 VCU
 SG_ Page : 0|8@1+ (1,0) [0|255] "" VCU
 SG_ Value : 8|16@1+ (0.1,0) [0|6553.5] "" VCU

VAL_ 256 Gear 0 "P" 1 "R" 2 "N" 3 "D" ;
"""

MAPPING = """
Vehicle.Speed:
  type: sensor
  datatype: float
  dbc2vss:
    signal: Speed
    interval_ms: 100
Vehicle.Powertrain.Transmission.SelectedGear:
  type: sensor
  datatype: int8
  dbc2vss:
    signal: Gear
    on_change: true
    transform:
      mapping:
        - {from: P, to: 126}
        - {from: R, to: -1}
        - {from: N, to: 0}
        - {from: D, to: 127}
Vehicle.A:
  type: sensor
  datatype: float
  dbc2vss:
    signal: Value
    on_change: true
    multiplexer:
      - {signal: Page, value: 1}
Vehicle.B:
  type: sensor
  datatype: float
  dbc2vss:
    signal: Value
    interval_ms: 0
    multiplexer:
      - {signal: Page, value: 2}
"""


@pytest.fixture
def setup(tmp_path: Path):
    (tmp_path / "m.vspec").write_text(MAPPING)
    (tmp_path / "d.dbc").write_text(DBC)
    db = load_databases([tmp_path / "d.dbc"]).db
    mapping = load_mapping(tmp_path / "m.vspec")
    bound = bind_mapping(mapping, db)
    types = {p: n.datatype for p, n in mapping.nodes.items()}
    return db, bound, types


def drive(speed: float, gear: int, counter: int) -> bytes:
    raw = round(speed * 100) | gear << 16 | (counter & 15) << 60
    return raw.to_bytes(8, "little")


def run(decoder: SignalDecoder, frames: list[tuple[int, bytes, float]]) -> list[tuple[str, object, float]]:
    out: list[tuple[str, object, float]] = []
    for fid, data, t in frames:
        decoder.feed(fid, data, t, lambda p, v, t: out.append((p, v, t)))
    return out


def test_time_gate_emits_once_per_interval_in_log_time(setup) -> None:
    db, bound, types = setup
    decoder = SignalDecoder(db, bound, types)
    frames = [(256, drive(50 + k * 0.01, 3, k), k * 0.01) for k in range(100)]  # 100 Hz for 1 s
    speeds = [(v, t) for p, v, t in run(decoder, frames) if p == "Vehicle.Speed"]
    assert [t for _, t in speeds] == pytest.approx([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    assert speeds[3][0] == pytest.approx(50.3)


def test_unchanged_on_change_signal_is_not_decoded_again(setup) -> None:
    db, bound, types = setup
    # Only the gear rule on this message: drop the speed rule to see the skipping alone.
    bound.by_frame_id[256] = [r for r in bound.by_frame_id[256] if r.signal == "Gear"]
    decoder = SignalDecoder(db, bound, types)
    frames = [(256, drive(10, 3 if k < 50 else 0, k), k * 0.01) for k in range(100)]
    gears = [(v, t) for p, v, t in run(decoder, frames)]
    assert gears == [(127, 0.0), (126, 0.5)]
    # The counter changes every frame but no rule reads it: only the two gear changes were decoded.
    assert decoder.stats.decoded == 2 and decoder.stats.skipped == 98


def test_multiplexer_conditions_route_one_signal_to_two_paths(setup) -> None:
    db, bound, types = setup
    decoder = SignalDecoder(db, bound, types)
    frames = [
        (512, bytes([page]) + (val * 10).to_bytes(2, "little") + bytes(5), k)
        for k, (page, val) in enumerate([(1, 5), (2, 7), (1, 5), (3, 9), (2, 7), (1, 6)])
    ]
    out = [(p, v) for p, v, _ in run(decoder, frames)]
    assert out == [("Vehicle.A", 5.0), ("Vehicle.B", 7.0), ("Vehicle.B", 7.0), ("Vehicle.A", 6.0)]


def test_short_frame_decodes_what_is_there_and_garbage_is_counted(setup) -> None:
    db, bound, types = setup
    decoder = SignalDecoder(db, bound, types)
    out = run(decoder, [(256, drive(12.5, 1, 0)[:2], 0.0)])  # speed bytes only
    assert out == [("Vehicle.Speed", 12.5, 0.0)]
    assert not decoder.stats.errors


def test_replay_loop_clock_going_back_reopens_time_gates(setup) -> None:
    db, bound, types = setup
    decoder = SignalDecoder(db, bound, types)
    first = [(256, drive(20, 3, 0), 100.0), (256, drive(21, 3, 1), 100.05)]
    again = [(256, drive(22, 3, 2), 0.5)]  # the log started over
    speeds = [v for p, v, _ in run(decoder, first + again) if p == "Vehicle.Speed"]
    assert speeds == [20.0, 22.0]


def naive(db, bound, types, messages) -> list[tuple[str, object, float]]:
    """Reference: decode every frame with cantools, offer every rule (what kuksa-can-provider does)."""
    gates = {
        id(r): RuleGate(r.rule, types.get(r.rule.vss_path, "float"))
        for rs in bound.by_frame_id.values()
        for r in rs
    }
    out = []
    for msg in messages:
        rules = bound.by_frame_id.get(msg.arbitration_id)
        if not rules:
            continue
        try:
            values = rules[0].message.decode(msg.data, allow_truncated=True, allow_excess=True)
        except cantools.database.DecodeError:
            continue
        for r in rules:
            if not r.mux_matches(values) or r.signal not in values:
                continue
            v = gates[id(r)].offer(values[r.signal], msg.timestamp)
            if v is not None:
                out.append((r.rule.vss_path, v, msg.timestamp))
    return out


def test_same_output_as_naive_evaluation_on_a_real_capture(kona_dir: Path) -> None:
    from cockpit.vehicle_data import load_vehicle_data

    vehicle = load_vehicle_data("kona-ev")
    log = [
        m for m in LogFile(kona_dir / "230112-7-2019-pcan-ccan-power-off-on-ready-off.csv") if m.channel == 0
    ]
    types = {p: n.datatype for p, n in vehicle.mapping.nodes.items()}
    expected = naive(vehicle.database.db, vehicle.bound, types, log)
    decoder = vehicle.decoder()
    got = run(decoder, [(m.arbitration_id, m.data, m.timestamp) for m in log])
    assert got == expected
    assert len(got) > 100
    # And it did far less decoding than one decode per mapped frame.
    mapped = sum(1 for m in log if m.arbitration_id in decoder.frame_ids)
    assert decoder.stats.decoded < mapped / 5


def test_frames_of_unmapped_ids_cost_nothing(setup) -> None:
    db, bound, types = setup
    decoder = SignalDecoder(db, bound, types)
    assert run(decoder, [(0x7FF, b"\x00" * 8, 0.0)]) == []
    assert decoder.stats.decoded == 0


NATIVE_MUX = """VERSION ""

NS_ :

BS_:

BU_: X

BO_ 768 Native: 8 X
 SG_ Sel M : 0|8@1+ (1,0) [0|255] "" X
 SG_ Temp m1 : 8|8@1+ (1,-40) [-40|215] "degC" X
"""


def test_frame_cantools_cannot_decode_is_counted_per_id_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "n.dbc").write_text(NATIVE_MUX)
    (tmp_path / "n.vspec").write_text(
        "Vehicle.Exterior.AirTemperature:\n  type: sensor\n  datatype: float\n"
        "  dbc2vss:\n    signal: Temp\n    on_change: true\n"
    )
    db = load_databases([tmp_path / "n.dbc"]).db
    bound = bind_mapping(load_mapping(tmp_path / "n.vspec"), db)
    decoder = SignalDecoder(db, bound, {})
    # Selector 1 is defined; selector 9 is not, and cantools refuses the frame.
    out = run(decoder, [(768, bytes([1, 60]) + bytes(6), 0.0), (768, bytes([9, 61]) + bytes(6), 0.1)])
    assert out == [("Vehicle.Exterior.AirTemperature", 20.0, 0.0)]
    assert decoder.stats.errors[768] == 1 and "multiplexer" in decoder.stats.last_error[768]
