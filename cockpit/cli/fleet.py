"""``cockpit fleet …``: pair keys for remote commands, send a signed command, simulate and watch a fleet,
and bridge Home Assistant's commands to signed ones (see docs/mqtt.md)."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path

from vehicle_bus.errors import InputError

from .mqtt_options import add_broker_options, broker_config


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fleet", help="connected cars: pair keys, send commands, simulate and watch a fleet")
    fleet = p.add_subparsers(dest="fleet_command", metavar="ACTION", required=True)

    pair = fleet.add_parser("pair", help="enrol a key on this head unit (remote commands, Home Assistant)")
    pair.add_argument("name", help="who holds the key, e.g. phone, home-assistant")
    key = pair.add_mutually_exclusive_group(required=True)
    key.add_argument(
        "--key-out", type=Path, metavar="FILE", help="make a new key pair; private key here (0600)"
    )
    key.add_argument(
        "--public-key", type=Path, metavar="FILE", help="enrol an existing Ed25519 public key (PEM)"
    )
    pair.add_argument("--keychain", type=Path, metavar="FILE", help=argparse.SUPPRESS)
    pair.add_argument("--json", action="store_true", help="the paired key as one JSON object")
    pair.set_defaults(handler=_pair)

    keys = fleet.add_parser("keys", help="list the paired keys")
    keys.add_argument("--keychain", type=Path, metavar="FILE", help=argparse.SUPPRESS)
    keys.add_argument("--json", action="store_true")
    keys.set_defaults(handler=_keys)

    revoke = fleet.add_parser("revoke", help="revoke a paired key (by name or key id)")
    revoke.add_argument("name")
    revoke.add_argument("--keychain", type=Path, metavar="FILE", help=argparse.SUPPRESS)
    revoke.add_argument("--json", action="store_true", help="the revoked keys as a JSON list")
    revoke.set_defaults(handler=_revoke)

    send = fleet.add_parser("send", help="send one signed command to a car and print its result")
    add_broker_options(send, required=True)
    send.add_argument("target", metavar="FUNCTION[:INSTANCE]=VALUE", help="e.g. seat.heating:driver=2")
    send.add_argument("--vehicle-id", required=True, metavar="ID")
    send.add_argument(
        "--key", required=True, type=Path, metavar="FILE", help="private key paired with the car"
    )
    send.add_argument("--lifetime", type=float, default=30.0, metavar="S", help="seconds until it expires")
    send.add_argument("--timeout", type=float, default=10.0, metavar="S")
    send.add_argument("--json", action="store_true", help="the car's answer as one JSON object")
    send.set_defaults(handler=_send)

    sim = fleet.add_parser("sim", help="N light simulated cars publishing telemetry")
    add_broker_options(sim, required=True)
    sim.add_argument("--cars", type=int, default=100, metavar="N")
    sim.add_argument("--rate", type=float, default=1.0, metavar="HZ", help="messages per car per second")
    sim.add_argument("--qos", type=int, choices=(0, 1), default=0)
    sim.add_argument("--duration", type=float, default=float("inf"), metavar="S")
    sim.add_argument("--seed", type=int, default=1)
    sim.set_defaults(handler=_sim)

    watch = fleet.add_parser("watch", help="live fleet summary (MQTT 5 shared subscription)")
    add_broker_options(watch, required=True)
    watch.add_argument(
        "--group", default="watchers", help="shared-subscription group: watchers split its load"
    )
    watch.add_argument("--json", action="store_true", help="one JSON summary after --seconds, then exit")
    watch.add_argument(
        "--seconds", type=float, default=3.0, metavar="S", help="with --json: how long to listen"
    )
    watch.set_defaults(handler=_watch)

    bridge = fleet.add_parser("ha-bridge", help="sign Home Assistant's commands with a paired key")
    add_broker_options(bridge, required=True)
    bridge.add_argument("--vehicle-id", required=True, metavar="ID")
    bridge.add_argument(
        "--key", required=True, type=Path, metavar="FILE", help="the bridge's paired private key"
    )
    bridge.set_defaults(handler=_ha_bridge)


def _keychain(args: argparse.Namespace):
    from ..connect.keychain import Keychain

    return Keychain(args.keychain)


def _pair(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    from ..connect.keychain import new_private_key

    if args.key_out is not None:
        public = new_private_key(args.key_out).public_key()
    else:
        try:
            public = load_pem_public_key(args.public_key.read_bytes())
        except (OSError, ValueError) as exc:
            raise InputError(f"{args.public_key}: not a PEM public key ({exc})") from None
        if not isinstance(public, Ed25519PublicKey):
            raise InputError(f"{args.public_key}: not an Ed25519 public key")
    keychain = _keychain(args)
    entry = keychain.pair(args.name, public)
    if args.json:
        print(json.dumps({"name": entry.name, "key_id": entry.key_id, "keychain": str(keychain.path)}))
        return 0
    print(f"paired {entry.name} (key {entry.key_id}) in {keychain.path}")
    if args.key_out is not None:
        print(f"private key: {args.key_out} (keep it on the device that sends commands)")
    return 0


def _keys(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    entries = _keychain(args).entries()
    if args.json:
        json.dump([asdict(e) for e in entries], sys.stdout)
        sys.stdout.write("\n")
        return 0
    for e in entries:
        state = (
            "active" if e.active else f"revoked {time.strftime('%Y-%m-%d %H:%M', time.localtime(e.revoked))}"
        )
        paired = time.strftime("%Y-%m-%d %H:%M", time.localtime(e.paired))
        print(f"{e.key_id}  {e.name}  paired {paired}  {state}")
    if not entries:
        print("no paired keys (cockpit fleet pair NAME --key-out FILE)")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    revoked = _keychain(args).revoke(args.name)
    if args.json:
        print(json.dumps([{"name": e.name, "key_id": e.key_id} for e in revoked]))
        return 0
    for e in revoked:
        print(f"revoked {e.name} (key {e.key_id})")
    return 0


def _parse_target(text: str) -> tuple[str, str | None, object]:
    name, sep, raw = text.partition("=")
    if not sep or not name or not raw:
        raise InputError(f"{text!r} is not FUNCTION[:INSTANCE]=VALUE", fix="e.g. seat.heating:driver=2")
    function, _, instance = name.partition(":")
    try:
        value = json.loads(raw)
    except ValueError:
        value = {"on": True, "off": False}.get(raw.lower(), raw)
    return function, instance or None, value


def _send(args: argparse.Namespace) -> int:
    from ..connect.broker import make_client, start
    from ..connect.keychain import load_private_key
    from ..connect.signing import sign_command
    from ..connect.topics import Topics, check_vehicle_id

    function, instance, value = _parse_target(args.target)
    key = load_private_key(args.key)
    topics = Topics(check_vehicle_id(args.vehicle_id))
    config = broker_config(args)
    body = sign_command(key, topics.vehicle_id, function, value, instance, lifetime_s=args.lifetime)
    result: dict = {}
    done, ready = threading.Event(), threading.Event()
    client = make_client(config, "")

    def on_connect(c, _u, _f, reason_code, _p):
        if not reason_code.is_failure:
            c.subscribe(topics.result, qos=1)

    def on_subscribe(c, *_):
        ready.set()

    def on_message(_c, _u, message):
        answer = json.loads(message.payload)
        if answer.get("id") == body["id"]:
            result.update(answer)
            done.set()

    client.on_connect, client.on_subscribe, client.on_message = on_connect, on_subscribe, on_message
    problem = start(client, config, persistent=False)
    try:
        if not ready.wait(args.timeout):
            raise InputError(problem or f"broker {config.where}: no connection within {args.timeout:g} s")
        client.publish(topics.command, json.dumps(body).encode(), qos=1)
        if not done.wait(args.timeout):
            print(
                f"{args.target}: no answer from {topics.vehicle_id} within {args.timeout:g} s",
                file=sys.stderr,
            )
            return 1
    finally:
        client.disconnect()
        client.loop_stop()
    reason = f" ({result['reason']})" if result.get("reason") else ""
    print(json.dumps(result) if args.json else f"{args.target}: {result['status']}{reason}")
    return 0 if result["status"] == "confirmed" else 1


def _sim(args: argparse.Namespace) -> int:
    from ..connect.fleet import FleetSimulator

    if args.cars < 1 or not args.rate > 0:
        raise InputError("--cars must be at least 1 and --rate above 0")
    fleet = FleetSimulator(broker_config(args), args.cars, args.rate, args.qos, args.seed)
    fleet.start()
    for problem in fleet.problems:
        print(f"cockpit fleet sim: {problem}", file=sys.stderr)
    try:
        fleet.run(args.duration)
    except KeyboardInterrupt:
        pass
    finally:
        fleet.close()
    print(
        f"cockpit fleet sim: {args.cars} cars, {fleet.published} messages, {fleet.late_ticks} late ticks",
        file=sys.stderr,
    )
    return 0


def _watch(args: argparse.Namespace) -> int:
    from ..connect.fleet import FleetWatcher

    watcher = FleetWatcher(broker_config(args), args.group)
    watcher.start()
    if watcher.problem:
        print(f"cockpit fleet watch: {watcher.problem}", file=sys.stderr)
    try:
        if args.json:
            time.sleep(args.seconds)
            summary = {**watcher.summary(), "problem": watcher.problem}
            json.dump(summary, sys.stdout)
            sys.stdout.write("\n")
            return 0 if watcher.connected.is_set() else 1
        while True:
            s = watcher.summary()
            line = (
                f"online {s['online']}  charging {s['charging']}  low SoC {s['low_soc']}  "
                f"DTCs {s['with_dtc']}  (seen {s['cars_seen']}, {s['messages']} messages)"
            )
            print(
                f"\r{line}" if sys.stdout.isatty() else line,
                end="" if sys.stdout.isatty() else "\n",
                flush=True,
            )
            time.sleep(1.0)
    except KeyboardInterrupt:
        return 0
    finally:
        watcher.close()


def _ha_bridge(args: argparse.Namespace) -> int:
    from ..connect.broker import make_client, start
    from ..connect.homeassistant import HomeAssistantBridge
    from ..connect.keychain import load_private_key
    from ..connect.topics import Topics, check_vehicle_id

    config = broker_config(args)
    client = make_client(config, f"ha-bridge-{args.vehicle_id}")
    bridge = HomeAssistantBridge(
        Topics(check_vehicle_id(args.vehicle_id)),
        load_private_key(args.key),
        lambda topic, payload: client.publish(topic, payload, qos=1),
    )

    def on_connect(c, _u, _f, reason_code, _p):
        if reason_code.is_failure:
            print(f"cockpit fleet ha-bridge: broker refused: {reason_code}", file=sys.stderr)
            return
        for topic in bridge.subscriptions:
            c.subscribe(topic, qos=1)

    client.on_connect = on_connect
    client.on_message = lambda _c, _u, m: bridge.handle(m.topic, m.payload)
    problem = start(client, config, persistent=False)
    if problem:
        print(f"cockpit fleet ha-bridge: {problem}", file=sys.stderr)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        return 0
    finally:
        client.disconnect()
        client.loop_stop()
    return 0
