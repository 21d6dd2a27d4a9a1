"""Loading KUKSA mapping files: KUKSA's error cases, defaults, both file forms, places in messages."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from vehicle_bus.errors import InputError, MappingError
from vehicle_bus.mapping import Dbc2VssRule, MuxCondition, Transform, load_mapping, merge_mappings


def tree(**signals: dict) -> dict:
    """``A.<name>`` signal nodes under branch A, the shape of KUKSA's test fixtures."""
    return {"A": {"type": "branch", "description": "Branch A.", "children": signals}}


def sensor(key: str = "dbc", spec: Any = None, type_: str = "sensor", **extra: Any) -> dict:
    node: dict[str, Any] = {"type": type_, "datatype": "uint8", "description": "..."}
    if spec is not None:
        node[key] = spec
    node.update(extra)
    return node


def load_error(path) -> MappingError:
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    return info.value


# --- KUKSA's error cases (test_mapping_error, test_mapping_multiplex), in the JSON form ---------------

ERROR_CASES = {
    "no signal": (sensor(spec={"interval_ms": 100}), "has no 'signal'"),
    "empty signal": (sensor(spec={"signal": ""}), "has no 'signal'"),
    "both dbc and dbc2vss": (
        sensor(spec={"signal": "S"}, dbc2vss={"signal": "S"}),
        "both 'dbc' and 'dbc2vss'",
    ),
    "interval_ms as text": (
        sensor(spec={"signal": "S", "interval_ms": "100"}),
        "interval_ms '100' is not an integer",
    ),
    "interval_ms fractional": (sensor(spec={"signal": "S", "interval_ms": 1.5}), "is not an integer"),
    "interval_ms boolean": (sensor(spec={"signal": "S", "interval_ms": True}), "is not an integer"),
    "interval_ms negative": (sensor(spec={"signal": "S", "interval_ms": -5}), "negative"),
    "on_change as text": (
        sensor(spec={"signal": "S", "on_change": "true"}),
        "on_change 'true' is not true or false",
    ),
    "math and mapping": (
        sensor(spec={"signal": "S", "transform": {"math": "x", "mapping": [{"from": 1, "to": 2}]}}),
        "both 'math' and 'mapping'",
    ),
    "unknown transform (KUKSA test_unknown_transform)": (
        sensor(spec={"signal": "S", "transform": {"fullmapping": {"A": 1}}}),
        "unsupported transform",
    ),
    "transform not a mapping": (
        sensor(spec={"signal": "S", "transform": "x*2"}),
        "must contain 'math' or 'mapping'",
    ),
    "mapping not a list": (
        sensor(spec={"signal": "S", "transform": {"mapping": {"from": 1, "to": 2}}}),
        "must be a list",
    ),
    "mapping entry without to": (
        sensor(spec={"signal": "S", "transform": {"mapping": [{"from": 1, "to": 2}, {"from": 3}]}}),
        "needs both 'from' and 'to'",
    ),
    "math not text": (sensor(spec={"signal": "S", "transform": {"math": 5}}), "must be text"),
    "multiplexer entry without signal (KUKSA mapping_multiplex_no_signal)": (
        sensor(spec={"signal": "AlwaysPresent", "multiplexer": [{"value": 0}]}),
        "multiplexer entry has no 'signal'",
    ),
    "multiplexer entry without value (KUKSA mapping_multiplex_no_value)": (
        sensor(spec={"signal": "AlwaysPresent", "multiplexer": [{"signal": "MuxSelector"}]}),
        "has no 'value'",
    ),
    "multiplexer value as text (KUKSA mapping_multiplex_invalid_value)": (
        sensor(spec={"signal": "AlwaysPresent", "multiplexer": [{"signal": "MuxSelector", "value": "0"}]}),
        "multiplexer value '0' for MuxSelector is not an integer",
    ),
    "multiplexer not a list": (
        sensor(spec={"signal": "AlwaysPresent", "multiplexer": {"signal": "MuxSelector", "value": 0}}),
        "must be a list",
    ),
    "mapped node without datatype": ({"type": "sensor", "dbc": {"signal": "S"}}, "no datatype"),
}


