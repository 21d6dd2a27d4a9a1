"""Home Assistant discovery payloads against HA's documented schema, and HA's commands going through the
signing bridge to the car (a real mosquitto and the simulated car)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cockpit.connect.broker import make_client, parse_broker, start
from cockpit.connect.homeassistant import REQUIRED, HomeAssistantBridge, discovery, missing_keys
from cockpit.connect.keychain import Keychain
from cockpit.connect.service import ConnectOptions, ConnectService, run_headless
from cockpit.connect.topics import Topics
from cockpit.session import Session, SessionOptions

CAR = "car-ha"


def test_discovery_is_one_device_with_the_sensors_and_controls_ha_needs() -> None:
    topics = Topics(CAR)
    configs = discovery(topics, "demo-bev")
    by_object = {t.split("/")[-2]: (t.split("/")[1], c) for t, c in configs}
    for topic, config in configs:
        prefix, component, node, object_id, leaf = topic.split("/")
        assert (prefix, node, leaf) == ("homeassistant", f"smart_cockpit_{CAR}", "config")
        assert component in REQUIRED and missing_keys(component, config) == [], topic
        assert config["device"]["identifiers"] == [f"smart_cockpit_{CAR}"]
        assert config["availability"] == [{"topic": topics.status}]
    assert len({c["unique_id"] for _t, c in configs}) == len(configs)
    wanted = {
        "soc": ("sensor", "battery", "%"),
        "range": ("sensor", "distance", "km"),
        "charging_power": ("sensor", "power", "W"),
        "charging": ("binary_sensor", "battery_charging", None),
        "outside_temperature": ("sensor", "temperature", "°C"),
        "cabin_temperature": ("sensor", "temperature", "°C"),
        "odometer": ("sensor", "distance", "km"),
        "tyre_pressure_rear_left": ("sensor", "pressure", "kPa"),
        "door_lock_front_left": ("binary_sensor", "lock", None),
        "window_rear_right": ("binary_sensor", "window", None),
    }
    for object_id, (component, device_class, unit) in wanted.items():
        got_component, config = by_object[object_id]
        assert (got_component, config.get("device_class"), config.get("unit_of_measurement")) == (
            component,
            device_class,
            unit,
        ), object_id
    assert by_object["odometer"][1]["state_class"] == "total_increasing"
    controls = {
        k: c
        for k, (comp, c) in by_object.items()
        if comp in ("climate", "lock", "number", "switch", "select")
    }
    assert set(controls) >= {
        "preconditioning",
        "lock",
        "charge_limit",
        "seat_heating_driver",
        "steering_wheel_heating",
    }
    assert controls["preconditioning"]["temperature_command_topic"] == topics.ha_command(
        "climate_temperature"
    )
    assert (controls["charge_limit"]["min"], controls["charge_limit"]["max"]) == (50, 100)


@pytest.fixture
def car(broker, wait_for, tmp_path: Path):
    session = Session(SessionOptions(use_can_config=False, cycle="idle"))
    session.start()
    assert session.commands.wait_for_status()
    options = ConnectOptions(parse_broker(broker.url), vehicle_id=CAR, queue=tmp_path / "q.sqlite",
                             keychain=tmp_path / "keychain.json")  # fmt: skip
    service = ConnectService(session, options)
    service.start()
    wait_for(lambda: service.link.online, what="the car to take commands")
    stop = threading.Event()
    loop = threading.Thread(target=run_headless, args=(session, service, stop))
    loop.start()
    yield session, service
    stop.set()
    loop.join()
    service.close()
    session.close()


def test_home_assistant_commands_reach_the_car_only_signed_by_the_bridge(
    broker, car, subscribe, wait_for, tmp_path
):
    session, service = car
    topics = service.topics
    ha = subscribe(broker, "homeassistant/#", topics.result)
    # The car announces itself (retained discovery).
    wait_for(
        lambda: any(t.startswith("homeassistant/select/") for t, _p, _r in ha.messages), what="discovery"
    )

    # Without a bridge, HA's command topic reaches nothing.
    ha.client.publish(topics.ha_command("seat_heating_driver"), b"high", qos=1)

    bridge_key = Ed25519PrivateKey.generate()
    Keychain(tmp_path / "keychain.json").pair("home-assistant", bridge_key.public_key())
    link = make_client(parse_broker(broker.url), "ha-bridge-test")
    bridge = HomeAssistantBridge(topics, bridge_key, lambda t, p: link.publish(t, p, qos=1))
    subscribed = threading.Event()  # HA's commands published before the bridge's SUBACK would be dropped
    link.on_connect = lambda c, *_: c.subscribe([(t, 1) for t in bridge.subscriptions])
    link.on_subscribe = lambda *_: subscribed.set()
    link.on_message = lambda _c, _u, m: bridge.handle(m.topic, m.payload)
    assert start(link, parse_broker(broker.url), persistent=False) is None
    try:
        wait_for(subscribed.is_set, what="the bridge to subscribe")
        ha.client.publish(topics.ha_command("seat_heating_driver"), b"medium", qos=1)
        ha.client.publish(topics.ha_command("charge_limit"), b"85", qos=1)
        ha.client.publish(topics.ha_command("charge_limit"), b"not a number", qos=1)
        results = lambda: [json.loads(p) for t, p, _r in ha.messages if t == topics.result]  # noqa: E731
        wait_for(
            lambda: len([r for r in results() if r["status"] == "confirmed"]) == 2, what="two confirmations"
        )
    finally:
        link.disconnect()
        link.loop_stop()
    assert session.store.value("Vehicle.Cabin.Seat.Row1.DriverSide.Heating") == 67  # medium, not "high"
    assert session.store.value("Vehicle.Powertrain.TractionBattery.Charging.ChargeLimit") == 85
    assert {e.sender for e in service.remote.activity} == {"home-assistant"}
