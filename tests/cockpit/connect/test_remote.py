"""Remote commands through a real mosquitto to the simulated car: signed and allowed ones reach the command
layer and are confirmed; unsigned, badly signed, revoked, expired, replayed, forbidden, malformed and
flooding ones are refused with a published reason, and nothing of theirs reaches the car."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cockpit.connect.broker import parse_broker
from cockpit.connect.keychain import Keychain
from cockpit.connect.remote import RateLimit, RemoteCommands, SeenIds
from cockpit.connect.service import ConnectOptions, ConnectService, run_headless
from cockpit.connect.signing import sign_command
from cockpit.session import Session, SessionOptions

CAR = "car-r"
SEAT = "Vehicle.Cabin.Seat.Row1.PassengerSide.Heating"


class Remote:
    """The car (parked simulator + connect service on its own loop) and a phone that sends commands."""

    def __init__(self, broker, subscribe, wait_for, tmp_path: Path) -> None:
        self.session = Session(SessionOptions(use_can_config=False, cycle="idle"))
        self.session.start()
        assert self.session.commands.wait_for_status()
        self.keychain = Keychain(tmp_path / "keychain.json")
        self.phone = Ed25519PrivateKey.generate()
        self.keychain.pair("phone", self.phone.public_key())
        options = ConnectOptions(
            parse_broker(broker.url), vehicle_id=CAR, rate_hz=2, queue=tmp_path / "q.sqlite",
            keychain=tmp_path / "keychain.json", home_assistant=None,
        )  # fmt: skip
        self.service = ConnectService(self.session, options)
        self.service.start()
        self.results = subscribe(broker, self.service.topics.result)
        self.sender = subscribe(broker, "unused/#")
        self.wait_for = wait_for
        wait_for(lambda: self.service.link.online, what="the car to take commands")
        self.stop = threading.Event()
        self.loop = threading.Thread(target=run_headless, args=(self.session, self.service, self.stop))
        self.loop.start()

    def send(self, body: dict | bytes) -> None:
        payload = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.sender.client.publish(self.service.topics.command, payload, qos=1)

    def result(self, command_id: str | None, timeout: float = 20.0) -> dict:
        def found() -> dict | None:
            return next(
                (r for r in self.results.payloads(self.service.topics.result) if r["id"] == command_id), None
            )

        self.wait_for(lambda: found() is not None, timeout, f"the result of {command_id}")
        return found()  # type: ignore[return-value]

    def close(self) -> None:
        self.stop.set()
        self.loop.join()
        self.service.close()
        self.session.close()


@pytest.fixture
def remote(broker, subscribe, wait_for, tmp_path: Path) -> Iterator[Remote]:
    car = Remote(broker, subscribe, wait_for, tmp_path)
    yield car
    car.close()


def test_remote_commands_are_checked_then_executed_or_refused_with_a_reason(remote: Remote) -> None:
    store = remote.session.store
    ok = sign_command(remote.phone, CAR, "seat.heating", 2, instance="passenger")
    remote.send(ok)
    assert remote.result(ok["id"])["status"] == "confirmed"
    assert store.value(SEAT) == 67  # the car reports level 2

    # Replayed: the same signed message again.
    remote.send(ok)
    assert remote.result(ok["id"]) and _statuses(remote, ok["id"]) == ["confirmed", "replayed"]

    cases = {
        "unsigned": {
            k: v for k, v in sign_command(remote.phone, CAR, "seat.heating", 0).items() if k != "sig"
        },
        "tampered": {**sign_command(remote.phone, CAR, "seat.heating", 1, instance="passenger"), "value": 3},
        "stranger": sign_command(Ed25519PrivateKey.generate(), CAR, "seat.heating", 3),
        "other car": sign_command(remote.phone, "car-other", "seat.heating", 3),
        "expired": sign_command(remote.phone, CAR, "seat.heating", 3, now=time.time() - 120),
        "too long": sign_command(remote.phone, CAR, "seat.heating", 3, lifetime_s=3600),
        "forbidden": sign_command(remote.phone, CAR, "drive.mode", "sport"),
        "unknown": sign_command(remote.phone, CAR, "warp.drive", True),
        "bad value": sign_command(remote.phone, CAR, "seat.heating", 9, instance="passenger"),
    }
    for body in cases.values():
        remote.send(body)
    expected = {
        "unsigned": "invalid",
        "tampered": "unauthenticated",
        "stranger": "unauthenticated",
        "other car": "unauthenticated",
        "expired": "expired",
        "too long": "invalid",
        "forbidden": "forbidden",
        "unknown": "forbidden",
        "bad value": "refused",
    }
    got = {name: remote.result(body["id"])["status"] for name, body in cases.items()}
    assert got == expected
    assert "out of range" in remote.result(cases["bad value"]["id"])["reason"]
    remote.send(b"{not json")
    remote.wait_for(
        lambda: any(
            "malformed JSON" in r.get("reason", "")
            for r in remote.results.payloads(remote.service.topics.result)
        ),
        what="the malformed-JSON result",
    )
    assert store.value(SEAT) == 67, "a refused command reached the car"
    assert store.value("Vehicle.Powertrain.Transmission.PerformanceMode") != "SPORT"
    # The head unit lists what happened.
    statuses = [e.status for e in remote.service.remote.activity]
    assert "confirmed" in statuses and "unauthenticated" in statuses


def test_revoked_key_and_remote_access_off(remote: Remote) -> None:
    remote.service.remote.enabled = False
    off = sign_command(remote.phone, CAR, "seat.heating", 1, instance="passenger")
    remote.send(off)
    assert remote.result(off["id"])["status"] == "disabled"
    remote.service.remote.enabled = True
    remote.keychain.revoke("phone")
    revoked = sign_command(remote.phone, CAR, "seat.heating", 1, instance="passenger")
    remote.send(revoked)
    assert remote.result(revoked["id"])["status"] == "unauthenticated"
    assert remote.session.store.value(SEAT) == 0


def test_a_flood_of_commands_is_rate_limited(remote: Remote) -> None:
    # The flood arrives within one instant of the car's clock: on a loaded machine the 40 messages can take
    # more than a second to be checked, and the bucket would refill (1 a second) while they are.
    now = time.time()
    remote.service.remote.clock = lambda: now
    bodies = [sign_command(remote.phone, CAR, "climate.fan", 1 + i % 7, now=now) for i in range(40)]
    for body in bodies:
        remote.send(body)
    results = [remote.result(b["id"])["status"] for b in bodies]
    # The burst of 5 goes on to the command layer; every other command still gets its own result.
    assert "rate_limited" not in results[:5] and results[5:] == ["rate_limited"] * 35


def test_opening_the_car_needs_it_parked(tmp_path: Path) -> None:
    """The allow-list's condition, on a moving car (no broker needed: the checks are the same)."""
    keychain = Keychain(tmp_path / "keychain.json")
    phone = Ed25519PrivateKey.generate()
    keychain.pair("phone", phone.public_key())
    published: list[dict] = []
    moving = {"Vehicle.Speed": 48.0, "Vehicle.Powertrain.Transmission.SelectedGear": 127}
    remote = RemoteCommands(
        CAR, keychain, SeenIds(tmp_path / "seen.sqlite"), lambda: pytest.fail("must not execute"),
        moving.get, published.append, RateLimit(),
    )  # fmt: skip
    for function, value in (("doors.locked", False), ("charging.port", "open")):
        remote.submit(json.dumps(sign_command(phone, CAR, function, value)).encode())
    remote.poll()
    assert [(r["status"], r["reason"]) for r in published] == [("refused", "vehicle not parked")] * 2


def test_command_ids_stay_used_after_a_restart(tmp_path: Path) -> None:
    seen = SeenIds(tmp_path / "seen.sqlite")
    assert seen.first_use("abc", time.time() + 60, time.time())
    seen.close()
    assert not SeenIds(tmp_path / "seen.sqlite").first_use("abc", time.time() + 60, time.time())


def _statuses(remote: Remote, command_id: str) -> list[str]:
    remote.wait_for(
        lambda: (
            len([r for r in remote.results.payloads(remote.service.topics.result) if r["id"] == command_id])
            >= 2
        ),
        what="two results",
    )
    return [
        r["status"] for r in remote.results.payloads(remote.service.topics.result) if r["id"] == command_id
    ]
