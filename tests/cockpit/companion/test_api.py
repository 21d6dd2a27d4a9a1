"""The companion's HTTPS API against the in-process simulated car: pairing, tokens, commands, bad input."""

from __future__ import annotations

import threading

from cockpit.companion.service import CompanionService

from .conftest import Phone, wait_for


def paired_phone(companion: CompanionService) -> Phone:
    phone = Phone(companion.base_url)
    status, body = phone.pair(companion.pairing_url())
    assert status == 200, body
    return phone


def test_pairing_sets_a_strict_cookie_and_opens_the_api(companion: CompanionService) -> None:
    phone = paired_phone(companion)
    cookie = phone.set_cookie.lower()
    assert all(flag in cookie for flag in ("httponly", "secure", "samesite=strict"))
    status, body = phone.request("GET", "/api/state")
    assert status == 200 and 0 < body["state"]["soc"] <= 100


def test_without_a_valid_token_every_call_is_401_then_429(companion: CompanionService) -> None:
    companion.server.unauthorized._buckets.clear()
    stranger = Phone(companion.base_url, cookie="not-a-token")
    statuses = [stranger.request("GET", "/api/state")[0] for _ in range(3)]
    statuses.append(stranger.request("POST", "/api/command", {"action": "lock", "locked": False})[0])
    assert statuses == [401] * 4
    statuses = [Phone(companion.base_url).request("GET", "/api/state")[0] for _ in range(12)]
    assert 429 in statuses and set(statuses) <= {401, 429}
    companion.server.unauthorized._buckets.clear()


