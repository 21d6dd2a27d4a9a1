"""Fixtures of the connected-car tests: a real Eclipse Mosquitto per test (no mock broker), started on a
free port with a config written in tmp (TLS certificates, password and ACL files made by the tests), a
subscriber, and the user data folder (keychain, queues) in tmp."""

from __future__ import annotations

import datetime
import getpass
import ipaddress
import json
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest

MOSQUITTO = shutil.which("mosquitto") or (
    "/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition: Callable[[], bool], timeout: float = 15.0, what: str = "condition") -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class Mosquitto:
    def __init__(
        self, folder: Path, extra: str = "", port: int | None = None, tls: dict[str, Path] | None = None
    ):
        if MOSQUITTO is None:
            pytest.fail("mosquitto is not installed: these tests need a real broker (apt install mosquitto)")
        self.folder = folder
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        folder.mkdir(parents=True, exist_ok=True)
        lines = [
            # Run as oneself: as root, mosquitto would switch to the "mosquitto" user, who cannot read tmp.
            f"user {getpass.getuser()}",
            f"listener {self.port} 127.0.0.1",
            "allow_anonymous true",
            "persistence true",
            f"persistence_location {folder}/",
            "autosave_interval 1",
            f"log_dest file {folder}/mosquitto.log",
            "log_type all",
        ]
        if tls:
            lines += [f"cafile {tls['ca']}", f"certfile {tls['cert']}", f"keyfile {tls['key']}"]
            if "require_certificate" in tls:
                lines += ["require_certificate true"]
        self.config = folder / "mosquitto.conf"
        self.config.write_text("\n".join([*lines, extra, ""]))

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    def start(self) -> Mosquitto:
        self.process = subprocess.Popen(
            [MOSQUITTO, "-c", str(self.config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )

        def listening() -> bool:
            if self.process.poll() is not None:
                raise AssertionError(f"mosquitto exited: {self.process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return True
            except OSError:
                return False

        wait_for(listening, what="mosquitto to listen")
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: mosquitto saves sessions and queued messages
            self.process.wait(10)
        self.process = None

    def freeze(self) -> None:
        """SIGSTOP: the broker still holds its connections but reads and acknowledges nothing."""
        self.process.send_signal(signal.SIGSTOP)

    def kill(self) -> None:
        """SIGKILL (a crash or power cut): no goodbye; sessions as last autosaved."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
        self.process = None

    def log(self) -> str:
        path = self.folder / "mosquitto.log"
        return path.read_text() if path.exists() else ""


def make_tls(folder: Path, host: str = "127.0.0.1") -> dict[str, Path]:
    """A CA, a server certificate for ``host`` and a client certificate, made with ``cryptography``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    def write_key(key, path: Path) -> None:
        path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("cockpit test CA"))
        .issuer_name(name("cockpit test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .sign(ca_key, hashes.SHA256())
    )

    def issue(cn: str, server: bool) -> tuple:
        key = ec.generate_private_key(ec.SECP256R1())
        builder = (
            x509.CertificateBuilder()
            .subject_name(name(cn))
            .issuer_name(ca.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
        )
        if server:
            builder = builder.add_extension(
                x509.SubjectAlternativeName(
                    [x509.IPAddress(ipaddress.ip_address(host)), x509.DNSName("localhost")]
                ),
                critical=False,
            )
        return key, builder.sign(ca_key, hashes.SHA256())

    out = {"ca": folder / "ca.pem", "cert": folder / "server.pem", "key": folder / "server.key"}
    out["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    server_key, server_cert = issue("broker", server=True)
    out["cert"].write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    write_key(server_key, out["key"])
    client_key, client_cert = issue("car", server=False)
    out["client_cert"] = folder / "client.pem"
    out["client_key"] = folder / "client.key"
    out["client_cert"].write_bytes(client_cert.public_bytes(serialization.Encoding.PEM))
    write_key(client_key, out["client_key"])
    return out


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the keychain, queues and vehicle id of every test in its own tmp folder."""
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture
def mosquitto(tmp_path: Path) -> Iterator[Callable[..., Mosquitto]]:
    """Make (not start) brokers with extra config lines or TLS; all are stopped after the test."""
    made: list[Mosquitto] = []

    def make(name: str = "broker", extra: str = "", tls: dict[str, Path] | None = None) -> Mosquitto:
        server = Mosquitto(tmp_path / name, extra=extra, tls=tls)
        made.append(server)
        return server

    yield make
    for server in made:
        server.stop()


@pytest.fixture
def broker(mosquitto: Callable[..., Mosquitto]) -> Mosquitto:
    return mosquitto().start()


@pytest.fixture(name="wait_for")
def wait_for_fixture() -> Callable[..., None]:
    """``wait_for(condition, timeout, what)``: poll a condition (never a fixed sleep)."""
    return wait_for


@pytest.fixture
def tls_files(tmp_path: Path) -> dict[str, Path]:
    return make_tls(tmp_path / "tls")


class Subscriber:
    """A test client that records every message (MQTT 5, optionally a persistent session)."""

    def __init__(self, port: int, topics: list[str], client_id: str | None = None, **tls) -> None:
        persistent = client_id is not None
        self.messages: list[tuple[str, bytes, bool]] = []
        self.lock = threading.Lock()
        self.client = mqtt.Client(
            mqtt.CallbackAPIVersion.VERSION2, client_id=client_id or "", protocol=mqtt.MQTTv5
        )
        self.client.max_inflight_messages_set(1000)
        self.connected = threading.Event()  # subscribed: the broker has acknowledged every topic
        subscribing: list[int] = []

        def on_connect(client, _u, _f, reason_code, _p):
            if reason_code.is_failure:
                return
            if not topics:
                self.connected.set()
                return
            # Ready only at the SUBACK: a message published before the broker has the subscription is
            # dropped, and a test that starts sending at CONNACK lost it on a loaded machine.
            subscribing.append(client.subscribe([(topic, 1) for topic in topics])[1])

        def on_subscribe(_c, _u, mid, _codes, _p):
            if mid in subscribing:
                self.connected.set()

        def on_message(_c, _u, message):
            with self.lock:
                self.messages.append((message.topic, message.payload, message.retain))

        self.client.on_connect = on_connect
        self.client.on_subscribe = on_subscribe
        self.client.on_message = on_message
        self.client.reconnect_delay_set(0.2, 1)
        from paho.mqtt.packettypes import PacketTypes
        from paho.mqtt.properties import Properties

        props = Properties(PacketTypes.CONNECT)
        props.SessionExpiryInterval = 3600 if persistent else 0
        self.client.connect("127.0.0.1", port, clean_start=not persistent, properties=props)
        self.client.loop_start()
        assert self.connected.wait(10), "subscriber could not connect"

    def payloads(self, topic: str) -> list[dict]:
        with self.lock:
            return [json.loads(p) for t, p, _r in self.messages if t == topic]

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def subscribe() -> Iterator:
    """``subscribe(broker, *topics, client_id=None)``: a recording client, closed after the test."""
    made: list[Subscriber] = []

    def make(server: Mosquitto, *topics: str, client_id: str | None = None) -> Subscriber:
        sub = Subscriber(server.port, list(topics), client_id)
        made.append(sub)
        return sub

    yield make
    for sub in made:
        sub.close()
