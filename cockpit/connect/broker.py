"""Where the broker is and how to reach it: ``mqtt[s]://[user:pass@]host[:port]`` plus TLS files.

The client is paho-mqtt 2.x speaking MQTT 5 with a persistent session (``clean_start`` false and a session
expiry), so the broker keeps the car's subscriptions and QoS 1 messages across a dropped connection.
Connection problems become one line (``describe_failure``) rather than a traceback: the caller shows it,
keeps telemetry in the on-disk queue and lets paho retry.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from vehicle_bus.errors import InputError

SESSION_EXPIRY_S = 7 * 24 * 3600  # the broker keeps a car's session (and queued commands) for a week
KEEPALIVE_S = 15


@dataclass(frozen=True)
class BrokerConfig:
    host: str
    port: int
    tls: bool = False
    username: str | None = None
    password: str | None = None
    ca_file: Path | None = None
    cert_file: Path | None = None
    key_file: Path | None = None

    @property
    def where(self) -> str:
        return f"{'mqtts' if self.tls else 'mqtt'}://{self.host}:{self.port}"


def parse_broker(
    url: str, ca: str | None = None, cert: str | None = None, key: str | None = None
) -> BrokerConfig:
    """``--mqtt URL`` and its TLS options → a checked config; bad input is an :class:`InputError`."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname:
        raise InputError(
            f"--mqtt {url!r} is not a broker URL",
            fix="Use mqtt[s]://[user:pass@]host[:port], e.g. mqtt://localhost",
        )
    tls = parts.scheme == "mqtts" or ca is not None or cert is not None
    try:
        port = parts.port or (8883 if tls else 1883)
    except ValueError:
        raise InputError(f"--mqtt {url!r}: the port is not a number 1-65535") from None
    if (cert is None) != (key is None):
        raise InputError("--mqtt-cert and --mqtt-key go together", fix="Give both, or neither")
    files = {}
    for option, value in (("--mqtt-ca", ca), ("--mqtt-cert", cert), ("--mqtt-key", key)):
        if value is not None:
            path = Path(value)
            if not path.is_file():
                raise InputError(f"{option} {value}: no such file")
            files[option] = path
    return BrokerConfig(
        host=parts.hostname,
        port=port,
        tls=tls,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        ca_file=files.get("--mqtt-ca"),
        cert_file=files.get("--mqtt-cert"),
        key_file=files.get("--mqtt-key"),
    )


def make_client(config: BrokerConfig, client_id: str) -> mqtt.Client:
    """A paho MQTT 5 client for ``config`` (not connected yet)."""
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv5)
    if config.username:
        client.username_pw_set(config.username, config.password)
    if config.tls:
        try:
            client.tls_set(
                ca_certs=str(config.ca_file) if config.ca_file else None,
                certfile=str(config.cert_file) if config.cert_file else None,
                keyfile=str(config.key_file) if config.key_file else None,
                cert_reqs=ssl.CERT_REQUIRED,
            )
        except (ssl.SSLError, OSError, ValueError) as exc:
            raise InputError(f"TLS files for {config.where} cannot be used: {exc}") from None
    client.reconnect_delay_set(min_delay=1, max_delay=5)
    return client


def connect_properties(persistent: bool = True) -> Properties:
    properties = Properties(PacketTypes.CONNECT)
    properties.SessionExpiryInterval = SESSION_EXPIRY_S if persistent else 0
    return properties


def start(client: mqtt.Client, config: BrokerConfig, persistent: bool = True) -> str | None:
    """Connect and start paho's network thread; returns the reason if the first attempt failed.

    Either way paho keeps retrying in the background, so a broker that comes up later is found.
    """
    problem = None
    try:
        client.connect(
            config.host,
            config.port,
            keepalive=KEEPALIVE_S,
            clean_start=not persistent,
            properties=connect_properties(persistent),
        )
    except OSError as exc:
        problem = describe_failure(config, exc)
    client.loop_start()
    return problem


def describe_failure(config: BrokerConfig, exc: BaseException) -> str:
    """One line for a failed connection attempt."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (
            f"broker {config.where}: its TLS certificate is not trusted ({exc.verify_message}); "
            "check --mqtt-ca; retrying"
        )
    if isinstance(exc, ssl.SSLError):
        reason = exc.reason or exc
        return f"broker {config.where}: TLS handshake failed ({reason}); check the certificates; retrying"
    if isinstance(exc, ConnectionRefusedError):
        return f"broker {config.where} is not reachable (connection refused); retrying"
    return f"broker {config.where} is not reachable ({exc.strerror or exc}); retrying"


def describe_refusal(config: BrokerConfig, reason: object) -> str:
    """One line for a CONNACK that said no (wrong password, not authorised)."""
    return f"broker {config.where} refused the connection: {reason}; check the user and password in --mqtt"
