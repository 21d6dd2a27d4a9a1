"""Questions answered aloud from what the car reports (VSS values in the state store)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Read = Callable[[str], Any]  # StateStore.value
RANGE = ("Vehicle.Powertrain.Range", "Vehicle.Powertrain.TractionBattery.Range")
SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed"
OUTSIDE = "Vehicle.Exterior.AirTemperature"
CHARGING = "Vehicle.Powertrain.TractionBattery.Charging.IsCharging"
TIME_TO_COMPLETE = "Vehicle.Powertrain.TractionBattery.Charging.TimeToComplete"
CHARGE_LIMIT = "Vehicle.Powertrain.TractionBattery.Charging.ChargeLimit"
WHEELS = (
    ("front left", "Row1.Wheel.Left"),
    ("front right", "Row1.Wheel.Right"),
    ("rear left", "Row2.Wheel.Left"),
    ("rear right", "Row2.Wheel.Right"),
)
NOT_REPORTED = "The car does not report {what} right now."


def answer(topic: str, read: Read) -> tuple[str, bool]:
    """What to say, and whether the car reported what was needed."""
    return ANSWERS[topic](read)


def _range(read: Read) -> tuple[str, bool]:
    metres = next((v for v in (read(p) for p in RANGE) if v is not None), None)
    if metres is None:
        return NOT_REPORTED.format(what="its range"), False
    return f"The range is {round(metres / 1000)} kilometers.", True


def _battery(read: Read) -> tuple[str, bool]:
    soc = read(SOC)
    if soc is None:
        return NOT_REPORTED.format(what="its battery level"), False
    return f"The battery is at {round(soc)} percent.", True


def _outside(read: Read) -> tuple[str, bool]:
    t = read(OUTSIDE)
    if t is None:
        return NOT_REPORTED.format(what="the outside temperature"), False
    return f"It is {round(t)} degrees outside.", True


def _tyres(read: Read) -> tuple[str, bool]:
    found = []
    low = []
    for name, wheel in WHEELS:
        kpa = read(f"Vehicle.Chassis.Axle.{wheel}.Tire.Pressure")
        if kpa is not None:
            found.append((name, kpa))
        if read(f"Vehicle.Chassis.Axle.{wheel}.Tire.IsPressureLow"):
            low.append(name)
    if not found:
        return NOT_REPORTED.format(what="tyre pressures"), False
    values = {round(kpa / 100, 1) for _, kpa in found}
    if len(values) == 1:
        text = f"All tyres are at {values.pop():.1f} bar."
    else:
        text = "Tyre pressures: " + ", ".join(f"{n} {kpa / 100:.1f}" for n, kpa in found) + " bar."
    if low:
        text += " Low pressure: " + " and ".join(low) + "."
    return text, True


def _time_to_charge(read: Read) -> tuple[str, bool]:
    charging = read(CHARGING)
    seconds = read(TIME_TO_COMPLETE)
    if charging is None and seconds is None:
        return NOT_REPORTED.format(what="its charging"), False
    if not charging:
        return "The car is not charging.", True
    if not seconds:
        return "Charging is complete.", True
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    span = f"{hours} hours {minutes} minutes" if hours else f"{minutes} minutes"
    limit = read(CHARGE_LIMIT)
    to = f" to reach {round(limit)} percent" if limit is not None else ""
    return f"About {span}{to}.", True


ANSWERS = {
    "range": _range,
    "battery": _battery,
    "outside_temperature": _outside,
    "tyre_pressure": _tyres,
    "time_to_charge": _time_to_charge,
}
