"""Pairing and paired phones: one-time links that expire, device tokens kept only as hashes.

A pairing link holds a random code, good once and for :data:`LINK_LIFETIME_S`; opening it (and confirming
on the phone) gives the phone a random device token in a cookie. The head unit keeps the SHA-256 of each
token (a random 256-bit token needs no slow hash) in ``devices.json`` with user-only permissions, so the
file alone does not let anyone in. Revoking a phone deletes its hash. Thread-safe: the web server's thread
redeems and checks, the head unit's screen lists and revokes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger("cockpit.companion")

LINK_LIFETIME_S = 120.0
DEVICES_NAME = "devices.json"


@dataclass
class Device:
    id: str
    name: str
    token_sha256: str
    paired_at: float
    last_seen: float | None = None


@dataclass(frozen=True)
class PairingLink:
    code: str
    expires: float  # on the clock the registry was given (monotonic by default)


class PairingError(Exception):
    """Why a pairing link does not work (expired, used, unknown), in words for the phone."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class DeviceRegistry:
    def __init__(self, folder: Path, clock: Callable[[], float] = time.monotonic) -> None:
        self.path = folder / DEVICES_NAME
        self.clock = clock
        self._lock = threading.Lock()
        self._links: dict[str, float] = {}  # code → expiry
        self._used: dict[str, float] = {}  # code → expiry (to tell "used" from "unknown" until it expires)
        self._devices: dict[str, Device] = self._load()
        self.version = 0  # bumped on every pairing and revocation (the screen redraws its list)

    # -- pairing links --------------------------------------------------------------------------------------
    def new_link(self) -> PairingLink:
        with self._lock:
            self._forget_expired()
            code = secrets.token_urlsafe(24)
            self._links[code] = self.clock() + LINK_LIFETIME_S
            return PairingLink(code, self._links[code])

    def redeem(self, code: str, name: str) -> tuple[Device, str]:
        """Use a link once: a new paired device and its token (to give to the phone, never stored)."""
        with self._lock:
            self._forget_expired()
            expires = self._links.pop(code, None)
            if expires is None:
                if code in self._used:
                    raise PairingError("this pairing link was already used")
                raise PairingError("this pairing link has expired or is not one the head unit made")
            self._used[code] = expires
            token = secrets.token_urlsafe(32)
            device = Device(secrets.token_hex(4), name, _hash(token), time.time())
            self._devices[device.id] = device
            self._save()
            self.version += 1
        log.info("companion: paired %s (%s)", device.name, device.id)
        return device, token

    def link_state(self, code: str) -> str:
        """``valid``, ``used`` or ``expired`` (unknown codes count as expired: they tell nothing)."""
        with self._lock:
            self._forget_expired()
            if code in self._links:
                return "valid"
            return "used" if code in self._used else "expired"

    def _forget_expired(self) -> None:
        now = self.clock()
        for table in (self._links, self._used):
            for code in [c for c, expires in table.items() if expires <= now]:
                del table[code]

    # -- paired devices -------------------------------------------------------------------------------------
    def check(self, token: str | None) -> Device | None:
        """The device this token belongs to, or None."""
        if not token:
            return None
        digest = _hash(token)
        with self._lock:
            for device in self._devices.values():
                if hmac.compare_digest(device.token_sha256, digest):
                    device.last_seen = time.time()
                    return device
        return None

    def devices(self) -> list[Device]:
        with self._lock:
            return sorted(self._devices.values(), key=lambda d: d.paired_at)

    def revoke(self, device_id: str) -> bool:
        with self._lock:
            device = self._devices.pop(device_id, None)
            if device is None:
                return False
            self._save()
            self.version += 1
        log.info("companion: revoked %s (%s)", device.name, device.id)
        return True

    def _load(self) -> dict[str, Device]:
        try:
            rows = json.loads(self.path.read_text())
            return {row["id"]: Device(**row) for row in rows}
        except FileNotFoundError:
            return {}
        except (ValueError, TypeError, KeyError) as exc:
            # Damaged: start with no phones (they pair again) rather than refuse to start; keep the file.
            log.warning("companion: %s is damaged (%s); no phone is paired until it is fixed", self.path, exc)
            return {}

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump([asdict(d) for d in self._devices.values()], f, indent=1)
        os.replace(tmp, self.path)
