"""The doctor's CAN checks: a virtual bus with and without traffic, a missing interface, and the kernel's
view of a SocketCAN interface in its error states (iproute2's JSON, as `ip -details -statistics -json`
prints it)."""

from __future__ import annotations

import json
import uuid

import can

from cockpit.cli.main import main
from cockpit.doctor.can_checks import check_can, link_checks, parse_ip_link
from cockpit.simulator.runner import SimulationRunner
from cockpit.simulator.setup import build_simulation


def ip_json(state: str, *, up: bool = True, bitrate: int = 500000, tx: int = 0, rx: int = 0) -> str:
    flags = ["NOARP", "UP", "LOWER_UP", "ECHO"] if up else ["NOARP", "ECHO"]
    return json.dumps(
        [
            {
                "ifindex": 3,
                "ifname": "can0",
                "flags": flags,
                "mtu": 16,
                "operstate": "UP" if up else "DOWN",
                "link_type": "can",
                "linkinfo": {
                    "info_kind": "can",
                    "info_data": {
                        "state": state,
                        "berr_counter": {"tx": tx, "rx": rx},
                        "restart_ms": 100,
                        "bittiming": {"bitrate": bitrate, "sample_point": "0.875", "tq": 125},
                        "clock": 8000000,
                    },
                    "info_xstats": {"restarts": 0, "bus_error": 2, "bus_off": 1 if state == "BUS-OFF" else 0},
                },
            }
        ]
    )


def test_a_virtual_bus_with_the_simulated_car_counts_its_frames() -> None:
    channel = f"doctor-{uuid.uuid4().hex[:8]}"
    sim = build_simulation("bev", "idle")
    with can.Bus(interface="virtual", channel=channel) as bus:
        runner = SimulationRunner(sim.network, bus=bus)
        runner.start()
        try:
            checks = check_can(f"virtual:{channel}", 500000, listen_s=1.0)
        finally:
            runner.stop()
    assert [c.name for c in checks] == ["CAN frames"]
    assert checks[0].status == "ok"
    frames = int(checks[0].detail.split()[0].replace(",", ""))
    assert 300 < frames < 800  # the demo car sends about 525 frames/s


def test_a_silent_virtual_bus_is_a_warning_with_a_hint() -> None:
    (check,) = check_can(f"virtual:quiet-{uuid.uuid4().hex[:6]}", listen_s=0.3)
    assert check.status == "warn" and "no frames" in check.detail and "cockpit sim" in check.fix


def test_a_missing_socketcan_interface_says_how_to_enable_the_hat(capsys) -> None:
    (check,) = check_can("socketcan:can9", listen_s=0.1)
    assert (check.status, check.detail) == ("fail", "can9 does not exist")
    assert "dtoverlay=mcp2515-can0" in check.fix and "config.txt" in check.fix
    assert main(["doctor", "--can", "socketcan:can9", "--listen", "0.1"]) == 1
    out = capsys.readouterr().out
    assert "✘ CAN interface: can9 does not exist" in out and "Traceback" not in out


def test_an_unknown_interface_is_one_clear_failure() -> None:
    (check,) = check_can("nosuchbus:0", listen_s=0.1)
    assert check.status == "fail" and "unknown CAN interface 'nosuchbus'" in check.detail


def test_kernel_states_become_checks_with_fixes() -> None:
    healthy = link_checks("can0", parse_ip_link(ip_json("ERROR-ACTIVE")), 500000)
    assert [c.status for c in healthy] == ["ok", "ok"]
    assert "ERROR-ACTIVE" in healthy[1].detail

    passive = link_checks("can0", parse_ip_link(ip_json("ERROR-PASSIVE", rx=135)), 500000)
    assert passive[1].status == "warn" and "rx 135" in passive[1].detail and "terminator" in passive[1].fix

    off = link_checks("can0", parse_ip_link(ip_json("BUS-OFF", tx=255)), 500000)
    assert off[1].status == "fail" and "BUS-OFF" in off[1].detail and "restart-ms" in off[1].fix

    wrong = link_checks("can0", parse_ip_link(ip_json("ERROR-ACTIVE", bitrate=250000)), 500000)
    assert wrong[0].status == "fail" and "250,000" in wrong[0].detail and "bitrate 500000" in wrong[0].fix

    down = link_checks("can0", parse_ip_link(ip_json("STOPPED", up=False)), 500000)
    assert [(c.name, c.status) for c in down] == [("CAN link", "fail")]
    assert "ip link set can0 up type can bitrate 500000" in down[0].fix
