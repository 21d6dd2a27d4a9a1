"""Reprogramming an ECU over UDS (ISO 14229-1), the sequence a workshop tester runs.

Extended session → programming session → security access (seed/key) → erase routine (0xFF00) →
RequestDownload → TransferData blocks → RequestTransferExit → check-programming-dependencies routine
(0xFF01) → hard reset, then the new software version is read back. Each step is named in the result,
so an ECU that stops answering mid-flash is reported with where it stopped and what to do; the ECU's
bootloader keeps it reachable for the next attempt.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from udsoncan import MemoryLocation
from udsoncan.client import Client

from .catalog import EcuSpec
from .client import DiagnosticClient
from .reports import EcuReport
from .security import PROGRAMMING_LEVEL, SecurityAlgorithm, demo_key

EXTENDED_SESSION, PROGRAMMING_SESSION = 0x03, 0x02
ERASE_MEMORY, CHECK_DEPENDENCIES = 0xFF00, 0xFF01
HARD_RESET = 0x01
APP_ADDRESS = 0x0001_0000
BACK_AFTER_RESET_S = 5.0  # how long an ECU may take to start its new software
SOFTWARE_VERSION_DID = 0xF195
Progress = Callable[[int, int], None]


@dataclass
class FlashResult:
    ecu: str
    ok: bool
    step: str  # the last step started (the one that failed, when not ok)
    problem: str | None = None
    software_version: str | None = None  # as the ECU reports it after the reset
    bytes_sent: int = 0

    def to_json(self) -> dict:
        return dict(self.__dict__)


def flash_ecu(
    uds: DiagnosticClient,
    ecu: EcuSpec,
    image: bytes,
    progress: Progress | None = None,
    security: SecurityAlgorithm = demo_key,
) -> FlashResult:
    """Program ``image`` into ``ecu``; never raises for what the ECU does."""
    result = FlashResult(ecu.name, False, "programming session")

    def job(client: Client, report: EcuReport) -> None:
        result.step = "programming session"
        client.change_session(EXTENDED_SESSION)
        report.answered = True
        client.change_session(PROGRAMMING_SESSION)
        result.step = "security access"
        seed = client.request_seed(PROGRAMMING_LEVEL).service_data.seed
        if any(seed):
            client.send_key(PROGRAMMING_LEVEL + 1, security(PROGRAMMING_LEVEL, bytes(seed)))
        result.step = "erase"
        _routine_ok(client, ERASE_MEMORY, "erase")
        result.step = "request download"
        location = MemoryLocation(APP_ADDRESS, len(image), address_format=32, memorysize_format=32)
        block = client.request_download(location).service_data.max_length - 2
        result.step = "transfer data"
        counter = 0
        for offset in range(0, len(image), block):
            counter = (counter + 1) & 0xFF
            client.transfer_data(counter, image[offset : offset + block])
            result.bytes_sent = min(offset + block, len(image))
            if progress:
                progress(result.bytes_sent, len(image))
        result.step = "request transfer exit"
        client.request_transfer_exit()
        result.step = "check programming dependencies"
        _routine_ok(client, CHECK_DEPENDENCIES, "check programming dependencies")
        result.step = "ECU reset"
        client.ecu_reset(HARD_RESET)

    report = uds.run(ecu, job)
    if report.problem is None:
        result.software_version = _version_after_reset(uds, ecu)
        if result.software_version is None:
            report.problem = f"{ecu.name} did not come back within {BACK_AFTER_RESET_S:g} s after its reset"
    if report.problem is not None:
        result.problem = f"flashing {ecu.name} stopped at {result.step} ({report.problem}). " + _advice(
            ecu.name, result.step
        )
        return result
    result.ok = True
    return result


class RoutineFailedError(Exception):
    pass


def _routine_ok(client: Client, routine: int, name: str) -> None:
    status = client.start_routine(routine).service_data.routine_status_record
    if status and status[0] != 0:
        raise RoutineFailedError(f"the {name} routine reported failure (status 0x{status[0]:02X})")


def _advice(name: str, step: str) -> str:
    if step in ("programming session", "security access", "erase"):
        return f"{name} still runs its previous software; try again when it answers"
    return (
        f"{name} has no valid software now and waits in its bootloader; the car keeps it reachable. "
        f"Flash it again (the update retries, or in a workshop: cockpit diag flash {name} FILE)"
    )


def _version_after_reset(uds: DiagnosticClient, ecu: EcuSpec) -> str | None:
    deadline = time.monotonic() + BACK_AFTER_RESET_S
    while time.monotonic() < deadline:
        _, answer = uds.request(ecu, bytes([0x22]) + SOFTWARE_VERSION_DID.to_bytes(2, "big"))
        if answer is not None and len(answer) > 3:
            return uds.description.dids[SOFTWARE_VERSION_DID].decode(answer[3:])
        time.sleep(0.1)  # the ECU is restarting: poll, bounded by the deadline above
    return None
