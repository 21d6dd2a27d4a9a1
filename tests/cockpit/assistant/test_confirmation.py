"""Never the opposite action, end to end on the simulated car: when understanding asks, nothing is sent to
the car until the driver says yes; no, cancel, another command or silence leave the car as it was."""

from __future__ import annotations

import dataclasses

import pytest

from cockpit.assistant import Assistant
from cockpit.assistant.assistant import ANSWER_TIMEOUT_S, NOTHING_DONE, NOTHING_TO_CONFIRM
from cockpit.session import Session
from voice.engines.base import Transcript
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

PARSER = IntentParser(load_intents())
AC = "Vehicle.Cabin.HVAC.IsAirConditioningActive"


def hear(assistant: Assistant, text: str, *alternatives: str, confidence: float | None = None):
    """What the assistant does with a transcript, as the voice loop hands it over."""
    understood = PARSER.understand(Transcript(text, alternatives=alternatives, confidence=confidence))
    return assistant.handle(understood.text, understood.intents, 10.0, question=understood.question)


@pytest.fixture
def assistant(parked: Session) -> Assistant:
    return Assistant(parked.commands)


def _ac(parked: Session, on: bool, assistant: Assistant) -> None:
    reply = hear(assistant, "turn on the a c" if on else "turn off the a c")
    assert reply.ok and parked.store.value(AC) is on


def test_conflicting_readings_ask_and_send_nothing_until_yes(assistant, parked):
    _ac(parked, False, assistant)
    sent = parked.transmitter.sent
    reply = hear(assistant, "turn on the a c", "turn off the a c", confidence=0.97)
    assert reply.question == "Did you mean turn on the air conditioning?" == reply.text
    assert reply.results == [] and not reply.ok
    parked.commands.pump(0.3)
    assert parked.transmitter.sent == sent and parked.store.value(AC) is False
    reply = hear(assistant, "yes")
    assert reply.ok and reply.text == "Air conditioning on, done."
    assert parked.transmitter.sent > sent and parked.store.value(AC) is True


@pytest.mark.parametrize("answer", ["no", "nope that's wrong", "cancel"])
def test_no_or_cancel_leaves_the_car_as_it_was(assistant, parked, answer):
    _ac(parked, True, assistant)
    sent = parked.transmitter.sent
    assert hear(assistant, "turn off the a c", "turn on the a c").question
    reply = hear(assistant, answer)
    assert reply.text == NOTHING_DONE and reply.results == []
    parked.commands.pump(0.3)
    assert parked.transmitter.sent == sent and parked.store.value(AC) is True
    assert hear(assistant, "yes").text == NOTHING_TO_CONFIRM  # the question is gone
    assert parked.transmitter.sent == sent


def test_low_confidence_asks_and_an_unanswered_question_expires(assistant, parked):
    _ac(parked, False, assistant)
    sent = parked.transmitter.sent
    reply = hear(assistant, "turn on the a c", confidence=0.3)
    assert reply.question == "Did you mean turn on the air conditioning?"
    # No answer within the time: the question is forgotten (moved into the past rather than slept out).
    asked = assistant.asked
    assistant.asked = dataclasses.replace(asked, at=asked.at - ANSWER_TIMEOUT_S - 1)
    assert assistant.expire() and assistant.asked is None
    assert hear(assistant, "yes").text == NOTHING_TO_CONFIRM
    assert parked.transmitter.sent == sent and parked.store.value(AC) is False


def test_another_command_instead_of_an_answer_drops_the_question(assistant, parked):
    _ac(parked, False, assistant)
    assert hear(assistant, "turn on the a c", "turn off the a c").question
    reply = hear(assistant, "what's the battery level")
    assert "battery" in reply.text and reply.ok
    sent = parked.transmitter.sent
    assert hear(assistant, "yes").text == NOTHING_TO_CONFIRM
    assert parked.transmitter.sent == sent and parked.store.value(AC) is False


def test_questions_and_screens_are_not_asked_about(assistant):
    reply = hear(assistant, "what's the range", confidence=0.3)
    assert reply.question is None and reply.text.startswith("The range is")


def test_yes_with_nothing_asked_does_nothing(assistant, parked):
    sent = parked.transmitter.sent
    reply = hear(assistant, "yes")
    assert reply.text == NOTHING_TO_CONFIRM and parked.transmitter.sent == sent


def test_the_car_still_refuses_the_trunk_while_driving_after_yes(driving):
    assistant = Assistant(driving.commands)
    assert hear(assistant, "open the trunk", "close the trunk").question == "Did you mean open the trunk?"
    reply = hear(assistant, "yes")
    assert reply.results[0].state == "failed"
    assert reply.text.startswith("Could not set the trunk: refused: vehicle moving")
