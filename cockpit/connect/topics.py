"""The topic layout of one vehicle (documented in docs/mqtt.md).

``cockpit/v1/<vehicle>/``
  ``status``             ``online`` / ``offline`` (retained; ``offline`` is the last will)
  ``state/<VSS path>``   retained current value of one signal, JSON ``{"v", "ts", "seq"}``
  ``stream``             batched changes ``{"seq", "ts", "v": {path: value}}``, QoS 1, via the on-disk queue
  ``cmd``                signed remote commands in (JSON, see ``remote.py``)
  ``cmd/result``         their results out
  ``ha/<object>/set``    Home Assistant command topics, read only by the signing bridge
"""

from __future__ import annotations

from dataclasses import dataclass

ROOT = "cockpit/v1"


def check_vehicle_id(vehicle_id: str) -> str:
    """Vehicle ids become topic levels: no wildcards, separators or spaces."""
    from vehicle_bus.errors import InputError

    if not vehicle_id or any(c in vehicle_id for c in "/+#$ \t\n") or len(vehicle_id) > 64:
        raise InputError(
            f"vehicle id {vehicle_id!r} cannot be an MQTT topic level",
            fix="Use letters, digits, '-' or '_' (at most 64)",
        )
    return vehicle_id


@dataclass(frozen=True)
class Topics:
    vehicle_id: str
    root: str = ROOT

    @property
    def base(self) -> str:
        return f"{self.root}/{self.vehicle_id}"

    @property
    def status(self) -> str:
        return f"{self.base}/status"

    @property
    def stream(self) -> str:
        return f"{self.base}/stream"

    @property
    def command(self) -> str:
        return f"{self.base}/cmd"

    @property
    def result(self) -> str:
        return f"{self.base}/cmd/result"

    def state(self, path: str) -> str:
        return f"{self.base}/state/{path}"

    def ha_command(self, object_id: str) -> str:
        return f"{self.base}/ha/{object_id}/set"


def all_vehicles(leaf: str, root: str = ROOT) -> str:
    """The subscription for ``leaf`` of every vehicle, e.g. ``cockpit/v1/+/stream``."""
    return f"{root}/+/{leaf}"


def vehicle_of(topic: str) -> str | None:
    parts = topic.split("/")
    return parts[2] if len(parts) > 3 and f"{parts[0]}/{parts[1]}" == ROOT else None
