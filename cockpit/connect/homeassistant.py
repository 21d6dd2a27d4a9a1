"""Home Assistant: MQTT discovery of the car as one device, and the bridge that signs HA's commands.

Discovery follows HA's documented schema (``<prefix>/<component>/<node_id>/<object_id>/config``, retained;
``device`` with ``identifiers``, ``unique_id`` per entity, ``availability`` on the car's status topic).
Sensors read the car's retained ``state/<VSS path>`` topics through ``value_template``.

HA cannot sign commands, and the car accepts only signed ones. So HA's command topics
(``cockpit/v1/<car>/ha/<object>/set``) are never read by the car: :class:`HomeAssistantBridge`, a small
process next to HA (``cockpit fleet ha-bridge``), holds a key paired on the head unit like a phone's, turns
each HA command into a signed command with an id and a short expiry, and publishes it on the car's command
topic, where it meets the allow-list and the command layer like any other. Revoking the bridge's key on
the head unit cuts HA off; the broker ACL lets only the bridge's user write HA command topics.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .signing import sign_command
from .topics import Topics

log = logging.getLogger("cockpit.connect.homeassistant")
PREFIX = "homeassistant"
TP = "Vehicle.Chassis.Axle"
BATTERY = "Vehicle.Powertrain.TractionBattery"
DOORS = {
    "front_left": "Row1.DriverSide",
    "front_right": "Row1.PassengerSide",
    "rear_left": "Row2.DriverSide",
    "rear_right": "Row2.PassengerSide",
}
WHEELS = {
    "front_left": "Row1.Wheel.Left",
    "front_right": "Row1.Wheel.Right",
    "rear_left": "Row2.Wheel.Left",
    "rear_right": "Row2.Wheel.Right",
}
SEAT_LEVELS = ("off", "low", "medium", "high")
VALUE = "{{ value_json.v }}"
ON_OFF = "{{ 'ON' if value_json.v else 'OFF' }}"

# Components whose discovery config must name these keys (HA's MQTT integration docs, "Required").
REQUIRED = {
    "sensor": ("state_topic",),
    "binary_sensor": ("state_topic",),
    "lock": ("command_topic",),
    "number": ("command_topic",),
    "switch": ("command_topic",),
    "select": ("command_topic", "options"),
    "climate": (),
}
COMMON = ("name", "unique_id", "device", "availability")


@dataclass(frozen=True)
class Sensor:
    object_id: str
    name: str
    path: str
    device_class: str | None = None
    unit: str | None = None
    state_class: str | None = "measurement"
    template: str = VALUE
    component: str = "sensor"


def _sensors() -> list[Sensor]:
    sensors = [
        Sensor("soc", "State of charge", f"{BATTERY}.StateOfCharge.Displayed", "battery", "%"),
        Sensor(
            "range",
            "Range",
            "Vehicle.Powertrain.Range",
            "distance",
            "km",
            template="{{ (value_json.v / 1000) | round(0) }}",
        ),
        Sensor(
            "charging_power",
            "Charging power",
            "Vehicle.SmartCockpit.Powertrain.TractionBattery.Charging.Power",
            "power",
            "W",
        ),
        Sensor(
            "charging",
            "Charging",
            f"{BATTERY}.Charging.IsCharging",
            "battery_charging",
            None,
            None,
            ON_OFF,
            "binary_sensor",
        ),
        Sensor(
            "outside_temperature",
            "Outside temperature",
            "Vehicle.Exterior.AirTemperature",
            "temperature",
            "°C",
        ),
        Sensor(
            "cabin_temperature",
            "Cabin temperature",
            "Vehicle.Cabin.HVAC.AmbientAirTemperature",
            "temperature",
            "°C",
        ),
        Sensor("odometer", "Odometer", "Vehicle.TraveledDistance", "distance", "km", "total_increasing"),
    ]
    for where, wheel in WHEELS.items():
        sensors.append(
            Sensor(
                f"tyre_pressure_{where}",
                f"Tyre pressure {where.replace('_', ' ')}",
                f"{TP}.{wheel}.Tire.Pressure",
                "pressure",
                "kPa",
            )
        )
    for where, door in DOORS.items():
        label = where.replace("_", " ")
        # binary_sensor "lock": on means unlocked; "window": on means open.
        sensors.append(
            Sensor(
                f"door_lock_{where}",
                f"Door lock {label}",
                f"Vehicle.Cabin.Door.{door}.IsLocked",
                "lock",
                None,
                None,
                "{{ 'OFF' if value_json.v else 'ON' }}",
                "binary_sensor",
            )
        )
        sensors.append(
            Sensor(
                f"window_{where}",
                f"Window {label}",
                f"Vehicle.Cabin.Door.{door}.Window.Position",
                "window",
                None,
                None,
                "{{ 'ON' if value_json.v > 0 else 'OFF' }}",
                "binary_sensor",
            )
        )
    return sensors


SENSORS = _sensors()


@dataclass(frozen=True)
class Control:
    """An HA control: its object id, and how an HA payload becomes (function, instance, value)."""

    object_id: str
    function: str
    instance: str | None
    convert: Callable[[str], Any]


def _on_off(payload: str) -> bool:
    if payload.upper() in ("ON", "LOCK", "AUTO", "HEAT"):
        return True
    if payload.upper() in ("OFF", "UNLOCK"):
        return False
    raise ValueError(f"expected ON/OFF, LOCK/UNLOCK or a climate mode, not {payload!r}")


def _number(payload: str) -> int:
    return round(float(payload))


CONTROLS = {
    c.object_id: c
    for c in (
        Control("climate_mode", "climate.auto", None, _on_off),
        Control("climate_temperature", "climate.temperature", "all", _number),
        Control("lock", "doors.locked", None, _on_off),
        Control("charge_limit", "charging.limit", None, _number),
        Control("seat_heating_driver", "seat.heating", "driver", SEAT_LEVELS.index),
        Control("seat_heating_passenger", "seat.heating", "passenger", SEAT_LEVELS.index),
        Control("steering_wheel_heating", "steering_wheel.heating", None, _on_off),
    )
}


def discovery(topics: Topics, vehicle_name: str, prefix: str = PREFIX) -> list[tuple[str, dict[str, Any]]]:
    """Every (config topic, config) of the car's device; publish retained."""
    vid = topics.vehicle_id
    device = {
        "identifiers": [f"smart_cockpit_{vid}"],
        "name": f"Car {vid}",
        "manufacturer": "Smart Cockpit",
        "model": vehicle_name,
    }
    base = {"device": device, "availability": [{"topic": topics.status}]}  # payloads online/offline

    def entry(component: str, object_id: str, **config: Any) -> tuple[str, dict[str, Any]]:
        config = {**base, "unique_id": f"smart_cockpit_{vid}_{object_id}", **config}
        clean = {k: v for k, v in config.items() if v is not None}
        return f"{prefix}/{component}/smart_cockpit_{vid}/{object_id}/config", clean

    out = [
        entry(
            s.component,
            s.object_id,
            name=s.name,
            state_topic=topics.state(s.path),
            value_template=s.template,
            device_class=s.device_class,
            unit_of_measurement=s.unit,
            state_class=s.state_class,
        )
        for s in SENSORS
    ]
    hvac = "Vehicle.Cabin.HVAC"
    out += [
        entry(
            "climate",
            "preconditioning",
            name="Preconditioning",
            modes=["off", "auto"],
            mode_command_topic=topics.ha_command("climate_mode"),
            mode_state_topic=topics.state("Vehicle.SmartCockpit.Cabin.HVAC.IsAutoActive"),
            mode_state_template="{{ 'auto' if value_json.v else 'off' }}",
            temperature_command_topic=topics.ha_command("climate_temperature"),
            temperature_state_topic=topics.state(f"{hvac}.Station.Row1.Driver.Temperature"),
            temperature_state_template=VALUE,
            current_temperature_topic=topics.state(f"{hvac}.AmbientAirTemperature"),
            current_temperature_template=VALUE,
            min_temp=16,
            max_temp=32,
            temp_step=1,
            temperature_unit="C",
        ),
        entry(
            "lock",
            "lock",
            name="Doors",
            command_topic=topics.ha_command("lock"),
            state_topic=topics.state("Vehicle.Cabin.Door.Row1.DriverSide.IsLocked"),
            value_template="{{ 'LOCKED' if value_json.v else 'UNLOCKED' }}",
        ),
        entry(
            "number",
            "charge_limit",
            name="Charge limit",
            command_topic=topics.ha_command("charge_limit"),
            state_topic=topics.state(f"{BATTERY}.Charging.ChargeLimit"),
            value_template=VALUE,
            min=50,
            max=100,
            step=5,
            unit_of_measurement="%",
            mode="slider",
        ),
        entry(
            "switch",
            "steering_wheel_heating",
            name="Steering wheel heating",
            command_topic=topics.ha_command("steering_wheel_heating"),
            state_topic=topics.state("Vehicle.SmartCockpit.Chassis.SteeringWheel.IsHeatingOn"),
            value_template=ON_OFF,
        ),
    ]
    for side, row in (("driver", "Row1.DriverSide"), ("passenger", "Row1.PassengerSide")):
        out.append(
            entry(
                "select",
                f"seat_heating_{side}",
                name=f"Seat heating {side}",
                command_topic=topics.ha_command(f"seat_heating_{side}"),
                options=list(SEAT_LEVELS),
                state_topic=topics.state(f"Vehicle.Cabin.Seat.{row}.Heating"),
                # The car reports 0/33/67/100 %; the select shows the level.
                value_template="{{ ['off','low','medium','high'][(value_json.v * 3 / 100) | round | int] }}",
            )
        )
    return out


