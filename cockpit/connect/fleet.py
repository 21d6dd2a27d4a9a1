"""A fleet: many light simulated cars in one process, and a watcher that summarises the fleet live.

:class:`FleetModel` is not N CAN simulators: each car is a handful of numbers (SoC, charging, speed,
odometer, position, DTCs) stepped together with numpy, enough to produce the same stream messages a real
car sends (``cockpit/v1/<car>/stream``) at the same rate. All cars share one MQTT connection per
:data:`CARS_PER_CONNECTION` cars; each car's retained ``status`` says online/offline, and the connection's
last will marks the fleet simulator itself offline (``cockpit/v1/<fleet>/status``).

:class:`FleetWatcher` consumes the streams through an MQTT 5 shared subscription
(``$share/<group>/cockpit/v1/+/stream``): the broker hands each message to one watcher of the group, so
more watchers split the load; each reports the cars it has seen.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import paho.mqtt.client as mqtt

from .broker import BrokerConfig, make_client, start
from .topics import ROOT, Topics, all_vehicles, vehicle_of

SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed"
CHARGING = "Vehicle.Powertrain.TractionBattery.Charging.IsCharging"
SPEED = "Vehicle.Speed"
ODOMETER = "Vehicle.TraveledDistance"
LAT, LON = "Vehicle.CurrentLocation.Latitude", "Vehicle.CurrentLocation.Longitude"
LOW_SOC = 20.0
DTC_CODES = ("P0A80", "C0750", "U0100", "B1234")
CARS_PER_CONNECTION = 2500


class FleetModel:
    """N cars' telemetry, stepped together; deterministic for a seed."""

    def __init__(self, cars: int, seed: int = 1, prefix: str = "sim") -> None:
        rng = self.rng = np.random.default_rng(seed)
        self.ids = [f"{prefix}-{i:05d}" for i in range(cars)]
        self.soc = rng.uniform(10, 95, cars)
        self.charging = rng.random(cars) < 0.2
        self.speed = np.where(self.charging, 0.0, rng.uniform(0, 110, cars))
        self.odometer = rng.uniform(1000, 90000, cars)
        self.lat = 43.73 + rng.uniform(-0.01, 0.01, cars)
        self.lon = 7.42 + rng.uniform(-0.01, 0.01, cars)
        self.dtc = np.where(rng.random(cars) < 0.03, rng.integers(0, len(DTC_CODES), cars), -1)
        self.seq = np.zeros(cars, dtype=np.int64)

    def step(self, dt: float) -> None:
        n = len(self.ids)
        driving = ~self.charging
        # ~18 kWh/100 km on a 75 kWh pack; chargers at ~50 kW
        self.soc[driving] -= self.speed[driving] * dt / 3600 * 0.18 / 75 * 100
        self.soc[self.charging] += dt * 50 / 3600 / 75 * 100
        self.odometer[driving] += self.speed[driving] * dt / 3600
        self.speed[driving] = np.clip(self.speed[driving] + self.rng.normal(0, 3, int(driving.sum())), 0, 130)
        heading = self.rng.uniform(0, 2 * np.pi, n)
        self.lat[driving] += (self.speed * dt / 3.6 / 111_000 * np.cos(heading))[driving]
        self.lon[driving] += (self.speed * dt / 3.6 / 80_000 * np.sin(heading))[driving]
        plug = driving & (self.soc < 15)
        unplug = self.charging & (self.soc > 90)
        self.charging = (self.charging | plug) & ~unplug
        self.speed[plug] = 0.0
        self.soc = np.clip(self.soc, 0, 100)

    def payloads(self, now: float) -> list[tuple[str, bytes]]:
        """One stream message per car (and its next sequence number)."""
        ts = round(now, 3)
        soc, speed, odo = (
            np.round(self.soc, 1).tolist(),
            np.round(self.speed, 1).tolist(),
            np.round(self.odometer, 1).tolist(),
        )
        lat, lon = np.round(self.lat, 6).tolist(), np.round(self.lon, 6).tolist()
        charging, dtc, seq = self.charging.tolist(), self.dtc.tolist(), self.seq.tolist()
        out = []
        for i, vid in enumerate(self.ids):
            body = {
                "seq": seq[i],
                "ts": ts,
                "v": {
                    SOC: soc[i],
                    CHARGING: charging[i],
                    SPEED: speed[i],
                    ODOMETER: odo[i],
                    LAT: lat[i],
                    LON: lon[i],
                },
                "dtc": [DTC_CODES[dtc[i]]] if dtc[i] >= 0 else [],
            }
            out.append((f"{ROOT}/{vid}/stream", json.dumps(body, separators=(",", ":")).encode()))
        self.seq += 1
        return out


