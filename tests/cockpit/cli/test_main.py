"""The ``cockpit`` entry point: the command table, start-up imports, ``-v`` anywhere, the default command."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit.cli import main as main_module
from cockpit.cli.main import COMMANDS, main

REPO = Path(__file__).resolve().parents[3]
HEAVY = ("PySide6", "scipy", "numpy", "cockpit.navigation", "voice", "asammdf", "pyqtgraph", "osmium")

# Runs main() in a fresh interpreter and reports what it imported.
PROBE = """
import contextlib, io, json, sys
from cockpit.cli.main import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def probe(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def imported(result: dict, name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in result["modules"])


def test_help_lists_every_command_with_its_summary_and_imports_none() -> None:
    result = probe("--help")
    assert result["code"] == 0
    for name, info in COMMANDS.items():
        assert name in result["out"]
        assert info.summary.split()[0] in result["out"]
    own = {f"cockpit.cli.{info.module}" for info in COMMANDS.values()}
    assert not own & set(result["modules"])
    assert not [m for m in ("can", "cantools", *HEAVY) if imported(result, m)]


@pytest.mark.parametrize(
    ("command", "needed", "not_needed"),
    [
        # main's decode imports python-can only when it reads a log (after the merge with cli-fast)
        ("decode", (), ("cantools", *HEAVY)),
        ("route", ("cockpit.navigation", "scipy"), ("can", "cantools", "PySide6", "voice", "osmium")),
        ("voice", ("voice",), ("can", "cantools", "PySide6", "scipy", "cockpit.navigation")),
        ("map", ("cockpit.navigation",), ("can", "cantools", "PySide6", "voice", "osmium")),
        ("diag", ("udsoncan", "isotp"), ("PySide6", "voice", "scipy")),
    ],
)
def test_a_command_imports_its_own_module_only(command: str, needed: tuple, not_needed: tuple) -> None:
    result = probe(command, "--help")
    assert result["code"] == 0 and f"usage: cockpit {command}" in result["out"]
    others = {f"cockpit.cli.{i.module}" for name, i in COMMANDS.items() if name != command}
    assert not others & set(result["modules"])
    assert all(imported(result, m) for m in needed)
    assert not [m for m in not_needed if imported(result, m)]


def test_mf4_logs_still_work_when_asammdf_is_left_out_of_start_up(tmp_path: Path) -> None:
    pytest.importorskip("asammdf")
    log = tmp_path / "drive.mf4"
    recorded = probe("sim", "--fast", "--duration", "3", "--record", str(log), "--quiet")
    assert recorded["code"] == 0 and log.stat().st_size > 0
    decoded = probe("decode", str(log), "--signals", "Vehicle.Speed")
    assert decoded["code"] == 0 and imported(decoded, "asammdf")  # loaded when the MF4 file was opened
    speeds = [json.loads(line)["value"] for line in decoded["out"].splitlines()]
    assert speeds and speeds[0] == 0


@pytest.fixture
def seen_args(monkeypatch: pytest.MonkeyPatch) -> list[argparse.Namespace]:
    """Every command's handler replaced by one that records its arguments (register binds it late)."""
    seen: list[argparse.Namespace] = []

    def record(args: argparse.Namespace) -> int:
        seen.append(args)
        return 0

    for module, name in [("run", "run"), ("route", "run"), ("diag", "run"), ("map", "run_search")]:
        monkeypatch.setattr(f"cockpit.cli.{module}.{name}", record)
    return seen


def test_no_command_means_run_and_v_stays_in_front(seen_args: list[argparse.Namespace]) -> None:
    assert main(["-v", "--size", "800x480"]) == 0
    assert main(["--size", "800x480"]) == 0
    assert [(a.command, a.size, a.verbose) for a in seen_args] == [
        ("run", (800, 480), True),
        ("run", (800, 480), False),
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["-v", "route", "--from", "a", "--to", "b"],
        ["route", "-v", "--from", "a", "--to", "b"],
        ["route", "--from", "a", "--to", "b", "--verbose"],
        ["diag", "-v", "dtc"],
        ["diag", "dtc", "--json", "-v"],
        ["map", "search", "fuel", "-v"],
        ["--size", "800x480", "-v"],
    ],
)
def test_v_is_accepted_anywhere_on_the_line(seen_args: list[argparse.Namespace], argv: list[str]) -> None:
    assert main(argv) == 0
    assert seen_args[-1].verbose is True


def test_without_v_nothing_is_verbose(seen_args: list[argparse.Namespace]) -> None:
    assert main(["diag", "scan"]) == 0
    assert seen_args[-1].verbose is False and seen_args[-1].action == "scan"


@pytest.mark.parametrize("command", [c for c in COMMANDS if c not in ("run", "install-service", "decode")])
def test_every_command_that_prints_results_takes_json(command: str) -> None:
    parser = main_module.build_parser(command)
    leaves = _leaf_parsers(parser._subparsers._group_actions[0].choices[command])
    # Services that run until stopped print no result: the fleet simulator and the Home Assistant bridge.
    leaves = [p for p in leaves if p.prog not in ("cockpit fleet sim", "cockpit fleet ha-bridge")]
    assert leaves and all("--json" in p._option_string_actions for p in leaves), command


def _leaf_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [parser]
    return [leaf for child in subs[0].choices.values() for leaf in _leaf_parsers(child)]


def test_a_mistyped_command_is_one_line_with_the_nearest_name(capsys) -> None:
    assert main(["-v", "decod", "drive.log"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cockpit: unknown command 'decod'. Did you mean decode? Commands: run, sim, decode")
    assert len(err.strip().splitlines()) == 1
