"""A UDS (ISO 14229-1) server: the services a simulated ECU answers, with ISO's negative responses.

Services: DiagnosticSessionControl 0x10, ECUReset 0x11, ClearDiagnosticInformation 0x14,
ReadDTCInformation 0x19 (0x01, 0x02, 0x04, 0x06), ReadDataByIdentifier 0x22,
WriteDataByIdentifier 0x2E (extended session), TesterPresent 0x3E, OBD-II modes 01/03/09 where the
ECU has them, and reprogramming in the programming session (0x27, 0x31, 0x34, 0x36, 0x37: see
``bootloader.py``). An ECU whose application was erased or never completed runs its bootloader: it answers
only session control, reset, identification, tester present and the programming services.
What the ECU knows (its DIDs, DTCs, monitors) comes from its :class:`EcuDefinition`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import can

from vehicle_bus.diagnostics.catalog import DidSpec

from . import obd
from .bootloader import Bootloader
from .dtc_memory import (
    AVAILABILITY_MASK,
    FIRST_RECORD,
    LATEST_RECORD,
    OCCURRENCE_RECORD,
    DtcMemory,
    Snapshot,
    StoredDtc,
)
from .nrc import (
    CONDITIONS_NOT_CORRECT,
    OUT_OF_RANGE,
    QUIET_ON_FUNCTIONAL,
    SERVICE_NOT_IN_SESSION,
    SERVICE_NOT_SUPPORTED,
    SUBFUNCTION_NOT_IN_SESSION,
    SUBFUNCTION_NOT_SUPPORTED,
    WRONG_LENGTH,
    NegativeResponseError,
)
from .transport import IsoTpEndpoint

if TYPE_CHECKING:
    from ..vehicle import SimulatedVehicle
    from .ecus import EcuDefinition

DEFAULT_SESSION, PROGRAMMING_SESSION, EXTENDED_SESSION = 0x01, 0x02, 0x03
HARD_RESET, KEY_OFF_ON_RESET, SOFT_RESET = 0x01, 0x02, 0x03
SUPPRESS_POSITIVE = 0x80
P2_MS, P2_STAR_10MS = 50, 500
S3_S = 5.0  # a non-default session ends after this long without a request
RESET_S = 0.5  # the ECU is off the bus while it restarts
MONITOR_S = 0.1
SNAPSHOT_DIDS = (0xDD00, 0xDD01)
PROGRAMMING_SERVICES = (0x27, 0x31, 0x34, 0x36, 0x37)
BOOTLOADER_SERVICES = (0x10, 0x11, 0x22, 0x3E, *PROGRAMMING_SERVICES)
SOFTWARE_VERSION_DID, HARDWARE_VERSION_DID = 0xF195, 0xF193
BOOTLOADER_VERSION = "BOOTLOADER"
STANDING_KMH = 1.0


@dataclass
class ServerStats:
    requests: int = 0
    negative: int = 0
    resets: int = 0


class UdsServer:
    def __init__(
        self,
        ecu: EcuDefinition,
        car: SimulatedVehicle,
        dids: dict[int, DidSpec],
        functional_id: int,
    ) -> None:
        self.ecu = ecu
        self.name = ecu.spec.name
        self.car = car
        self.dids = dids
        self.transport = IsoTpEndpoint(ecu.spec.request_id, ecu.spec.response_id, functional_id)
        self.memory = DtcMemory(ecu.monitors)
        self.session = DEFAULT_SESSION
        self.stats = ServerStats()
        self.written: dict[int, bytes] = {}
        self.silent = False  # a fault that takes the ECU off the diagnostic bus
        self.freeze_frame: tuple[int, dict[int, bytes]] | None = None  # OBD-II mode 02: (DTC, PID data)
        ident = ecu.identification
        self.bootloader = Bootloader(
            self.name, ident.get(HARDWARE_VERSION_DID, ""), ident.get(SOFTWARE_VERSION_DID, "")
        )
        self._offline_until = 0.0
        self._last_request = 0.0
        self._next_monitor = 0.0

    # -- the simulation loop --------------------------------------------------------------------------------
    def receive(self, msg: can.Message) -> None:
        if self.silent or self.car.faults.active(f"{self.name.lower()}-diag-silent"):
            return
        if time.monotonic() < self._offline_until:
            return
        self.transport.feed(msg, self.handle)

    def step(self) -> list[can.Message]:
        now = time.monotonic()
        if self.session != DEFAULT_SESSION and now - self._last_request > S3_S:
            self.session = DEFAULT_SESSION
            self.bootloader.lock()
        if self.car.t >= self._next_monitor:
            self._next_monitor = self.car.t + MONITOR_S
            self.run_monitors()
        return self.transport.poll()

    def run_monitors(self) -> None:
        car = self.car
        snapshot = Snapshot(int(car.wall_epoch + car.t), int(car.odometer_km))
        for number, failing in self.ecu.monitors.items():
            self.memory.report(number, bool(failing(car)), car.t, snapshot)
        obd.freeze_frame_capture(self)

    # -- services -------------------------------------------------------------------------------------------
    def handle(self, request: bytes, functional: bool = False) -> bytes | None:
        """The response to one request (None: no response, as for a suppressed positive response)."""
        if not request:
            return None
        self.stats.requests += 1
        self._last_request = time.monotonic()
        sid = request[0]
        try:
            return self._dispatch(sid, request)
        except NegativeResponseError as nrc:
            self.stats.negative += 1
            if functional and nrc.code in QUIET_ON_FUNCTIONAL:
                return None
            return bytes([0x7F, sid, nrc.code])

    def power_cycle(self) -> None:
        """A power cut: off the bus for a restart, volatile state lost, flash memory kept."""
        self.session = DEFAULT_SESSION
        self.bootloader.power_cycle()
        self.transport.reset()
        self._offline_until = time.monotonic() + RESET_S

    @property
    def in_bootloader(self) -> bool:
        return not self.bootloader.flash.valid

    def _dispatch(self, sid: int, req: bytes) -> bytes | None:
        if self.in_bootloader and sid not in BOOTLOADER_SERVICES:
            raise NegativeResponseError(SERVICE_NOT_SUPPORTED)
        if sid in PROGRAMMING_SERVICES:
            if self.session != PROGRAMMING_SESSION:
                raise NegativeResponseError(SERVICE_NOT_IN_SESSION)
            boot = self.bootloader
            return {
                0x27: boot.security_access,
                0x31: boot.routine_control,
                0x34: boot.request_download,
                0x36: boot.transfer_data,
                0x37: boot.request_transfer_exit,
            }[sid](req)
        if sid in obd.MODES:
            return obd.answer(self, req)
        service = {
            0x10: self._session_control,
            0x11: self._ecu_reset,
            0x14: self._clear,
            0x19: self._read_dtc_information,
            0x22: self._read_data,
            0x2E: self._write_data,
            0x3E: self._tester_present,
        }.get(sid)
        if service is None:
            raise NegativeResponseError(SERVICE_NOT_SUPPORTED)
        return service(req)

    @staticmethod
    def _subfunction(req: bytes, length: int) -> tuple[int, bool]:
        if len(req) != length:
            raise NegativeResponseError(WRONG_LENGTH)
        return req[1] & 0x7F, bool(req[1] & SUPPRESS_POSITIVE)

    def _session_control(self, req: bytes) -> bytes | None:
        sub, quiet = self._subfunction(req, 2)
        if sub not in (DEFAULT_SESSION, EXTENDED_SESSION, PROGRAMMING_SESSION):
            raise NegativeResponseError(SUBFUNCTION_NOT_SUPPORTED)
        if sub == PROGRAMMING_SESSION:
            if self.session == DEFAULT_SESSION and not self.in_bootloader:
                # As most OEMs do: the programming session only from the extended one (a tester's choice,
                # never a stray request); a bootloader waiting for an image takes it directly.
                raise NegativeResponseError(SUBFUNCTION_NOT_IN_SESSION)
            if self.car.speed_kmh > STANDING_KMH:
                raise NegativeResponseError(CONDITIONS_NOT_CORRECT)  # never reprogram a moving car
        if sub != self.session:
            self.bootloader.lock()  # a session change locks security access again
        self.session = sub
        timing = P2_MS.to_bytes(2, "big") + P2_STAR_10MS.to_bytes(2, "big")
        return None if quiet else bytes([0x50, sub]) + timing

    def _tester_present(self, req: bytes) -> bytes | None:
        sub, quiet = self._subfunction(req, 2)
        if sub != 0:
            raise NegativeResponseError(SUBFUNCTION_NOT_SUPPORTED)
        return None if quiet else b"\x7e\x00"

    def _ecu_reset(self, req: bytes) -> bytes | None:
        sub, quiet = self._subfunction(req, 2)
        if sub not in (HARD_RESET, KEY_OFF_ON_RESET, SOFT_RESET):
            raise NegativeResponseError(SUBFUNCTION_NOT_SUPPORTED)
        if sub == SOFT_RESET and self.session != EXTENDED_SESSION:
            raise NegativeResponseError(SUBFUNCTION_NOT_IN_SESSION)
        if self.car.speed_kmh > STANDING_KMH:
            raise NegativeResponseError(CONDITIONS_NOT_CORRECT)  # never restart an ECU of a moving car
        self.stats.resets += 1
        self.session = DEFAULT_SESSION
        self.bootloader.power_cycle()
        self.memory.new_operation_cycle()
        # The positive response goes out first; then the ECU is off the bus while it restarts.
        self._offline_until = time.monotonic() + RESET_S
        return None if quiet else bytes([0x51, sub])

    def _clear(self, req: bytes) -> bytes:
        if len(req) != 4:
            raise NegativeResponseError(WRONG_LENGTH)
        if not self.memory.clear(int.from_bytes(req[1:4], "big")):
            raise NegativeResponseError(OUT_OF_RANGE)
        self.freeze_frame = None
        return b"\x54"

    def _read_data(self, req: bytes) -> bytes:
        if len(req) < 3 or (len(req) - 1) % 2:
            raise NegativeResponseError(WRONG_LENGTH)
        out = bytearray([0x62])
        for i in range(1, len(req), 2):
            did = int.from_bytes(req[i : i + 2], "big")
            data = self.read_did(did)
            if data is not None:
                out += did.to_bytes(2, "big") + data
        if len(out) == 1:
            raise NegativeResponseError(OUT_OF_RANGE)
        return bytes(out)

    def read_did(self, did: int) -> bytes | None:
        spec = self.dids.get(did)
        if spec is None:
            return None
        if did == SOFTWARE_VERSION_DID:
            version = self.bootloader.flash.software_version
            if self.in_bootloader:
                version = BOOTLOADER_VERSION
            elif version != self.ecu.identification.get(did):
                version = f"{self.name} {version}"  # what a flashed image reports
            return spec.encode(version)
        if self.in_bootloader and did not in self.ecu.identification:
            return None
        if did in self.written:
            return self.written[did]
        if did in self.ecu.identification:
            return spec.encode(self.ecu.identification[did])
        getter = self.ecu.live.get(did)
        return spec.encode(getter(self.car)) if getter is not None else None

    def _write_data(self, req: bytes) -> bytes:
        if self.session != EXTENDED_SESSION:
            raise NegativeResponseError(SERVICE_NOT_IN_SESSION)
        if len(req) < 4:
            raise NegativeResponseError(WRONG_LENGTH)
        did = int.from_bytes(req[1:3], "big")
        spec = self.dids.get(did)
        if did not in self.ecu.writable or spec is None:
            raise NegativeResponseError(OUT_OF_RANGE)
        if len(req) - 3 != spec.length:
            raise NegativeResponseError(WRONG_LENGTH)
        self.written[did] = bytes(req[3:])
        return bytes([0x6E]) + req[1:3]

    def _read_dtc_information(self, req: bytes) -> bytes:
        if len(req) < 2:
            raise NegativeResponseError(WRONG_LENGTH)
        sub = req[1] & 0x7F
        if sub in (0x01, 0x02):
            if len(req) != 3:
                raise NegativeResponseError(WRONG_LENGTH)
            found = self.memory.matching(req[2])
            if sub == 0x01:
                # Format 0x01: ISO 14229-1 DTC format; then the count, two bytes.
                return bytes([0x59, 0x01, AVAILABILITY_MASK, 0x01]) + len(found).to_bytes(2, "big")
            body = b"".join(d.number.to_bytes(3, "big") + bytes([d.status]) for d in found)
            return bytes([0x59, 0x02, AVAILABILITY_MASK]) + body
        if sub in (0x04, 0x06):
            if len(req) != 6:
                raise NegativeResponseError(WRONG_LENGTH)
            stored = self.memory.dtcs.get(int.from_bytes(req[2:5], "big"))
            if stored is None:
                raise NegativeResponseError(OUT_OF_RANGE)
            head = bytes([0x59, sub]) + req[2:5] + bytes([stored.status])
            if sub == 0x04:
                return head + self._snapshots(stored, req[5])
            return head + self._extended_data(stored, req[5])
        raise NegativeResponseError(SUBFUNCTION_NOT_SUPPORTED)

    def _snapshots(self, stored: StoredDtc, record: int) -> bytes:
        if record not in (FIRST_RECORD, LATEST_RECORD, 0xFF):
            raise NegativeResponseError(OUT_OF_RANGE)
        out = bytearray()
        for number, snap in ((FIRST_RECORD, stored.first), (LATEST_RECORD, stored.latest)):
            if snap is None or record not in (number, 0xFF):
                continue
            out += bytes([number, len(SNAPSHOT_DIDS)])
            for did, value in zip(SNAPSHOT_DIDS, (snap.time_s, snap.odometer_km), strict=True):
                out += did.to_bytes(2, "big") + self.dids[did].encode(value)
        return bytes(out)

    def _extended_data(self, stored: StoredDtc, record: int) -> bytes:
        if record not in (OCCURRENCE_RECORD, 0xFF):
            raise NegativeResponseError(OUT_OF_RANGE)
        return bytes([OCCURRENCE_RECORD, stored.occurrences])
