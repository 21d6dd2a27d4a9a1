"""The firmware image format the simulated ECUs' bootloaders accept, and what a repository reads from it.

An image is ``b"SCFW"``, a 4-byte big-endian header length, a JSON header (ecu, hardware_id, version,
payload length and SHA-256) and the payload. The header is what an ECU checks after a download (the
"check programming dependencies" routine: right ECU, right hardware, complete and intact payload) and
what the OTA repository copies into the target's Uptane-style custom fields, so the two cannot disagree.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

MAGIC = b"SCFW"
HEADER_LIMIT = 4096


class ImageError(ValueError):
    """Bytes that are not a complete, intact firmware image."""


@dataclass(frozen=True)
class FirmwareImage:
    ecu: str
    hardware_id: str
    version: str
    payload: bytes

    def to_bytes(self) -> bytes:
        header = json.dumps(
            {
                "ecu": self.ecu,
                "hardware_id": self.hardware_id,
                "version": self.version,
                "length": len(self.payload),
                "sha256": hashlib.sha256(self.payload).hexdigest(),
            },
            sort_keys=True,
        ).encode()
        return MAGIC + len(header).to_bytes(4, "big") + header + self.payload


def is_image(data: bytes) -> bool:
    return data[:4] == MAGIC


def read_header(data: bytes) -> dict:
    """The header of an image (the payload may be missing: an ECU checks that separately)."""
    if not is_image(data) or len(data) < 8:
        raise ImageError("not a firmware image (no SCFW header)")
    size = int.from_bytes(data[4:8], "big")
    if size > HEADER_LIMIT or len(data) < 8 + size:
        raise ImageError("firmware image header cut short")
    try:
        header = json.loads(data[8 : 8 + size])
        for field in ("ecu", "hardware_id", "version", "length", "sha256"):
            header[field]
    except (ValueError, KeyError, TypeError) as exc:
        raise ImageError(f"firmware image header unreadable ({exc})") from None
    return header


def parse(data: bytes) -> FirmwareImage:
    """The image in ``data``, checked whole: length and digest of the payload."""
    header = read_header(data)
    payload = data[8 + int.from_bytes(data[4:8], "big") :]
    if len(payload) != header["length"]:
        raise ImageError(f"firmware payload is {len(payload)} bytes, the header says {header['length']}")
    if hashlib.sha256(payload).hexdigest() != header["sha256"]:
        raise ImageError("firmware payload does not match its digest")
    return FirmwareImage(header["ecu"], header["hardware_id"], header["version"], payload)
