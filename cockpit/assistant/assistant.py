"""Execute what was understood, follow it until the car answers, and say the result.

Commands go through the command layer (the one touch uses), so voice gets the same checks and the same
closed loop: "done" is said only once the car reports the value; a refusal or a timeout is said with its
reason. Navigation and panels go to whatever registered for them; questions are answered from the store.

Use :meth:`Assistant.submit` from a loop that calls ``layer.update()`` (the UI tick) and poll the request,
or :meth:`Assistant.handle` headless, which pumps the session until everything has settled.

Never the opposite action: when understanding comes with a question (low confidence, or two readings that
would move a setting opposite ways), a command is not started but asked about ("Did you mean close the
windows?"). Only "yes" to that question starts it; "no", "cancel", anything else said, or no answer within
:data:`ANSWER_TIMEOUT_S` leaves the car untouched. Questions, panels and navigation are not asked about:
they change nothing in the car.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from voice.understanding.context import Dialogue
from voice.understanding.parser import Intent

from ..commands import Command, CommandError, CommandLayer
from . import phrasing
from .actions import Handlers, Question
from .answers import answer
from .plan import PlanError, Step, plan

NOT_UNDERSTOOD = "Sorry, I did not understand that."
MAX_WAIT_S = 30.0
CANCELLED = "Okay, cancelled."
NOTHING_DONE = "Okay, I did nothing."
NOTHING_TO_CONFIRM = "There is nothing to confirm."
ANSWER_TIMEOUT_S = 10.0  # how long a "Did you mean …?" waits for its yes
# Intents that change nothing in the car: done without asking, even when unsure.
HARMLESS = ("Ask", "Navigate", "ShowPanel", "CancelNavigation", "Media")
# The part that performs an action that is not a cabin command, as a result's kind.
KINDS = {"ShowPanel": "panel", "Media": "media"}


@dataclass
class ActionResult:
    action: str  # what was asked, e.g. "climate.temperature (driver) +1" or "navigate to home"
    kind: str  # command, navigation, panel, media, question, none
    state: str = "pending"  # pending, confirmed, failed, done, unavailable
    reason: str = ""
    reported: Any = None
    spoken: str = ""
    operations: list[Any] = field(default_factory=list)
    command: Command | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "kind": self.kind,
            "state": self.state,
            "reason": self.reason or None,
            "reported": list(self.reported) if isinstance(self.reported, tuple) else self.reported,
            "targets": [
                {
                    "path": op.path,
                    "value": _plain(op.value),
                    "state": op.state,
                    "reported": _plain(op.reported),
                }
                for op in self.operations
            ],
        }


@dataclass
class Reply:
    heard: str
    intents: list[Intent]
    results: list[ActionResult]
    text: str = ""
    question: str | None = None  # asked instead of acting: the assistant waits for "yes"

    @property
    def settled(self) -> bool:
        return all(r.state != "pending" for r in self.results)

    @property
    def ok(self) -> bool:
        if self.question or not self.intents:
            return False
        return all(r.state in ("confirmed", "done") for r in self.results)


class Assistant:
    def __init__(self, layer: CommandLayer, handlers: Handlers | None = None) -> None:
        self.layer = layer
        self.handlers = handlers or Handlers()
        self.dialogue = Dialogue()
        self.asked: Asked | None = None  # the question waiting for its answer

    def submit(self, heard: str, intents: list[Intent], question: str | None = None) -> Reply:
        """Plan and start everything; commands stay pending until ``layer.update()`` settles them.

        ``question`` (from :class:`voice.understanding.Understanding`) is asked instead of starting a
        command; the command waits for "yes" in a later :meth:`submit`.
        """
        asked, self.asked = self.asked, None
        if asked is not None and asked.expired():
            asked = None
        names = [i.name for i in intents]
        if names == ["Confirm"]:
            if asked is None:
                return Reply(heard, intents, [], NOTHING_TO_CONFIRM)
            heard, intents, question = asked.heard, asked.intents, None
        elif names in (["Deny"], ["Cancel"]) and asked is not None:
            return Reply(heard, intents, [], NOTHING_DONE)
        elif names == ["Deny"]:
            return Reply(heard, intents, [], NOTHING_TO_CONFIRM)
        if not intents:
            return Reply(heard, [], [], NOT_UNDERSTOOD)
        if question and not all(i.name.startswith(HARMLESS) for i in intents):
            self.asked = Asked(heard, intents, question, time.monotonic())
            return Reply(heard, intents, [], question, question=question)
        intents = self.dialogue.resolve(intents)
        reply = Reply(heard, intents, [])
        for intent in intents:
            if intent.name == "Cancel":
                reply.text = CANCELLED
                return reply
            if intent.name in ("Confirm", "Deny"):  # "yes" beside a command: the command says it all
                continue
            try:
                steps = plan(intent)
            except PlanError as exc:
                reply.results.append(ActionResult(intent.name, "none", "failed", spoken=exc.line()))
                continue
            reply.results.extend(self._start(step) for step in steps)
        self.refresh(reply)
        return reply

    def expire(self) -> bool:
        """Forget a question left unanswered for :data:`ANSWER_TIMEOUT_S`; True when one just was."""
        if self.asked is not None and self.asked.expired():
            self.asked = None
            return True
        return False

    def handle(
        self, heard: str, intents: list[Intent], timeout_s: float = MAX_WAIT_S, question: str | None = None
    ) -> Reply:
        """Headless: submit, pump the session until every command has settled, and phrase the reply.

        The layer fails a silent request after its own timeout; a window or sunroof that is still
        travelling is not silent, so this waits for it up to ``timeout_s``.
        """
        reply = self.submit(heard, intents, question)
        operations = [op for r in reply.results for op in r.operations]
        deadline = time.monotonic() + timeout_s
        while any(op.state == "pending" for op in operations) and time.monotonic() < deadline:
            self.layer.wait(operations, min(1.0, max(0.0, deadline - time.monotonic())))
        self.refresh(reply)
        return reply

    def refresh(self, reply: Reply) -> bool:
        """Update command results from their operations and rebuild the text; True once all settled."""
        for result in reply.results:
            if result.kind == "command" and result.state == "pending":
                self._settle(result)
        if reply.results:
            spoken = [r.spoken or f"Still waiting for the car: {r.action}." for r in reply.results]
            reply.text = " ".join(spoken)
        return reply.settled

    # -- steps ----------------------------------------------------------------------------------------------
    def _start(self, step: Step) -> ActionResult:
        if isinstance(step, Command):
            result = ActionResult(step.describe(), "command", command=step)
            try:
                result.operations = self.layer.execute(step)
            except CommandError as exc:
                result.state, result.reason = "failed", exc.line()
                result.spoken = f"I did not change anything: {exc.what}."
            return result
        if isinstance(step, Question):
            text, known = answer(step.topic, self.layer.store.value)
            return ActionResult(step.describe(), "question", "done" if known else "failed", spoken=text)
        kind = KINDS.get(type(step).__name__, "navigation")
        handler = self.handlers.get(type(step))
        if handler is None:
            return ActionResult(
                step.describe(),
                kind,
                "unavailable",
                spoken=f"I cannot {step.describe()}: that is not available here.",
            )
        try:
            said = handler(step)
        except Exception as exc:  # a plugged-in part failing must not take the assistant down
            return ActionResult(
                step.describe(),
                kind,
                "failed",
                reason=str(exc),
                spoken=f"I could not {step.describe()}: {exc}.",
            )
        return ActionResult(step.describe(), kind, "done", spoken=said or f"Okay, {step.describe()}.")

    def _settle(self, result: ActionResult) -> None:
        ops = result.operations
        states = {op.state for op in ops}
        command = result.command
        assert command is not None
        if "pending" in states:
            return
        instance = ops[0].instance if len({op.instance for op in ops}) == 1 else command.instance
        if "failed" in states or "replaced" in states:
            failed = next(op for op in ops if op.state in ("failed", "replaced"))
            result.state = "failed"
            result.reason = failed.reason or "replaced by a newer request"
            result.spoken = phrasing.failed(command.function, instance, result.reason)
            return
        result.state = "confirmed"
        result.reported = self.layer.reported(command.function, ops[0].instance)
        result.spoken = phrasing.confirmed(command.function, instance, result.reported)


@dataclass(frozen=True)
class Asked:
    """A command held back until the driver says yes to ``question``."""

    heard: str
    intents: list[Intent]
    question: str
    at: float  # time.monotonic() when asked

    def expired(self) -> bool:
        return time.monotonic() - self.at > ANSWER_TIMEOUT_S


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
