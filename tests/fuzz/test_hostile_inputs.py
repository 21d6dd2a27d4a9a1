"""Property-based fuzzing of everything a user hands the product: mappings, DBCs, logs, command values.

The property is the product's error rule: bad input ends as one :class:`InputError` line (or is read
around, counted and reported), never as another exception. Examples are bounded so the file runs in a few
seconds in CI; the named hostile inputs of issue 23 are pinned as explicit examples.
"""

from __future__ import annotations

import itertools
import json
import math
import tempfile
from pathlib import Path
from types import SimpleNamespace

import can
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cockpit.catalog import load_catalog
from cockpit.cli.command import parse_target
from cockpit.commands import FUNCTIONS, Command, CommandError
from cockpit.commands.values import check_delta, check_value
from cockpit.mapping_check import check_mapping
from cockpit.vehicle_data import load_vehicle_data
from vehicle_bus.errors import InputError
from vehicle_bus.mapping import load_mapping
from vehicle_bus.sources.logfile import LogFile

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)


# One folder for every example (Hypothesis runs examples outside pytest's tmp_path), removed at exit.
_FOLDER = tempfile.TemporaryDirectory(prefix="cockpit-fuzz-")
_COUNT = itertools.count()


def _write(suffix: str, content: str | bytes) -> Path:
    path = Path(_FOLDER.name) / f"input{next(_COUNT)}{suffix}"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    return path


# -- mappings ---------------------------------------------------------------------------------------------
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["sensor", "actuator", "branch", "float", "uint8", "x/0", "log(0)", "Vehicle.Speed"]),
)
keys = st.sampled_from(
    [
        "type",
        "datatype",
        "children",
        "dbc2vss",
        "vss2dbc",
        "signal",
        "interval_ms",
        "on_change",
        "transform",
        "math",
        "mapping",
        "from",
        "to",
        "Vehicle",
        "Speed",
        "unit",
        "min",
        "max",
    ]
) | st.text(max_size=8)
trees = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=30,
)

DEEP_JSON = '{"Vehicle": ' * 3000 + "{}" + "}" * 3000


@FUZZ
@given(tree=trees, as_yaml=st.booleans())
@example(
    tree={
        "Vehicle": {
            "type": "branch",
            "children": {
                "Speed": {
                    "type": "sensor",
                    "datatype": "float",
                    "dbc2vss": {"signal": "S", "transform": {"math": "x/0"}},
                }
            },
        }
    },
    as_yaml=False,
)
def test_mapping_loader_gives_a_mapping_or_one_line(tree: object, as_yaml: bool) -> None:
    import yaml

    text = yaml.safe_dump(tree) if as_yaml else json.dumps(tree, allow_nan=True)
    path = _write(".vspec" if as_yaml else ".json", text)
    try:
        load_mapping(path)
    except InputError as exc:
        assert "\n" not in exc.line()


@pytest.mark.parametrize(
    ("suffix", "text"),
    [(".json", DEEP_JSON), (".json", "[" * 3000 + "]" * 3000), (".vspec", "a: " + "[" * 3000 + "]" * 3000)],
)
def test_deeply_nested_mapping_is_one_line(suffix: str, text: str) -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        load_mapping(_write(suffix, text))


# -- DBCs (with a mapping, decoded) -----------------------------------------------------------------------
numbers = st.one_of(
    st.integers(min_value=-70, max_value=600).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["1e308", "-1e308", "1E-320", "0", "-0", "1e309"]),
)
signal_lines = st.builds(
    lambda start, length, order, sign, factor, offset, low, high: (
        f' SG_ S : {start}|{length}@{order}{sign} ({factor},{offset}) [{low}|{high}] "u" ECU'
    ),
    numbers,
    numbers,
    st.sampled_from(["0", "1", "2"]),
    st.sampled_from(["+", "-"]),
    numbers,
    numbers,
    numbers,
    numbers,
)
MAPPING = """Vehicle.Speed:
  type: sensor
  datatype: float
  dbc2vss:
    signal: S
    interval_ms: 0
    transform:
      math: "{math}"
"""


