"""OBD-II (SAE J1979 / ISO 15031-5) over ISO 15765-4: modes 01 (current data, with PID 01 MIL status and
readiness monitors), 02 (freeze frame), 03 (stored DTCs), 07 (pending DTCs), 09 (VIN, ECU name) and 0A
(permanent DTCs).

An EV has no combustion monitors: PID 01 reports spark ignition (the J1979 default for non-diesel) with
only the comprehensive-component monitor supported, complete once every monitor of the ECU has run. Codes
are the ECU's emission-relevant ones: stored = confirmed, pending = pending bit, permanent = confirmed and
still failing (J1979 keeps those until the monitor passes, so a mode 04 / 0x14 clear cannot hide them).

A scan tool asks on the functional id of the ECU's addressing (0x7DF, or 0x18DB33F1 for 29-bit ids); an ECU
that has no answer stays quiet, one that has answers with its own response id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .dtc_memory import CONFIRMED, NOT_COMPLETED_SINCE_CLEAR, PENDING, TEST_FAILED
from .nrc import OUT_OF_RANGE, SERVICE_NOT_SUPPORTED, WRONG_LENGTH, NegativeResponseError

if TYPE_CHECKING:
    from ..vehicle import SimulatedVehicle
    from .server import UdsServer

CURRENT_DATA, FREEZE_FRAME, STORED_DTCS, PENDING_DTCS, VEHICLE_INFO, PERMANENT_DTCS = 1, 2, 3, 7, 9, 0x0A
MODES = {CURRENT_DATA, FREEZE_FRAME, STORED_DTCS, PENDING_DTCS, VEHICLE_INFO, PERMANENT_DTCS}
MONITOR_STATUS_PID, FREEZE_DTC_PID = 0x01, 0x02
COMPONENTS_SUPPORTED, COMPONENTS_INCOMPLETE = 0x04, 0x40
FUEL_TYPE_ELECTRIC = 0x08
SUPPORTED_PID_BLOCKS = (0x00, 0x20, 0x40, 0x60)
VIN_PID, ECU_NAME_PID = 0x02, 0x0A
PidEncoder = Callable[["SimulatedVehicle"], bytes]


def speed(car: SimulatedVehicle) -> bytes:
    return bytes([min(255, round(car.speed_kmh))])


def control_module_voltage(car: SimulatedVehicle) -> bytes:
    return min(0xFFFF, round(car.lv_voltage * 1000)).to_bytes(2, "big")


def ambient_temperature(car: SimulatedVehicle) -> bytes:
    return bytes([max(0, min(255, round(car.climate.state.outside_temp) + 40))])


def battery_remaining(car: SimulatedVehicle) -> bytes:
    """PID 0x5B, hybrid/EV battery pack remaining life: the state of charge, A × 100 / 255 %."""
    return bytes([round(car.battery.state.soc * 255 / 100)])


def run_time(car: SimulatedVehicle) -> bytes:
    """PID 1F, seconds since the car was switched on."""
    return min(0xFFFF, round(car.t)).to_bytes(2, "big")


def fuel_type(car: SimulatedVehicle) -> bytes:
    return bytes([FUEL_TYPE_ELECTRIC])


CURRENT_PIDS: dict[int, PidEncoder] = {
    0x0D: speed,
    0x1F: run_time,
    0x51: fuel_type,
    0x42: control_module_voltage,
    0x46: ambient_temperature,
    0x5B: battery_remaining,
}


def _supported_bitmap(block: int, pids: set[int]) -> bytes:
    """PIDs block+1 … block+0x20 as a 32-bit map; the last bit says whether the next block has any."""
    bits = 0
    for pid in pids:
        if block < pid <= block + 0x20:
            bits |= 1 << (32 - (pid - block))
    return bits.to_bytes(4, "big")


def data_pids(server: UdsServer) -> set[int]:
    """The mode 01 data PIDs this ECU has."""
    own = server.ecu.obd_pids
    return set(CURRENT_PIDS) if own is None else set(own) & set(CURRENT_PIDS)


def monitor_status(server: UdsServer) -> bytes:
    """PID 01: MIL and confirmed-code count (A), then the readiness monitors (B, C, D)."""
    codes = server.memory.matching(CONFIRMED)
    mil = any(d.status & TEST_FAILED for d in codes)
    incomplete = any(d.status & NOT_COMPLETED_SINCE_CLEAR for d in server.memory.dtcs.values())
    b = COMPONENTS_SUPPORTED | (COMPONENTS_INCOMPLETE if incomplete else 0)
    return bytes([(0x80 if mil else 0) | min(len(codes), 0x7F), b, 0x00, 0x00])


def freeze_frame_capture(server: UdsServer) -> None:
    """The first confirmed code freezes the current data once (J1979 keeps one frame, number 0)."""
    if server.freeze_frame is not None or not server.ecu.obd:
        return
    codes = server.memory.matching(CONFIRMED)
    if codes:
        data = {pid: CURRENT_PIDS[pid](server.car) for pid in data_pids(server)}
        server.freeze_frame = (codes[0].number >> 8, data)


def _codes(mode: int, numbers: list[int]) -> bytes:
    return bytes([mode | 0x40, len(numbers)]) + b"".join((n >> 8).to_bytes(2, "big") for n in numbers)


def _freeze(server: UdsServer, req: bytes) -> bytes:
    if len(req) < 3 or len(req) % 2 == 0:
        raise NegativeResponseError(WRONG_LENGTH)
    out = bytearray([0x42])
    frame = server.freeze_frame
    for i in range(1, len(req), 2):
        pid, number = req[i], req[i + 1]
        if number != 0:
            continue  # one frame only
        if pid == 0:
            stored = set(frame[1]) | {FREEZE_DTC_PID} if frame else {FREEZE_DTC_PID}
            out += bytes([0, 0]) + _supported_bitmap(0, stored)
        elif pid == FREEZE_DTC_PID:
            out += bytes([pid, 0]) + (frame[0] if frame else 0).to_bytes(2, "big")
        elif frame and pid in frame[1]:
            out += bytes([pid, 0]) + frame[1][pid]
    if len(out) == 1:
        raise NegativeResponseError(OUT_OF_RANGE)
    return bytes(out)


def answer(server: UdsServer, req: bytes) -> bytes:
    ecu = server.ecu
    if not ecu.obd:
        raise NegativeResponseError(SERVICE_NOT_SUPPORTED)
    mode = req[0]
    if mode in (STORED_DTCS, PENDING_DTCS, PERMANENT_DTCS):
        if len(req) != 1:
            raise NegativeResponseError(WRONG_LENGTH)
        memory = server.memory
        if mode == STORED_DTCS:
            found = memory.matching(CONFIRMED)
        elif mode == PENDING_DTCS:
            found = memory.matching(PENDING)
        else:
            found = [d for d in memory.matching(CONFIRMED) if d.status & TEST_FAILED]
        return _codes(mode, [d.number for d in found])
    if mode == FREEZE_FRAME:
        return _freeze(server, req)
    if not 2 <= len(req) <= 7:
        raise NegativeResponseError(WRONG_LENGTH)
    if mode == CURRENT_DATA:
        pids = data_pids(server) | {MONITOR_STATUS_PID}
        chain = pids | {b for b in SUPPORTED_PID_BLOCKS[1:] if any(p > b for p in pids)}
        out = bytearray([0x41])
        for pid in req[1:]:
            if pid in SUPPORTED_PID_BLOCKS and (pid == 0 or pid in chain):
                out += bytes([pid]) + _supported_bitmap(pid, chain)
            elif pid == MONITOR_STATUS_PID:
                out += bytes([pid]) + monitor_status(server)
            elif pid in pids:
                out += bytes([pid]) + CURRENT_PIDS[pid](server.car)
    else:
        info = {VIN_PID: ecu.identification.get(0xF190, ""), ECU_NAME_PID: f"{ecu.spec.name}-{ecu.title}"}
        info = {pid: text for pid, text in info.items() if text}
        out = bytearray([0x49])
        for pid in req[1:2]:  # one info type per request (J1979 mode 09)
            if pid == 0:
                out += bytes([0]) + _supported_bitmap(0, set(info))
            elif pid in info:
                width = 17 if pid == VIN_PID else 20
                out += bytes([pid, 1]) + info[pid].encode("ascii")[:width].ljust(width, b"\0")
    if len(out) == 1:
        raise NegativeResponseError(OUT_OF_RANGE)
    return bytes(out)
