"""The cabin panel on the simulated car: a control for every function, taps that go out as commands, the
pending and failed states on the control that caused them, and the car drawn from what it reports."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QWidget

from cockpit.commands import FUNCTIONS
from ui.panels.cabin import CabinPanel, ColourSwatches, OneTouch
from ui.widgets.command_controls import CommandLevel, CommandStepper, CommandToggle

from ..conftest import pump_events


@pytest.fixture
def panel(ctx, qtbot, run_session) -> CabinPanel:
    panel = CabinPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1180, 600)
    panel.show()
    run_session(0.8, lambda: (ctx.commands.update(), panel.refresh({})))
    return panel


def settle(panel: CabinPanel, run_session, seconds: float) -> None:
    ctx = panel.ctx
    run_session(seconds, lambda: (ctx.commands.update(), panel.refresh({})))


def control(panel: CabinPanel, kind: type, function: str, instance: str | None = None) -> QWidget:
    for c in panel.controls:
        if isinstance(c, kind) and c.binding.function == function and c.binding.instance == instance:
            return c
    raise AssertionError(f"no {kind.__name__} for {function} {instance}")


def test_every_cabin_function_has_a_control(panel: CabinPanel) -> None:
    bound = {(c.binding.function, c.binding.instance) for c in panel.controls}
    for spec in FUNCTIONS.values():
        for instance in spec.instances or (None,):
            assert (spec.name, instance) in bound, f"no control for {spec.name} {instance}"


def test_a_tap_is_pending_then_confirmed_and_the_car_view_follows(panel: CabinPanel, run_session) -> None:
    panel.show_page(1)
    heat = control(panel, CommandLevel, "seat.heating", "rear_left")
    assert heat.text() == "○○○" and not heat.icon().isNull()  # the flame icon, then the level
    heat.click()
    assert heat.property("commandState") == "pending" and "→ ●○○" in heat.text()
    settle(panel, run_session, 0.8)
    assert heat.text() == "●○○" and heat.property("commandState") == "confirmed"
    assert panel.car.values["Vehicle.Cabin.Seat.Row2.DriverSide.Heating"] == 33

    panel.show_page(2)
    one_touch = control(panel, OneTouch, "window.position", "passenger")
    assert one_touch.value == 100
    one_touch.click()
    settle(panel, run_session, 5.5)
    assert panel.car.values["Vehicle.Cabin.Door.Row1.PassengerSide.Window.Position"] == 100


def test_a_silent_ecu_turns_the_control_red_with_the_reason(panel: CabinPanel, run_session) -> None:
    ctx = panel.ctx
    ctx.commands.timeout_s = 0.5
    network = ctx.session.simulator.network
    hvac = next(i for i, (m, _) in network.requests.items() if m.name == "IVI_HvacRequest")
    del network.requests[hvac]
    panel.show_page(0)
    stepper = control(panel, CommandStepper, "climate.temperature", "passenger")
    before = stepper.label.text()
    stepper.plus.click()
    assert "→" in stepper.label.text()
    settle(panel, run_session, 1.0)
    assert stepper.label.text() == before  # the car's value, not the tap
    assert stepper.label.property("commandState") == "failed"
    assert stepper.label.toolTip() == "no response from climate control within 0.5 s"
    assert ctx.theme.danger in stepper.label.styleSheet()
    # The other controls are not affected.
    assert control(panel, CommandStepper, "climate.temperature", "driver").label.toolTip() == ""


def test_refused_while_driving_shows_the_cars_reason(ctx, qtbot, run_session) -> None:
    from cockpit.session import Session, SessionOptions

    driving = Session(SessionOptions(use_can_config=False, cycle="route"))
    driving.start()
    try:
        ctx.session = driving
        ctx.commands.session = driving
        panel = CabinPanel(ctx)
        qtbot.addWidget(panel)
        end = time.monotonic() + 60
        while (driving.store.value("Vehicle.Speed") or 0) < 8 and time.monotonic() < end:
            driving.tick()
            pump_events(0.02)
        panel.show_page(3)
        tailgate = control(panel, CommandToggle, "trunk.open")
        tailgate.click()
        for _ in range(60):
            driving.tick()
            ctx.commands.update()
            panel.refresh({})
            pump_events(0.02)
        assert tailgate.toolTip() == "refused: vehicle moving"
        assert not tailgate.isChecked()
    finally:
        driving.close()


def test_colour_swatches_check_the_colour_the_car_reports(panel: CabinPanel, run_session) -> None:
    panel.show_page(4)
    swatches = next(c for c in panel.controls if isinstance(c, ColourSwatches))
    red = swatches.buttons[(255, 0, 0)]
    red.click()
    settle(panel, run_session, 0.8)
    assert red.isChecked()
    assert (panel.car.values["Vehicle.SmartCockpit.Cabin.Light.AmbientLight.Red"],
            panel.car.values["Vehicle.SmartCockpit.Cabin.Light.AmbientLight.Green"]) == (255, 0)  # fmt: skip
