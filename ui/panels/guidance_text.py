"""Guidance in words, in the UI language: what the maneuver card shows, what the step list lists and what
the announcer's prompts say (Qt's translations, so screen and voice agree in English and Chinese)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from cockpit.navigation.announce import Prompt, spoken_distance
from cockpit.navigation.energy import ChargingStop
from cockpit.navigation.maneuvers import Maneuver

from ..units import Units

# Tabler icon per maneuver (turns by modifier), and the glyph shown when an icon cannot be loaded.
TURN_ICONS = {
    "left": ("corner-up-left", "←"),
    "right": ("corner-up-right", "→"),
    "slight left": ("arrow-bear-left", "↖"),
    "slight right": ("arrow-bear-right", "↗"),
    "sharp left": ("arrow-sharp-turn-left", "↙"),
    "sharp right": ("arrow-sharp-turn-right", "↘"),
    "uturn": ("arrow-back-up", "↶"),
    "straight": ("arrow-up", "↑"),
}
ROUNDABOUT_ICONS = {"left": "arrow-rotary-left", "right": "arrow-rotary-right"}
LANE_ARROWS = {
    "left": "↰",
    "sharp_left": "↰",
    "slight_left": "↖",
    "through": "↑",
    "none": "↑",
    "slight_right": "↗",
    "right": "↱",
    "sharp_right": "↱",
    "reverse": "↶",
}
# espeak-ng's voice for each UI language other than the speaker's own (English).
VOICES = {"zh": "cmn"}


def icon_for(m: Maneuver, stop: ChargingStop | None = None) -> tuple[str, str]:
    """(icon name, fallback glyph) of a maneuver; a stop's arrival shows what is done there."""
    if m.type == "arrive":
        if stop is not None:
            return ("battery-charging", "⇄") if stop.swap else ("charging-pile", "⚡")
        return "flag", "◎"
    if m.type == "roundabout":
        return ROUNDABOUT_ICONS.get(m.modifier, "arrow-rotary-straight"), "⟳"
    if m.type == "keep":
        return ("arrow-ramp-left", "↖") if m.modifier == "left" else ("arrow-ramp-right", "↗")
    return TURN_ICONS.get(m.modifier, TURN_ICONS["straight"])


def lane_hints(m: Maneuver) -> str:
    """OSM turn:lanes, left to right: the arrow of each lane to take, "·" for the others."""
    return "  ".join(
        LANE_ARROWS.get(lane["indications"][0], "↑") if lane["valid"] else "·" for lane in m.lanes
    )


def _lower_first(text: str) -> str:
    # "Turn left" inside a sentence ("In 300 metres, turn left"); a language without case is unchanged.
    return text[:1].lower() + text[1:]


