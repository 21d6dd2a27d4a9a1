"""The local control channel of a running companion server: a unix socket only its user can open.

``cockpit companion pair`` asks the running server for a fresh pairing link through it. The socket lives
in the companion folder (``0700``) and is itself ``0600``; one request line in, one JSON line out:
``pair`` → ``{"url", "expires_in", "fingerprint"}``, ``state`` → the phone's view of the car, ``devices``
→ the paired phones, ``revoke ID`` → ``{"revoked": true|false}``.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vehicle_bus.errors import InputError

SOCKET_NAME = "control.sock"
VERBS = ("pair", "state", "devices", "revoke")


class ControlChannel:
    def __init__(self, path: Path, answer: Callable[[str], dict[str, Any]]) -> None:
        self.path = path
        self.answer = answer  # request line → reply; called on the server's event loop
        self._server: asyncio.AbstractServer | None = None

    async def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(self.path.parent, 0o700)
        if self.path.exists():
            if _answers(self.path):
                raise InputError(
                    f"a companion server already runs for this user ({self.path})",
                    fix="Stop it first, or use cockpit companion pair to get a pairing link from it",
                )
            self.path.unlink()  # left by a server that did not stop cleanly
        old = os.umask(0o177)
        try:
            self._server = await asyncio.start_unix_server(self._handle, path=str(self.path))
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            line = (await asyncio.wait_for(reader.readline(), 5.0)).decode(errors="replace").strip()
            known = line.split(" ", 1)[0] in VERBS
            reply = self.answer(line) if known else {"error": f"unknown request {line[:40]!r}"}
            writer.write(json.dumps(reply).encode() + b"\n")
            await writer.drain()
        except (TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
        self.path.unlink(missing_ok=True)


def _answers(path: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(1.0)
            s.connect(str(path))
        return True
    except OSError:
        return False


def ask(path: Path, verb: str, timeout_s: float = 5.0) -> dict[str, Any]:
    """Send one request to the running server; :class:`InputError` when none runs."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout_s)
            s.connect(str(path))
            s.sendall(verb.encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError:
        raise InputError(
            "no companion server is running for this user",
            fix="Start one with cockpit companion (or cockpit run --companion)",
        ) from None
    return json.loads(data)