def test_links_work_once_and_a_racing_second_phone_gets_a_clear_no(companion: CompanionService) -> None:
    url = companion.pairing_url()
    phones = [Phone(companion.base_url) for _ in range(4)]
    results: list[tuple[int, object]] = [(0, None)] * 4
    barrier = threading.Barrier(4)

    def race(i: int) -> None:
        barrier.wait()
        results[i] = phones[i].pair(url)

    threads = [threading.Thread(target=race, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(status for status, _ in results) == [200, 410, 410, 410]
    loser = next(body for status, body in results if status == 410)
    assert "already used" in loser["message"] and "new QR code" in loser["message"]
    assert sum(p.cookie is not None for p in phones) == 1
    status, body = Phone(companion.base_url).pair(url.rsplit("/", 1)[0] + "/made-up")
    assert status == 410 and "expired" in body["message"]


def test_a_command_is_confirmed_by_the_car(companion: CompanionService) -> None:
    phone = paired_phone(companion)
    status, answer = phone.request(
        "POST", "/api/command", {"id": "c1", "action": "seat_heating", "seat": "passenger", "level": 2}
    )
    assert (status, answer["status"]) == (200, "confirmed"), answer
    assert wait_for(
        lambda: companion.state()[1]["seat_heating"]["passenger"] == 2, what="the seat in the state"
    )
    assert any(e.request_id == "c1" and e.status == "confirmed" for e in companion.bridge.activity)


def test_a_command_id_acts_once(companion: CompanionService) -> None:
    phone = paired_phone(companion)
    command = {"id": "same", "action": "seat_heating", "seat": "driver", "level": 1}
    assert phone.request("POST", "/api/command", command)[1]["status"] == "confirmed"
    status, body = phone.request("POST", "/api/command", command)
    assert status == 409 and body["error"] == "replayed"


def test_out_of_range_values_are_refused_with_the_layers_reason(companion: CompanionService) -> None:
    phone = paired_phone(companion)
    status, answer = phone.request(
        "POST", "/api/command", {"id": "r1", "action": "charge_limit", "percent": 20}
    )
    assert status == 200 and answer["status"] == "refused" and "50" in answer["reason"]


def test_malformed_requests_are_400_and_do_nothing(companion: CompanionService) -> None:
    phone, second = paired_phone(companion), paired_phone(companion)  # two: each phone's rate allows 6
    before = len(companion.bridge.activity)
    bad = [
        second.request("POST", "/api/command", raw=b"{not json"),
        second.request("POST", "/api/command", raw=b"[1, 2]"),
        phone.request("POST", "/api/command", {"id": "m1", "action": "drive.mode", "value": "sport"}),
        phone.request("POST", "/api/command", {"action": "flash"}),
        phone.request("POST", "/api/command", {"id": "m2", "action": "lock", "locked": "yes"}),
        phone.request(
            "POST", "/api/command", {"id": "m3", "action": "seat_heating", "seat": "roof", "level": 1}
        ),
        phone.request(
            "POST", "/api/command", raw=b"locked=1", content_type="application/x-www-form-urlencoded"
        ),
        phone.request("POST", "/api/pair", raw=b"\xff\xfe"),
    ]
    assert [status for status, _ in bad] == [400] * len(bad)
    assert all(body["error"] == "malformed" and body["message"] for _, body in bad)
    assert len(companion.bridge.activity) == before


def test_a_cross_site_page_cannot_command_even_with_the_cookie(companion: CompanionService) -> None:
    phone = paired_phone(companion)
    phone.origin = "https://evil.example"
    status, body = phone.request("POST", "/api/command", {"action": "lock", "locked": False})
    assert status == 403 and body["error"] == "cross_origin"


def test_revoked_phone_is_locked_out(companion: CompanionService) -> None:
    phone = paired_phone(companion)
    device = companion.registry.check(phone.cookie)
    assert device is not None and companion.registry.revoke(device.id)
    status, body = phone.request("POST", "/api/command", {"action": "lock", "locked": True})
    assert status == 401 and body["error"] == "not_paired"


def test_commands_from_one_phone_are_rate_limited(companion: CompanionService) -> None:
    phone = paired_phone(companion)
    statuses = [phone.request("POST", "/api/command", {"action": "nonsense"})[0] for _ in range(10)]
    assert statuses[0] == 400 and 429 in statuses


def test_flash_is_confirmed_and_charging_without_a_cable_is_refused(companion: CompanionService) -> None:
    phone = paired_phone(companion)
    status, answer = phone.request("POST", "/api/command", {"id": "f1", "action": "flash"})
    assert (status, answer["status"]) == (200, "confirmed"), answer
    status, answer = phone.request("POST", "/api/command", {"id": "ch1", "action": "charging", "on": True})
    assert (status, answer["status"], answer["reason"]) == (200, "refused", "charging cable not connected")


def test_the_websocket_needs_a_token_and_pushes_state(companion: CompanionService) -> None:
    import asyncio
    import ssl

    import aiohttp

    phone = paired_phone(companion)
    url = companion.base_url.replace("https", "wss") + "/ws"

    async def connect(cookie: str | None) -> object:
        headers = {"Origin": companion.base_url}
        if cookie:
            headers["Cookie"] = f"cockpit_device={cookie}"
        context = ssl._create_unverified_context()
        async with aiohttp.ClientSession() as http:
            try:
                async with http.ws_connect(url, headers=headers, ssl=context) as ws:
                    return await ws.receive_json(timeout=10)
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status

    companion.server.unauthorized._buckets.clear()
    assert asyncio.run(connect(None)) == 401
    pushed = asyncio.run(connect(phone.cookie))
    assert pushed["type"] == "state" and pushed["state"]["soc"] > 0


def test_a_link_opened_after_two_minutes_is_refused(companion: CompanionService) -> None:
    url = companion.pairing_url()
    real = companion.registry.clock
    companion.registry.clock = lambda: real() + 121.0
    try:
        status, body = Phone(companion.base_url).pair(url)
    finally:
        companion.registry.clock = real
    assert status == 410 and "expired" in body["message"]
    assert Phone(companion.base_url).pair(url)[0] == 410  # and it stays dead