@pytest.mark.parametrize("node, expected", ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_kuksa_error_cases_are_mapping_errors_naming_the_place(write_json, node, expected):
    path = write_json(tree(B=node))
    err = load_error(path)
    assert expected in err.what
    assert err.where == f"{path}: A.B"
    assert isinstance(err, InputError)
    assert "\n" not in str(err) and str(err).startswith(f"{path}: A.B: ")


def test_multiplexer_is_parsed_like_kuksa_mapping_multiplex_json(write_json):
    mux = [{"signal": "MuxSelector", "value": 0}]
    path = write_json(
        tree(
            AlwaysPresentModeA=sensor(
                spec={"on_change": True, "signal": "AlwaysPresent", "multiplexer": mux}
            ),
            AlwaysPresentModeB=sensor(
                spec={
                    "on_change": True,
                    "signal": "AlwaysPresent",
                    "multiplexer": [{"signal": "MuxSelector", "value": 1}],
                }
            ),
            NoMultiplexer=sensor(spec={"on_change": True, "signal": "AlwaysPresent"}),
        )
    )
    rules = {r.vss_path: r for r in load_mapping(path).dbc2vss}
    assert rules["A.AlwaysPresentModeA"].multiplexer == (MuxCondition("MuxSelector", 0),)
    assert rules["A.AlwaysPresentModeB"].multiplexer == (MuxCondition("MuxSelector", 1),)
    assert rules["A.NoMultiplexer"].multiplexer == ()
    assert {r.signal for r in rules.values()} == {"AlwaysPresent"}


# --- defaults ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spec, interval, on_change",
    [
        ({"signal": "S"}, 1000, False),
        ({"signal": "S", "on_change": True}, 0, True),
        ({"signal": "S", "on_change": False}, 1000, False),
        ({"signal": "S", "on_change": True, "interval_ms": 250}, 250, True),
        ({"signal": "S", "interval_ms": 0}, 0, False),
    ],
)
def test_defaults_follow_kuksa(write_json, spec, interval, on_change):
    rule = load_mapping(write_json(tree(B=sensor(spec=spec)))).dbc2vss[0]
    assert (rule.interval_ms, rule.on_change) == (interval, on_change)


def test_dbc_is_a_synonym_of_dbc2vss(write_json):
    a = load_mapping(write_json(tree(B=sensor(key="dbc", spec={"signal": "S"})), "a.json")).dbc2vss[0]
    b = load_mapping(write_json(tree(B=sensor(key="dbc2vss", spec={"signal": "S"})), "b.json")).dbc2vss[0]
    assert dataclasses.replace(a, where="") == dataclasses.replace(b, where="")


# --- the same mapping in both forms -----------------------------------------------------------------

OVERLAY = """
# As in kuksa-can-provider mapping/vss_4.0/dbc_overlay.vspec
Vehicle:
  type: branch
  description: High-level vehicle data.

Vehicle.Speed:
  type: sensor
  datatype: float
  unit: km/h
  dbc2vss:
    signal: Speed
    interval_ms: 100

Vehicle.Powertrain.Transmission.CurrentGear:
  type: sensor
  datatype: int8
  dbc2vss:
    interval_ms: 100
    signal: Gear
    transform:
       mapping:
        - from: GEAR_D
          to: 1
        - from: GEAR_P
          to: 0
        - from: GEAR_R
          to: -1

Vehicle.Body.Mirrors.DriverSide.Tilt:
  datatype: int8
  type: actuator
  min: -100
  max: 100
  dbc2vss:
    signal: TempSet
    interval_ms: 100
    transform:
      math: "floor((x*40)-100)"
  vss2dbc:
    signal: TempSet
    transform:
      math: "(x+100)/40"

A.AlwaysPresentModeA:
  type: sensor
  datatype: uint8
  dbc:
    on_change: true
    signal: AlwaysPresent
    multiplexer:
      - signal: MuxSelector
        value: 0
"""


def as_json_tree() -> dict:
    def branch(**children: Any) -> dict:
        return {"type": "branch", "description": "", "children": children}

    return {
        "Vehicle": branch(
            Speed={
                "type": "sensor",
                "datatype": "float",
                "unit": "km/h",
                "dbc2vss": {"signal": "Speed", "interval_ms": 100},
            },
            Powertrain=branch(
                Transmission=branch(
                    CurrentGear={
                        "type": "sensor",
                        "datatype": "int8",
                        "dbc2vss": {
                            "interval_ms": 100,
                            "signal": "Gear",
                            "transform": {
                                "mapping": [
                                    {"from": "GEAR_D", "to": 1},
                                    {"from": "GEAR_P", "to": 0},
                                    {"from": "GEAR_R", "to": -1},
                                ]
                            },
                        },
                    }
                )
            ),
            Body=branch(
                Mirrors=branch(
                    DriverSide=branch(
                        Tilt={
                            "datatype": "int8",
                            "type": "actuator",
                            "min": -100,
                            "max": 100,
                            "dbc2vss": {
                                "signal": "TempSet",
                                "interval_ms": 100,
                                "transform": {"math": "floor((x*40)-100)"},
                            },
                            "vss2dbc": {"signal": "TempSet", "transform": {"math": "(x+100)/40"}},
                        }
                    )
                )
            ),
        ),
        "A": branch(
            AlwaysPresentModeA={
                "type": "sensor",
                "datatype": "uint8",
                "dbc": {
                    "on_change": True,
                    "signal": "AlwaysPresent",
                    "multiplexer": [{"signal": "MuxSelector", "value": 0}],
                },
            }
        ),
    }


