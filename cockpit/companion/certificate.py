"""The head unit's own TLS certificate: self-signed, made on first start, its fingerprint shown to pair.

A phone cannot check a head unit's certificate against any authority, so the owner compares the SHA-256
fingerprint the browser shows with the one on the head unit's screen (and the CLI). The key is written
with user-only permissions before any byte of it is; a key that others can read is replaced.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CERT_NAME = "companion-cert.pem"
KEY_NAME = "companion-key.pem"
VALID_DAYS = 3650  # nobody renews a head unit's certificate; the fingerprint is what the owner trusts


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path
    fingerprint: str  # SHA-256 of the DER certificate, as browsers show it (AA:BB:…)

    def short(self) -> str:
        """The first eight bytes: enough to compare by eye on a phone."""
        return self.fingerprint[:23]


def fingerprint(cert: x509.Certificate) -> str:
    return ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256()))


def ensure_certificate(folder: Path, hosts: tuple[str, ...] = ()) -> Certificate:
    """The certificate in ``folder``, made now if there is none (or its key is readable by others)."""
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / CERT_NAME, folder / KEY_NAME
    if cert_path.exists() and key_path.exists() and key_path.stat().st_mode & 0o077 == 0:
        try:
            cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
            return Certificate(cert_path, key_path, fingerprint(cert))
        except ValueError:
            pass  # damaged: make a new one (phones then see a new fingerprint, which is the truth)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _self_signed(key, hosts)
    _write_private(key_path, key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ))  # fmt: skip
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Certificate(cert_path, key_path, fingerprint(cert))


def _write_private(path: Path, data: bytes) -> None:
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _self_signed(key: ec.EllipticCurvePrivateKey, hosts: tuple[str, ...]) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Smart Cockpit head unit")])
    names: list[x509.GeneralName] = [x509.DNSName("localhost"), x509.DNSName(socket.gethostname())]
    for host in {"127.0.0.1", *hosts}:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
