"""Security access (UDS 0x27) seed → key for the programming level, as the tester and the ECUs compute it.

Real ECUs keep a vendor secret per ECU family; the demo car's ECUs share one, and the key is the first
four bytes of HMAC-SHA256(secret, seed) from the standard library (no crypto of our own). A workshop
tool for another car supplies its own ``SecurityAlgorithm``.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable

PROGRAMMING_LEVEL = 0x11  # requestSeed 0x11, sendKey 0x12: the level most OEMs use for reprogramming
DEMO_SECRET = b"smart-cockpit demo ECU programming"
KEY_LENGTH = 4

SecurityAlgorithm = Callable[[int, bytes], bytes]


def demo_key(level: int, seed: bytes, secret: bytes = DEMO_SECRET) -> bytes:
    return hmac.new(secret, bytes([level]) + seed, hashlib.sha256).digest()[:KEY_LENGTH]
