"""A signing-key folder, a repository with a content bundle and an ECU image, a car that trusts it, and a
small car stand-in (ECU versions, conditions, a record of what was flashed) for the client's logic.

The stand-in is for the update client's decisions only; flashing over UDS is tested against the
simulated ECUs in ``tests/vehicle_bus/diagnostics/test_flash.py`` and end to end through the CLI.
"""

from __future__ import annotations

import http.server
import tarfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest

from cockpit.ota.client import EcuIdentity, OtaClient
from cockpit.ota.keys import init_keys
from cockpit.ota.policy import Conditions
from cockpit.ota.repository import Repository
from vehicle_bus.diagnostics.firmware_image import FirmwareImage


def bundle(path: Path, files: dict[str, bytes]) -> Path:
    src = path.with_suffix(".src")
    for rel, data in files.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_bytes(data)
    with tarfile.open(path, "w:gz") as tar:
        tar.add(src, arcname=".")
    return path


def firmware(
    path: Path, ecu: str = "BMS", hw: str = "H02.4", version: str = "3.9.2", size: int = 3000
) -> Path:
    path.write_bytes(FirmwareImage(ecu, hw, version, bytes(i % 251 for i in range(size))).to_bytes())
    return path


@dataclass
class FakeCar:
    parked: bool = True
    soc: float = 80.0
    charging: bool = False
    dtcs: tuple[str, ...] = ()
    versions: dict[str, EcuIdentity] = field(default_factory=lambda: {"BMS": EcuIdentity("H02.4", "3.9.1")})
    flashed: list[tuple[str, int]] = field(default_factory=list)

    def conditions(self) -> Conditions:
        return Conditions(self.parked, self.soc, self.charging, self.dtcs, "P" if self.parked else "D")

    def ecus(self) -> dict[str, EcuIdentity]:
        return dict(self.versions)

    def flash(self, ecu: str, image: bytes, progress: Callable[[int, int], None] | None) -> str | None:
        self.flashed.append((ecu, len(image)))
        return None


@dataclass
class Setup:
    keys: Path
    repo: Repository
    car_dir: Path
    work: Path

    def client(self, url: str | None = None) -> OtaClient:
        return OtaClient(self.car_dir, url or str(self.repo.dir), self.repo.dir / "metadata" / "1.root.json")

    def content_files(self, client: OtaClient) -> dict[str, bytes]:
        current = client.slots.current
        if not current.exists():
            return {}
        return {
            str(p.relative_to(current)): p.read_bytes()
            for p in current.rglob("*")
            if p.is_file() and p.name != "manifest.json"
        }


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    keys = tmp_path / "keys"
    init_keys(keys)
    repo = Repository(tmp_path / "repo", keys)
    repo.create()
    return Setup(keys, repo, tmp_path / "car", tmp_path)


@pytest.fixture
def published(setup: Setup) -> Setup:
    """The repository with maps.tar.gz (content) and bms.img (BMS 3.9.2 for H02.4)."""
    maps = bundle(setup.work / "maps.tar.gz", {"monaco/tiles.bin": b"tiles v1", "monaco/poi.json": b"[]"})
    setup.repo.add([maps, firmware(setup.work / "bms.img")], notes="Monaco map")
    return setup


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Files of a folder, with Range support (SimpleHTTPRequestHandler has none) and a log of requests."""

    log: list[tuple[str, str | None]]

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):
        self.log.append((self.path, self.headers.get("Range")))
        rng = self.headers.get("Range")
        path = Path(self.translate_path(self.path))
        if rng is None or not path.is_file():
            return super().send_head()
        start = int(rng.removeprefix("bytes=").split("-")[0])
        data = path.read_bytes()
        self.send_response(206)
        self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.send_header("Content-Length", str(len(data) - start))
        self.end_headers()
        f = open(path, "rb")  # noqa: SIM115 - the base class copies and closes it
        f.seek(start)
        return f


@pytest.fixture
def serve() -> Iterator[Callable[..., tuple[str, list]]]:
    """``serve(folder, handler=None)`` → (URL, request log): the folder over HTTP on loopback."""
    servers = []

    def start(
        folder: Path, handler: type[http.server.BaseHTTPRequestHandler] | None = None
    ) -> tuple[str, list]:
        log: list = []
        cls = type("H", (handler or _Handler,), {"log": log})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(cls, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/", log

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
