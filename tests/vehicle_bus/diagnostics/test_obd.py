"""OBD-II over the functional id 0x7DF against the simulated car."""

from __future__ import annotations

import pytest

from cockpit.simulator.diagnostics.in_process import car_on_bus

# The UDS timeout: generous, since an answer takes milliseconds on an idle machine but a busy one delays the
# simulated ECUs (at 0.5 s these tests failed under load). Silent ECUs cost this much time once per test.
TIMEOUT_S = 3.0


def test_obd_reads_vin_speed_soc_and_stored_codes() -> None:
    with car_on_bus(["12v-low"], timeout=TIMEOUT_S) as car:
        report = car.tester.obd.read()
        soc = car.simulation.car.battery.state.soc
    assert report.problem is None
    # The powertrain ECU on 11-bit ids and the on-board charger on 29-bit ids speak OBD-II.
    assert report.responders == ["0x7E8", "0x18DAF144"]
    assert report.vin == "W0SCPD3E5N1000417"  # mode 09 PID 02, a multi-frame answer
    assert report.values["speed_kmh"] == 0
    assert report.values["battery_remaining_percent"] == pytest.approx(soc, abs=0.5)  # PID 0x5B
    assert report.values["control_module_voltage_v"] == pytest.approx(11.4)  # PID 0x42, the low 12 V
    assert report.stored_dtcs == {"0x7E8": ["P0562"], "0x18DAF144": []}  # mode 03: confirmed codes


def test_obd_on_a_bus_without_ecus_says_nobody_answered() -> None:
    import can

    from vehicle_bus.diagnostics.obd import ObdReader

    bus = can.Bus(interface="virtual", channel="cockpit-test-empty-obd")
    notifier = can.Notifier(bus, [], timeout=0.05)
    try:
        report = ObdReader(bus, notifier, window=0.2).read()
    finally:
        notifier.stop()
        bus.shutdown()
    assert report.problem == "no OBD-II answer to 0x7DF after 0.2 s"
    assert report.vin is None
