"""TLS with a CA the test makes, a password file and an ACL file on a real mosquitto; bad certificates,
wrong passwords and a broker that is down become one clear line, and telemetry is kept for later."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cockpit.connect.broker import parse_broker
from cockpit.connect.link import VehicleLink
from cockpit.connect.outbox import Outbox
from cockpit.connect.topics import Topics
from vehicle_bus.errors import InputError


def link_to(url: str, tmp_path: Path, **tls) -> VehicleLink:
    return VehicleLink(
        parse_broker(url, **tls), Topics("car-s"), Outbox(tmp_path / "q.sqlite"), "cockpit-car-s"
    )


def test_tls_with_the_right_ca_connects_and_a_wrong_ca_is_one_line(mosquitto, tls_files, wait_for, tmp_path):
    server = mosquitto(tls=tls_files).start()
    url = f"mqtts://127.0.0.1:{server.port}"
    good = link_to(url, tmp_path, ca=str(tls_files["ca"]))
    good.start()
    wait_for(lambda: good.connected, what="a TLS connection")
    good.close()

    bad = link_to(
        url, tmp_path / "bad", ca=str(tls_files["client_cert"])
    )  # not the CA that signed the broker
    bad.start()
    try:
        assert bad.problem and "certificate" in bad.problem and "--mqtt-ca" in bad.problem
        assert "\n" not in bad.problem and not bad.connected
    finally:
        bad.close()


def test_client_certificate_required(mosquitto, tls_files, wait_for, tmp_path):
    server = mosquitto(tls={**tls_files, "require_certificate": Path()}).start()
    url = f"mqtts://127.0.0.1:{server.port}"
    car = link_to(url, tmp_path, ca=str(tls_files["ca"]), cert=str(tls_files["client_cert"]),
                  key=str(tls_files["client_key"]))  # fmt: skip
    car.start()
    wait_for(lambda: car.connected, what="mutual TLS")
    car.close()


def test_bad_options_are_refused_before_anything_runs(tmp_path: Path) -> None:
    for url, kw, words in (
        ("http://host", {}, "not a broker URL"),
        ("mqtt://host:99999", {}, "port"),
        ("mqtts://host", {"ca": str(tmp_path / "missing.pem")}, "no such file"),
        ("mqtts://host", {"cert": str(tmp_path / "c.pem")}, "go together"),
    ):
        with pytest.raises(InputError, match=words):
            parse_broker(url, **kw)


def test_wrong_password_and_acl(mosquitto, wait_for, tmp_path: Path) -> None:
    passwords = tmp_path / "passwd"
    subprocess.run(["mosquitto_passwd", "-b", "-c", str(passwords), "car-s", "secret"], check=True)
    subprocess.run(["mosquitto_passwd", "-b", str(passwords), "intruder", "pw"], check=True)
    acl = tmp_path / "acl"
    # Each car writes only its own topics; nobody else writes a car's command topic except the app user.
    acl.write_text(
        "user car-s\ntopic readwrite cockpit/v1/car-s/#\n\nuser intruder\ntopic read cockpit/v1/#\n"
    )
    server = mosquitto(extra=f"allow_anonymous false\npassword_file {passwords}\nacl_file {acl}\n")
    server.config.write_text(server.config.read_text().replace("allow_anonymous true\n", ""))
    server.start()

    wrong = link_to(f"mqtt://car-s:nope@127.0.0.1:{server.port}", tmp_path / "w")
    wrong.start()
    try:
        wait_for(lambda: wrong.problem is not None and "refused" in wrong.problem, what="a refusal line")
        assert "user and password" in wrong.problem and not wrong.connected
    finally:
        wrong.close()

    car = link_to(f"mqtt://car-s:secret@127.0.0.1:{server.port}", tmp_path / "ok")
    received: list[bytes] = []
    car.subscribe(car.topics.command, lambda _t, p: received.append(p))
    car.start()
    wait_for(lambda: car.connected, what="the car with the right password")
    intruder = link_to(f"mqtt://intruder:pw@127.0.0.1:{server.port}", tmp_path / "i")
    intruder.start()
    wait_for(lambda: intruder.connected, what="the intruder (read-only)")
    intruder.client.publish(car.topics.command, b'{"id": "x"}', qos=1)
    car.client.publish(car.topics.command, b"own", qos=1)  # the car may write its own topics
    wait_for(lambda: received, what="the car's own message")
    assert received == [b"own"], "the ACL let another user write the car's command topic"
    intruder.close()
    car.close()
