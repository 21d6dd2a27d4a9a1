"""One vehicle's connection to the broker: status with last will, the outbox pump, incoming topics.

paho runs its network thread; the outbox rows in flight (message id → row) belong to the thread that calls
:meth:`pump`, which also deletes the rows whose acknowledgement paho's thread noted. Outgoing
stream messages are fed from the outbox only while connected, at most ``window`` unacknowledged at a time.
On a reconnect paho resends its unacknowledged ones (MQTT 5 persistent session), but only after our
``on_connect`` has returned; so feeding goes on from where it stopped only once the broker has acknowledged
every message from before the reconnect, and the order on the wire is the order of the sequence numbers.

The car says ``online`` only once the broker has acknowledged its subscriptions (the command topic): a
phone that sends as soon as it sees ``online`` must not lose the command to a subscription still on its
way (the broker drops a message nobody is subscribed to).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable

import paho.mqtt.client as mqtt

from .broker import BrokerConfig, describe_refusal, make_client, start
from .outbox import Outbox
from .topics import Topics

log = logging.getLogger("cockpit.connect")
WINDOW = 200  # unacknowledged QoS 1 stream messages at a time
Handler = Callable[[str, bytes], None]


class VehicleLink:
    def __init__(self, config: BrokerConfig, topics: Topics, outbox: Outbox, client_id: str) -> None:
        self.config = config
        self.topics = topics
        self.outbox = outbox
        self.client = make_client(config, client_id)
        self.client.max_inflight_messages_set(WINDOW)
        self.client.max_queued_messages_set(0)
        self.client.will_set(topics.status, b"offline", qos=1, retain=True)
        self.client.on_connect = self._on_connect
        self.client.on_connect_fail = self._on_connect_fail
        self.client.on_disconnect = self._on_disconnect
        self.client.on_publish = self._on_publish
        self.client.on_message = self._on_message
        self.client.on_subscribe = self._on_subscribe
        self.connected = False
        self.online = False  # connected, subscribed (SUBACK) and announced: commands sent now arrive
        self._subscribing: int | None = None  # the message id of the SUBSCRIBE awaiting its SUBACK
        self.problem: str | None = None
        self.on_connected: list[Callable[[], None]] = []  # called on paho's thread after each connect
        self._handlers: dict[str, Handler] = {}
        self._acks: deque[int] = deque()  # message ids the broker acknowledged (paho's thread appends)
        self._in_flight: dict[int, int] = {}  # paho message id → outbox row (pump's thread only)
        self._fed = 0  # the last outbox row handed to paho
        self._connects = 0  # counted on paho's thread at each connect
        self._pumped_connects = 0  # the connect pump() last saw
        self._resending: set[int] = set()  # message ids paho resends after a reconnect, not yet acknowledged
        self.sent = 0
        self._closing = False

    # -- life -----------------------------------------------------------------------------------------------
    def subscribe(self, topic: str, handler: Handler) -> None:
        """Route messages on ``topic`` (exact) to ``handler``; subscribed at every connect (QoS 1)."""
        self._handlers[topic] = handler

    def start(self) -> None:
        problem = start(self.client, self.config)
        if problem:
            self._report(problem)

    def close(self, timeout_s: float = 2.0) -> None:
        """Say offline (a clean disconnect does not fire the will), flush what is in flight, disconnect."""
        self._closing = True
        if self.connected:
            info = self.client.publish(self.topics.status, b"offline", qos=1, retain=True)
            end = time.monotonic() + timeout_s
            while not info.is_published() and time.monotonic() < end and self.connected:
                time.sleep(0.01)
        self.client.disconnect()
        self.client.loop_stop()

    # -- out ------------------------------------------------------------------------------------------------
    def publish(self, topic: str, payload: bytes, retain: bool = False, qos: int = 1) -> None:
        """Send now if connected (retained state, results); dropped otherwise: the caller resends state on
        reconnect, and what must not be lost goes through the outbox instead."""
        if self.connected:
            self.client.publish(topic, payload, qos=qos, retain=retain)

    def pump(self) -> int:
        """Hand waiting outbox messages to paho while connected; returns how many."""
        if not self.connected:
            return 0
        self._take_acks()
        connects = self._connects
        if connects != self._pumped_connects:
            # A new connection: paho resends everything unacknowledged, after our on_connect returned. New
            # rows wait until those are acknowledged, or they would overtake them.
            self._pumped_connects = connects
            self._resending = set(self._in_flight)
        if self._resending:
            self._resending.intersection_update(self._in_flight)
            if self._resending:
                return 0
        room = WINDOW - len(self._in_flight)
        if room <= 0:
            return 0
        queued = self.outbox.after(self._fed, room)
        for message in queued:
            info = self.client.publish(message.topic, message.payload, qos=1)
            self._in_flight[info.mid] = message.row
            self._fed = message.row
        self.sent += len(queued)
        return len(queued)

    def _take_acks(self) -> None:
        while self._acks:
            row = self._in_flight.pop(self._acks.popleft(), None)
            if row is not None:
                self.outbox.ack(row)

    @property
    def in_flight(self) -> int:
        return len(self._in_flight)

    # -- paho callbacks (network thread) -------------------------------------------------------------------
    def _on_connect(self, client: mqtt.Client, _userdata, _flags, reason_code, _properties) -> None:
        if reason_code.is_failure:
            self.connected = self.online = False
            self._report(describe_refusal(self.config, reason_code))
            return
        self._connects += 1
        self.connected = True
        if self.problem:
            log.warning("broker %s: connected", self.config.where)
        self.problem = None
        if self._handlers:
            # One SUBSCRIBE for every topic; "online" waits for its SUBACK (_on_subscribe).
            _result, self._subscribing = client.subscribe([(topic, 1) for topic in self._handlers])
        else:
            self._announce(client)
        for callback in self.on_connected:
            callback()

    def _on_subscribe(self, client: mqtt.Client, _userdata, mid: int, reason_codes, _properties) -> None:
        if mid != self._subscribing:
            return
        self._subscribing = None
        refused = [str(code) for code in reason_codes if code.is_failure]
        if refused:
            # Telemetry still flows; commands cannot arrive (a broker ACL without read on cmd).
            self._report(
                f"broker {self.config.where} refused the subscription to {', '.join(self._handlers)} "
                f"({', '.join(refused)}): remote commands cannot arrive"
            )
        self._announce(client)

    def _announce(self, client: mqtt.Client) -> None:
        client.publish(self.topics.status, b"online", qos=1, retain=True)
        self.online = True

    def _on_connect_fail(self, _client, _userdata) -> None:
        self._report(f"broker {self.config.where} is not reachable; telemetry kept in the queue; retrying")

    def _on_disconnect(self, _client, _userdata, _flags, reason_code, _properties) -> None:
        was = self.connected
        self.connected = self.online = False
        self._subscribing = None
        if was and not self._closing:
            self._report(f"lost the broker {self.config.where} ({reason_code}); telemetry kept in the queue")

    def _on_publish(self, _client, _userdata, mid: int, _reason_code, _properties) -> None:
        # Only noted here: taking a lock of ours inside paho's callback would deadlock against a publish()
        # holding paho's own locks; pump() turns the acknowledgements into deleted rows.
        self._acks.append(mid)

    def _on_message(self, _client, _userdata, message: mqtt.MQTTMessage) -> None:
        handler = self._handlers.get(message.topic)
        if handler is not None:
            handler(message.topic, message.payload)

    def _report(self, problem: str) -> None:
        if problem != self.problem:
            log.warning("%s", problem)
        self.problem = problem
