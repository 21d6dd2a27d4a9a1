"""OBD-II (SAE J1979) over ISO 15765-4: a functional request on 0x7DF, answers from 0x7E8-0x7EF.

A request goes out once, on the functional id; every ECU that has an answer sends it on its own response
id, and a multi-frame answer (the VIN) gets its flow control on that ECU's physical request id. One
ISO-TP stack per possible responder listens for the whole window, since nobody knows beforehand which
ECUs will answer.
"""

from __future__ import annotations

import threading
import time
from contextlib import ExitStack

import can
import isotp

from .catalog import dtc_text
from .reports import ObdReport

FIRST_RESPONSE_ID = 0x7E8
RESPONDERS = 8
PADDING = 0x55  # ISO 15765-4 fills unused bytes; any value is allowed
# Mode 01 PIDs asked for: name, data length, conversion (SAE J1979 formulas).
PIDS = {
    0x0D: ("speed_kmh", 1, lambda d: float(d[0])),
    0x42: ("control_module_voltage_v", 2, lambda d: int.from_bytes(d, "big") / 1000),
    0x46: ("ambient_temperature_c", 1, lambda d: float(d[0] - 40)),
    0x5B: ("battery_remaining_percent", 1, lambda d: round(d[0] * 100 / 255, 1)),
}
SUPPORTED_PID_LENGTH = 4
LATE_ANSWER_S = 0.15


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
    ) -> None:
        self.lock = lock or threading.Lock()
        self.closed = False
        self.bus = bus
        self.notifier = notifier
        self.functional_id = functional_id
        self.window = window

    def read(self) -> ObdReport:
        with self.lock:
            if self.closed:
                return ObdReport(problem="diagnostics closed (the head unit is shutting down)")
            return self._read()

    def _read(self) -> ObdReport:
        report = ObdReport()
        with ExitStack() as stacks:
            listeners: dict[int, isotp.NotifierBasedCanStack] = {}
            for rx in range(FIRST_RESPONSE_ID, FIRST_RESPONSE_ID + RESPONDERS):
                address = isotp.Address(isotp.AddressingMode.Normal_11bits, txid=rx - 8, rxid=rx)
                listeners[rx] = stacks.enter_context(_Started(_stack(self.bus, self.notifier, address)))
            sender_address = isotp.Address(
                isotp.AddressingMode.Normal_11bits, txid=self.functional_id, rxid=0
            )
            sender = stacks.enter_context(_Started(_stack(self.bus, self.notifier, sender_address)))
            for request, parse in (
                (bytes([0x01, *PIDS]), self._current_data),
                (b"\x09\x02", self._vin),
                (b"\x03", self._stored_dtcs),
            ):
                answers = self._ask(sender, listeners, request)
                for rx, payload in answers.items():
                    name = f"0x{rx:03X}"
                    if name not in report.responders:
                        report.responders.append(name)
                    parse(report, name, payload)
        if not report.responders:
            report.problem = f"no OBD-II answer to 0x{self.functional_id:03X} after {self.window:.1f} s"
        return report

    def _ask(
        self, sender: isotp.TransportLayer, listeners: dict[int, isotp.TransportLayer], request: bytes
    ) -> dict[int, bytes]:
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
    def _current_data(report: ObdReport, _: str, payload: bytes) -> None:
        i = 1
        while i < len(payload):
            pid = payload[i]
            if pid in PIDS:
                name, length, convert = PIDS[pid]
                report.values[name] = convert(payload[i + 1 : i + 1 + length])
                i += 1 + length
            elif pid % 0x20 == 0:
                i += 1 + SUPPORTED_PID_LENGTH
            else:
                break  # a PID we did not ask for: its length is unknown, so nothing after it can be read

    @staticmethod
    def _vin(report: ObdReport, _: str, payload: bytes) -> None:
        if len(payload) >= 20 and payload[1] == 0x02:
            report.vin = payload[3:20].decode("ascii", "replace").strip("\0 ")

    @staticmethod
    def _stored_dtcs(report: ObdReport, responder: str, payload: bytes) -> None:
        codes = [
            dtc_text(int.from_bytes(payload[i : i + 2], "big") << 8) for i in range(2, len(payload) - 1, 2)
        ]
        report.stored_dtcs[responder] = codes


class _Started:
    """Start an ISO-TP stack's threads for a ``with`` block and stop them after."""

    def __init__(self, stack: isotp.NotifierBasedCanStack) -> None:
        self.stack = stack

    def __enter__(self) -> isotp.NotifierBasedCanStack:
        self.stack.start()
        return self.stack

    def __exit__(self, *exc: object) -> None:
        self.stack.stop()
