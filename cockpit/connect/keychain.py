"""The car's own keychain: the Ed25519 public keys allowed to sign remote commands.

Keys are enrolled on the head unit itself (``cockpit fleet pair``, or the Remote panel), by someone in the
car, and revoked the same way; the broker, the vendor's cloud or Home Assistant cannot add one. The file is
JSON, written atomically with user-only permissions (0600). A key is named by its fingerprint (the first 16
hex digits of SHA-256 of the raw public key), which signed commands carry as ``key``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)

from vehicle_bus.errors import InputError


def connect_dir() -> Path:
    return Path(platformdirs.user_data_dir("smart-cockpit")) / "connect"


def default_keychain() -> Path:
    return connect_dir() / "keychain.json"


def fingerprint(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass
class KeyEntry:
    key_id: str
    name: str
    public_key: str  # base64 of the 32 raw bytes
    paired: float
    revoked: float | None = None

    @property
    def active(self) -> bool:
        return self.revoked is None


class Keychain:
    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_keychain()
        self._mtime: float | None = None
        self._entries: list[KeyEntry] = []
        self._cache: dict[str, Ed25519PublicKey] = {}
        self.reload()

    def reload(self) -> None:
        """Read the file again if it changed (a key paired or revoked by another process)."""
        try:
            mtime = self.path.stat().st_mtime
        except FileNotFoundError:
            self._entries, self._mtime, self._cache = [], None, {}
            return
        if mtime == self._mtime:
            return
        try:
            data = json.loads(self.path.read_text())
            self._entries = [KeyEntry(**e) for e in data.get("keys", [])]
        except (ValueError, TypeError) as exc:
            raise InputError(f"the keychain is damaged ({exc})", where=str(self.path)) from None
        self._mtime, self._cache = mtime, {}

    def entries(self) -> list[KeyEntry]:
        self.reload()
        return list(self._entries)

    def public_key(self, key_id: str) -> Ed25519PublicKey | None:
        """The active key with this fingerprint, or None (unknown or revoked)."""
        self.reload()
        if key_id not in self._cache:
            entry = next((e for e in self._entries if e.key_id == key_id and e.active), None)
            if entry is None:
                return None
            self._cache[key_id] = Ed25519PublicKey.from_public_bytes(base64.b64decode(entry.public_key))
        return self._cache[key_id]

    def name_of(self, key_id: str) -> str:
        return next((e.name for e in self._entries if e.key_id == key_id), key_id)

    def pair(self, name: str, public_key: Ed25519PublicKey) -> KeyEntry:
        self.reload()
        key_id = fingerprint(public_key)
        raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
        self._entries = [e for e in self._entries if e.key_id != key_id]
        entry = KeyEntry(key_id, name, base64.b64encode(raw).decode(), time.time())
        self._entries.append(entry)
        self._write()
        return entry

    def revoke(self, name_or_id: str) -> list[KeyEntry]:
        self.reload()
        hits = [e for e in self._entries if e.active and name_or_id in (e.key_id, e.name)]
        if not hits:
            raise InputError(f"no active paired key named {name_or_id!r}", fix="See cockpit fleet keys")
        for entry in hits:
            entry.revoked = time.time()
        self._write()
        return hits

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            json.dump({"keys": [asdict(e) for e in self._entries]}, out, indent=1)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)
        self._mtime, self._cache = None, {}


def new_private_key(path: Path) -> Ed25519PrivateKey:
    """A fresh Ed25519 key written as PEM with user-only permissions (refuses to overwrite)."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InputError(f"{path} exists; not overwriting a key", fix="Choose another --key-out") from None
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    return key


def load_private_key(path: Path | str) -> Ed25519PrivateKey:
    try:
        key = load_pem_private_key(Path(path).read_bytes(), password=None)
    except FileNotFoundError:
        raise InputError(f"{path}: no such key file") from None
    except ValueError as exc:
        raise InputError(f"{path}: not a PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError(f"{path}: not an Ed25519 key", fix="Make one with cockpit fleet pair --key-out FILE")
    return key
