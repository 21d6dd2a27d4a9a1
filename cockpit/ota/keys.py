"""The repository's signing keys: one Ed25519 key per TUF top-level role, kept in a folder of their own.

``DIR/<role>.pem`` holds the private key (PKCS#8 PEM, mode 0600, for the offline signer only) and
``DIR/<role>.pub.json`` the public key as TUF writes it into root metadata. securesystemslib makes and
uses the keys (``CryptoSigner``); this module only decides where they live and who may read them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from securesystemslib.signer import CryptoSigner, SSlibKey

from vehicle_bus.errors import InputError

ROLES = ("root", "targets", "snapshot", "timestamp")
PRIVATE_MODE = 0o600


class KeysError(InputError):
    """A keys folder that is missing a key, or whose key cannot be read."""


def private_path(keys_dir: Path, role: str) -> Path:
    return keys_dir / f"{role}.pem"


def public_path(keys_dir: Path, role: str) -> Path:
    return keys_dir / f"{role}.pub.json"


def write_signer(keys_dir: Path, role: str, signer: CryptoSigner) -> None:
    """Store ``signer`` as ``role``'s key; the private half is created readable by its owner only."""
    keys_dir.mkdir(parents=True, exist_ok=True)
    path = private_path(keys_dir, role)
    tmp = path.with_suffix(".pem.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
    with os.fdopen(fd, "wb") as f:
        f.write(signer.private_bytes)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(tmp, PRIVATE_MODE)  # a umask cannot widen it, but an existing file might have been wider
    os.replace(tmp, path)
    key = signer.public_key
    public_path(keys_dir, role).write_text(json.dumps({"keyid": key.keyid, **key.to_dict()}, indent=2))


def init_keys(keys_dir: Path, force: bool = False) -> dict[str, str]:
    """New keys for every role in ``keys_dir``; refuses to overwrite existing ones unless ``force``."""
    existing = [r for r in ROLES if private_path(keys_dir, r).exists()]
    if existing and not force:
        raise KeysError(
            f"keys already exist for {', '.join(existing)}",
            where=str(keys_dir),
            fix="Use another folder, or rotate one role's key with: cockpit ota keys rotate",
        )
    out = {}
    for role in ROLES:
        signer = CryptoSigner.generate_ed25519()
        write_signer(keys_dir, role, signer)
        out[role] = signer.public_key.keyid
    return out


def load_public(keys_dir: Path, role: str) -> SSlibKey:
    path = public_path(keys_dir, role)
    try:
        data = json.loads(path.read_text())
        keyid = data.pop("keyid")
        return SSlibKey.from_dict(keyid, data)
    except FileNotFoundError:
        raise KeysError(
            f"no {role} key", where=str(path), fix="Create keys with: cockpit ota keys init DIR"
        ) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise KeysError(f"not a public key file ({exc})", where=str(path)) from None


def load_signer(keys_dir: Path, role: str) -> CryptoSigner:
    """``role``'s signer; the private key must not be readable by others (as ssh insists for its keys)."""
    path = private_path(keys_dir, role)
    public = load_public(keys_dir, role)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        raise KeysError(
            f"no private {role} key", where=str(path), fix="Sign where the offline keys are"
        ) from None
    if mode & 0o077:
        raise KeysError(
            f"the private {role} key is readable by others (mode {mode:o})",
            where=str(path),
            fix=f"Run: chmod 600 {path}",
        )
    try:
        return CryptoSigner.from_priv_key_uri(f"file2:{path}", public)
    except Exception as exc:
        raise KeysError(f"cannot read the private {role} key ({exc})", where=str(path)) from None
