"""Every cabin function goes out as a CAN request, the simulated ECU acts, and the status it reports
confirms the command (target → frame → ECU → status → confirmed)."""

from __future__ import annotations

from typing import Any

import pytest

from cockpit.commands import FUNCTIONS, Command, CommandLayer, Function

COLOUR_CHOICES = [(255, 0, 0), (0, 80, 255)]


def different_value(spec: Function, current: Any) -> Any:
    """A value the car does not have yet, so confirmation means the ECU really acted."""
    if spec.kind == "bool":
        return not current
    if spec.kind == "choice":
        return next(c for c in spec.choices if c != current and c != "snow")
    if spec.kind == "colour":
        return next(c for c in COLOUR_CHOICES if c != current)
    return spec.maximum if current != spec.maximum else spec.minimum


# charging.active needs a charging cable, which the parked car has not: test_charging_control.py.
@pytest.mark.parametrize("name", [name for name in FUNCTIONS if name != "charging.active"])
def test_every_function_is_confirmed_by_the_car(layer: CommandLayer, name: str) -> None:
    spec = FUNCTIONS[name]
    instances = spec.instances or (None,)
    targets = {i: different_value(spec, layer.reported(name, i)) for i in instances}
    operations = []
    for instance, value in targets.items():
        operations += layer.execute(Command(name, value=value, instance=instance))
    assert layer.session.transmitter is not None and layer.session.transmitter.sent >= len(operations)
    layer.wait(operations, timeout_s=15)
    failed = [(op.path, op.value, op.reported, op.reason) for op in operations if op.state != "confirmed"]
    assert not failed
    for instance, value in targets.items():
        shown = layer.control_state(name, instance)
        assert shown.state == "confirmed"
        assert shown.reported == value


def test_a_relative_change_builds_on_what_the_car_reports(layer: CommandLayer) -> None:
    # Defrost runs the blower high on its own; automatic climate picks the level itself.
    for function in ("climate.defrost_front", "climate.auto"):
        layer.wait(layer.execute(Command(function, value=False)))
    layer.wait(layer.execute(Command("climate.fan", value=3)))
    ops = layer.execute(Command("climate.fan", delta=1))
    ops += layer.execute(Command("climate.fan", delta=1))  # "more": stacks on the one still on its way
    layer.wait(ops)
    assert layer.reported("climate.fan") == 5
    assert ops[-1].state == "confirmed" and ops[0].state == "replaced"


def test_warmer_for_both_zones_moves_each_from_its_own_setting(layer: CommandLayer) -> None:
    layer.wait(layer.execute(Command("climate.sync", value=False)))
    layer.wait(layer.execute(Command("climate.temperature", value=20, instance="driver")))
    layer.wait(layer.execute(Command("climate.temperature", value=24, instance="passenger")))
    layer.wait(layer.execute(Command("climate.temperature", delta=1, instance="all")))
    assert layer.reported("climate.temperature", "driver") == 21
    assert layer.reported("climate.temperature", "passenger") == 25


def test_the_sunroof_takes_longer_than_the_timeout_and_is_still_confirmed(layer: CommandLayer) -> None:
    # 0 → 100 % takes the sunroof about 8 s; it is moving the whole time, so it is not "no response".
    layer.timeout_s = 2.0
    target = 0 if layer.reported("sunroof.position") > 50 else 100
    ops = layer.execute(Command("sunroof.position", value=target))
    layer.wait(ops, timeout_s=15)
    assert ops[0].state == "confirmed" and ops[0].seconds > 5
