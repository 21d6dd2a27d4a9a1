"""A python-can interface that exists only while it is plugged in: the adapter of a boot-time service.

``gated:NAME`` behaves as python-can's ``virtual`` bus on channel NAME (frames sent on
``virtual:NAME`` arrive on it and back), except that opening it fails while NAME is unplugged, as
``socketcan:can0`` does before ``can0`` exists, and reading or sending on it fails once it is unplugged, as
with a pulled USB adapter. Tests and the soak benchmark use it where no ``vcan`` kernel module is at hand;
the bus is real, only its presence is switched.
"""

from __future__ import annotations

import threading
from typing import Any

import can
import can.interfaces
import can.util
from can.interfaces.virtual import VirtualBus

_present: set[str] = set()
_lock = threading.Lock()


class GatedBus(VirtualBus):
    def __init__(self, channel: Any = None, **kwargs: Any) -> None:
        if not present(str(channel)):
            raise can.CanInitializationError(f"{channel}: No such device")
        super().__init__(channel=channel, **kwargs)
        self._name = str(channel)

    def _recv_internal(self, timeout: float | None) -> tuple[can.Message | None, bool]:
        if not present(self._name):
            raise can.CanOperationError(f"{self._name}: Network is down")
        return super()._recv_internal(timeout)

    def send(self, msg: can.Message, timeout: float | None = None) -> None:
        if not present(self._name):
            raise can.CanOperationError(f"{self._name}: Network is down")
        super().send(msg, timeout)


def register() -> None:
    """Make ``gated`` a python-can interface name in this process (idempotent).

    An installed package would declare a ``can.interface`` entry point; a test cannot, so the name is added
    where python-can looks it up (its backend table, and the copies of its name list it validates against).
    """
    can.interfaces.BACKENDS["gated"] = (__name__, "GatedBus")
    names = frozenset(can.interfaces.VALID_INTERFACES | {"gated"})
    can.interfaces.VALID_INTERFACES = can.VALID_INTERFACES = can.util.VALID_INTERFACES = names


def plug(name: str) -> None:
    with _lock:
        _present.add(name)


def unplug(name: str) -> None:
    with _lock:
        _present.discard(name)


def present(name: str) -> bool:
    with _lock:
        return name in _present
