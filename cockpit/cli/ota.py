"""``cockpit ota keys|publish|firmware|update|status``: signed over-the-air updates.

The repository side (``keys init``, ``keys rotate``, ``publish``, ``firmware``) runs where the offline
keys are; ``update`` and ``status`` run in the car. Without ``--can`` the update talks to the in-process
simulated car (its ECUs are flashed over UDS on a private virtual bus).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from vehicle_bus.errors import InputError

from ..ota.paths import default_state_dir

if TYPE_CHECKING:
    from ..ota.car import DiagnosticVehicle
    from ..ota.client import UpdateReport

EXIT_REFUSED = 1  # something was refused or failed; nothing of it was installed
EXIT_WAITING = 4  # updates are ready but the car is not in a state to install them (not parked, low SoC)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ota",
        help="signed over-the-air updates: keys, publish, update the car",
        description="TUF-signed updates for head-unit content (A/B slots) and ECU firmware (UDS flashing). "
        f"Exit status: 0 done or up to date, {EXIT_REFUSED} something was refused or failed "
        f"(nothing of it installed), 2 bad input, {EXIT_WAITING} updates wait for the car to be parked "
        "and charged.",
    )
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)

    keys = verbs.add_parser("keys", help="create or rotate the repository's offline signing keys")
    key_verbs = keys.add_subparsers(dest="keys_verb", metavar="VERB", required=True)
    init = key_verbs.add_parser("init", help="new root/targets/snapshot/timestamp keys in DIR")
    init.add_argument("dir", type=Path, metavar="DIR")
    init.add_argument("--force", action="store_true", help="replace keys that exist (old metadata dies)")
    init.add_argument("--json", action="store_true", help="machine-readable output")
    init.set_defaults(handler=keys_init)
    rotate = key_verbs.add_parser("rotate", help="replace (and revoke) one role's key in a new root")
    rotate.add_argument("role", choices=("root", "targets", "snapshot", "timestamp"))
    rotate.add_argument("--repo", type=Path, required=True, metavar="DIR")
    rotate.add_argument("--keys", type=Path, required=True, metavar="DIR")
    rotate.add_argument("--json", action="store_true", help="machine-readable output")
    rotate.set_defaults(handler=keys_rotate)

    publish = verbs.add_parser("publish", help="add artifacts to a repository and sign fresh metadata")
    publish.add_argument("artifacts", nargs="+", type=Path, metavar="ARTIFACT")
    publish.add_argument("--repo", type=Path, required=True, metavar="DIR")
    publish.add_argument("--keys", type=Path, required=True, metavar="DIR")
    publish.add_argument("--version", help="version of content bundles (default: the repository's counter)")
    publish.add_argument("--notes", type=Path, metavar="FILE", help="release notes shown in the car")
    publish.add_argument("--json", action="store_true", help="machine-readable output")
    publish.set_defaults(handler=publish_artifacts)

    fw = verbs.add_parser(
        "firmware", help="pack a firmware image for an ECU (header: ECU, hardware, version)"
    )
    fw.add_argument("payload", type=Path, metavar="PAYLOAD", help="the binary to flash")
    fw.add_argument("--ecu", required=True)
    fw.add_argument("--hardware-id", required=True, metavar="HW")
    fw.add_argument("--version", required=True)
    fw.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    fw.add_argument("--json", action="store_true", help="machine-readable output")
    fw.set_defaults(handler=pack_firmware)

    update = verbs.add_parser("update", help="check a repository, download, verify and install when safe")
    update.add_argument("--repo", required=True, metavar="DIR|URL")
    update.add_argument("--root", type=Path, metavar="ROOT.json", help="trust this root (first update only)")
    update.add_argument("--state", type=Path, metavar="DIR", help="the car's OTA folder (default: user data)")
    update.add_argument("--check", action="store_true", help="only show what is new; install nothing")
    update.add_argument("--min-soc", type=float, default=None, metavar="PERCENT")
    update.add_argument(
        "--can", metavar="INTERFACE[:CHANNEL]", help="the car's diagnostic bus (default: simulated)"
    )
    update.add_argument("--soc", type=float, metavar="PERCENT", help="simulated car: battery charge")
    update.add_argument("--charge", metavar="AC|DC", help="simulated car: plugged in and charging")
    update.add_argument("--fault", action="append", default=[], metavar="NAME", help="simulated car: a fault")
    update.add_argument("--json", action="store_true", help="machine-readable output")
    update.set_defaults(handler=run_update)

    status = verbs.add_parser("status", help="the content slots: active, on trial, last rollback")
    status.add_argument("--state", type=Path, metavar="DIR")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=show_status)


def keys_init(args: argparse.Namespace) -> int:
    from ..ota.keys import init_keys, private_path

    ids = init_keys(args.dir, force=args.force)
    if args.json:
        return _print_json(
            {"keys": {r: {"keyid": k, "private": str(private_path(args.dir, r))} for r, k in ids.items()}}
        )
    for role, keyid in ids.items():
        print(f"{role:9} {keyid[:16]}…  {private_path(args.dir, role)} (mode 600)")
    print("Keep this folder offline; publish with: cockpit ota publish --repo REPO --keys " + str(args.dir))
    return 0


def keys_rotate(args: argparse.Namespace) -> int:
    from ..ota.repository import Repository

    repo = Repository(args.repo, args.keys)
    if not repo.exists():
        raise InputError("no repository here", where=str(args.repo), fix="Publish something first")
    keyid = repo.rotate(args.role)
    root = repo.load("root").signed.version
    if args.json:
        return _print_json({"role": args.role, "keyid": keyid, "root_version": root})
    print(f"{args.role} key replaced by {keyid[:16]}…; the old one is revoked in root version {root}")
    return 0


def publish_artifacts(args: argparse.Namespace) -> int:
    from ..ota.repository import Repository

    notes = None
    if args.notes is not None:
        try:
            notes = args.notes.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the notes ({exc})", where=str(args.notes)) from None
    repo = Repository(args.repo, args.keys)
    published = repo.add(args.artifacts, version=args.version, notes=notes)
    version = repo.load("targets").signed.version
    if args.json:
        out = {"targets_version": version, "published": [p.__dict__ for p in published]}
        json.dump(out, sys.stdout)
        sys.stdout.write("\n")
        return 0
    for p in published:
        c = p.custom
        if "ecu" in c:
            what = f"{c['ecu']} firmware for hardware {c['hardware_id']}"
        else:
            what = f"content bundle ({', '.join(c['contents']) or 'nothing the head unit reads'})"
        print(f"{p.name}: {what}, version {c['version']}, {p.length:,} bytes")
        if "ecu" not in c and not c["contents"]:
            print(
                f"cockpit: warning: {p.name} holds no vehicle profile (vehicle.toml), map (.navmap.npz, "
                ".osm.pbf), voice model or intents/LANG.yaml: cars install it and use nothing of it",
                file=sys.stderr,
            )
    print(f"signed targets version {version}; first-time cars trust {args.repo / 'metadata' / '1.root.json'}")
    return 0


def pack_firmware(args: argparse.Namespace) -> int:
    from vehicle_bus.diagnostics.firmware_image import FirmwareImage

    try:
        payload = args.payload.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the payload ({exc.strerror})", where=str(args.payload)) from None
    image = FirmwareImage(args.ecu, args.hardware_id, args.version, payload)
    args.output.write_bytes(image.to_bytes())
    if args.json:
        fields = {"ecu": args.ecu, "hardware_id": args.hardware_id, "version": args.version}
        return _print_json({"image": str(args.output), **fields, "payload_length": len(payload)})
    print(f"{args.output}: {args.ecu} {args.version} for hardware {args.hardware_id}, {len(payload):,} bytes")
    return 0


def _print_json(data: dict) -> int:
    json.dump(data, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def run_update(args: argparse.Namespace) -> int:
    from ..ota.client import NoTrustedRootError, OtaClient
    from ..ota.policy import Policy

    state_dir = args.state or default_state_dir()
    if args.root is not None and not args.root.is_file():
        raise InputError("no such root metadata file", where=str(args.root))
    try:
        client = OtaClient(state_dir, args.repo, args.root)
    except NoTrustedRootError as exc:
        raise InputError(str(exc)) from None
    policy = Policy() if args.min_soc is None else Policy(min_soc=args.min_soc)
    progress = _progress_printer(args.json)
    with _vehicle(args) as vehicle:
        report = client.update(vehicle, policy, install=not args.check, progress=progress)
    if args.json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print("\n".join(update_lines(report)))
    if report.problem is not None or any(o.refusal for o in report.offers):
        return EXIT_REFUSED
    return EXIT_WAITING if report.waiting_for else 0


def update_lines(report: UpdateReport) -> list[str]:
    if report.problem is not None:
        return [f"update refused: {report.problem.reason}"]
    lines = []
    for o in report.offers:
        what = f"{o.ecu} firmware" if o.ecu else "content"
        if o.contents:
            what += f" ({', '.join(o.contents)})"
        have = f" (installed {o.installed})" if o.installed else ""
        state = "up to date" if not o.new and o.refusal is None else "new"
        if o.refusal is not None:
            state = f"REFUSED [{o.refusal.code}]: {o.refusal.reason}"
        elif o.name in report.installed:
            state = "installed"
        lines.append(f"{o.name}: {what} {o.version}{have}, {o.length:,} bytes — {state}")
        if o.notes and o.new:
            lines.append(f"    notes: {o.notes}")
    if not report.offers:
        lines.append("the repository offers nothing")
    for reason in report.waiting_for:
        lines.append(f"waiting: {reason}")
    if any(o.kind == "content" and o.name in report.installed for o in report.offers):
        lines.append(
            "new content is active on trial; it is checked at the next start and rolled back if broken"
        )
    return lines


def _progress_printer(quiet: bool) -> Callable[[str, int, int], None] | None:
    from .progress import terminal_bar, wants_bar

    if not wants_bar(json=quiet):
        return None
    bars: dict = {}

    def progress(name: str, done: int, total: int) -> None:
        bar = bars.get(name)
        if bar is None:
            bar = bars[name] = terminal_bar(total, name, "B", unit_scale=True)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return progress


@contextmanager
def _vehicle(args: argparse.Namespace) -> Iterator[DiagnosticVehicle]:
    """The car the update is for: the in-process simulated car, or the ECUs on ``--can``."""
    from ..ota.car import DiagnosticVehicle
    from ..ota.policy import Conditions

    if args.can:
        if args.fault or args.soc is not None or args.charge:
            raise InputError("--fault, --soc and --charge are for the simulated car, which --can replaces")
        from vehicle_bus.diagnostics.tester import Tester
        from vehicle_bus.sources.live import open_bus

        from ..simulator.diagnostics.network import CATALOG, DESCRIPTION

        tester = Tester(open_bus(args.can), DESCRIPTION, CATALOG)
        try:
            # A bare bus gives no gear or charge: the policy waits (the head unit's panel reads its store).
            yield DiagnosticVehicle(tester, lambda dtcs: Conditions(False, None, False, dtcs, "unknown"))
        finally:
            tester.close()
        return
    from ..simulator.diagnostics.in_process import car_on_bus

    with car_on_bus(args.fault, soc=args.soc, charge=args.charge) as car:
        sim = car.simulation.car

        def conditions(dtcs: tuple[str, ...]) -> Conditions:
            charging = sim.charging.state == "CHARGING"
            return Conditions(sim.gear == "P", sim.battery.state.soc, charging, dtcs, sim.gear)

        yield DiagnosticVehicle(car.tester, conditions)


def show_status(args: argparse.Namespace) -> int:
    from ..ota.content import InstalledContent
    from ..ota.slots import Slots

    state_dir = args.state or default_state_dir()
    slots = Slots(state_dir / "content")
    boot = slots.boot()
    state = slots.state()
    kinds = InstalledContent.active(state_dir).kinds()
    out = {
        "active": boot.active,
        "confirmed_now": boot.confirmed,
        "rolled_back_now": boot.rolled_back,
        "last_rollback": state.get("last_rollback"),
        "content": slots.installed_versions(),
        "used_as": kinds,
    }
    if args.json:
        json.dump(out, sys.stdout)
        sys.stdout.write("\n")
        return 0
    print(f"active slot: {boot.active}")
    for name, version in out["content"].items():
        used = ", ".join(kinds.get(name, [])) or "nothing the head unit reads"
        print(f"  {name} {version}: {used}")
    if boot.confirmed:
        print("the new content passed its health check and is kept")
    if boot.rolled_back:
        print(f"ROLLED BACK: {boot.rolled_back}; the car runs the previous content. Install the update again")
    elif state.get("last_rollback"):
        print(f"last rollback: {state['last_rollback']}")
    return 0
