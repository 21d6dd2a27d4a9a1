"""A running companion on the in-process simulated car, and a phone that talks to it over HTTPS."""

from __future__ import annotations

import http.client
import json
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from cockpit.companion.service import CompanionOptions, CompanionService, run_headless
from cockpit.session import Session, SessionOptions


class Phone:
    """An HTTPS client with a cookie jar of one cookie, as a paired phone's browser holds it."""

    def __init__(self, base_url: str, cookie: str | None = None) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 443
        self.origin = base_url
        self.cookie = cookie
        self.set_cookie = ""

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        raw: bytes | None = None,
        content_type: str = "application/json",
    ) -> tuple[int, Any]:
        context = ssl._create_unverified_context()  # the head unit's certificate is self-signed
        conn = http.client.HTTPSConnection(self.host, self.port, context=context, timeout=30)
        headers = {"Origin": self.origin}
        if self.cookie:
            headers["Cookie"] = f"cockpit_device={self.cookie}"
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        if data is not None:
            headers["Content-Type"] = content_type
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        payload = response.read()
        cookie = response.getheader("Set-Cookie") or ""
        if cookie.startswith("cockpit_device="):
            self.set_cookie = cookie
            self.cookie = cookie.split(";")[0].split("=", 1)[1]
        conn.close()
        try:
            return response.status, json.loads(payload)
        except ValueError:
            return response.status, payload.decode(errors="replace")

    def pair(self, url: str) -> tuple[int, Any]:
        return self.request("POST", "/api/pair", {"code": url.rsplit("/", 1)[1]})


def wait_for(condition: Callable[[], Any], timeout_s: float = 20.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def companion(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CompanionService]:
    session = Session(SessionOptions(cycle="idle"))
    session.start()
    folder: Path = tmp_path_factory.mktemp("companion")
    service = CompanionService(
        session, CompanionOptions(port=0, bind="127.0.0.1", host="127.0.0.1", folder=folder)
    )
    service.start()
    stop = threading.Event()
    loop = threading.Thread(target=run_headless, args=(session, service, stop), daemon=True)
    loop.start()
    wait_for(lambda: service.state()[1].get("soc") is not None, what="the first state")
    yield service
    stop.set()
    loop.join(5)
    service.close()
    session.close()
