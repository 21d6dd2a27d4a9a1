"""OBD-II (SAE J1979) over ISO 15765-4: a functional request on 0x7DF, answers from 0x7E8-0x7EF; and on
29-bit ids, a functional request on 0x18DB33F1, answers from 0x18DAF1<ECU>.

A request goes out once per addressing, on the functional id; every ECU that has an answer sends it on its
own response id, and a multi-frame answer (the VIN) gets its flow control on that ECU's physical request
id. One ISO-TP stack per possible responder listens for the whole window, since nobody knows beforehand
which ECUs will answer. The 29-bit responders are the description's 29-bit ECUs (256 possible addresses
are too many stacks to keep open); the 29-bit request goes out only when there are any, in the same window
as the 11-bit one, so a car on 11-bit ids pays nothing for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack

import can
import isotp

from .catalog import FUNCTIONAL_29, dtc_text
from .reports import ObdReport, can_id

FIRST_RESPONSE_ID = 0x7E8
RESPONDERS = 8
PADDING = 0x55  # ISO 15765-4 fills unused bytes; any value is allowed
# Mode 01 PIDs asked for when the ECU supports them: name, data length, conversion (SAE J1979 formulas).
PIDS = {
    0x0D: ("speed_kmh", 1, lambda d: float(d[0])),
    0x1F: ("run_time_s", 2, lambda d: float(int.from_bytes(d, "big"))),
    0x31: ("distance_since_codes_cleared_km", 2, lambda d: float(int.from_bytes(d, "big"))),
    0x51: ("fuel_type_code", 1, lambda d: float(d[0])),
    0x42: ("control_module_voltage_v", 2, lambda d: int.from_bytes(d, "big") / 1000),
    0x46: ("ambient_temperature_c", 1, lambda d: float(d[0] - 40)),
    0x5B: ("battery_remaining_percent", 1, lambda d: round(d[0] * 100 / 255, 1)),
}
SUPPORTED_PID_LENGTH = 4
SUPPORT_BLOCKS = (0x00, 0x20, 0x40, 0x60, 0x80, 0xA0)  # "PIDs supported" every 0x20 (max 6 per request)
STATUS_PID, FREEZE_DTC_PID = 0x01, 0x02
MAX_PIDS_PER_REQUEST = 6
LATE_ANSWER_S = 0.15
# PID 01 readiness monitors (SAE J1979): byte B bits 0-2 available / 4-6 incomplete; bytes C/D likewise
# for the ignition type's own monitors (None: reserved bit).
COMMON_MONITORS = ("misfire", "fuel_system", "components")
SPARK_MONITORS = (
    "catalyst", "heated_catalyst", "evaporative_system", "secondary_air_system", None,
    "oxygen_sensor", "oxygen_sensor_heater", "egr_vvt_system",
)  # fmt: skip
COMPRESSION_MONITORS = (
    "nmhc_catalyst", "nox_scr_aftertreatment", None, "boost_pressure", None,
    "exhaust_gas_sensor", "pm_filter", "egr_vvt_system",
)  # fmt: skip


def monitor_status(data: bytes) -> dict:
    """PID 01's four bytes: MIL, confirmed emission-related code count, ignition type, readiness monitors."""
    a, b, c, d = data[:4]
    compression = bool(b & 0x08)
    monitors = {
        name: {"available": bool(b >> bit & 1), "complete": not b >> (bit + 4) & 1}
        for bit, name in enumerate(COMMON_MONITORS)
    }
    for bit, name in enumerate(COMPRESSION_MONITORS if compression else SPARK_MONITORS):
        if name:
            monitors[name] = {"available": bool(c >> bit & 1), "complete": not d >> bit & 1}
    return {
        "mil": bool(a & 0x80),
        "confirmed_dtcs": a & 0x7F,
        "ignition": "compression" if compression else "spark",
        "monitors": monitors,
    }


def supported_pids(block: int, bitmap: bytes) -> set[int]:
    """The PIDs a "PIDs supported [block+1 - block+0x20]" answer lists (bit 7 of the first byte: block+1)."""
    bits = int.from_bytes(bitmap[:4], "big")
    return {block + i for i in range(1, 33) if bits >> (32 - i) & 1}


