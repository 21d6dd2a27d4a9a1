"""The simulated ECUs on the bus: periodic status frames out, IVI requests in.

Every message of the vehicle's database that an ECU (not the IVI) sends and that has a cycle time is
sent at that cycle, staggered as real ECUs start at different moments, with its alive counter and
checksum where the message has them. Frames the IVI sends are decoded, their checksum checked, and each
field that asks for something goes to :meth:`SimulatedVehicle.request`.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import can
from cantools.database.can import Database, Message

from vehicle_bus.frame_protection import FrameProtection

from .requests import requests_from
from .status_frames import PRODUCERS, Values
from .vehicle import SimulatedVehicle

IVI_NODE = "IVI"


@dataclass
class _Scheduled:
    message: Message
    period: float
    next_at: float
    producers: list[Callable[[SimulatedVehicle], Values]]
    protection: FrameProtection
    defaults: dict[str, Any]
    limits: dict[str, tuple[float, float]]
    counter: int = 0


@dataclass
class NetworkStats:
    sent: int = 0
    requests: int = 0
    refused: list[str] = field(default_factory=list)
    bad_checksums: int = 0
    undecodable: int = 0


class EcuNetwork:
    def __init__(self, car: SimulatedVehicle, db: Database) -> None:
        self.car = car
        self.db = db
        self.stats = NetworkStats()
        owners = self._signal_owners()
        self.schedule: list[_Scheduled] = []
        self.requests: dict[int, tuple[Message, FrameProtection]] = {}
        for message in db.messages:
            if IVI_NODE in message.senders:
                self.requests[message.frame_id] = (message, FrameProtection(message))
                continue
            if not message.cycle_time:
                continue
            producers = list(
                dict.fromkeys(owners[s.name] for s in message.signals if s.name in owners).keys()
            )
            if not producers:
                continue  # a message this simulation has nothing for (e.g. the EREV's on a BEV)
            period = message.cycle_time / 1000
            # Stagger start times by id so the bus does not see every message in the same millisecond.
            phase = (zlib.crc32(message.name.encode()) % 1000) / 1000 * period
            defaults = {s.name: s.initial if s.initial is not None else _floor(s) for s in message.signals}
            limits = {s.name: _limits(s) for s in message.signals if not s.choices}
            self.schedule.append(
                _Scheduled(message, period, phase, producers, FrameProtection(message), defaults, limits)
            )

    def _signal_owners(self) -> dict[str, Callable[[SimulatedVehicle], Values]]:
        owners: dict[str, Callable[[SimulatedVehicle], Values]] = {}
        for producer in PRODUCERS:
            for name in producer(self.car):
                owners.setdefault(name, producer)
        return owners

    @property
    def frames_per_second(self) -> float:
        return sum(1 / s.period for s in self.schedule)

    def due_frames(self, t: float, timestamp: float) -> list[can.Message]:
        """Frames every ECU sends at simulation time ``t`` (stamped ``timestamp``)."""
        out: list[can.Message] = []
        cache: dict[Callable[[SimulatedVehicle], Values], Values] = {}
        for item in self.schedule:
            if t + 1e-9 < item.next_at:
                continue
            item.next_at += item.period
            if item.next_at <= t:  # fell behind (a slow machine): skip, as a real ECU would
                item.next_at = t + item.period
            values = dict(item.defaults)
            for producer in item.producers:
                produced = cache.get(producer)
                if produced is None:
                    produced = cache[producer] = producer(self.car)
                for name in values:
                    if name in produced:
                        value = produced[name]
                        limit = item.limits.get(name)
                        if limit is not None:
                            # A sensor saturates at the end of its range rather than wrapping around.
                            value = min(max(value, limit[0]), limit[1])
                        values[name] = value
            data = item.message.encode(values, scaling=True, padding=False, strict=False)
            if item.protection.protected:
                data = item.protection.apply(data, item.counter)
                item.counter = (item.counter + 1) % 16
            out.append(
                can.Message(
                    timestamp=timestamp,
                    arbitration_id=item.message.frame_id,
                    is_extended_id=item.message.is_extended_frame,
                    data=data,
                    is_rx=False,
                )
            )
        self.stats.sent += len(out)
        return out

    def receive(self, msg: can.Message) -> None:
        """A frame seen on the bus; IVI requests are acted on, anything else is ignored."""
        entry = self.requests.get(msg.arbitration_id)
        if entry is None or msg.is_error_frame:
            return
        message, protection = entry
        data = bytes(msg.data)
        if protection.protected and not protection.verify(data):
            self.stats.bad_checksums += 1
            return
        try:
            signals = message.decode(data, decode_choices=True, allow_truncated=False)
        except Exception:  # a malformed request must not stop the ECUs
            self.stats.undecodable += 1
            return
        self.stats.requests += 1
        for name, value in requests_from(signals, self.car.body.state.ambient_rgb):
            refusal = self.car.request(name, value)
            if refusal is not None:
                self.stats.refused.append(str(refusal))


def _limits(signal: Any) -> tuple[float, float]:
    """The physical range a signal can carry: its DBC min/max within what its bits can encode."""
    raw_low = -(1 << (signal.length - 1)) if signal.is_signed else 0
    raw_high = (1 << (signal.length - 1)) - 1 if signal.is_signed else (1 << signal.length) - 1
    ends = sorted((signal.scale * raw_low + signal.offset, signal.scale * raw_high + signal.offset))
    low = ends[0] if signal.minimum is None else max(ends[0], signal.minimum)
    high = ends[1] if signal.maximum is None else min(ends[1], signal.maximum)
    return low, high


def _floor(signal: Any) -> float:
    low = signal.minimum if signal.minimum is not None else 0
    return max(low, 0) if (signal.maximum is None or signal.maximum >= 0) else low
