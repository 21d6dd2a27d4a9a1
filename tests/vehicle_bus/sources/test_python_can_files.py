"""Our reader path against python-can's own reader test files (from its source distribution).

``LogFile`` + ``frame_record``, and ``cockpit decode --raw`` which prints them: every file ``can.LogReader``
reads must come out frame for frame the same (count, time stamps, channel, id, flags, DLC, data), and
every file it cannot read must be refused with one line and exit status 2.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import can
import pytest

from cockpit.cli.main import main
from vehicle_bus.sources.candump import CandumpReader
from vehicle_bus.sources.logfile import LogFile
from vehicle_bus.sources.raw_frames import frame_record


def _python_can_frames(path: Path) -> list[dict] | Exception:
    try:
        with can.LogReader(path) as reader:
            return [frame_record(msg) for msg in reader]
    except Exception as exc:
        return exc


def test_reads_like_can_logreader(python_can_test_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = _python_can_frames(python_can_test_file)
    code = main(["decode", str(python_can_test_file), "--raw"])
    out, err = capsys.readouterr()
    if isinstance(expected, Exception):
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and python_can_test_file.name in err
        return
    log = LogFile(python_can_test_file)
    got = [frame_record(msg) for msg in log]
    assert log.report.summary() is None, log.report.summary()
    assert len(got) == len(expected)
    assert got == expected
    # What `cockpit decode --raw` prints is the same, through JSON.
    assert code == 0 and err == ""
    assert [json.loads(line) for line in out.splitlines()] == json.loads(json.dumps(expected))


def _example_messages(sdist: Path) -> list[can.Message]:
    """python-can's own example frames (test/data/example_data.py), as its log format tests use them."""
    spec = importlib.util.spec_from_file_location("_pycan_example_data", sdist / "test/data/example_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.TEST_ALL_MESSAGES)


def test_candump_reader_matches_python_can_on_its_example_frames(
    python_can_sdist: Path, tmp_path: Path
) -> None:
    """candump -L is the one text format read by our own reader: python-can writes its example frames
    (classic, extended, remote, error, CAN FD with BRS/ESI) and both readers must agree on every field,
    except one choice of ours: python-can drops the channel of an error frame, we keep the interface it was
    logged on (so ``--channel`` keeps a bus's error frames; docs/architecture.md)."""
    path = tmp_path / "examples.log"
    with can.CanutilsLogWriter(path, channel="vcan0") as writer:
        for msg in _example_messages(python_can_sdist):
            writer.on_message_received(msg)
    expected = _python_can_frames(path)
    assert not isinstance(expected, Exception)
    with path.open() as fh:
        reader = CandumpReader(fh)
        got = [frame_record(msg) for msg in reader]
    assert reader.bad_line_count == 0
    assert len(got) == len(expected) > 10
    errors = 0
    for want, have in zip(expected, got, strict=True):
        if want["error"]:
            errors += 1
            assert want["channel"] is None and have["channel"] == "vcan0"
            want = {**want, "channel": "vcan0"}
        assert have == want
    assert errors == 3
