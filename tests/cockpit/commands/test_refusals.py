"""What is refused, and how: bad commands before anything is sent, interlocks by the car with its reason,
a silent ECU by a timeout (never a hang), functions a vehicle profile cannot transmit by name."""

from __future__ import annotations

import time
import uuid

import can
import pytest

from cockpit.commands import Command, CommandError, CommandLayer
from cockpit.session import Session, SessionOptions

from ...manual_clock import ManualClock
from ..conftest import start


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (Command("seat.heating", value=5, instance="driver"), "out of range (0–3)"),
        (Command("climate.temperature", value=40), "out of range (16–32 °C)"),
        (Command("climate.temperature", value=21.5), "whole numbers"),
        (Command("seat.heating", value=1, instance="middle"), "no instance 'middle'"),
        (Command("climate.fan", value=2, instance="driver"), "whole car"),
        (Command("drive.mode", value="ludicrous"), "eco, comfort, sport"),
        (Command("ambient.color", value="octarine"), "not a colour"),
        (Command("climat.fan", value=1), "Did you mean climate.fan"),
        (Command("trunk.open", delta=1), "relative"),
        (Command("seat.massage", value="yes please"), "on or off"),
    ],
)
def test_bad_commands_are_refused_before_anything_is_sent(layer: CommandLayer, command, message) -> None:
    tx = layer.session.transmitter
    network = layer.session.simulator.network
    sent, received = tx.sent, network.stats.requests
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        layer.execute(command)
    layer.pump(0.1)
    assert (tx.sent, network.stats.requests) == (sent, received)
    assert not layer.operations


def test_a_command_with_one_bad_instance_value_sends_none_of_it(layer: CommandLayer) -> None:
    layer.wait(layer.execute(Command("climate.temperature", value=32, instance="passenger")))
    sent = layer.session.transmitter.sent
    with pytest.raises(CommandError, match=r"passenger.*maximum, 32 °C"):
        layer.execute(Command("climate.temperature", delta=1, instance="all"))
    assert layer.session.transmitter.sent == sent


def test_the_tailgate_is_refused_while_driving_with_the_cars_reason() -> None:
    session = start(cycle="route")
    try:
        layer = CommandLayer(session)
        deadline = time.monotonic() + 60
        while (session.store.value("Vehicle.Speed") or 0) < 8 and time.monotonic() < deadline:
            layer.pump(0.1)
        assert session.store.value("Vehicle.Speed") >= 8
        ops = layer.execute(Command("trunk.open", value=True))
        layer.wait(ops)
        assert ops[0].state == "failed"
        assert ops[0].reason == "refused: vehicle moving"
        assert ops[0].seconds < 1.0  # the car said no: no waiting for the timeout
        assert session.store.value("Vehicle.Body.Trunk.Rear.IsOpen") is False
        # A window pinch: the window controller refuses to close and says why.
        session.simulator.car.body.state.pinch_fault["FR"] = True
        layer.wait(layer.execute(Command("window.position", value=30, instance="passenger")), 10)
        ops = layer.execute(Command("window.position", value=0, instance="passenger"))
        layer.wait(ops)
        assert (ops[0].state, ops[0].reason) == ("failed", "refused: pinch protection active")
    finally:
        session.close()


def test_a_silent_climate_ecu_times_out_with_its_name() -> None:
    session = start(cycle="idle")
    try:
        layer = CommandLayer(session, timeout_s=0.6)
        layer.wait_for_status()
        # The climate controller stops listening (its request message no longer reaches it); every other
        # ECU keeps running, and its status keeps reporting the old setting.
        network = session.simulator.network
        hvac_request = next(i for i, (m, _) in network.requests.items() if m.name == "IVI_HvacRequest")
        del network.requests[hvac_request]
        before = layer.reported("climate.temperature")
        target = 18 if before != 18 else 26
        ops = layer.execute(Command("climate.temperature", value=target))
        layer.wait(ops, timeout_s=30)
        # Failed by the layer's own 0.6 s timeout (the reason says which), not by the end of this wait.
        assert ops[0].state == "failed"
        assert ops[0].reason == "no response from climate control within 0.6 s"
        assert layer.reported("climate.temperature") == before
        shown = layer.control_state("climate.temperature")
        assert (shown.state, shown.target) == ("failed", target)
    finally:
        session.close()


def test_no_ecu_at_all_on_a_bus_times_out_rather_than_hanging(monkeypatch) -> None:
    import cockpit.commands.layer as layer_module

    # The layer's clock moves 20 ms per update, as at the UI tick: a busy machine that starves this thread
    # cannot thin out the repeats counted below (one late update, and the 100 ms repeats are skipped).
    clock = ManualClock()
    monkeypatch.setattr(layer_module, "time", clock)
    channel = f"silent-{uuid.uuid4().hex[:8]}"
    session = Session(SessionOptions(can=f"virtual:{channel}", use_can_config=False))
    session.start()
    try:
        with can.Bus(interface="virtual", channel=channel) as listener:
            layer = CommandLayer(session, timeout_s=0.5)
            ops = layer.execute(Command("seat.heating", value=2, instance="rear_left"))
            for _ in range(150):  # 3 s of the layer's time
                if ops[0].state != "pending":
                    break
                clock.advance(0.02)
                layer.update()
            assert ops[0].state == "failed"
            assert ops[0].reason == "no response from seat control within 0.5 s"
            frames = []
            while (msg := listener.recv(timeout=0)) is not None:
                frames.append(msg)
            # The request went out and repeated at the 100 ms cycle until it gave up.
            assert 3 <= len(frames) <= 8
            assert {f.arbitration_id for f in frames} == {0x402}
    finally:
        session.close()


def test_a_profile_without_vss2dbc_refuses_naming_signal_and_profile(kona_dir) -> None:
    channel = f"kona-{uuid.uuid4().hex[:8]}"
    session = Session(SessionOptions(vehicle="kona-ev", can=f"virtual:{channel}", use_can_config=False))
    session.start()
    try:
        layer = CommandLayer(session)
        assert not layer.settable("climate.temperature")
        with pytest.raises(CommandError) as refused:
            layer.execute(Command("climate.temperature", value=22))
        line = refused.value.line()
        assert "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature" in line and "kona-ev" in line
        assert session.transmitter.sent == 0
    finally:
        session.close()


def test_a_log_replay_cannot_be_commanded(tmp_path) -> None:
    log = tmp_path / "short.log"
    log.write_text("(1.0) can0 110#0000000000000000\n")
    session = Session(SessionOptions(replay=str(log), use_can_config=False))
    session.start()
    try:
        with pytest.raises(CommandError, match="log replay"):
            CommandLayer(session).execute(Command("climate.ac", value=True))
    finally:
        session.close()
