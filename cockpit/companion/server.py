"""The companion's web server: aiohttp over HTTPS on a thread of its own, with its own event loop.

Routes: the web app (``/``, ``/pair/{code}``, ``/static/…``, all files from ``assets/companion``, nothing
from the internet), ``POST /api/pair`` (redeem a pairing link, set the device cookie), ``GET /api/state``,
``POST /api/command`` and the WebSocket ``/ws`` that pushes the state while the page is open.

Every API call needs the device cookie (HttpOnly, Secure, SameSite=Strict); without a valid one it is
refused with 401, and a client that keeps trying without one is slowed down with 429. State-changing
requests must come from the app's own origin (a cross-site page cannot post to the car even with the
cookie). A revoked phone's WebSockets are closed with code 4401, and its next call is a 401.
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import WSCloseCode, web

from assets import ASSETS_DIR
from vehicle_bus.errors import InputError

from .actions import MalformedRequestError, commands_for
from .bridge import CommandBridge, PhoneRequest
from .certificate import Certificate
from .devices import Device, DeviceRegistry, PairingError

log = logging.getLogger("cockpit.companion")

WEB_DIR = ASSETS_DIR / "companion"
COOKIE = "cockpit_device"
COOKIE_MAX_AGE = 400 * 24 * 3600  # browsers cap cookies at 400 days
REVOKED = 4401  # WebSocket close code: this phone is no longer paired
PUSH_S = 0.5
COMMAND_WAIT_S = 20.0
MAX_BODY = 16 * 1024
SEEN_IDS_S = 600.0  # how long a command id is remembered
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class RateLimit:
    """A token bucket per key (client address or device): ``burst`` at once, then ``per_s`` a second."""

    def __init__(self, burst: float, per_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.per_s, self.clock = burst, per_s, clock
        self._buckets: dict[str, tuple[float, float]] = {}

    def _tokens(self, key: str, now: float) -> float:
        tokens, since = self._buckets.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - since) * self.per_s)

    def exhausted(self, key: str) -> bool:
        """Whether the next :meth:`allow` would refuse (without spending anything)."""
        return self._tokens(key, self.clock()) < 1

    def allow(self, key: str) -> bool:
        now = self.clock()
        tokens = self._tokens(key, now)
        if len(self._buckets) > 10_000:  # a flood of addresses: forget the full buckets
            self._buckets = {k: v for k, v in self._buckets.items() if v[0] < self.burst}
        if tokens < 1:
            self._buckets[key] = (tokens, now)
            return False
        self._buckets[key] = (tokens - 1, now)
        return True


@dataclass
class ServerOptions:
    bind: str = "0.0.0.0"
    port: int = 8443


def _error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": code, "message": message}, status=status)


class CompanionServer:
    def __init__(
        self,
        options: ServerOptions,
        certificate: Certificate,
        registry: DeviceRegistry,
        bridge: CommandBridge,
        state: Callable[[], tuple[int, dict[str, Any]]],
    ) -> None:
        self.options = options
        self.certificate = certificate
        self.registry = registry
        self.bridge = bridge
        self.state = state  # (version, snapshot) of the latest state
        self.unauthorized = RateLimit(burst=10, per_s=0.5)  # per client address: guesses and strays
        self.commands_rate = RateLimit(burst=6, per_s=1.0)  # per phone
        self.loop: asyncio.AbstractEventLoop | None = None
        self.port: int | None = None
        self.extra_startup: list[Callable[[asyncio.AbstractEventLoop], Any]] = []
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._sockets: dict[str, set[web.WebSocketResponse]] = {}
        self._stop: asyncio.Event | None = None
        self._seen_ids: dict[tuple[str, str], float] = {}

    # -- life -----------------------------------------------------------------------------------------------
    def start(self, timeout_s: float = 15.0) -> None:
        """Serve on a thread; raises :class:`InputError` when the port cannot be had."""
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(
            target=self._serve, args=(ready, failure), name="cockpit-companion", daemon=True
        )
        self._thread.start()
        if not ready.wait(timeout_s):
            raise InputError("the companion server did not start", fix="Run with -v to see why")
        if failure:
            exc = failure[0]
            if isinstance(exc, InputError):
                raise exc
            raise InputError(f"cannot serve the companion on port {self.options.port}: {exc}",
                             fix="Give another --port, or stop the program using it") from None  # fmt: skip

    def stop(self) -> None:
        if self.loop is not None and self._stop is not None and self._thread is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(10)

    def _serve(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = self.loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._main(ready, failure))
        finally:
            loop.close()
            ready.set()

    async def _main(self, ready: threading.Event, failure: list[BaseException]) -> None:
        self._stop = asyncio.Event()
        try:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(self.certificate.cert, self.certificate.key)
            self._runner = web.AppRunner(self.app(), handle_signals=False, access_log=None)
            await self._runner.setup()
            site = web.TCPSite(self._runner, self.options.bind, self.options.port, ssl_context=context)
            await site.start()
            server = getattr(site, "_server", None)
            sockets = getattr(server, "sockets", None) or []
            self.port = sockets[0].getsockname()[1] if sockets else self.options.port
            for startup in self.extra_startup:
                await startup(asyncio.get_running_loop())
        except (OSError, ssl.SSLError, InputError) as exc:
            failure.append(exc)
            ready.set()
            if self._runner is not None:
                await self._runner.cleanup()
            return
        ready.set()
        await self._stop.wait()
        for sockets in list(self._sockets.values()):
            for ws in list(sockets):
                await ws.close(code=WSCloseCode.GOING_AWAY, message=b"head unit stopping")
        await self._runner.cleanup()

    # -- the app --------------------------------------------------------------------------------------------
    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._headers])
        app.router.add_get("/", self._index)
        app.router.add_get("/pair/{code}", self._index)
        app.router.add_static("/static/", WEB_DIR, show_index=False, follow_symlinks=False)
        app.router.add_post("/api/pair", self._pair)
        app.router.add_get("/api/state", self._get_state)
        app.router.add_post("/api/command", self._command)
        app.router.add_get("/ws", self._websocket)
        return app

    @web.middleware
    async def _headers(self, request: web.Request, handler: Callable[..., Any]) -> web.StreamResponse:
        response = await handler(request)
        if not response.prepared:
            response.headers["Content-Security-Policy"] = CSP
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Referrer-Policy"] = "no-referrer"  # the pairing code never leaves the page
            response.headers["Cache-Control"] = "no-store"
        return response

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(WEB_DIR / "index.html", headers={"Content-Type": "text/html; charset=utf-8"})

    # -- checks ---------------------------------------------------------------------------------------------
    def _client(self, request: web.Request) -> str:
        return request.remote or "?"

    def _device(self, request: web.Request) -> Device | None:
        return self.registry.check(request.cookies.get(COOKIE))

    def _refuse_unpaired(self, request: web.Request) -> web.Response:
        if not self.unauthorized.allow(self._client(request)):
            return _error(429, "rate_limited", "too many requests without pairing; wait a minute")
        return _error(401, "not_paired", "this phone is not paired with the car (or was removed)")

    @staticmethod
    def _same_origin(request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        return origin is None or origin == f"https://{request.host}"

    async def _json(self, request: web.Request) -> Any:
        if request.content_type != "application/json":
            raise MalformedRequestError("send the request as application/json")
        try:
            return json.loads(await request.text())
        except (ValueError, UnicodeDecodeError) as exc:
            raise MalformedRequestError(f"malformed JSON ({exc})") from None

    # -- API ------------------------------------------------------------------------------------------------
    async def _pair(self, request: web.Request) -> web.Response:
        # Only failed attempts count: a household pairing its phones one after another is not slowed.
        if self.unauthorized.exhausted(self._client(request)):
            return _error(429, "rate_limited", "too many pairing attempts; wait a minute")
        if not self._same_origin(request):
            return _error(403, "cross_origin", "pairing must come from the companion page itself")
        response = await self._redeem(request)
        if response.status != 200:
            self.unauthorized.allow(self._client(request))
        return response

    async def _redeem(self, request: web.Request) -> web.Response:
        try:
            body = await self._json(request)
            code = body.get("code") if isinstance(body, dict) else None
            if not isinstance(code, str) or not code:
                raise MalformedRequestError('send {"code": "…"} from the pairing link')
        except MalformedRequestError as exc:
            return _error(400, "malformed", str(exc))
        name = body.get("name") if isinstance(body.get("name"), str) else ""
        try:
            device, token = self.registry.redeem(code, name.strip()[:40] or _device_name(request))
        except PairingError as exc:
            return _error(410, "link_unusable", f"{exc}; show a new QR code on the head unit")
        response = web.json_response({"paired": True, "device": device.name})
        response.set_cookie(
            COOKIE, token, max_age=COOKIE_MAX_AGE, path="/", secure=True, httponly=True, samesite="Strict"
        )
        return response

    async def _get_state(self, request: web.Request) -> web.Response:
        device = self._device(request)
        if device is None:
            return self._refuse_unpaired(request)
        _, snapshot = self.state()
        return web.json_response({"device": device.name, "state": snapshot})

    async def _command(self, request: web.Request) -> web.Response:
        device = self._device(request)
        if device is None:
            return self._refuse_unpaired(request)
        if not self._same_origin(request):
            return _error(403, "cross_origin", "commands must come from the companion page itself")
        if not self.commands_rate.allow(device.id):
            return _error(429, "rate_limited", "too many commands; wait a moment")
        try:
            body = await self._json(request)
            commands = commands_for(body)
        except MalformedRequestError as exc:
            return _error(400, "malformed", str(exc))
        request_id = body.get("id")
        if not isinstance(request_id, str) or not 0 < len(request_id) <= 64:
            return _error(400, "malformed", 'a command needs an "id" (a string of up to 64 characters)')
        if not self._first_use(device.id, request_id):
            return _error(409, "replayed", "this command was already sent; nothing was done again")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[dict[str, Any]] = loop.create_future()
        if not self.bridge.submit(PhoneRequest(request_id, device.name, commands, loop, future)):
            return _error(503, "busy", "the head unit is busy; try again in a moment")
        try:
            result = await asyncio.wait_for(future, COMMAND_WAIT_S)
        except TimeoutError:
            result = {"id": request_id, "status": "failed", "reason": "no answer from the head unit"}
        return web.json_response(result)

    def _first_use(self, device_id: str, request_id: str) -> bool:
        """A command id is good once per phone (a retried or replayed request does not act twice)."""
        now = time.monotonic()
        if len(self._seen_ids) > 4096:
            self._seen_ids = {k: t for k, t in self._seen_ids.items() if now - t < SEEN_IDS_S}
        key = (device_id, request_id)
        if key in self._seen_ids and now - self._seen_ids[key] < SEEN_IDS_S:
            return False
        self._seen_ids[key] = now
        return True

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        device = self._device(request)
        if device is None:
            return self._refuse_unpaired(request)
        if not self._same_origin(request):
            return _error(403, "cross_origin", "open the companion page itself")
        ws = web.WebSocketResponse(heartbeat=20.0)
        await ws.prepare(request)
        self._sockets.setdefault(device.id, set()).add(ws)
        pusher = asyncio.create_task(self._push(ws, device))
        try:
            async for _message in ws:
                pass  # the phone sends nothing the car needs; commands go through POST /api/command
        finally:
            pusher.cancel()
            self._sockets.get(device.id, set()).discard(ws)
        return ws

    async def _push(self, ws: web.WebSocketResponse, device: Device) -> None:
        sent = -1
        token_hash = device.token_sha256
        while not ws.closed:
            if not any(d.token_sha256 == token_hash for d in self.registry.devices()):
                await ws.close(code=REVOKED, message=b"this phone was removed on the head unit")
                return
            version, snapshot = self.state()
            if version != sent:
                sent = version
                await ws.send_json({"type": "state", "device": device.name, "state": snapshot})
            await asyncio.sleep(PUSH_S)


def _device_name(request: web.Request) -> str:
    agent = request.headers.get("User-Agent", "")
    for needle, name in (("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android phone")):
        if needle in agent:
            return name
    return "Phone" if "Mobile" in agent else "Browser"