@FUZZ
@given(
    signal=signal_lines,
    size=st.integers(min_value=-2, max_value=70),
    math_expr=st.sampled_from(["x", "x/0", "log(x)", "x*1e308", "sqrt(x)", "floor(x)"]),
    frames=st.lists(st.binary(max_size=70), max_size=5),
    junk=st.text(max_size=30),
)
@example(
    signal=' SG_ S : -4|16@1+ (0.01,0) [0|300] "u" ECU', size=8, math_expr="x", frames=[b"\xff" * 8], junk=""
)
@example(
    signal=' SG_ S : 0|16@1+ (1e308,0) [0|300] "u" ECU', size=8, math_expr="x", frames=[b"\xff" * 8], junk=""
)
def test_dbc_and_mapping_load_check_and_decode_or_say_why(
    signal: str, size: int, math_expr: str, frames: list[bytes], junk: str
) -> None:
    dbc = _write(".dbc", f'VERSION ""\nBS_:\nBU_: ECU\nBO_ 256 M: {size} ECU\n{signal}\n{junk}\n')
    mapping = _write(".vspec", MAPPING.format(math=math_expr))
    try:
        vehicle = load_vehicle_data(None, (dbc,), (mapping,))
    except InputError as exc:
        assert "\n" not in exc.line()
        return
    check_mapping(vehicle.mapping, vehicle.database.db, load_catalog())
    decoder = vehicle.decoder()
    values: list[object] = []
    for k, data in enumerate(frames):
        decoder.feed(256, data, float(k), lambda path, value, t: values.append(value))
    assert all(not isinstance(v, float) or math.isfinite(v) for v in values)


# -- log readers ------------------------------------------------------------------------------------------
def _valid_log(suffix: str) -> bytes:
    path = _write(suffix, b"")
    with can.Logger(str(path)) as out:
        for k in range(50):
            out.on_message_received(can.Message(timestamp=k * 0.01, arbitration_id=k, data=bytes([k] * 8)))
    return path.read_bytes()


LOG_SUFFIXES = [".asc", ".blf", ".log", ".trc", ".csv", ".mf4"]
VALID = {suffix: _valid_log(suffix) for suffix in LOG_SUFFIXES}


@FUZZ
@given(
    suffix=st.sampled_from([*LOG_SUFFIXES, ".gvret"]),
    cut=st.floats(min_value=0, max_value=1),
    flips=st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 255)), max_size=12),
    tail=st.binary(max_size=40),
)
def test_log_readers_read_around_damage_or_say_why(
    capfd: pytest.CaptureFixture[str], suffix: str, cut: float, flips: list[tuple[float, int]], tail: bytes
) -> None:
    data = bytearray(VALID.get(suffix, VALID[".csv"]))
    for where, value in flips:
        data[min(len(data) - 1, int(where * len(data)))] = value
    data = data[: max(1, int(cut * len(data)))] + tail
    path = _write(suffix, bytes(data))
    try:
        log = LogFile(path)
    except InputError as exc:
        assert "\n" not in exc.line()
        return
    frames = list(log)  # must not raise: damage ends the read, with a reason in the report
    assert log.report.frames == len(frames)
    assert "Traceback" not in capfd.readouterr().err  # asammdf prints its own on a corrupt MF4


# -- command values ---------------------------------------------------------------------------------------
# parse_target reads session.vehicle.mapping.nodes only for VSS paths.
NO_SESSION = SimpleNamespace(vehicle=SimpleNamespace(mapping=SimpleNamespace(nodes={})))


@FUZZ
@given(
    function=st.sampled_from(sorted(FUNCTIONS)),
    raw=st.text(min_size=1, max_size=12)
    | st.sampled_from(["nan", "inf", "-inf", "1e309", "-1e9", "２３", "-0", "+0", "1_0", "٣"]),
)
def test_command_values_are_a_checked_value_or_one_line(function: str, raw: str) -> None:
    try:
        target = parse_target(f"{function}={raw}", NO_SESSION)  # type: ignore[arg-type]
        command: Command = target.command
        spec = FUNCTIONS[function]
        value = (
            check_value(spec, command.value) if command.delta is None else check_delta(spec, command.delta)
        )
    except (CommandError, InputError) as exc:
        assert "\n" not in exc.line()
        return
    assert not isinstance(value, float) or math.isfinite(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and command.delta is None:
        assert spec.minimum <= value <= spec.maximum
    assert raw.strip().isascii()
