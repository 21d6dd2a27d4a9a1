"""Intent → commands, without sending: every shipped intent has a plan, and the plans build valid commands."""

from __future__ import annotations

import pytest

from cockpit.assistant.plan import PLANS, UNRESOLVED, PlanError, plan
from cockpit.commands import Command
from voice.understanding.intents import load_intents
from voice.understanding.parser import Intent, IntentParser


def test_every_shipped_intent_has_a_plan():
    names = set(load_intents().intents)
    assert names - set(PLANS) - set(UNRESOLVED) == {"Cancel", "Confirm", "Deny"}  # the assistant answers


@pytest.mark.parametrize(
    ("text", "commands"),
    [
        ("set the passenger temperature to twenty four", [Command("climate.temperature", 24, "passenger")]),
        ("lower the temperature by three degrees", [Command("climate.temperature", delta=-3)]),
        ("open the rear left window to thirty percent", [Command("window.position", 30, "rear_left")]),
        ("turn on the high beams", [Command("lights.exterior", "high")]),
        ("massage the passenger seat", [Command("seat.massage", True, "passenger")]),
        ("set the ambient light to blue", [Command("ambient.on", True), Command("ambient.color", "blue")]),
        (
            "my feet are cold",
            [Command("climate.distribution", "feet"), Command("climate.temperature", delta=1)],
        ),
        (
            "lumbar massage",
            [Command("seat.massage", True), Command("seat.massage_program", "lumbar")],
        ),
        ("dim the ambient lights", [Command("ambient.on", True), Command("ambient.brightness", 30)]),
        ("close the sunshade", [Command("sunroof.shade", 0)]),
        ("pop the frunk", [Command("frunk.open", True)]),
        ("open the charge port", [Command("charging.port", "open")]),
        ("charge to eighty percent", [Command("charging.limit", 80)]),
        ("regen two", [Command("drive.regen", 2)]),
        ("air to my feet", [Command("climate.distribution", "feet")]),
    ],
)
def test_sentences_become_the_commands_touch_would_make(text, commands):
    (intent,) = IntentParser(load_intents()).parse(text)
    assert plan(intent) == commands


def test_a_missing_slot_is_one_line():
    with pytest.raises(PlanError, match="ClimateSetTemperature needs a temperature"):
        plan(Intent("ClimateSetTemperature", {}))
