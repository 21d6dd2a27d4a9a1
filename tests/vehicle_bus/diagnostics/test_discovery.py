"""Discovery of ECUs by TesterPresent on 11-bit and 29-bit diagnostic addresses, on a virtual bus."""

from __future__ import annotations

import threading
import time
import uuid

import can
import pytest

from cockpit.simulator.diagnostics.in_process import car_on_bus
from vehicle_bus.diagnostics.discovery import discover, request_29


def test_the_simulated_cars_ecus_are_found_on_11_bit_ids() -> None:
    with car_on_bus(timeout=0.5) as car:
        found = car.tester.discover(ids_11=range(0x7D0, 0x7F0), targets_29=())
    assert [(f.request_id, f.response_id, f.extended, f.positive) for f in found] == [
        (0x7E0, 0x7E8, False, True),
        (0x7E1, 0x7E9, False, True),
        (0x7E2, 0x7EA, False, True),
        (0x7E3, 0x7EB, False, True),
    ]


@pytest.mark.parametrize("late_s", [0.0, 0.08], ids=["in-time", "after-the-next-request"])
def test_29_bit_ecus_answer_on_their_normal_fixed_address(late_s: float) -> None:
    """Two 29-bit ECUs (0x10 answers, 0x33 refuses in its session: still an ECU) on a bus of their own.

    Answers later than the 30 ms window (a busy gateway, a busy machine) still name the right ECU."""
    channel = f"discovery-{uuid.uuid4().hex[:8]}"
    ecus = can.Bus(interface="virtual", channel=channel)
    tester = can.Bus(interface="virtual", channel=channel)
    stop = threading.Event()

    def answer() -> None:
        while not stop.is_set():
            msg = ecus.recv(timeout=0.05)
            if msg is None or not msg.is_extended_id:
                continue
            target, source = msg.arbitration_id >> 8 & 0xFF, msg.arbitration_id & 0xFF
            reply = {0x10: b"\x02\x7e\x00", 0x33: b"\x03\x7f\x3e\x7f"}.get(target)
            if reply is not None and msg.arbitration_id == request_29(target):
                time.sleep(late_s)
                response = 0x18DA0000 | source << 8 | target
                ecus.send(
                    can.Message(arbitration_id=response, data=reply.ljust(8, b"\x55"), is_extended_id=True)
                )

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    notifier = can.Notifier(tester, [], timeout=0.05)
    try:
        found = discover(tester, notifier, ids_11=(), targets_29=range(0x00, 0x40), wait=0.03)
    finally:
        stop.set()
        thread.join(2)
        notifier.stop()
        tester.shutdown()
        ecus.shutdown()
    assert [f.to_json() for f in found] == [
        {"request": "0x18DA10F1", "response": "0x18DAF110", "addressing": "29-bit", "answer": "positive"},
        {"request": "0x18DA33F1", "response": "0x18DAF133", "addressing": "29-bit", "answer": "negative"},
    ]