def missing_keys(component: str, config: dict[str, Any]) -> list[str]:
    """Keys HA requires for ``component`` (plus the ones every entity of ours must have) that are absent."""
    return [k for k in (*COMMON, *REQUIRED[component]) if k not in config]


class HomeAssistantBridge:
    """HA command topics → signed commands on the car's command topic (runs next to HA, not in the car)."""

    def __init__(self, topics: Topics, key: Ed25519PrivateKey, publish: Callable[[str, bytes], None]) -> None:
        self.topics = topics
        self.key = key
        self._publish = publish
        self._by_topic = {topics.ha_command(c.object_id): c for c in CONTROLS.values()}

    @property
    def subscriptions(self) -> list[str]:
        return list(self._by_topic)

    def handle(self, topic: str, payload: bytes) -> dict[str, Any] | None:
        """Sign and forward one HA command; None (logged) when the payload makes no sense."""
        control = self._by_topic.get(topic)
        if control is None:
            return None
        try:
            value = control.convert(payload.decode().strip())
        except (ValueError, UnicodeDecodeError) as exc:
            log.warning("Home Assistant sent %r on %s: %s", payload[:40], topic, exc)
            return None
        command = sign_command(self.key, self.topics.vehicle_id, control.function, value, control.instance)
        self._publish(self.topics.command, json.dumps(command).encode())
        return command
