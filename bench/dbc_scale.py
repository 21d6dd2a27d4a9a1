"""Benchmark: loading and checking a DBC of 20,000 messages (``cockpit mapping check``), target ≤ 5 s.

A generated DBC (``--messages`` messages of 4 signals each, with value tables on some) and a mapping of 50
VSS paths onto it are written to a temporary folder; then, in this one process:

* ``cantools_load_s``: cantools' own ``load_file`` of the DBC (the reference, measured in the same run);
* ``load_s``: our tolerant loader (:func:`vehicle_bus.dbc.load_databases`: repairs, overlap warnings);
* ``check_s``: the whole ``cockpit mapping check`` (load DBC and mapping, bind, every check);
* ``ratio``: ``check_s / cantools_load_s``;
* the same three as CPU seconds of this process (``*_cpu_s``), which a machine shared with other work
  inflates less than wall time;
* ``import_s``: importing the CLI's modules first (not part of ``check_s``; start-up has its own bench).

One JSON line. Run: ``python -m bench.dbc_scale [--messages 20000]``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import tempfile
import time
from pathlib import Path

MAPPED = 50


def write_dbc(path: Path, messages: int) -> None:
    lines = ['VERSION ""', "", "NS_ :", "", "BS_:", "", "BU_: ECU GW", ""]
    values = []
    for m in range(messages):
        frame_id = 0x100 + m if m < 0x700 else (0x80000000 | (0x10000 + m))
        lines.append(f"BO_ {frame_id} Msg{m}: 8 ECU")
        lines.append(f' SG_ Speed{m} : 0|16@1+ (0.01,0) [0|655.35] "km/h" GW')
        lines.append(f' SG_ Temp{m} : 16|8@1- (0.5,-40) [-100|100] "degC" GW')
        lines.append(f' SG_ State{m} : 24|4@1+ (1,0) [0|15] "" GW')
        lines.append(f' SG_ Counter{m} : 60|4@1+ (1,0) [0|15] "" GW')
        lines.append("")
        if m % 10 == 0:
            values.append(f'VAL_ {frame_id} State{m} 0 "OFF" 1 "ON" 2 "ERROR" ;')
    path.write_text("\n".join(lines + values) + "\n", encoding="utf-8")


def write_mapping(path: Path, messages: int) -> None:
    entries = []
    for k in range(MAPPED):
        m = k * (messages // MAPPED)
        entries.append(
            f"Vehicle.SmartCockpit.Bench.Speed{k}:\n  type: sensor\n  datatype: float\n"
            f"  dbc2vss:\n    signal: Speed{m}\n    interval_ms: 100\n"
            f'    transform:\n      math: "x * 3.6 / 3.6"\n'
        )
    path.write_text("".join(entries), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--messages", type=int, default=20_000)
    args = p.parse_args(argv)
    start = time.perf_counter()
    import cantools

    from cockpit.cli.main import build_parser
    from cockpit.cli.main import main as cockpit

    build_parser()  # the modules `mapping check` imports, so check_s is the work, not Python's imports
    import_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        dbc, mapping = Path(tmp) / "big.dbc", Path(tmp) / "big.vspec"
        write_dbc(dbc, args.messages)
        write_mapping(mapping, args.messages)
        start, cpu = time.perf_counter(), time.process_time()
        cantools.database.load_file(str(dbc), strict=False)
        reference, reference_cpu = time.perf_counter() - start, time.process_time() - cpu

        from vehicle_bus.dbc import load_databases

        start, cpu = time.perf_counter(), time.process_time()
        loaded = load_databases([dbc])
        load_s, load_cpu = time.perf_counter() - start, time.process_time() - cpu

        out = io.StringIO()
        start, cpu = time.perf_counter(), time.process_time()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = cockpit(["mapping", "check", "--dbc", str(dbc), "--mapping", str(mapping), "--json"])
        check_s, check_cpu = time.perf_counter() - start, time.process_time() - cpu
    report = json.loads(out.getvalue())
    result = {
        "bench": "dbc_scale",
        "messages": args.messages,
        "cantools_load_s": round(reference, 2),
        "load_s": round(load_s, 2),
        "check_s": round(check_s, 2),
        "import_s": round(import_s, 2),
        "ratio": round(check_s / reference, 2),
        "cantools_load_cpu_s": round(reference_cpu, 2),
        "load_cpu_s": round(load_cpu, 2),
        "check_cpu_s": round(check_cpu, 2),
        "check_exit": code,
        "errors": len(report["errors"]),
        "warnings": len(loaded.warnings) + len(report["warnings"]),
    }
    print(json.dumps(result))
    return 0 if check_s <= 5.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
