"""The fleet: light simulated cars on a real mosquitto, watched through an MQTT 5 shared subscription."""

from __future__ import annotations

import json
import threading

from cockpit.cli.main import main
from cockpit.connect.broker import parse_broker
from cockpit.connect.fleet import FleetModel, FleetSimulator, FleetWatcher


def test_the_model_keeps_cars_plausible() -> None:
    model = FleetModel(200, seed=3)
    for _ in range(600):
        model.step(1.0)
    assert ((model.soc >= 0) & (model.soc <= 100)).all()
    assert (model.speed[model.charging] == 0).all()
    topic, payload = model.payloads(1.7e9)[0]
    body = json.loads(payload)
    assert (
        topic == "cockpit/v1/sim-00000/stream" and body["seq"] == 0 and set(body) == {"seq", "ts", "v", "dtc"}
    )


def test_two_watchers_in_one_group_share_the_streams(broker, wait_for) -> None:
    config = parse_broker(broker.url)
    watchers = [FleetWatcher(config, group="ops") for _ in range(2)]
    for w in watchers:
        w.start()
        assert w.connected.wait(10)
    fleet = FleetSimulator(config, cars=50, rate_hz=10, qos=1)
    fleet.start()
    try:
        fleet.run(1.0)
        wait_for(
            lambda: sum(w.messages for w in watchers) >= fleet.published, what="every message to a watcher"
        )
    finally:
        fleet.close()
    counts = [w.messages for w in watchers]
    assert sum(counts) == fleet.published  # each message went to exactly one watcher of the group
    assert all(c > 0.2 * fleet.published for c in counts), counts  # and the load is spread
    summary = watchers[0].summary()
    assert summary["online"] == 0 and summary["offline"] == 50  # the fleet said goodbye (retained status)
    for w in watchers:
        w.close()


def test_fleet_watch_json_one_shot(broker, capsys) -> None:
    config = parse_broker(broker.url)
    fleet = FleetSimulator(config, cars=30, rate_hz=5, seed=7)
    fleet.start()
    stop = threading.Event()
    runner = threading.Thread(target=fleet.run, args=(60.0, stop))
    runner.start()
    try:
        assert main(["fleet", "watch", "--mqtt", broker.url, "--json", "--seconds", "1.5"]) == 0
    finally:
        stop.set()
        runner.join()
        fleet.close()
    summary = json.loads(capsys.readouterr().out)
    expected_charging = int(fleet.model.charging.sum())
    assert summary["online"] == 30 and summary["cars_seen"] == 30
    assert abs(summary["charging"] - expected_charging) <= 2
    assert summary["with_dtc"] == int((fleet.model.dtc >= 0).sum())
    assert summary["problem"] is None


def test_a_bridged_edge_broker_forwards_the_fleet_to_the_core(mosquitto, wait_for) -> None:
    """Two mosquitto instances on loopback: cars connect to an edge broker, which bridges their topics to
    the core broker where the watchers are (the configuration docs/mqtt.md describes)."""
    core = mosquitto("core").start()
    edge = mosquitto(
        "edge",
        extra=(
            "connection core\n"
            f"address 127.0.0.1:{core.port}\n"
            "bridge_protocol_version mqttv50\n"
            "cleansession false\n"
            "topic cockpit/v1/+/stream out 1\n"
            "topic cockpit/v1/+/status out 1\n"
            "topic cockpit/v1/+/cmd in 1\n"
        ),
    ).start()
    watcher = FleetWatcher(parse_broker(core.url), group="core")
    watcher.start()
    assert watcher.connected.wait(10)
    fleet = FleetSimulator(parse_broker(edge.url), cars=20, rate_hz=5, qos=1)
    fleet.start()
    try:
        wait_for(lambda: watcher.summary()["online"] == 20, 20, "the bridge to carry the cars' status")
        fleet.run(1.0)
        wait_for(lambda: watcher.messages >= fleet.published, 20, "every stream message across the bridge")
    finally:
        fleet.close()
        watcher.close()
    assert watcher.summary()["cars_seen"] == 20


def test_the_watcher_counts_malformed_messages_and_goes_on(broker, wait_for) -> None:
    config = parse_broker(broker.url)
    watcher = FleetWatcher(config)
    watcher.start()
    assert watcher.connected.wait(10)
    fleet = FleetSimulator(config, cars=3, rate_hz=5)
    fleet.start()
    try:
        for junk in (b"{not json", b"[1, 2]", b'{"seq": 1}'):
            fleet.clients[0].publish("cockpit/v1/junk-car/stream", junk, qos=1)
        fleet.run(0.5)
        wait_for(lambda: watcher.malformed == 3 and watcher.messages >= fleet.published, what="all messages")
    finally:
        fleet.close()
        watcher.close()
    assert watcher.summary()["cars_seen"] == 3
