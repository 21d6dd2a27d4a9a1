"""The simulated ECUs on a real python-can bus: frames, cycle times, counters, checksums, closed loop."""

from collections import defaultdict
from pathlib import Path

import can
import numpy as np
import pytest

from cockpit.cli.main import main
from cockpit.simulator.runner import SimulationRunner
from cockpit.simulator.setup import build_simulation
from cockpit.state_store import StateStore
from cockpit.vehicle_data import load_vehicle_data
from vehicle_bus.frame_protection import FrameProtection
from vehicle_bus.pipeline import Pipeline
from vehicle_bus.transmit import ActuatorTransmitter


@pytest.fixture(scope="module")
def recorded_minute(tmp_path_factory) -> tuple[Path, object]:
    path = tmp_path_factory.mktemp("sim") / "minute.blf"
    assert main(["sim", "--fast", "--duration", "60", "--record", str(path), "--quiet"]) == 0
    return path, load_vehicle_data("demo-bev")


def test_every_frame_decodes_with_the_demo_dbc_and_carries_a_valid_checksum(recorded_minute) -> None:
    path, vehicle = recorded_minute
    db = vehicle.database.db
    frames = list(can.LogReader(str(path)))
    assert len(frames) > 20_000
    seen = set()
    for msg in frames:
        message = db.get_message_by_frame_id(msg.arbitration_id)
        message.decode(msg.data, decode_choices=True)
        assert FrameProtection(message).verify(bytes(msg.data)), message.name
        seen.add(message.name)
    sent_by_ecus = {m.name for m in db.messages if "IVI" not in m.senders and m.cycle_time}
    assert seen == sent_by_ecus


def test_cycle_times_hold_within_ten_percent_over_a_minute(recorded_minute) -> None:
    path, vehicle = recorded_minute
    db = vehicle.database.db
    stamps: dict[int, list[float]] = defaultdict(list)
    for msg in can.LogReader(str(path)):
        stamps[msg.arbitration_id].append(msg.timestamp)
    for frame_id, times in stamps.items():
        message = db.get_message_by_frame_id(frame_id)
        period = np.diff(times).mean() * 1000
        assert period == pytest.approx(message.cycle_time, rel=0.10), message.name
        assert len(times) == pytest.approx(60_000 / message.cycle_time, rel=0.10)


def test_alive_counters_count_up_and_wrap(recorded_minute) -> None:
    path, vehicle = recorded_minute
    soc = vehicle.database.db.get_message_by_name("BMS_SOC")
    counters = [
        soc.decode(m.data)["Counter"] for m in can.LogReader(str(path)) if m.arbitration_id == soc.frame_id
    ]
    assert counters[:20] == [k % 16 for k in range(counters[0], counters[0] + 20)]


def test_decoded_drive_is_physically_consistent(recorded_minute, capsys) -> None:
    path, _ = recorded_minute
    assert main(["decode", str(path), "--signals", "Vehicle.Speed", "--format", "jsonl"]) == 0
    import json

    speeds = [json.loads(line)["value"] for line in capsys.readouterr().out.splitlines()]
    # WLTC: the first minute has a drive-off to about 45 km/h.
    assert 40 < max(speeds) < 50


def closed_loop(cycle: str = "idle"):
    sim = build_simulation("bev", cycle)
    vehicle = load_vehicle_data("demo-bev")
    channel = f"closed-loop-{id(sim)}"
    ecu_bus = can.Bus(interface="virtual", channel=channel)
    ivi_bus = can.Bus(interface="virtual", channel=channel)
    store = StateStore(units=vehicle.units())
    pipeline = Pipeline(vehicle.decoder(), store.update)
    pipeline.attach_bus(ivi_bus)
    runner = SimulationRunner(sim.network, bus=ecu_bus, fast=True)
    tx = ActuatorTransmitter(vehicle.bound, ivi_bus, profile="demo-bev")
    return sim, runner, pipeline, store, tx, (ecu_bus, ivi_bus)


def run_for(runner: SimulationRunner, pipeline: Pipeline, seconds: float) -> None:
    import time

    steps = round(seconds / 0.01)
    for _ in range(max(0, steps - 10)):
        runner.step()
    # The virtual bus stamps frames with the wall clock, and `interval_ms` gates decode on frame time: the
    # last 100 ms of simulation go out after a pause, so every gate is open again at the tick below.
    time.sleep(0.11)
    for _ in range(min(steps, 10)):
        runner.step()
    # Let the notifier thread drain the virtual bus (it may lag on a busy machine).
    deadline = time.monotonic() + 60
    while pipeline.cache.counters.frames < runner.frames_sent and time.monotonic() < deadline:
        time.sleep(0.01)
    pipeline.tick()


def test_a_command_on_the_bus_changes_the_reported_status_after_its_delay() -> None:
    _sim, runner, pipeline, store, tx, buses = closed_loop()
    path = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"
    try:
        run_for(runner, pipeline, 0.5)
        assert store.value(path) == 22
        tx.send(path, 25)
        run_for(runner, pipeline, 0.1)  # the HVAC acts after ~200 ms: not yet
        assert store.value(path) == 22
        run_for(runner, pipeline, 0.4)
        assert store.value(path) == 25
    finally:
        pipeline.close()
        for bus in buses:
            bus.shutdown()


def test_window_opens_at_a_real_speed_through_the_bus() -> None:
    _sim, runner, pipeline, store, tx, buses = closed_loop()
    path = "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position"
    try:
        run_for(runner, pipeline, 0.3)
        tx.send(path, 100)
        run_for(runner, pipeline, 2.0)
        halfway = store.value(path)
        run_for(runner, pipeline, 3.0)
        assert 30 <= halfway <= 60
        assert store.value(path) == 100
    finally:
        pipeline.close()
        for bus in buses:
            bus.shutdown()


def test_tailgate_interlock_refuses_while_driving() -> None:
    sim, runner, pipeline, store, tx, buses = closed_loop("wltc")
    try:
        run_for(runner, pipeline, 30)  # WLTC is moving at 30 s
        assert sim.car.speed_kmh > 10
        tx.send("Vehicle.Body.Trunk.Rear.IsOpen", True)
        run_for(runner, pipeline, 2)
        assert store.value("Vehicle.Body.Trunk.Rear.IsOpen") is False
        assert any("vehicle moving" in r for r in sim.network.stats.refused)
        # The refusal is reported on the bus, so the head unit can say why.
        assert store.value("Vehicle.SmartCockpit.Body.RequestRefusal.Request") == "TRUNK"
        assert store.value("Vehicle.SmartCockpit.Body.RequestRefusal.Reason") == "VEHICLE_MOVING"
        assert store.value("Vehicle.SmartCockpit.Body.RequestRefusal.Sequence") >= 1
    finally:
        pipeline.close()
        for bus in buses:
            bus.shutdown()


def test_a_request_with_a_bad_checksum_is_ignored() -> None:
    sim, runner, pipeline, _store, tx, buses = closed_loop()
    try:
        frame = tx.encode("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 28)
        data = bytearray(frame.data)
        data[-1] ^= 0xFF
        buses[1].send(
            can.Message(arbitration_id=frame.arbitration_id, data=bytes(data), is_extended_id=False)
        )
        run_for(runner, pipeline, 0.5)
        assert sim.network.stats.bad_checksums == 1
        assert sim.car.climate.state.driver_set == 22
    finally:
        pipeline.close()
        for bus in buses:
            bus.shutdown()
