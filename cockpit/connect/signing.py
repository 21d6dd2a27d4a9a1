"""Signed remote commands: what the sender signs and how the car checks it.

A command is a JSON object; its signature (``sig``, base64 Ed25519) covers every other field serialised as
canonical JSON (sorted keys, no spaces, UTF-8), so no field can be changed or added without breaking it.
The signed fields include the vehicle id (a command for one car cannot be replayed to another), a unique
``id`` and an absolute ``expires`` time (seconds since the epoch).
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .keychain import fingerprint


def canonical(body: dict[str, Any]) -> bytes:
    unsigned = {k: v for k, v in body.items() if k != "sig"}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign_command(
    key: Ed25519PrivateKey,
    vehicle_id: str,
    function: str,
    value: Any,
    instance: str | None = None,
    lifetime_s: float = 60.0,
    command_id: str | None = None,
    now: float | None = None,
) -> dict[str, Any]:
    """A ready-to-publish command dict signed by ``key``."""
    now = time.time() if now is None else now
    body: dict[str, Any] = {
        "id": command_id or uuid.uuid4().hex,
        "vehicle": vehicle_id,
        "function": function,
        "value": value,
        "issued": round(now, 3),
        "expires": round(now + lifetime_s, 3),
        "key": fingerprint(key.public_key()),
    }
    if instance is not None:
        body["instance"] = instance
    body["sig"] = base64.b64encode(key.sign(canonical(body))).decode()
    return body


def signature_valid(public_key: Ed25519PublicKey, body: dict[str, Any]) -> bool:
    try:
        signature = base64.b64decode(str(body.get("sig", "")), validate=True)
        public_key.verify(signature, canonical(body))
    except (InvalidSignature, ValueError):
        return False
    return True
