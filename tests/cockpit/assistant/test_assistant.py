"""What was understood, executed through the command layer on the simulated car: "done" only once the car
reports it, the car's reason when it refuses, nothing sent for what was not understood."""

from __future__ import annotations

import pytest

from cockpit.assistant import Assistant, NavigateTo, ShowPanel
from cockpit.session import Session
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

PARSER = IntentParser(load_intents())
DRIVER_T = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"
PASSENGER_T = "Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature"


@pytest.fixture
def assistant(parked: Session) -> Assistant:
    return Assistant(parked.commands)


def say(assistant: Assistant, text: str):
    return assistant.handle(text, PARSER.parse(text))


def test_two_commands_in_one_utterance_are_both_confirmed_by_the_car(assistant, parked):
    reply = say(assistant, "turn on the a c and close the windows")
    assert [r.state for r in reply.results] == ["confirmed", "confirmed"]
    assert reply.text == "Air conditioning on, done. All windows closed, done."
    assert parked.store.value("Vehicle.Cabin.HVAC.IsAirConditioningActive") is True


def test_follow_ups_use_the_context(assistant, parked):
    say(assistant, "set the passenger temperature to twenty two")
    reply = say(assistant, "warmer")
    assert reply.intents[0].slots == {"zone": "passenger", "amount": 1}
    assert reply.text == "Passenger temperature 23 degrees, done."
    assert parked.store.value(PASSENGER_T) == 23
    reply = say(assistant, "a bit more")
    assert parked.store.value(PASSENGER_T) == 24 and reply.ok
    say(assistant, "heat the driver seat to high")
    reply = say(assistant, "the passenger side too")
    assert reply.text == "Passenger seat heating level 3, done."


def test_i_am_cold_warms_the_drivers_side_by_two_degrees(assistant, parked):
    before = parked.store.value(DRIVER_T)
    reply = say(assistant, "i'm cold")
    assert parked.store.value(DRIVER_T) == min(before + 2, 32) and reply.ok


def test_a_value_out_of_range_sends_nothing_and_says_why(assistant, parked):
    say(assistant, "set the driver temperature to thirty two")
    sent = parked.transmitter.sent
    reply = say(assistant, "warmer")
    assert not reply.ok and "already at its maximum" in reply.text and "done" not in reply.text
    assert parked.transmitter.sent == sent


def test_what_is_not_understood_does_nothing(assistant, parked):
    sent = parked.transmitter.sent
    reply = say(assistant, "tell me a joke")
    assert reply.text == "Sorry, I did not understand that." and reply.results == []
    assert parked.transmitter.sent == sent


def test_a_follow_up_with_nothing_before_it_asks_for_the_command(parked):
    reply = say(Assistant(parked.commands), "a bit more")
    assert reply.text == "More of what? Say the whole command first." and not reply.ok


def test_questions_are_answered_from_what_the_car_reports(assistant, parked):
    metres = parked.store.value("Vehicle.Powertrain.Range") or parked.store.value(
        "Vehicle.Powertrain.TractionBattery.Range"
    )
    km = round(metres / 1000)
    assert say(assistant, "what's the range").text == f"The range is {km} kilometers."
    soc = round(parked.store.value("Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed"))
    assert say(assistant, "how much battery is left").text == f"The battery is at {soc} percent."
    assert "bar" in say(assistant, "what's the tyre pressure").text
    assert "degrees outside" in say(assistant, "what's the outside temperature").text
    assert say(assistant, "how long until charged").text == "The car is not charging."


def test_navigation_and_panels_go_to_whoever_registered(assistant):
    reply = say(assistant, "navigate to the nearest charging station")
    assert reply.results[0].state == "unavailable" and "not available here" in reply.text
    asked = []
    assistant.handlers.register(NavigateTo, lambda action: asked.append(action) or "Route to Monaco set.")
    assistant.handlers.register(ShowPanel, asked.append)
    assert say(assistant, "navigate to the nearest charging station").text == "Route to Monaco set."
    assert say(assistant, "show the energy screen").text == "Okay, show the energy panel."
    assert asked == [NavigateTo(category="charging"), ShowPanel("energy")]


def test_the_car_refusing_is_said_with_its_reason(driving):
    reply = say(Assistant(driving.commands), "open the trunk")
    assert reply.results[0].state == "failed"
    assert reply.text.startswith("Could not set the trunk: refused: vehicle moving")
