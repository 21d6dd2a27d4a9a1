"""The phone companion in a real browser (Playwright driving Debian's Chromium) against `cockpit companion`.

The server is the real command in a subprocess on the simulated car (driving its route), so the tests
also cover the CLI, the control socket and a restart while the page is open. Chromium comes from the
system (``/usr/bin/chromium``): Playwright cannot download its own browsers here.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cockpit.companion.control import SOCKET_NAME, ask

from .conftest import wait_for

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 640}
REPO = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium package")


class HeadUnit:
    """`cockpit companion` in a subprocess, restartable on the same port and data folder."""

    def __init__(self, data: Path) -> None:
        self.data = data
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.env = {**os.environ, "XDG_DATA_HOME": str(data)}
        self.control = data / "smart-cockpit" / "companion" / SOCKET_NAME
        self.process: subprocess.Popen[str] | None = None
        self.pairing_url = ""

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cockpit", "companion", "--port", str(self.port), "--bind", "127.0.0.1",
             "--host", "127.0.0.1", "--cycle", "route"],
            cwd=REPO, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("pair a phone"):
                self.pairing_url = line.rsplit(" ", 1)[1].strip()
                return
        raise AssertionError(f"cockpit companion did not start (exit {self.process.wait()})")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(15)
            self.process = None

    def new_link(self) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "cockpit", "companion", "pair", "--json"],
            cwd=REPO, env=self.env, capture_output=True, text=True, timeout=30, check=True,
        )  # fmt: skip
        return json.loads(out.stdout)["url"]

    def state(self) -> dict[str, Any]:
        return ask(self.control, "state")


@pytest.fixture(scope="module")
def head_unit(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HeadUnit]:
    unit = HeadUnit(tmp_path_factory.mktemp("data"))
    unit.start()
    yield unit
    unit.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def new_phone(browser: Any, **options: Any) -> Any:
    context = browser.new_context(viewport=PHONE, ignore_https_errors=True, is_mobile=True, **options)
    return context.new_page()


def pair(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Pair this phone").click()
    sync_api.expect(page.locator("#car-view")).to_be_visible(timeout=15_000)


def test_pair_watch_precondition_and_restart(browser: Any, head_unit: HeadUnit) -> None:
    page = new_phone(browser)
    pair(page, head_unit.pairing_url)
    soc = page.get_by_test_id("soc")
    sync_api.expect(soc).not_to_have_text("–", timeout=15_000)
    first = soc.inner_text()
    sync_api.expect(soc).not_to_have_text(first, timeout=30_000)  # the simulated car drives and uses energy

    # Precondition: the phone hears the car's confirmation, and the head unit's own state has changed.
    target = head_unit.state()["climate"]["target_c"] + 2
    for _ in range(2):
        page.locator("[data-step-temp='1']").click()
    page.get_by_role("button", name="Precondition cabin").click()
    sync_api.expect(page.locator("#toast")).to_contain_text("the car confirms", timeout=20_000)
    wait_for(lambda: head_unit.state()["climate"]["target_c"] == target, what="the head unit's target")
    assert head_unit.state()["climate"]["auto"] is True
    sync_api.expect(page.get_by_test_id("car-target")).to_have_text(f"{target:.1f} °C")

    # Unlocking while the car drives is refused by the allow-list's condition, with the reason shown.
    page.get_by_role("button", name="Unlock").click()
    sync_api.expect(page.locator("#toast")).to_contain_text("vehicle not parked", timeout=20_000)
    assert head_unit.state()["locked"] is True

    # The head unit restarts while the page is open: the page says so and reconnects by itself.
    head_unit.stop()
    sync_api.expect(page.locator("#banner")).to_contain_text("reconnecting", timeout=15_000)
    head_unit.start()
    sync_api.expect(page.locator("#banner")).to_be_hidden(timeout=30_000)
    sync_api.expect(soc).not_to_have_text("–")
    page.context.close()


def test_used_link_and_revoked_phone_are_locked_out(browser: Any, head_unit: HeadUnit) -> None:
    url = head_unit.new_link()
    page = new_phone(browser)
    pair(page, url)
    second = new_phone(browser)
    second.goto(url)
    second.get_by_role("button", name="Pair this phone").click()
    sync_api.expect(second.locator("#toast")).to_contain_text("already used")
    second.context.close()

    # Revoked on the head unit (headless: the CLI; the screen's Revoke button calls the same registry):
    # the open page is told at once and locks itself, and its cookie no longer opens the API.
    device = ask(head_unit.control, "devices")["devices"][-1]
    subprocess.run(
        [sys.executable, "-m", "cockpit", "companion", "revoke", device["id"]],
        cwd=REPO, env=head_unit.env, check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    sync_api.expect(page.locator("#locked-view")).to_be_visible(timeout=15_000)
    page.reload()
    sync_api.expect(page.locator("#locked-view")).to_be_visible(timeout=15_000)
    sync_api.expect(page.locator("#car-view")).to_be_hidden()
    page.context.close()
