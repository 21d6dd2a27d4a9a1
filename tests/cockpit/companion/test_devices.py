"""Pairing links (one-time, two minutes), device tokens stored hashed, revocation, the certificate."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from cockpit.companion.certificate import ensure_certificate
from cockpit.companion.devices import LINK_LIFETIME_S, DeviceRegistry, PairingError


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_link_pairs_once_and_the_token_is_not_stored(tmp_path: Path) -> None:
    registry = DeviceRegistry(tmp_path)
    link = registry.new_link()
    device, token = registry.redeem(link.code, "Pixel")
    assert registry.check(token) == device
    stored = (tmp_path / "devices.json").read_text()
    assert token not in stored and json.loads(stored)[0]["name"] == "Pixel"
    assert (tmp_path / "devices.json").stat().st_mode & 0o777 == 0o600
    with pytest.raises(PairingError, match="already used"):
        registry.redeem(link.code, "Another phone")
    # A restart keeps the paired phone.
    assert DeviceRegistry(tmp_path).check(token) is not None


def test_a_link_expires_after_two_minutes(tmp_path: Path) -> None:
    clock = Clock()
    registry = DeviceRegistry(tmp_path, clock=clock)
    late, in_time = registry.new_link(), registry.new_link()
    clock.now += LINK_LIFETIME_S - 1
    registry.redeem(in_time.code, "on time")
    clock.now += 2
    assert registry.link_state(late.code) == "expired"
    with pytest.raises(PairingError, match="expired"):
        registry.redeem(late.code, "late")
    with pytest.raises(PairingError, match="expired"):
        registry.redeem("made-up-code", "guess")


def test_two_phones_racing_for_one_link_pair_one(tmp_path: Path) -> None:
    registry = DeviceRegistry(tmp_path)
    code = registry.new_link().code
    results: list[str] = []
    start = threading.Barrier(8)

    def phone(i: int) -> None:
        start.wait()
        try:
            registry.redeem(code, f"phone {i}")
            results.append("paired")
        except PairingError:
            results.append("refused")

    threads = [threading.Thread(target=phone, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["paired"] + ["refused"] * 7
    assert len(registry.devices()) == 1


def test_revoked_token_no_longer_checks(tmp_path: Path) -> None:
    registry = DeviceRegistry(tmp_path)
    device, token = registry.redeem(registry.new_link().code, "old phone")
    _, other = registry.redeem(registry.new_link().code, "new phone")
    assert registry.revoke(device.id)
    assert registry.check(token) is None and registry.check(other) is not None
    assert DeviceRegistry(tmp_path).check(token) is None
    assert not registry.revoke(device.id)


def test_a_damaged_device_file_pairs_nobody_and_is_kept(tmp_path: Path) -> None:
    (tmp_path / "devices.json").write_text("{not json")
    registry = DeviceRegistry(tmp_path)
    assert registry.devices() == [] and registry.check("anything") is None
    assert (tmp_path / "devices.json").read_text() == "{not json"


def test_certificate_made_once_with_a_private_key(tmp_path: Path) -> None:
    first = ensure_certificate(tmp_path, ("192.168.1.20",))
    assert first.key.stat().st_mode & 0o777 == 0o600
    assert len(first.fingerprint.split(":")) == 32
    assert ensure_certificate(tmp_path).fingerprint == first.fingerprint
    # A key others can read is not trusted: a new certificate (and fingerprint) replaces it.
    first.key.chmod(0o644)
    again = ensure_certificate(tmp_path)
    assert again.fingerprint != first.fingerprint and again.key.stat().st_mode & 0o777 == 0o600