class GuidanceText(QObject):
    def __init__(self, units: Units, local: Callable[[str], str], destination: Callable[[], str]) -> None:
        """``local(name)``: a map name in the UI language; ``destination()``: the name of where the route
        ends."""
        super().__init__()
        self.units = units
        self.local = local
        self.destination = destination

    # -- shown ----------------------------------------------------------------------------------------------
    def instruction(self, m: Maneuver) -> str:
        street = self.local(m.street)
        if m.type == "arrive":
            name = self.local(m.waypoint) if m.waypoint else self.destination() or street
            return self.tr("Arrive at %1").replace("%1", name)
        if m.type == "roundabout":
            text = self.tr("At the roundabout take exit %1").replace("%1", str(m.exit))
        elif m.type == "keep":
            text = self.tr("Keep left") if m.modifier == "left" else self.tr("Keep right")
        elif m.type == "continue":
            text = self.tr("Continue straight")
        elif m.modifier == "uturn":
            text = self.tr("Make a U-turn")
        else:
            text = {
                "left": self.tr("Turn left"),
                "right": self.tr("Turn right"),
                "slight left": self.tr("Turn slightly left"),
                "slight right": self.tr("Turn slightly right"),
                "sharp left": self.tr("Turn sharp left"),
                "sharp right": self.tr("Turn sharp right"),
                "straight": self.tr("Go straight"),
            }.get(m.modifier, self.tr("Go straight"))
        return self.tr("%1 onto %2").replace("%1", text).replace("%2", street) if street else text

    def distance(self, km: float) -> str:
        if self.units.imperial:
            miles = km / 1.609344
            return f"{miles:.1f} mi" if miles >= 0.2 else f"{round(miles * 5280, -1):.0f} ft"
        return f"{km:.1f} km" if km >= 1 else f"{round(km * 1000, -1):.0f} m"

    @staticmethod
    def _stop_words(stop: ChargingStop, swap: str, charge: str) -> str:
        """``swap`` or ``charge`` (translated, %1 the minutes, %2 the SoC charged to) filled in for a stop."""
        text = swap if stop.swap else charge
        return text.replace("%1", f"{stop.charge_min:.0f}").replace("%2", f"{stop.target_soc:.0f}")

    def at_stop(self, stop: ChargingStop) -> str:
        """What to do at a stop, on the card: "Charge here for 18 min (to 64 %)"."""
        return self._stop_words(
            stop, self.tr("Swap here, about %1 min"), self.tr("Charge here for %1 min (to %2 %)")
        )

    def arrival_soc(self, soc: float) -> str:
        return self.tr("%1 % at arrival").replace("%1", f"{soc:.0f}")

    def stop_plan(self, stop: ChargingStop) -> str:
        """What will be done at a stop ahead: "charge 18 min to 64 %", "swap, about 5 min"."""
        return self._stop_words(stop, self.tr("swap, about %1 min"), self.tr("charge %1 min to %2 %"))

    def stop_summary(self, stop: ChargingStop) -> str:
        """A stop ahead in the trip card: where, the charge on arrival, what is done there."""
        return f"{self.local(stop.name)} · {self.arrival_soc(stop.arrival_soc)} · {self.stop_plan(stop)}"

    # -- said -----------------------------------------------------------------------------------------------
    def prompt(self, p: Prompt) -> str:
        """A prompt as the voice says it: "In 300 metres, turn left onto X", "Turn left now", "Turn left,
        then keep right", "You have arrived at X. Charge here for 18 minutes, to 64 percent"."""
        m = p.maneuver
        if p.stage != "now":
            return (
                self.tr("In %1, %2")
                .replace("%1", self.spoken(p.distance_m))
                .replace("%2", _lower_first(self.instruction(m)))
            )
        if m.type == "arrive":
            name = self.local(m.waypoint) if m.waypoint else self.destination()
            text = (
                self.tr("You have arrived at %1").replace("%1", name) if name else self.tr("You have arrived")
            )
            if p.stop is not None:
                text = f"{text}. {self.stop_spoken(p.stop)}"
            return text
        if p.then is not None:
            return (
                self.tr("%1, then %2")
                .replace("%1", self.instruction(m))
                .replace("%2", _lower_first(self.instruction(p.then)))
            )
        return self.tr("%1 now").replace("%1", self.instruction(m))

    def stop_spoken(self, stop: ChargingStop) -> str:
        return self._stop_words(
            stop,
            self.tr("Swap the battery here, about %1 minutes."),
            self.tr("Charge here for %1 minutes, to %2 percent."),
        )

    def spoken(self, metres: float) -> str:
        """A distance in words for the voice (the announcer has rounded it already for metric)."""
        if self.units.imperial:
            miles = metres / 1609.344
            if miles < 0.4:
                return self.tr("%1 feet").replace(
                    "%1", f"{max(100, round(metres * 3.28084 / 100) * 100):.0f}"
                )
            return self.tr("%1 miles").replace("%1", f"{round(miles * 4) / 4:g}")
        if metres >= 1000:
            return self.tr("%1 kilometres").replace("%1", f"{spoken_distance(metres) / 1000:g}")
        return self.tr("%1 metres").replace("%1", f"{metres:.0f}")
