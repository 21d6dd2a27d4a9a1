"""Each attack on the update path is refused with its reason, and nothing is installed or flashed."""

import http.server
import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata
from tuf.api.serialization.json import JSONSerializer

from cockpit.ota.client import OtaClient, UpdateReport
from cockpit.ota.keys import load_signer

from .conftest import FakeCar, Setup, bundle, firmware


def nothing_installed(
    client: OtaClient, car: FakeCar, report: UpdateReport, before: dict | None = None
) -> None:
    """Nothing flashed, no slot switched (``before``: the slots' state before the update, if any)."""
    assert report.installed == [] and car.flashed == []
    if before is None:
        assert not client.slots.boot_file.exists()
    else:
        assert client.slots.state() == before


def flip_a_byte(path: Path) -> None:
    """The same length, one byte different: what a compromised mirror would serve."""
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def refusal(report: UpdateReport, name: str):
    return next(o.refusal for o in report.offers if o.name == name)


def test_a_tampered_artifact_is_dropped(published: Setup) -> None:
    flip_a_byte(published.repo.dir / "targets" / "maps.tar.gz")
    client, car = published.client(), FakeCar(versions={})
    report = client.update(car)
    r = refusal(report, "maps.tar.gz")
    assert r.code == "tampered" and "does not match its signed hash" in r.reason
    assert report.installed == ["bms.img"] or "maps.tar.gz" not in report.installed
    assert not client.slots.current.exists()
    assert not (client.downloads / "maps.tar.gz.part").exists()


def test_replayed_older_metadata_is_a_rollback(published: Setup) -> None:
    old = published.work / "old-metadata"
    shutil.copytree(published.repo.metadata_dir, old)
    published.repo.add([bundle(published.work / "v2.tar", {"x": b"2"})])
    published.client().update(FakeCar())  # the car has seen the newer state
    shutil.rmtree(published.repo.metadata_dir)
    shutil.copytree(old, published.repo.metadata_dir)
    client, car = published.client(), FakeCar()
    before = client.slots.state()
    report = client.update(car)
    assert report.problem is not None and report.problem.code == "rollback"
    assert "older metadata than this car has already seen" in report.problem.reason
    nothing_installed(client, car, report, before)


def test_an_older_firmware_version_is_never_installed(setup: Setup) -> None:
    setup.repo.add([firmware(setup.work / "bms-old.img", version="3.8.0")])
    client, car = setup.client(), FakeCar()
    report = client.update(car)
    r = refusal(report, "bms-old.img")
    assert r.code == "rollback" and "3.8.0 is older than the installed 3.9.1" in r.reason
    nothing_installed(client, car, report)


def test_expired_metadata_is_a_freeze(published: Setup) -> None:
    published.repo.resign_timestamp(lifetime=timedelta(seconds=-60))
    client, car = published.client(), FakeCar()
    report = client.update(car)
    assert report.problem is not None and report.problem.code == "expired"
    assert "frozen" in report.problem.reason
    nothing_installed(client, car, report)


def _resign_timestamp_with(repo_dir: Path, signer: CryptoSigner) -> None:
    path = repo_dir / "metadata" / "timestamp.json"
    md = Metadata.from_file(str(path))
    md.signed.version += 1
    md.signatures.clear()
    md.sign(signer)
    md.to_file(str(path), JSONSerializer())


def test_metadata_signed_by_a_key_root_does_not_list_is_refused(published: Setup) -> None:
    _resign_timestamp_with(published.repo.dir, CryptoSigner.generate_ed25519())
    client, car = published.client(), FakeCar()
    report = client.update(car)
    assert report.problem is not None and report.problem.code == "bad-signature"
    assert "not signed by the keys this car trusts" in report.problem.reason
    nothing_installed(client, car, report)


def test_a_revoked_key_is_refused_after_rotation_and_the_new_one_works(published: Setup) -> None:
    client = published.client()
    client.update(FakeCar(versions={}))
    stolen = load_signer(published.keys, "timestamp")
    published.repo.rotate("timestamp")
    published.repo.add([bundle(published.work / "v3.tar", {"x": b"3"})])
    _resign_timestamp_with(published.repo.dir, stolen)  # the thief re-signs with the revoked key
    car = FakeCar(versions={})
    before = published.client().slots.state()
    report = published.client().update(car)
    assert report.problem is not None and report.problem.code == "bad-signature"
    nothing_installed(published.client(), car, report, before)
    published.repo.resign_timestamp()  # the real repository's next timestamp, with the new key
    assert "v3.tar" in published.client().update(FakeCar(versions={})).installed


class _Endless(http.server.SimpleHTTPRequestHandler):
    """Serves the repository but answers one target with data that never ends."""

    folder: Path
    log: list
    endless = "/targets/maps.tar.gz"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.endswith(self.endless):
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(10_000):  # 640 MB at most, if a client never stopped reading
                    self.wfile.write(b"\x00" * 65536)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        path = self.folder / self.path.lstrip("/")
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_endless_data_is_cut_off_at_the_signed_length(published: Setup, serve) -> None:
    handler = type("E", (_Endless,), {"folder": published.repo.dir})
    url, _ = serve(published.repo.dir, handler)
    client, car = published.client(url), FakeCar(versions={})
    report = client.update(car)
    r = refusal(report, "maps.tar.gz")
    assert r.code == "too-large" and "more than the" in r.reason
    assert not (client.downloads / "maps.tar.gz.part").exists()
    nothing_installed(client, car, report)


def test_endless_metadata_is_cut_off_by_the_tuf_client(published: Setup, serve) -> None:
    handler = type("E", (_Endless,), {"folder": published.repo.dir, "endless": "/metadata/timestamp.json"})
    url, _ = serve(published.repo.dir, handler)
    client, car = published.client(url), FakeCar(versions={})
    report = client.update(car)
    assert report.problem is not None and report.problem.code == "too-large"
    nothing_installed(client, car, report)


@pytest.mark.parametrize(
    ("ecu", "hw", "code", "text"),
    [
        ("ABS", "H01.0", "wrong-ecu", "for ECU ABS, which this car does not have"),
        ("BMS", "H09.9", "wrong-hardware", "for BMS hardware H09.9, this car's BMS is hardware H02.4"),
    ],
)
def test_an_image_for_another_ecu_or_hardware_is_refused(
    setup: Setup, ecu: str, hw: str, code: str, text: str
) -> None:
    setup.repo.add([firmware(setup.work / "other.img", ecu=ecu, hw=hw, version="9.9.9")])
    client, car = setup.client(), FakeCar()
    report = client.update(car)
    r = refusal(report, "other.img")
    assert r.code == code and text in r.reason
    nothing_installed(client, car, report)


def test_cli_update_reports_a_refusal_in_json_and_on_screen(published: Setup, capsys) -> None:
    from cockpit.cli.main import main

    flip_a_byte(published.repo.dir / "targets" / "bms.img")
    root = str(published.repo.dir / "metadata" / "1.root.json")
    args = [
        "ota",
        "update",
        "--repo",
        str(published.repo.dir),
        "--root",
        root,
        "--state",
        str(published.car_dir),
    ]
    assert main([*args, "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    bms = next(o for o in out["offers"] if o["name"] == "bms.img")
    assert bms["refused"]["code"] == "tampered" and out["installed"] == ["maps.tar.gz"]
    assert main(args) == 1
    screen = capsys.readouterr().out
    assert "bms.img: BMS firmware 3.9.2 (installed 3.9.1)" in screen and "REFUSED [tampered]" in screen
