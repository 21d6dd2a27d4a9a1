"""Which ECUs answer diagnostics on a bus, when their addresses are not known beforehand.

A TesterPresent (0x3E 00) single frame goes to each candidate request id, one at a time, and any
TesterPresent answer (positive 7E 00, or a negative 7F 3E) that arrives before the next request names an
ECU: its request id and the id it answered on. Ranges: 11-bit physical ids 0x700–0x7FF (ISO 15765-4's
0x7E0–0x7E7 plus the ranges OEMs use for non-emission ECUs), then 29-bit normal-fixed addressing
0x18DA<target><tester> with answers on 0x18DA<tester><target> (ISO 15765-4, tester 0xF1).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import can

TESTER_PRESENT = bytes([0x02, 0x3E, 0x00, 0x55, 0x55, 0x55, 0x55, 0x55])
ELEVEN_BIT = range(0x700, 0x800)
FUNCTIONAL_11 = 0x7DF
TESTER_ADDRESS = 0xF1
TARGETS_29 = range(0x00, 0x100)
WAIT_S = 0.03  # per request id: a simulated ECU answers within its 10 ms step, a real one within P2 (50 ms)
LAST_WAIT_S = 0.5  # after the last request: stragglers from a busy bus or a busy machine


@dataclass(frozen=True)
class Found:
    request_id: int
    response_id: int
    extended: bool
    positive: bool

    def to_json(self) -> dict:
        width = 8 if self.extended else 3
        return {
            "request": f"0x{self.request_id:0{width}X}",
            "response": f"0x{self.response_id:0{width}X}",
            "addressing": "29-bit" if self.extended else "11-bit",
            "answer": "positive" if self.positive else "negative",
        }


def request_29(target: int, tester: int = TESTER_ADDRESS) -> int:
    return 0x18DA0000 | target << 8 | tester


def _asked(response_id: int, extended: bool, asked: set[int], current: int) -> int:
    """The request an answer belongs to. An answer can come after its window, during the next request's,
    so it is matched by its own id where the addressing says which request it answers: 29-bit normal-fixed
    answers name their ECU (0x18DA<tester><target>), and 11-bit ECUs mostly answer on request + 8."""
    if extended and response_id >> 16 == 0x18DA:
        target, tester = response_id & 0xFF, response_id >> 8 & 0xFF
        request = request_29(target, tester)
        if request in asked:
            return request
    if not extended and response_id - 8 in asked:
        return response_id - 8
    return current


def _answer(msg: can.Message) -> bool | None:
    """True: a positive TesterPresent answer, False: a negative one, None: not an answer."""
    data = bytes(msg.data)
    if len(data) >= 3 and data[0] == 0x02 and data[1] == 0x7E:
        return True
    if len(data) >= 4 and data[0] == 0x03 and data[1] == 0x7F and data[2] == 0x3E:
        return False
    return None


def discover(
    bus: can.BusABC,
    notifier: can.Notifier,
    ids_11: Iterable[int] = ELEVEN_BIT,
    targets_29: Iterable[int] = TARGETS_29,
    wait: float = WAIT_S,
    progress: Callable[[int, int], None] | None = None,
) -> list[Found]:
    """Every id that answers; ``notifier`` reads ``bus`` (a reader of its own is attached meanwhile)."""
    requests = [(i, False) for i in ids_11 if i != FUNCTIONAL_11] + [
        (request_29(t), True) for t in targets_29
    ]
    reader = can.BufferedReader()
    notifier.add_listener(reader)
    found: dict[int, Found] = {}
    asked: set[int] = set()

    def listen(seconds: float, current: int, extended: bool) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            msg = reader.get_message(timeout=left)
            if msg is None or msg.arbitration_id == current:
                continue
            positive = _answer(msg)
            if positive is None or msg.arbitration_id in found:
                continue
            request = _asked(msg.arbitration_id, msg.is_extended_id, asked, current)
            if request == current and msg.is_extended_id != extended:
                continue  # late, from the other addressing, and its id does not say whose: not guessed
            found[msg.arbitration_id] = Found(request, msg.arbitration_id, msg.is_extended_id, positive)

    try:
        for n, (request_id, extended) in enumerate(requests):
            bus.send(can.Message(arbitration_id=request_id, data=TESTER_PRESENT, is_extended_id=extended))
            asked.add(request_id)
            listen(wait, request_id, extended)
            if progress:
                progress(n + 1, len(requests))
        if requests:
            listen(LAST_WAIT_S, *requests[-1])
    finally:
        notifier.remove_listener(reader)
    return sorted(found.values(), key=lambda f: (f.extended, f.request_id))
