"""Telemetry out to a real mosquitto: retained state, the sequenced stream, last will, and no data lost
across a broker outage or a head-unit restart (the on-disk queue)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from cockpit.connect.broker import parse_broker
from cockpit.connect.link import VehicleLink
from cockpit.connect.outbox import Outbox
from cockpit.connect.service import ConnectOptions, ConnectService, run_headless
from cockpit.connect.telemetry import Telemetry
from cockpit.connect.topics import Topics
from cockpit.session import Session, SessionOptions
from cockpit.state_store import StateStore

SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed"


def seqs(subscriber, topic: str) -> list[int]:
    return [m["seq"] for m in subscriber.payloads(topic)]


def contiguous(numbers: list[int]) -> bool:
    unique = sorted(set(numbers))
    return bool(unique) and unique == list(range(unique[0], unique[-1] + 1))


def test_the_simulated_car_publishes_state_stream_and_status(
    broker, subscribe, wait_for, tmp_path: Path
) -> None:
    topics = Topics("car-1")
    sub = subscribe(broker, f"{topics.base}/#")
    session = Session(SessionOptions(use_can_config=False, cycle="idle"))
    session.start()
    options = ConnectOptions(
        parse_broker(broker.url), vehicle_id="car-1", rate_hz=5, queue=tmp_path / "q.sqlite"
    )
    service = ConnectService(session, options)
    service.start()
    stop = threading.Event()
    loop = threading.Thread(target=run_headless, args=(session, service, stop))
    loop.start()
    try:
        wait_for(lambda: len(seqs(sub, topics.stream)) >= 4, what="four stream batches")
        wait_for(lambda: sub.payloads(topics.state(SOC)), what="the retained SoC")
    finally:
        stop.set()
        loop.join()
        service.close()
        session.close()
    batches = sub.payloads(topics.stream)
    assert contiguous([b["seq"] for b in batches]) and batches[0]["seq"] == 0
    assert any(SOC in b["v"] for b in batches) and all(b["ts"] > 1.7e9 for b in batches)
    state = sub.payloads(topics.state(SOC))[-1]
    assert 0 < state["v"] <= 100 and state["seq"] >= 0 and state["ts"] > 1.7e9
    statuses = [p for t, p, _ in sub.messages if t == topics.status]
    assert statuses[0] == b"online" and statuses[-1] == b"offline"
    # A late reader gets the car's current state from the broker (retained).
    late = subscribe(broker, topics.state(SOC))
    wait_for(lambda: late.messages, what="retained state for a late subscriber")
    assert late.messages[0][2] is True


class Car:
    """The telemetry side of a car without the simulator: a store we write, a link, a queue."""

    def __init__(self, url: str, queue: Path, rate_hz: float = 50.0) -> None:
        self.store = StateStore()
        self.topics = Topics("car-q")
        self.outbox = Outbox(queue)
        self.link = VehicleLink(parse_broker(url), self.topics, self.outbox, "cockpit-car-q")
        self.telemetry = Telemetry(self.store, self.link, rate_hz)
        self.value = 0

    def drive(self, batches: int) -> None:
        """Produce ``batches`` stream batches (one changed value each)."""
        for _ in range(batches):
            self.value += 1
            self.store.update("Vehicle.Speed", float(self.value), 0.0)
            assert self.telemetry.tick(now=float(self.value))
            self.link.pump()

    def drain(self, wait_for, timeout: float = 15.0) -> None:
        def empty() -> bool:
            self.link.pump()
            return len(self.outbox) == 0

        wait_for(empty, timeout, "the queue to drain")

    def connect_with_a_backend(self, broker, subscribe, wait_for):
        """Start the link with a persistent subscriber (the broker keeps its QoS 1 messages while it is
        away); the subscriber."""
        sub = subscribe(broker, self.topics.stream, client_id="fleet-backend")
        self.link.start()
        wait_for(lambda: self.link.connected, what="the car to connect")
        return sub

    def reconnect_pumping_at_connect(self, broker, wait_for) -> None:
        """Start ``broker`` again and pump at the worst moment: inside the connect, before paho resends
        what was never acknowledged (on CI a pump landing there sent newer batches ahead of those)."""
        reconnected = threading.Event()

        def pump_at_connect() -> None:
            if not reconnected.is_set():
                self.link.pump()
                reconnected.set()

        self.link.on_connected.append(pump_at_connect)
        broker.start()
        wait_for(reconnected.is_set, timeout=20, what="the car to reconnect")
        self.drain(wait_for)

    def close(self) -> None:
        self.link.close()
        self.outbox.close()


def test_what_a_crashed_broker_never_acknowledged_is_sent_again_before_anything_newer(
    broker, subscribe, wait_for, tmp_path: Path
) -> None:
    car = Car(broker.url, tmp_path / "q.sqlite")
    sub = car.connect_with_a_backend(broker, subscribe, wait_for)
    car.drive(50)
    car.drain(wait_for)
    wait_for(lambda: len(seqs(sub, car.topics.stream)) == 50, what="the first 50 batches")
    broker.freeze()
    car.drive(50)  # sent, never acknowledged: paho must resend these after the reconnect
    assert car.link.in_flight == 50
    broker.kill()
    wait_for(lambda: not car.link.connected, what="the car to notice")
    car.drive(100)  # into the on-disk queue
    car.reconnect_pumping_at_connect(broker, wait_for)
    wait_for(lambda: len(set(seqs(sub, car.topics.stream))) == 200, what="all 200 batches")
    first_seen = list(dict.fromkeys(seqs(sub, car.topics.stream)))
    assert first_seen == list(range(200)), "batches lost or out of order"
    car.close()


def test_broker_stopped_and_restarted_mid_stream_loses_nothing(
    broker, subscribe, wait_for, tmp_path: Path
) -> None:
    car = Car(broker.url, tmp_path / "q.sqlite")
    sub = car.connect_with_a_backend(broker, subscribe, wait_for)
    car.drive(100)
    broker.stop()
    wait_for(lambda: not car.link.connected, what="the car to notice")
    car.drive(300)  # into the on-disk queue
    assert len(car.outbox) >= 300
    car.reconnect_pumping_at_connect(broker, wait_for)
    wait_for(lambda: len(set(seqs(sub, car.topics.stream))) == 400, what="all 400 batches")
    received = seqs(sub, car.topics.stream)
    assert sorted(set(received)) == list(range(400))
    first_seen = list(dict.fromkeys(received))
    assert first_seen == sorted(first_seen), "batches arrived out of order"
    car.close()


def test_queue_survives_a_head_unit_restart_with_the_broker_down(
    mosquitto, subscribe, wait_for, tmp_path: Path
) -> None:
    server = mosquitto()  # configured, not started: the broker is down when the car starts
    queue = tmp_path / "q.sqlite"
    car = Car(server.url, queue)
    car.link.start()
    assert car.link.problem and "not reachable" in car.link.problem
    car.drive(50)
    car.close()  # the head unit goes off with 50 batches waiting
    assert len(Outbox(queue)) == 50

    server.start()
    sub = subscribe(server, Topics("car-q").stream)
    again = Car(server.url, queue)
    again.value = 50
    again.link.start()
    wait_for(lambda: again.link.connected, timeout=20, what="the restarted car to connect")
    again.drive(10)
    again.drain(wait_for)
    wait_for(lambda: len(set(seqs(sub, again.topics.stream))) == 60, what="60 batches")
    assert sorted(set(seqs(sub, again.topics.stream))) == list(range(60))
    speeds = [b["v"]["Vehicle.Speed"] for b in sub.payloads(again.topics.stream)]
    assert sorted(set(speeds)) == [float(i) for i in range(1, 61)]
    again.close()


@pytest.mark.parametrize(("drop", "kept"), [("oldest", [3, 4, 5]), ("newest", [1, 2, 3])])
def test_a_full_queue_drops_by_its_policy_and_counts(tmp_path: Path, drop: str, kept: list[int]) -> None:
    outbox = Outbox(tmp_path / "q.sqlite", max_messages=3, drop=drop)  # type: ignore[arg-type]
    accepted = [outbox.put("t", json.dumps(i).encode()) for i in range(1, 6)]
    assert [json.loads(m.payload) for m in outbox.after(0, 10)] == kept
    assert outbox.dropped == 2 and len(outbox) == 3
    assert accepted == ([True] * 5 if drop == "oldest" else [True, True, True, False, False])
