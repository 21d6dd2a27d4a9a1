"""``cockpit diag scan|dtc|clear|info|flash``: vehicle diagnostics (UDS over ISO-TP, OBD-II) from the shell.

Without ``--can`` the demo car runs in-process on a private virtual bus (``--fault`` injects faults into
it); with ``--can`` the requests go to whatever ECUs are on that bus.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from vehicle_bus.diagnostics import EcuReport, ObdReport
from vehicle_bus.diagnostics.reports import DtcRecord, Seen
from vehicle_bus.diagnostics.tester import DEFAULT_TIMEOUT_S, Tester
from vehicle_bus.errors import InputError
from vehicle_bus.sources.live import open_bus

from ..simulator.diagnostics.network import CATALOG, DESCRIPTION
from ..simulator.faults import FAULTS

# What each verb does, for its --help; `cockpit diag VERB --help` lists its options.
VERBS = {
    "scan": "which ECUs answer, their software versions and DTC counts",
    "dtc": "read trouble codes with freeze frames",
    "clear": "clear every ECU's trouble codes (or --ecu's)",
    "info": "identification, live values and OBD-II (VIN, speed, 12 V, ambient, battery; 11- and 29-bit ids)",
}
# scan, dtc and info: exit status 3 when a code is confirmed or failing now (see EXIT_ACTIVE_DTC)
EXIT_ECU_PROBLEM = 1  # an ECU did not answer or refused
# Every ECU answered and at least one code is confirmed (even if repaired since: it stays until cleared, as
# the issue asks) or failing now (active or pending), by UDS or by OBD-II mode 03 (stored = confirmed).
EXIT_ACTIVE_DTC = 3
OBD_LABELS = {
    "speed_kmh": ("vehicle speed (PID 0D)", "km/h"),
    "run_time_s": ("run time since start (PID 1F)", "s"),
    "distance_since_codes_cleared_km": ("distance since codes cleared (PID 31)", "km"),
    "fuel_type_code": ("fuel type (PID 51; 8 = electric)", ""),
    "control_module_voltage_v": ("control module voltage (PID 42)", "V"),
    "ambient_temperature_c": ("ambient air temperature (PID 46)", "°C"),
    "battery_remaining_percent": ("hybrid/EV battery remaining (PID 5B)", "%"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "diag",
        help="vehicle diagnostics: scan ECUs, read or clear DTCs, ECU info (default: in-process simulator)",
        description="Without --can, the demo car runs in-process (--fault injects faults into it). "
        f"Exit status: 0 done, {EXIT_ECU_PROBLEM} an ECU did not answer or refused, 2 bad input, "
        f"{EXIT_ACTIVE_DTC} (scan, dtc, info) a trouble code is confirmed or failing now.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--can", metavar="INTERFACE[:CHANNEL]", help="the bus the ECUs are on, e.g. socketcan:can0"
    )
    common.add_argument("--bitrate", type=int, metavar="BPS")
    common.add_argument(
        "--vehicle",
        metavar="NAME|DIR",
        help="the profile whose ECU list to ask (with --can; default: the demo car's ECUs)",
    )
    common.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="NAME",
        help="inject a fault into the in-process simulator (repeatable): " + ", ".join(FAULTS),
    )
    common.add_argument(
        "--ecu", action="append", default=[], metavar="NAME", help="only this ECU (repeatable)"
    )
    common.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help=f"seconds to wait for each answer (default {DEFAULT_TIMEOUT_S:g})",
    )
    common.add_argument("--json", action="store_true", help="machine-readable output")
    verbs = p.add_subparsers(dest="action", metavar="VERB", required=True)
    for verb, summary in VERBS.items():
        v = verbs.add_parser(verb, parents=[common], help=summary, description=summary)
        v.set_defaults(handler=run)
    discover = verbs.add_parser(
        "discover",
        parents=[common],
        help="find the ECUs on a bus: TesterPresent to every 11-bit and 29-bit diagnostic address",
        description="11-bit 0x700-0x7FF (physical), then 29-bit 0x18DA__F1; about 15 s for both. "
        "Use it on a car whose ECU list you do not have.",
    )
    discover.add_argument("--only", choices=("11", "29"), help="one addressing only")
    discover.set_defaults(handler=run_discover)
    flash = verbs.add_parser(
        "flash",
        parents=[common],
        help="reprogram one ECU with a firmware image over UDS (workshop use)",
        description="Programming session, seed/key, erase, download, dependency check, reset; then the ECU's "
        "identification. An interrupted flash leaves the ECU in its bootloader: run this again.",
    )
    flash.add_argument("target", metavar="ECU")
    flash.add_argument("image", type=Path, metavar="FILE", help="a firmware image (cockpit ota firmware)")
    flash.set_defaults(handler=run_flash)


def run(args: argparse.Namespace) -> int:
    if args.can and args.fault:
        raise InputError(
            "--fault injects into the in-process simulator, which --can replaces",
            fix="Give the fault to the simulator on that bus instead: cockpit sim --can ... --fault NAME",
        )
    if not args.timeout > 0:
        raise InputError(f"--timeout must be more than 0 s, not {args.timeout:g}")
    with _tester(args) as tester:
        ecus = [tester.description.ecu(name) for name in args.ecu] or None
        if args.action == "scan":
            reports = tester.uds.scan(ecus)
        elif args.action == "dtc":
            reports = tester.uds.read_dtcs(ecus)
        elif args.action == "clear":
            reports = tester.uds.clear(ecus)
        else:
            reports = tester.uds.info(ecus)
        obd = tester.obd.read() if args.action == "info" and ecus is None else None
    if args.json:
        out: dict = {"ecus": [_json(r, args.action) for r in reports]}
        if obd is not None:
            out["obd"] = obd.to_json()
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for report in reports:
            print("\n".join(_lines(report, args.action)))
        if obd is not None:
            print("\n".join(_obd_lines(obd)))
    return exit_status(reports, obd)


def run_discover(args: argparse.Namespace) -> int:
    from vehicle_bus.diagnostics.discovery import ELEVEN_BIT, TARGETS_29

    options = {
        "ids_11": ELEVEN_BIT if args.only != "29" else (),
        "targets_29": TARGETS_29 if args.only != "11" else (),
    }
    with _tester(args) as tester:
        found = tester.discover(**options)
        named = {(e.request_id, e.extended): e.name for e in tester.description.ecus}
    if args.json:
        rows = [{**f.to_json(), "known_as": named.get((f.request_id, f.extended))} for f in found]
        json.dump({"found": rows}, sys.stdout)
        sys.stdout.write("\n")
        return 0
    for f in found:
        row = f.to_json()
        known = named.get((f.request_id, f.extended))
        name = f" = {known}" if known else ""
        print(f"{row['addressing']:6} request {row['request']} → response {row['response']}{name}")
    if not found:
        print("no ECU answered TesterPresent on any diagnostic address")
    return 0 if found else EXIT_ECU_PROBLEM


def run_flash(args: argparse.Namespace) -> int:
    from vehicle_bus.diagnostics import firmware_image
    from vehicle_bus.diagnostics.flash import flash_ecu

    try:
        data = args.image.read_bytes()
        image = firmware_image.parse(data)
    except OSError as exc:
        raise InputError(f"cannot read the image ({exc.strerror})", where=str(args.image)) from None
    except firmware_image.ImageError as exc:
        raise InputError(str(exc), where=str(args.image), fix="Make one with: cockpit ota firmware") from None
    if image.ecu.lower() != args.target.lower():
        raise InputError(f"the image is for {image.ecu}, not {args.target}", where=str(args.image))
    with _tester(args) as tester:
        ecu = tester.description.ecu(args.target)
        show = None if args.json or not sys.stderr.isatty() else _flash_progress(ecu.name)
        result = flash_ecu(tester.uds, ecu, data, show)
        info = tester.uds.info([ecu])[0] if result.ok else None
    if args.json:
        out = {"flash": result.to_json(), "ecu": info.to_json() if info else None}
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif result.ok and info is not None:
        print(f"{ecu.name}: flashed {len(data):,} bytes; now running {result.software_version}")
        print("\n".join(_lines(info, "info")))
    else:
        print(f"{ecu.name}: {result.problem}")
    return 0 if result.ok else EXIT_ECU_PROBLEM


def _flash_progress(name: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{name}: {done * 100 // total:3d} % of {total:,} bytes")
        if done >= total:
            sys.stderr.write("\n")

    return show


def exit_status(reports: list[EcuReport], obd: ObdReport | None = None) -> int:
    if any(r.problem is not None for r in reports):
        return EXIT_ECU_PROBLEM
    failing = any(r.failing_count for r in reports)
    if failing or (obd is not None and any(obd.stored_dtcs.values())):
        return EXIT_ACTIVE_DTC
    return 0


@contextmanager
def _tester(args: argparse.Namespace) -> Iterator[Tester]:
    if args.vehicle and not args.can:
        raise InputError(
            "--vehicle picks the ECU list for a real bus; the in-process demo car has its own",
            fix="Add --can INTERFACE[:CHANNEL]",
        )
    if not args.can:
        from ..simulator.diagnostics.in_process import car_on_bus  # the simulated car only without --can

        with car_on_bus(args.fault, timeout=args.timeout) as car:
            yield car.tester
        return
    tester = Tester(open_bus(args.can, args.bitrate), ecu_list(args.vehicle), CATALOG, args.timeout)
    try:
        yield tester
    finally:
        tester.close()


def ecu_list(vehicle: str | None) -> Path:
    """The diagnostic description of ``vehicle``'s profile (``[diagnostics] ecus``), else the demo car's."""
    if vehicle is None:
        return Path(DESCRIPTION)
    from ..vehicle_profile import load_profile

    profile = load_profile(vehicle)
    name = (profile.settings.get("diagnostics") or {}).get("ecus")
    if not name:
        raise InputError(
            f"the {profile.name} profile lists no diagnosable ECUs",
            where=str(profile.folder / "vehicle.toml"),
            fix="Find them with: cockpit diag discover --can INTERFACE, then add [diagnostics] ecus = FILE",
        )
    return profile.folder / str(name)


def _json(report: EcuReport, action: str) -> dict:
    out = report.to_json()
    if action == "dtc" and "dtcs" not in out:
        out["dtcs"] = None  # unknown: the ECU did not say (not the same as an empty list)
    return out


def _lines(report: EcuReport, action: str) -> list[str]:
    head = f"{report.name} ({report.address})"
    if report.problem:
        return [f"{head}: {report.problem}"]
    if action == "scan":
        versions = ", ".join(v.text for v in report.info if v.did != 0xF197)
        codes = f"{report.dtc_count} DTC{'s' if report.dtc_count != 1 else ''}"
        return [f"{head}: answers in {report.waited_s * 1000:.0f} ms; {versions}; {codes}"]
    if action == "clear":
        return [f"{head}: DTCs cleared"]
    if action == "dtc":
        if not report.dtcs:
            return [f"{head}: no DTCs"]
        return [f"{head}:", *(f"  {_dtc_line(d)}" for d in report.dtcs)]
    lines = [f"{head}: {report.description}"]
    lines += [f"  {v.name}: {v.text}" for v in report.info + report.live]
    return lines


def _dtc_line(d: DtcRecord) -> str:
    seen = ""
    if d.first_seen is not None:
        seen = f"; first seen {_seen(d.first_seen)}"
    if d.last_seen is not None and d.last_seen != d.first_seen:
        seen += f", last {_seen(d.last_seen)}"
    times = f", {d.occurrences}×" if d.occurrences else ""
    return f"{d.code}  {d.summary:<8} {d.description} (status 0x{d.status:02X}{seen}{times})"


def _seen(seen: Seen) -> str:
    when = datetime.fromtimestamp(seen.time).strftime("%Y-%m-%d %H:%M:%S") if seen.time else "?"
    return f"{when} at {seen.odometer_km:,} km" if seen.odometer_km is not None else when


def _obd_lines(obd: ObdReport) -> list[str]:
    if obd.problem:
        return [f"OBD-II: {obd.problem}"]
    lines = [f"OBD-II (answered by {', '.join(obd.responders)}):"]
    if obd.vin:
        lines.append(f"  VIN: {obd.vin}")
    for responder, pids in obd.supported_pids.items():
        lines.append(f"  supported PIDs ({responder}): {' '.join(f'{p:02X}' for p in pids)}")
    for responder, status in obd.status.items():
        ready = [n for n, m in status["monitors"].items() if m["available"] and m["complete"]]
        waiting = [n for n, m in status["monitors"].items() if m["available"] and not m["complete"]]
        mil = "ON" if status["mil"] else "off"
        lines.append(
            f"  MIL {mil}, {status['confirmed_dtcs']} confirmed ({responder}); readiness: "
            f"complete {', '.join(ready) or 'none'}; not complete {', '.join(waiting) or 'none'}"
        )
    for name, value in obd.values.items():
        label, unit = OBD_LABELS.get(name, (name, ""))
        lines.append(f"  {label}: {value:g} {unit}".rstrip())
    for kind, found in (
        ("stored", obd.stored_dtcs),
        ("pending", obd.pending_dtcs),
        ("permanent", obd.permanent_dtcs),
    ):
        for responder, codes in found.items():
            lines.append(f"  {kind} DTCs ({responder}): {', '.join(codes) or 'none'}")
    for responder, frame in obd.freeze_frame.items():
        values = ", ".join(
            f"{OBD_LABELS.get(n, (n, ''))[0]} {v:g} {OBD_LABELS.get(n, (n, ''))[1]}".rstrip()
            for n, v in frame["values"].items()
        )
        lines.append(f"  freeze frame ({responder}, {frame['dtc']}): {values}")
    return lines