def dtc_list(payload: bytes) -> list[str]:
    """Modes 03/07/0A: the count byte (ISO 15765-4), then two bytes per code."""
    return [dtc_text(int.from_bytes(payload[i : i + 2], "big") << 8) for i in range(2, len(payload) - 1, 2)]


def _stack(bus: can.BusABC, notifier: can.Notifier, address: isotp.Address) -> isotp.NotifierBasedCanStack:
    params = {"tx_padding": PADDING, "blocksize": 0, "stmin": 0}
    return isotp.NotifierBasedCanStack(bus, notifier, address=address, params=params)


class ObdReader:
    def __init__(
        self,
        bus: can.BusABC,
        notifier: can.Notifier,
        functional_id: int = 0x7DF,
        window: float = 0.5,
        lock: threading.Lock | None = None,
        extended: Sequence[tuple[int, int]] = (),
        functional_id_29: int = FUNCTIONAL_29,
    ) -> None:
        """``extended``: (request id, response id) of each 29-bit ECU that may answer."""
        self.lock = lock or threading.Lock()
        self.closed = False
        self.bus = bus
        self.notifier = notifier
        self.functional_id = functional_id
        self.window = window
        self.extended = tuple(extended)
        self.functional_id_29 = functional_id_29

    def read(self) -> ObdReport:
        with self.lock:
            if self.closed:
                return ObdReport(problem="diagnostics closed (the head unit is shutting down)")
            return self._read()

    def _read(self) -> ObdReport:
        report = ObdReport()
        with ExitStack() as stacks:
            normal_11, normal_29 = isotp.AddressingMode.Normal_11bits, isotp.AddressingMode.Normal_29bits
            pairs = [
                (rx - 8, rx, normal_11) for rx in range(FIRST_RESPONSE_ID, FIRST_RESPONSE_ID + RESPONDERS)
            ]
            pairs += [(tx, rx, normal_29) for tx, rx in self.extended]
            listeners: dict[int, isotp.NotifierBasedCanStack] = {}
            for tx, rx, mode in pairs:
                address = isotp.Address(mode, txid=tx, rxid=rx)
                listeners[rx] = stacks.enter_context(_Started(_stack(self.bus, self.notifier, address)))
            functional = [(self.functional_id, normal_11)]
            if self.extended:
                functional.append((self.functional_id_29, normal_29))
            senders = [
                stacks.enter_context(
                    _Started(_stack(self.bus, self.notifier, isotp.Address(mode, txid=tx, rxid=0)))
                )
                for tx, mode in functional
            ]

            def ask(request: bytes) -> dict[str, bytes]:
                answers = {can_id(rx): p for rx, p in self._ask(senders, listeners, request).items()}
                for name in answers:
                    if name not in report.responders:
                        report.responders.append(name)
                return answers

            supported: dict[str, set[int]] = {}
            for name, payload in ask(bytes([0x01, *SUPPORT_BLOCKS])).items():
                supported[name] = self._supported(payload)
                report.supported_pids[name] = sorted(supported[name])
            wanted = (
                sorted(set().union(*supported.values()) & ({STATUS_PID} | set(PIDS))) if supported else []
            )
            for i in range(0, len(wanted), MAX_PIDS_PER_REQUEST):
                for name, payload in ask(bytes([0x01, *wanted[i : i + MAX_PIDS_PER_REQUEST]])).items():
                    self._current_data(report, name, payload)
            self._freeze_frame(report, ask, wanted)
            for name, payload in ask(b"\x09\x02").items():
                self._vin(report, name, payload)
            for mode, codes in (
                (0x03, report.stored_dtcs),
                (0x07, report.pending_dtcs),
                (0x0A, report.permanent_dtcs),
            ):
                for name, payload in ask(bytes([mode])).items():
                    codes[name] = dtc_list(payload)
            # answers arrive in whatever order the ECUs (and a busy machine) produce; list them in
            # address order so the same car always reads the same way
            order = [can_id(rx) for _, rx, _ in pairs]
            report.responders.sort(key=order.index)
        if not report.responders:
            asked = can_id(self.functional_id) + (
                f" or {can_id(self.functional_id_29)}" if self.extended else ""
            )
            report.problem = f"no OBD-II answer to {asked} after {self.window:.1f} s"
        return report

    def _ask(
        self,
        senders: list[isotp.TransportLayer],
        listeners: dict[int, isotp.TransportLayer],
        request: bytes,
    ) -> dict[int, bytes]:
        for sender in senders:
            sender.send(request, isotp.TargetAddressType.Functional)
        deadline = time.monotonic() + self.window
        answers: dict[int, bytes] = {}
        while (left := deadline - time.monotonic()) > 0 and len(answers) < len(listeners):
            for rx, stack in listeners.items():
                payload = stack.recv(block=False)
                if payload and payload[0] == request[0] | 0x40:
                    if not answers:
                        # Every ECU answers within P2 (50 ms) of the request: once one has, the rest
                        # are close behind or not coming.
                        deadline = min(deadline, time.monotonic() + LATE_ANSWER_S)
                    answers[rx] = bytes(payload)
            time.sleep(min(0.005, max(left, 0)))
        return answers

    @staticmethod
    def _supported(payload: bytes) -> set[int]:
        found: set[int] = set()
        for i in range(1, len(payload) - SUPPORTED_PID_LENGTH, 1 + SUPPORTED_PID_LENGTH):
            found |= supported_pids(payload[i], payload[i + 1 : i + 1 + SUPPORTED_PID_LENGTH])
        return {p for p in found if p % 0x20}  # the "supported" PIDs themselves are not data

    def _freeze_frame(
        self, report: ObdReport, ask: Callable[[bytes], dict[str, bytes]], wanted: list[int]
    ) -> None:
        """Mode 02, frame 0: which DTC froze it, then each data PID (three PID/frame pairs per request)."""
        for name, payload in ask(bytes([0x02, FREEZE_DTC_PID, 0x00])).items():
            if len(payload) >= 5 and payload[1] == FREEZE_DTC_PID:
                number = int.from_bytes(payload[3:5], "big")
                if number:
                    report.freeze_frame[name] = {"dtc": dtc_text(number << 8), "values": {}}
        if not report.freeze_frame:
            return
        data_pids = [p for p in wanted if p in PIDS]
        for i in range(0, len(data_pids), 3):
            request = bytes([0x02, *(b for p in data_pids[i : i + 3] for b in (p, 0))])
            for name, payload in ask(request).items():
                if name in report.freeze_frame:
                    # 42 PID FRAME data …: drop the frame numbers and read it as mode 01 data.
                    values: dict[str, float] = {}
                    self._pid_values(values, self._without_frames(payload))
                    report.freeze_frame[name]["values"].update(values)

    @staticmethod
    def _without_frames(payload: bytes) -> bytes:
        out, i = bytearray([0x41]), 1
        while i + 1 < len(payload) and payload[i] in PIDS:
            length = PIDS[payload[i]][1]
            out += bytes([payload[i]]) + payload[i + 2 : i + 2 + length]
            i += 2 + length
        return bytes(out)

    @classmethod
    def _current_data(cls, report: ObdReport, name: str, payload: bytes) -> None:
        if len(payload) >= 6 and payload[1] == STATUS_PID:
            report.status[name] = monitor_status(payload[2:6])
            payload = payload[:1] + payload[6:]
        cls._pid_values(report.values, payload)

    @staticmethod
    def _pid_values(values: dict[str, float], payload: bytes) -> None:
        i = 1
        while i < len(payload):
            pid = payload[i]
            if pid in PIDS:
                name, length, convert = PIDS[pid]
                values[name] = convert(payload[i + 1 : i + 1 + length])
                i += 1 + length
            elif pid % 0x20 == 0:
                i += 1 + SUPPORTED_PID_LENGTH
            else:
                break  # a PID we did not ask for: its length is unknown, so nothing after it can be read

    @staticmethod
    def _vin(report: ObdReport, _: str, payload: bytes) -> None:
        if len(payload) >= 20 and payload[1] == 0x02:
            report.vin = payload[3:20].decode("ascii", "replace").strip("\0 ")


class _Started:
    """Start an ISO-TP stack's threads for a ``with`` block and stop them after."""

    def __init__(self, stack: isotp.NotifierBasedCanStack) -> None:
        self.stack = stack

    def __enter__(self) -> isotp.NotifierBasedCanStack:
        self.stack.start()
        return self.stack

    def __exit__(self, *exc: object) -> None:
        self.stack.stop()