def _no_where(items):
    return sorted((dataclasses.replace(r, where="") for r in items), key=lambda r: r.vss_path)


def test_json_tree_and_yaml_overlay_give_identical_rules(write_json, write_yaml):
    from_yaml = load_mapping(write_yaml(OVERLAY))
    from_json = load_mapping(write_json(as_json_tree()))
    assert _no_where(from_yaml.dbc2vss) == _no_where(from_json.dbc2vss)
    assert _no_where(from_yaml.vss2dbc.values()) == _no_where(from_json.vss2dbc.values())
    assert from_yaml.nodes == from_json.nodes
    gear = next(r for r in from_yaml.dbc2vss if r.signal == "Gear")
    assert gear.transform == Transform(mapping=(("GEAR_D", 1), ("GEAR_P", 0), ("GEAR_R", -1)))
    assert len(from_yaml.dbc2vss) == 4 and "Vehicle" not in from_yaml.nodes  # the branch entry is ignored


def test_rules_point_at_their_file_line(write_yaml):
    path = write_yaml(OVERLAY)
    rules = {r.vss_path: r for r in load_mapping(path).dbc2vss}
    lines = OVERLAY.lstrip("\n").splitlines()
    speed_line = next(i for i, line in enumerate(lines, 1) if line.strip() == "dbc2vss:")
    assert rules["Vehicle.Speed"].where == f"{path}:{speed_line}"
    assert rules["A.AlwaysPresentModeA"].where.startswith(f"{path}:")


def test_json_rules_point_at_file_and_vss_path(write_json):
    path = write_json(as_json_tree())
    rules = {r.vss_path: r for r in load_mapping(path).dbc2vss}
    assert rules["Vehicle.Speed"].where == f"{path}: Vehicle.Speed"


# --- YAML errors carry file:line ----------------------------------------------------------------------


def test_yaml_syntax_error_says_file_and_line(write_yaml):
    path = write_yaml(
        """
        Vehicle.Speed:
          type: sensor
          datatype: [float
          dbc2vss:
            signal: S
        """
    )
    err = load_error(path)
    assert err.where in (f"{path}:3", f"{path}:4", f"{path}:5")
    assert "not valid YAML" in err.what


def test_yaml_mapping_error_points_at_the_offending_key(write_yaml):
    path = write_yaml(
        """
        Vehicle.Speed:
          type: sensor
          datatype: float
          dbc2vss:
            signal: S
            interval_ms: fast
        """
    )
    err = load_error(path)
    assert err.where == f"{path}:6"
    assert "interval_ms 'fast' is not an integer" in err.what


def test_yaml_multiplexer_value_error_points_at_value_line(write_yaml):
    path = write_yaml(
        """
        A.B:
          type: sensor
          datatype: uint8
          dbc2vss:
            signal: AlwaysPresent
            multiplexer:
              - signal: MuxSelector
                value: "0"
        """
    )
    err = load_error(path)
    assert err.where == f"{path}:8"


def test_yaml_math_error_points_at_math_line(write_yaml):
    path = write_yaml(
        """
        A.B:
          type: sensor
          datatype: float
          dbc2vss:
            signal: S
            transform:
              math: "__import__('os').system('true')"
        """
    )
    err = load_error(path)
    assert err.where == f"{path}:7"
    assert "__import__" in err.what


def test_same_vss_path_twice_in_one_overlay_warns_naming_both_lines_and_keeps_the_last(write_yaml):
    """KUKSA's VSS 3.0 example overlay (kuksa.val.feeders dbc2val/mapping/vss_3.0/dbc_overlay.vspec) gives
    Vehicle.Cabin.Door.Row1.Left.IsOpen twice (front and rear door); its tools keep the last entry."""
    path = write_yaml(
        """
        Vehicle.Speed:
          type: sensor
          datatype: float
          dbc2vss: {signal: A}
        Vehicle.Speed:
          type: sensor
          datatype: float
          dbc2vss: {signal: B}
        """
    )
    mapping = load_mapping(path)
    assert [rule.signal for rule in mapping.dbc2vss] == ["B"]
    assert any(w.startswith(f"{path}:5: ") and "lines 1 and 5" in w for w in mapping.warnings)


