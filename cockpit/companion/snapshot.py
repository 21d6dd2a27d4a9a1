"""What the phone shows: the car's reported state in people's units, as one JSON-able dict.

Built on the thread that owns the command layer (it reads the state store and the layer's view of each
cabin function), a few times a second; the web server only hands out the latest one. Only what the car
reports is shown, never what was asked for (DESIGN.md's closed loop).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..commands import CommandLayer
    from ..session import Session

BATTERY = "Vehicle.Powertrain.TractionBattery"
CHARGING = f"{BATTERY}.Charging"
SC_CHARGING = "Vehicle.SmartCockpit.Powertrain.TractionBattery.Charging"
WARNING = "Vehicle.SmartCockpit.Warning."
WINDOWS = {
    "front_left": "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position",
    "front_right": "Vehicle.Cabin.Door.Row1.PassengerSide.Window.Position",
    "rear_left": "Vehicle.Cabin.Door.Row2.DriverSide.Window.Position",
    "rear_right": "Vehicle.Cabin.Door.Row2.PassengerSide.Window.Position",
}
TYRES = {
    "front_left": "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire",
    "front_right": "Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire",
    "rear_left": "Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire",
    "rear_right": "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire",
}
TRACK_POINTS = 120  # the trail drawn behind the car on the phone's map
ROUTE_POINTS = 200  # a route is thinned to this many points for the phone


def _round(value: Any, digits: int = 1) -> Any:
    return round(value, digits) if isinstance(value, float) else value


class SnapshotBuilder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.track: deque[tuple[float, float]] = deque(maxlen=TRACK_POINTS)

    def build(self, layer: CommandLayer) -> dict[str, Any]:
        value = self.session.store.value

        def reported(function: str, instance: str | None = None) -> Any:
            try:
                return layer.reported(function, instance)
            except KeyError:
                return None

        lat, lon = value("Vehicle.CurrentLocation.Latitude"), value("Vehicle.CurrentLocation.Longitude")
        if lat is not None and lon is not None and (not self.track or self.track[-1] != (lat, lon)):
            self.track.append((round(lat, 6), round(lon, 6)))
        power_w = value(f"{SC_CHARGING}.Power")
        range_m = value(f"{BATTERY}.Range")
        seconds = value(f"{CHARGING}.TimeToComplete")
        return {
            "vehicle": self.session.vehicle.name,
            "source": self.session.label,
            "soc": _round(value(f"{BATTERY}.StateOfCharge.Displayed")),
            "range_km": round(range_m / 1000) if isinstance(range_m, (int, float)) else None,
            "speed_kmh": _round(value("Vehicle.Speed"), 0),
            "gear": value("Vehicle.Powertrain.Transmission.SelectedGear"),
            "charging": {
                "state": value(f"{SC_CHARGING}.State"),
                "active": value(f"{CHARGING}.IsCharging"),
                "plugged": value(f"{CHARGING}.IsChargingCableConnected"),
                "power_kw": _round(power_w / 1000.0) if isinstance(power_w, (int, float)) else None,
                "minutes_to_target": round(seconds / 60) if isinstance(seconds, (int, float)) else None,
                "limit": reported("charging.limit"),
            },
            "locked": reported("doors.locked"),
            "windows": {name: _round(value(path), 0) for name, path in WINDOWS.items()},
            "cabin_c": _round(value("Vehicle.Cabin.HVAC.AmbientAirTemperature")),
            "outside_c": _round(value("Vehicle.Exterior.AirTemperature")),
            "climate": {
                "target_c": _round(reported("climate.temperature", "driver")),
                "auto": reported("climate.auto"),
            },
            "seat_heating": {
                "driver": reported("seat.heating", "driver"),
                "passenger": reported("seat.heating", "passenger"),
            },
            "location": {
                "lat": lat,
                "lon": lon,
                "heading": _round(value("Vehicle.CurrentLocation.Heading"), 0),
            },
            "track": list(self.track),
            "route": self._route(),
            "tyres": {
                name: {
                    "kpa": _round(value(f"{path}.Pressure"), 0),
                    "low": bool(value(f"{path}.IsPressureLow")),
                }
                for name, path in TYRES.items()
            },
            "warnings": self._warnings(),
        }

    def _warnings(self) -> list[str]:
        """The active warnings by name (``LowStateOfCharge``); the phone words them."""
        snapshot = self.session.store.snapshot()
        return sorted(
            path.removeprefix(WARNING).removeprefix("Is")
            for path, v in snapshot.items()
            if path.startswith(WARNING) and v.value is True
        )

    def _route(self) -> list[tuple[float, float]]:
        simulator = self.session.simulator
        route = getattr(simulator.car, "route", None) if simulator is not None else None
        points = list(getattr(route, "points", ()) or ())
        step = max(1, len(points) // ROUTE_POINTS)
        return [(round(a, 6), round(b, 6)) for a, b in points[::step]]
