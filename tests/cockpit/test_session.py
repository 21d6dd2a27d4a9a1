"""The Qt-free head unit: sources, a bus that goes away and comes back."""

import threading
import time

import can
import pytest

from cockpit import session as session_module
from cockpit.session import Session, SessionOptions


def pump(session: Session, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        session.tick()
        time.sleep(0.02)


def pump_until(session: Session, condition, timeout: float = 30.0) -> bool:
    """Tick until ``condition()`` holds; generous, since a busy machine delays frames and reconnects."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return condition()
        pump(session, 0.05)
    return True


def test_live_bus_that_fails_is_reported_and_reopened() -> None:
    stop = threading.Event()

    def traffic() -> None:
        with can.Bus(interface="virtual", channel="flaky-bus") as tx:
            while not stop.is_set():
                tx.send(can.Message(arbitration_id=0x101, data=bytes(8), is_extended_id=False))
                time.sleep(0.005)

    sender = threading.Thread(target=traffic)
    sender.start()
    session = Session(SessionOptions(can="virtual:flaky-bus", use_can_config=False))
    try:
        session.start()
        assert pump_until(session, lambda: session.counters().frames > 20)
        before = session.counters().frames
        assert session.problem is None
        # The adapter goes away under the reader thread.
        session.pipeline.bus.shutdown()
        # The reconnect can be quicker than one tick, so the drop is read from the session's record.
        assert pump_until(session, lambda: session.bus_drops), "the failure was never reported"
        assert list(session.bus_drops) == ["CAN bus flaky-bus stopped; reconnecting"]
        assert pump_until(session, lambda: session.counters().frames > before + 20)  # flowing again
        assert pump_until(session, lambda: session.problem is None), session.problem
    finally:
        stop.set()
        sender.join()
        session.close()


def test_vehicle_without_a_simulator_says_what_to_give() -> None:
    session = Session(SessionOptions(vehicle="kona-ev", use_can_config=False))
    try:
        with pytest.raises(Exception, match="--can"):
            session.start()
    finally:
        session.close()


def test_simulator_can_start_on_a_dc_charger() -> None:
    session = Session(SessionOptions(charge="dc", use_can_config=False))
    session.start()
    try:
        charging = "Vehicle.Powertrain.TractionBattery.Charging.IsCharging"
        paths = (charging, "Vehicle.Speed", "Vehicle.Powertrain.Transmission.SelectedGear")
        assert pump_until(session, lambda: all(session.store.value(p) is not None for p in paths))
        assert session.store.value(charging) is True
        assert session.store.value("Vehicle.Speed") == 0
        assert session.store.value("Vehicle.Powertrain.Transmission.SelectedGear") == 126
    finally:
        session.close()


def test_a_long_log_is_read_on_a_thread_with_progress(tmp_path, monkeypatch) -> None:
    log = tmp_path / "long.log"
    with can.Logger(str(log)) as out:
        for k in range(120_000):
            out.on_message_received(can.Message(timestamp=k / 1000, arbitration_id=0x101, data=bytes(8)))
    # Reading is held until start() has returned: start() returning at all shows it does not wait for the
    # file (a time limit would say the same only on an idle machine).
    may_read = threading.Event()
    build_index = session_module.build_index

    def held_build_index(*args, **kwargs):
        assert may_read.wait(60)
        return build_index(*args, **kwargs)

    monkeypatch.setattr(session_module, "build_index", held_build_index)
    started = time.monotonic()
    session = Session(SessionOptions(replay=str(log), use_can_config=False))
    try:
        session.start()
        assert session.replay is None and session.loading  # up, and still reading
        may_read.set()
        seen = set()
        while session.replay is None and time.monotonic() - started < 60:
            seen.add(session.loading)
            time.sleep(0.005)
        assert session.wait_until_loaded()
        assert any(text and "frames" in text for text in seen)  # progress was shown while reading
        assert session.loading is None and session.replay.duration == pytest.approx(119.999)
    finally:
        session.close()


def test_replay_with_can_plays_the_log_onto_that_bus_too(tmp_path) -> None:
    log = tmp_path / "short.log"
    with can.Logger(str(log)) as out:
        for k in range(50):
            out.on_message_received(can.Message(timestamp=k / 100, arbitration_id=0x100 + k, data=bytes([k])))
    with can.Bus(interface="virtual", channel="player-out") as listener:
        session = Session(SessionOptions(replay=str(log), can="virtual:player-out", use_can_config=False))
        try:
            session.start()
            assert session.wait_until_loaded()
            got = []
            # Up to 10 s for each frame (a busy machine can hold the replay thread back for a second), and
            # no wait once all 50 are in.
            while len(got) < 50 and (msg := listener.recv(timeout=10.0)) is not None:
                got.append(msg.arbitration_id)
        finally:
            session.close()
    assert got == [0x100 + k for k in range(50)]


def _traffic(channel: str, stop: threading.Event) -> threading.Thread:
    def send() -> None:
        with can.Bus(interface="virtual", channel=channel) as tx:
            while not stop.is_set():
                tx.send(can.Message(arbitration_id=0x101, data=bytes(8), is_extended_id=False))
                time.sleep(0.005)

    thread = threading.Thread(target=send)
    thread.start()
    return thread


def test_interface_missing_at_start_is_waited_for_and_picked_up_when_it_appears() -> None:
    from bench import gated_bus

    gated_bus.register()
    name = "late-can0"
    stop = threading.Event()
    sender = _traffic(name, stop)
    session = Session(SessionOptions(can=f"gated:{name}", use_can_config=False))
    try:
        session.start()  # no exception: a boot-time service starts before its interface
        pump(session, 0.5)
        state = session.source_state()
        assert (state.kind, state.state, state.name) == ("live", "waiting", name)
        assert state.banner().startswith(f"waiting for {name}")
        assert state.stale
        plugged_at = time.monotonic()
        gated_bus.plug(name)
        assert pump_until(session, lambda: session.counters().frames > 0)
        assert session.source_state().state == "live"
        assert time.monotonic() - plugged_at < 2.5  # picked up within the retry cap, not minutes later
        state = session.source_state()
        assert state.banner() is None and not state.stale and state.last_frame_age_s < 1
        # Pulled out while running, then back: shown as lost, then frames flow again; the diagnostic
        # tester's own connection went with the bus and a new one is opened.
        tester = session.diagnostics()
        gated_bus.unplug(name)
        assert pump_until(session, lambda: session.source_state().state == "disconnected")
        assert session.source_state().stale
        before = session.counters().frames
        gated_bus.plug(name)
        assert pump_until(session, lambda: session.counters().frames > before + 20)
        assert session.source_state().state == "live"
        assert session.diagnostics() is not tester
    finally:
        gated_bus.unplug(name)
        stop.set()
        sender.join()
        session.close()


def test_a_quiet_bus_is_no_data_until_frames_flow_again() -> None:
    stop = threading.Event()
    sender = _traffic("quiet-bus", stop)
    session = Session(SessionOptions(can="virtual:quiet-bus", use_can_config=False, no_data_s=0.5))
    try:
        session.start()
        assert pump_until(session, lambda: session.counters().frames > 20)
        assert session.source_state().state == "live"
        stop.set()  # the car goes to sleep
        sender.join()
        assert pump_until(session, lambda: session.source_state().state == "no data")
        state = session.source_state()
        assert state.stale and state.last_frame_age_s >= 0.5
        assert state.banner().startswith("no data from the car")
        stop.clear()
        sender = _traffic("quiet-bus", stop)
        assert pump_until(session, lambda: session.source_state().state == "live")
    finally:
        stop.set()
        sender.join()
        session.close()


def test_unknown_interface_is_refused_at_once() -> None:
    session = Session(SessionOptions(can="nosuchbus:can0", use_can_config=False))
    try:
        with pytest.raises(Exception, match="unknown CAN interface"):
            session.start()
    finally:
        session.close()