def test_json_syntax_error_says_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "A": {\n    "type": "branch",\n  }\n}\n')
    err = load_error(path)
    assert err.where == f"{path}:4"


def test_overlay_mapping_without_signal_type_is_an_error(write_yaml):
    path = write_yaml(
        """
        Vehicle.Speed:
          datatype: float
          dbc2vss:
            signal: S
        """
    )
    err = load_error(path)
    assert "has a DBC mapping but no type" in err.what and err.where == f"{path}:1"


def test_missing_file_and_empty_file(tmp_path):
    err = load_error(tmp_path / "nope.vspec")
    assert "not found" in err.what
    (tmp_path / "empty.vspec").write_text("# nothing\n")
    assert "no VSS signals" in load_error(tmp_path / "empty.vspec").what


# --- things KUKSA ignores are recorded as warnings ----------------------------------------------------


def test_vss2dbc_interval_and_on_change_are_ignored_with_warning(write_yaml):
    path = write_yaml(
        """
        Vehicle.Body.Trunk.Rear.IsOpen:
          type: actuator
          datatype: boolean
          vss2dbc:
            signal: Latch
            interval_ms: 100
            on_change: true
        """
    )
    m = load_mapping(path)
    assert m.vss2dbc["Vehicle.Body.Trunk.Rear.IsOpen"].signal == "Latch"
    assert any(w.startswith(f"{path}:6:") and "interval_ms" in w for w in m.warnings)
    assert any(w.startswith(f"{path}:7:") and "on_change" in w for w in m.warnings)


def test_unknown_key_is_a_warning_not_silence(write_yaml):
    path = write_yaml(
        """
        Vehicle.Speed:
          type: sensor
          datatype: float
          dbc2vss:
            signal: S
            interval: 100
        """
    )
    m = load_mapping(path)
    assert m.dbc2vss[0].interval_ms == 1000
    assert any("unknown key 'interval'" in w and w.startswith(f"{path}:6:") for w in m.warnings)


def test_typeless_dict_is_walked_into_like_kuksa(write_json):
    # KUKSA walks a dict without "type" keeping the prefix: wrapper names do not enter the path.
    m = load_mapping(write_json({"wrapper": tree(B=sensor(spec={"signal": "S"}))}))
    assert [r.vss_path for r in m.dbc2vss] == ["A.B"]


def test_unmapped_nodes_are_kept_as_metadata(write_json):
    m = load_mapping(write_json(tree(B=sensor(spec={"signal": "S"}), C=sensor(unit="km", min=0, max=5))))
    assert m.nodes["A.C"].unit == "km" and (m.nodes["A.C"].min, m.nodes["A.C"].max) == (0, 5)
    assert [r.vss_path for r in m.dbc2vss] == ["A.B"]


# --- merging ----------------------------------------------------------------------------------------


def test_merge_refuses_a_path_mapped_in_two_files_and_names_both(write_yaml):
    a = write_yaml("Vehicle.Speed:\n  type: sensor\n  datatype: float\n  dbc2vss: {signal: A}\n", "a.vspec")
    b = write_yaml("Vehicle.Speed:\n  type: sensor\n  datatype: float\n  dbc2vss: {signal: B}\n", "b.vspec")
    with pytest.raises(MappingError) as info:
        merge_mappings([load_mapping(a), load_mapping(b)])
    assert f"{a}:4" in info.value.what and f"{b}:4" in info.value.what


def test_merge_keeps_rules_of_all_files(write_yaml):
    a = write_yaml("Vehicle.Speed:\n  type: sensor\n  datatype: float\n  dbc2vss: {signal: A}\n", "a.vspec")
    b = write_yaml(
        "Vehicle.IsMoving:\n  type: sensor\n  datatype: boolean\n  dbc2vss: {signal: B}\n", "b.vspec"
    )
    merged = merge_mappings([load_mapping(a), load_mapping(b)])
    assert [r.vss_path for r in merged.dbc2vss] == ["Vehicle.Speed", "Vehicle.IsMoving"]
    assert set(merged.nodes) == {"Vehicle.Speed", "Vehicle.IsMoving"}
    assert isinstance(merged.dbc2vss[0], Dbc2VssRule)
