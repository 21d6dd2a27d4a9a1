"""OBD-II (SAE J1979 / ISO 15031-5) over ISO 15765-4: modes 01 (current data), 03 (stored DTCs), 09 (VIN).

A scan tool asks on the functional id 0x7DF; an ECU that has no answer stays quiet, one that has answers
with its own response id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .dtc_memory import CONFIRMED
from .nrc import OUT_OF_RANGE, SERVICE_NOT_SUPPORTED, WRONG_LENGTH, NegativeResponseError

if TYPE_CHECKING:
    from ..vehicle import SimulatedVehicle
    from .server import UdsServer

CURRENT_DATA, STORED_DTCS, VEHICLE_INFO = 0x01, 0x03, 0x09
MODES = {CURRENT_DATA, STORED_DTCS, VEHICLE_INFO}
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


CURRENT_PIDS: dict[int, PidEncoder] = {
    0x0D: speed,
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


def answer(server: UdsServer, req: bytes) -> bytes:
    ecu = server.ecu
    if not ecu.obd:
        raise NegativeResponseError(SERVICE_NOT_SUPPORTED)
    mode = req[0]
    if mode == STORED_DTCS:
        if len(req) != 1:
            raise NegativeResponseError(WRONG_LENGTH)
        confirmed = [d.number >> 8 for d in server.memory.matching(CONFIRMED)]
        return bytes([0x43, len(confirmed)]) + b"".join(c.to_bytes(2, "big") for c in confirmed)
    if not 2 <= len(req) <= 7:
        raise NegativeResponseError(WRONG_LENGTH)
    if mode == CURRENT_DATA:
        pids = set(CURRENT_PIDS)
        chain = pids | {b for b in SUPPORTED_PID_BLOCKS[1:] if any(p > b for p in pids)}
        out = bytearray([0x41])
        for pid in req[1:]:
            if pid in SUPPORTED_PID_BLOCKS and (pid == 0 or pid in chain):
                out += bytes([pid]) + _supported_bitmap(pid, chain)
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
