"""The simulated ECU's bootloader: reprogramming over UDS the ISO 14229 way, and surviving a broken one.

Services (programming session only): SecurityAccess 0x27 (seed/key), RoutineControl 0x31 (0xFF00 erase
memory, 0xFF01 check programming dependencies), RequestDownload 0x34, TransferData 0x36,
RequestTransferExit 0x37. The application area lives in :class:`FlashMemory`, which outlasts resets and
power cuts (only the session, the security state and a transfer in progress are lost). Erasing marks the
application invalid; only a complete image that passes the dependency check (right ECU, right hardware,
length and digest) makes it valid again. Until then the ECU starts in its bootloader: it still answers
diagnostics and accepts a new download, so an interrupted flash is recovered by flashing again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from vehicle_bus.diagnostics import firmware_image
from vehicle_bus.diagnostics.security import KEY_LENGTH, PROGRAMMING_LEVEL, demo_key

from .nrc import (
    CONDITIONS_NOT_CORRECT,
    OUT_OF_RANGE,
    SUBFUNCTION_NOT_SUPPORTED,
    WRONG_LENGTH,
    NegativeResponseError,
)

INVALID_KEY = 0x35
EXCEEDED_ATTEMPTS = 0x36
REQUEST_SEQUENCE_ERROR = 0x24
SECURITY_ACCESS_DENIED = 0x33
UPLOAD_DOWNLOAD_NOT_ACCEPTED = 0x70
TRANSFER_SUSPENDED = 0x71
WRONG_BLOCK_SEQUENCE = 0x73
ERASE_MEMORY, CHECK_DEPENDENCIES = 0xFF00, 0xFF01
START_ROUTINE, REQUEST_RESULTS = 0x01, 0x03
APP_ADDRESS = 0x0001_0000
APP_SIZE = 1 << 20  # 1 MiB application area
MAX_BLOCK = 1026  # bytes per TransferData request, service id and counter included
MAX_KEY_ATTEMPTS = 3


@dataclass
class FlashMemory:
    """Non-volatile: what survives a reset or a power cut."""

    image: bytes
    valid: bool = True
    software_version: str = ""
    written: bytearray = field(default_factory=bytearray)


class Bootloader:
    def __init__(self, ecu_name: str, hardware_id: str, software_version: str) -> None:
        self.ecu_name = ecu_name
        self.hardware_id = hardware_id
        self.flash = FlashMemory(b"", True, software_version)
        self.power_cycle()

    def power_cycle(self) -> None:
        """Lose what is volatile: unlock, a pending seed, a transfer in progress, failed key attempts."""
        self._attempts = 0
        self.lock()

    def lock(self) -> None:
        """A session change: security access locked again, a transfer abandoned (failed attempts stay)."""
        self.unlocked = False
        self._seed: bytes | None = None
        self._download: tuple[int, int] | None = None  # (address, size)
        self._counter = 0

    # -- 0x27 ----------------------------------------------------------------------------------------
    def security_access(self, req: bytes) -> bytes:
        if len(req) < 2:
            raise NegativeResponseError(WRONG_LENGTH)
        sub = req[1] & 0x7F
        if sub == PROGRAMMING_LEVEL:
            if len(req) != 2:
                raise NegativeResponseError(WRONG_LENGTH)
            # An unlocked ECU answers with a zero seed, as ISO 14229 says.
            self._seed = b"\x00" * 4 if self.unlocked else os.urandom(4)
            return bytes([0x67, sub]) + self._seed
        if sub == PROGRAMMING_LEVEL + 1:
            if self._seed is None:
                raise NegativeResponseError(REQUEST_SEQUENCE_ERROR)
            if self._attempts >= MAX_KEY_ATTEMPTS:
                raise NegativeResponseError(EXCEEDED_ATTEMPTS)
            if len(req) != 2 + KEY_LENGTH:
                raise NegativeResponseError(WRONG_LENGTH)
            if req[2:] != demo_key(PROGRAMMING_LEVEL, self._seed):
                self._attempts += 1
                raise NegativeResponseError(INVALID_KEY)
            self.unlocked, self._seed = True, None
            return bytes([0x67, sub])
        raise NegativeResponseError(SUBFUNCTION_NOT_SUPPORTED)

    def _require_unlocked(self) -> None:
        if not self.unlocked:
            raise NegativeResponseError(SECURITY_ACCESS_DENIED)

    # -- 0x31 ----------------------------------------------------------------------------------------
    def routine_control(self, req: bytes) -> bytes:
        if len(req) < 4:
            raise NegativeResponseError(WRONG_LENGTH)
        sub, routine = req[1] & 0x7F, int.from_bytes(req[2:4], "big")
        if routine not in (ERASE_MEMORY, CHECK_DEPENDENCIES):
            raise NegativeResponseError(OUT_OF_RANGE)
        if sub not in (START_ROUTINE, REQUEST_RESULTS):
            raise NegativeResponseError(SUBFUNCTION_NOT_SUPPORTED)
        self._require_unlocked()
        if routine == ERASE_MEMORY:
            # The application is gone from here on: the ECU starts in its bootloader until a good image.
            self.flash = FlashMemory(b"", False, "")
            self._download = None
            return bytes([0x71, sub]) + req[2:4] + b"\x00"
        ok = self._check_dependencies()
        return bytes([0x71, sub]) + req[2:4] + (b"\x00" if ok else b"\x01")

    def _check_dependencies(self) -> bool:
        try:
            image = firmware_image.parse(bytes(self.flash.written))
        except firmware_image.ImageError:
            return False
        if image.ecu != self.ecu_name or image.hardware_id != self.hardware_id:
            return False
        self.flash = FlashMemory(bytes(self.flash.written), True, image.version)
        return True

    # -- 0x34 / 0x36 / 0x37 --------------------------------------------------------------------------
    def request_download(self, req: bytes) -> bytes:
        self._require_unlocked()
        if len(req) < 3:
            raise NegativeResponseError(WRONG_LENGTH)
        fmt = req[2]
        size_len, addr_len = fmt >> 4, fmt & 0x0F
        if len(req) != 3 + size_len + addr_len or not size_len or not addr_len:
            raise NegativeResponseError(WRONG_LENGTH)
        address = int.from_bytes(req[3 : 3 + addr_len], "big")
        size = int.from_bytes(req[3 + addr_len :], "big")
        if address != APP_ADDRESS or not 0 < size <= APP_SIZE:
            raise NegativeResponseError(OUT_OF_RANGE)
        if self.flash.valid:
            raise NegativeResponseError(UPLOAD_DOWNLOAD_NOT_ACCEPTED)  # erase first
        self._download = (address, size)
        self._counter = 0
        self.flash.written = bytearray()
        return bytes([0x74, 0x20]) + MAX_BLOCK.to_bytes(2, "big")

    def transfer_data(self, req: bytes) -> bytes:
        if self._download is None:
            raise NegativeResponseError(REQUEST_SEQUENCE_ERROR)
        if len(req) < 2 or len(req) > MAX_BLOCK:
            raise NegativeResponseError(WRONG_LENGTH)
        counter = req[1]
        expected = (self._counter + 1) & 0xFF
        if counter == self._counter and self._counter:
            return bytes([0x76, counter])  # a repeated block (the answer was lost): already written
        if counter != expected:
            raise NegativeResponseError(WRONG_BLOCK_SEQUENCE)
        if len(self.flash.written) + len(req) - 2 > self._download[1]:
            raise NegativeResponseError(TRANSFER_SUSPENDED)
        self.flash.written += req[2:]
        self._counter = counter
        return bytes([0x76, counter])

    def request_transfer_exit(self, req: bytes) -> bytes:
        if self._download is None:
            raise NegativeResponseError(REQUEST_SEQUENCE_ERROR)
        if len(self.flash.written) != self._download[1]:
            raise NegativeResponseError(CONDITIONS_NOT_CORRECT)
        self._download = None
        return b"\x77"
