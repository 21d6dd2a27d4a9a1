"""Follow-ups that lean on what was said before: "warmer", "the passenger side too", "a bit more".

The dialogue keeps the last command intent and rewrites a follow-up into a full intent before it is
executed; what it cannot resolve stays a follow-up intent, which the assistant answers with a question.
"""

from __future__ import annotations

from .parser import Intent

INSTANCE_SLOTS = ("zone", "seat", "window")
TEMPERATURE = {"ClimateSetTemperature", "ClimateRaiseTemperature", "ClimateLowerTemperature"}
OPPOSITE = {
    "ClimateRaiseTemperature": "ClimateLowerTemperature",
    "ClimateLowerTemperature": "ClimateRaiseTemperature",
    "ClimateFanUp": "ClimateFanDown",
    "ClimateFanDown": "ClimateFanUp",
}
# Intents whose "more"/"less" is a step of a setting: slot, step, lowest, highest.
STEPPED = {
    "SeatHeating": ("level", 1, 1, 3),
    "SeatVentilation": ("level", 1, 1, 3),
    "ClimateSetFan": ("fan_speed", 1, 0, 7),
    "WindowSetPosition": ("percent", 20, 0, 100),
    "SunroofSetPosition": ("percent", 20, 0, 100),
    "ClimateSetTemperature": ("temperature", 1, 16, 32),
}
ENDS = {
    "WindowOpen": ("WindowSetPosition", 100),
    "WindowClose": ("WindowSetPosition", 0),
    "SunroofOpen": ("SunroofSetPosition", 100),
    "SunroofClose": ("SunroofSetPosition", 0),
}
# What a command means when the sentence leaves a setting out ("heat my seat": level 2).
DEFAULTS = {
    "SeatHeating": {"level": 2},
    "SeatVentilation": {"level": 2},
    "ClimateRaiseTemperature": {"amount": 1},
    "ClimateLowerTemperature": {"amount": 1},
}
FOLLOW_UPS = {"FollowUpZone", "FollowUpMore", "FollowUpLess"}
NOT_REMEMBERED = FOLLOW_UPS | {"Cancel", "Confirm", "Deny"}


class Dialogue:
    def __init__(self) -> None:
        self.last: Intent | None = None

    def resolve(self, intents: list[Intent]) -> list[Intent]:
        out = [self._resolve(_with_defaults(i)) for i in intents]
        for intent in out:
            if intent.name not in NOT_REMEMBERED and not intent.name.startswith(("Ask", "Navigate", "Show")):
                self.last = intent
        return out

    def _resolve(self, intent: Intent) -> Intent:
        last = self.last
        if last is None:
            return intent
        if intent.name in TEMPERATURE and last.name in TEMPERATURE and "zone" not in intent.slots:
            if "zone" in last.slots:  # "set the passenger side to 22" … "warmer": still the passenger side
                return intent.with_slots(zone=last.slots["zone"])
            return intent
        if intent.name == "FollowUpZone":
            return self._other_instance(intent, last)
        if intent.name in ("FollowUpMore", "FollowUpLess"):
            return self._step(last, more=intent.name == "FollowUpMore") or intent
        return intent

    @staticmethod
    def _other_instance(intent: Intent, last: Intent) -> Intent:
        new = intent.slots.get("zone", intent.slots.get("seat"))
        for slot in INSTANCE_SLOTS:
            if slot in last.slots or (slot == "zone" and last.name in TEMPERATURE):
                return Intent(last.name, {**last.slots, slot: new}, intent.text)
        if last.name.startswith("Seat"):
            return Intent(last.name, {**last.slots, "seat": new}, intent.text)
        return intent  # the last command has no seat or zone: stays unresolved

    @staticmethod
    def _step(last: Intent, more: bool) -> Intent | None:
        if last.name in ENDS:  # "open the window" … "a bit less": from fully open
            name, percent = ENDS[last.name]
            last = Intent(name, {**last.slots, "percent": percent}, last.text)
        if last.name in OPPOSITE:
            name = last.name if more else OPPOSITE[last.name]
            return Intent(name, {**last.slots, "amount": 1}, last.text)
        if last.name in STEPPED:
            slot, step, low, high = STEPPED[last.name]
            if slot not in last.slots:
                return None
            value = max(low, min(high, last.slots[slot] + (step if more else -step)))
            return Intent(last.name, {**last.slots, slot: value}, last.text)
        return None


def _with_defaults(intent: Intent) -> Intent:
    defaults = DEFAULTS.get(intent.name)
    return Intent(intent.name, {**defaults, **intent.slots}, intent.text) if defaults else intent