class FleetSimulator:
    """Publishes a :class:`FleetModel` at ``rate_hz`` over a few shared connections."""

    def __init__(self, config: BrokerConfig, cars: int, rate_hz: float = 1.0, qos: int = 0, seed: int = 1,
                 name: str = "fleet-sim") -> None:  # fmt: skip
        self.model = FleetModel(cars, seed)
        self.rate_hz = rate_hz
        self.qos = qos
        self.name = name
        self.config = config
        self.clients: list[mqtt.Client] = []
        groups = max(1, -(-cars // CARS_PER_CONNECTION))
        for g in range(groups):
            client = make_client(config, f"{name}-{g}")
            client.max_inflight_messages_set(5000)
            client.will_set(Topics(name).status, b"offline", qos=1, retain=True)
            self.clients.append(client)
        self.problems: list[str] = []
        self.published = 0
        self.late_ticks = 0

    def client_for(self, index: int) -> mqtt.Client:
        return self.clients[index // CARS_PER_CONNECTION]

    def start(self) -> None:
        for client in self.clients:
            problem = start(client, self.config, persistent=False)
            if problem:
                self.problems.append(problem)
        self.clients[0].publish(Topics(self.name).status, b"online", qos=1, retain=True)
        for i, vid in enumerate(self.model.ids):
            self.client_for(i).publish(Topics(vid).status, b"online", qos=1, retain=True)

    def queued(self) -> int:
        """Messages paho still holds (not yet written to the socket, or unacknowledged at QoS 1)."""
        return sum(len(c._out_packet) + len(c._out_messages) for c in self.clients)

    def tick(self, now: float, dt: float) -> None:
        self.model.step(dt)
        for i, (topic, payload) in enumerate(self.model.payloads(now)):
            self.client_for(i).publish(topic, payload, qos=self.qos)
        self.published += len(self.model.ids)

    def run(self, seconds: float, stop: threading.Event | None = None, on_tick=None) -> None:
        stop = stop or threading.Event()
        period = 1.0 / self.rate_hz
        begin = next_at = time.monotonic()
        while not stop.is_set() and time.monotonic() - begin < seconds:
            self.tick(time.time(), period)
            if on_tick is not None:
                on_tick(self)
            next_at += period
            delay = next_at - time.monotonic()
            if delay < 0:
                self.late_ticks += 1
                next_at = time.monotonic()
            else:
                stop.wait(delay)

    def close(self, offline: bool = True) -> None:
        if offline:
            for i, vid in enumerate(self.model.ids):
                self.client_for(i).publish(Topics(vid).status, b"offline", qos=1, retain=True)
            self.clients[0].publish(Topics(self.name).status, b"offline", qos=1, retain=True)
        end = time.monotonic() + 5
        while self.queued() and time.monotonic() < end:
            time.sleep(0.05)
        for client in self.clients:
            client.disconnect()
            client.loop_stop()


@dataclass
class CarSeen:
    soc: float | None = None
    charging: bool = False
    dtc: list[str] = field(default_factory=list)
    seen: float = 0.0
    online: bool | None = None


class FleetWatcher:
    """Live fleet summary from the streams (shared subscription) and the retained status topics."""

    def __init__(self, config: BrokerConfig, group: str = "watchers", client_id: str = "") -> None:
        self.config = config
        self.group = group
        self.cars: dict[str, CarSeen] = {}
        self.messages = 0
        self.malformed = 0
        self._lock = threading.Lock()
        self.client = make_client(config, client_id)
        self.client.max_inflight_messages_set(1000)
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        self.client.on_subscribe = self._on_subscribe
        self.connected = threading.Event()  # subscribed (the broker acknowledged both topics)
        self.problem: str | None = None

    def start(self) -> None:
        self.problem = start(self.client, self.config, persistent=False)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()

    def _on_connect(self, client, _u, _f, reason_code, _p) -> None:
        if reason_code.is_failure:
            self.problem = f"broker {self.config.where} refused the watcher: {reason_code}"
            return
        # Watching from the SUBACK on, not the CONNACK: what a car sends before it is not delivered here.
        client.subscribe([(f"$share/{self.group}/{all_vehicles('stream')}", 0), (all_vehicles("status"), 1)])

    def _on_subscribe(self, _c, _u, _mid, _codes, _p) -> None:
        self.connected.set()

    def _on_message(self, _c, _u, message: mqtt.MQTTMessage) -> None:
        vid = vehicle_of(message.topic)
        if vid is None:
            return
        with self._lock:
            car = self.cars.setdefault(vid, CarSeen())
            if message.topic.endswith("/status"):
                car.online = message.payload == b"online"
                return
            try:
                body = json.loads(message.payload)
                values = body["v"]
            except (ValueError, KeyError, TypeError):
                self.malformed += 1
                return
            self.messages += 1
            car.seen = time.monotonic()
            car.soc = values.get(SOC, car.soc)
            car.charging = bool(values.get(CHARGING, car.charging))
            car.dtc = list(body.get("dtc", car.dtc))

    def summary(self, stale_s: float = 3.0) -> dict[str, Any]:
        now = time.monotonic()
        with self._lock:
            cars = [c for vid, c in self.cars.items() if not vid.startswith("fleet-sim")]
            streamed = [c for c in cars if c.seen]
            return {
                "online": sum(1 for c in cars if c.online or (c.online is None and now - c.seen < stale_s)),
                "offline": sum(1 for c in cars if c.online is False),
                "cars_seen": len(streamed),
                "charging": sum(1 for c in streamed if c.charging),
                "low_soc": sum(1 for c in streamed if c.soc is not None and c.soc < LOW_SOC),
                "with_dtc": sum(1 for c in streamed if c.dtc),
                "messages": self.messages,
                "malformed": self.malformed,
            }
