"""The cabin functions a driver (by touch or voice) can command, and the VSS actuators behind each.

A function is what a person asks for ("seat heating, passenger, level 2"); its targets are the VSS
actuator values that carry it to the car (``Vehicle.Cabin.Seat.Row1.PassengerSide.Heating = 67``). The
table is data: instance names, ranges in the units people use, how a value becomes VSS values and back,
which ECU answers (for the timeout message) and which BCM_RequestRefusal entries mean "refused".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["number", "bool", "choice", "colour"]

SEAT_PATHS = {
    "driver": "Row1.DriverSide",
    "passenger": "Row1.PassengerSide",
    "rear_left": "Row2.DriverSide",
    "rear_right": "Row2.PassengerSide",
}
WINDOW_CODES = {"driver": "FL", "passenger": "FR", "rear_left": "RL", "rear_right": "RR"}
ZONES = {"driver": "Driver", "passenger": "Passenger"}
HVAC = "Vehicle.Cabin.HVAC"
SC = "Vehicle.SmartCockpit"
AMBIENT = f"{SC}.Cabin.Light.AmbientLight"
LIGHT_SWITCH = "Vehicle.Body.Lights.LightSwitch"
HIGH_BEAM = "Vehicle.Body.Lights.Beam.High.IsOn"


@dataclass(frozen=True)
class Function:
    """One commandable cabin function.

    ``paths`` maps an instance name (or ``None`` for a function without instances) to the VSS path of its
    main target. ``encode`` turns a validated value into every (path, VSS value) pair to send; ``decode``
    turns what the car reports on the main path back into the function's value (for relative changes
    and for showing state).
    """

    name: str
    label: str
    kind: Kind
    paths: Mapping[str | None, str]
    ecu: str
    minimum: float | None = None
    maximum: float | None = None
    step: float = 1.0  # the size of one relative step ("warmer", "fan up")
    unit: str = ""
    choices: Mapping[str, Any] = field(default_factory=dict)  # function value → VSS value
    default_instance: str | None = None
    refusals: Mapping[str | None, tuple[str, ...]] = field(default_factory=dict)
    to_vss: Callable[[Any], Any] | None = None
    from_vss: Callable[[Any], Any] | None = None
    extra: Callable[[str | None, Any], list[tuple[str, Any]]] | None = None
    # The function's state from what the car reports, where it takes more than the main path to say.
    reader: Callable[[Callable[[str], Any], str | None], Any] | None = None

    @property
    def instances(self) -> tuple[str, ...]:
        return tuple(i for i in self.paths if i is not None)

    def encode(self, instance: str | None, value: Any) -> list[tuple[str, Any]]:
        vss = self.to_vss(value) if self.to_vss else self.choices.get(value, value)
        targets = [(self.paths[instance], vss)]
        if self.extra is not None:
            targets += self.extra(instance, value)
        return targets

    def read(self, reported: Callable[[str], Any], instance: str | None) -> Any:
        """The function's current state, from ``reported(path)`` (None when the car has not said)."""
        if self.reader is not None:
            return self.reader(reported, instance)
        return self.decode(reported(self.paths[instance]))

    def decode(self, reported: Any) -> Any:
        if reported is None:
            return None
        if self.from_vss is not None:
            return self.from_vss(reported)
        if self.choices:
            for name, vss in self.choices.items():
                if vss == reported:
                    return name
            return None
        return reported

    def describe_range(self) -> str:
        if self.kind == "bool":
            return "on or off"
        if self.kind == "choice":
            return ", ".join(self.choices)
        if self.kind == "colour":
            return "a colour name or #rrggbb"
        return f"{_num(self.minimum)}–{_num(self.maximum)}{(' ' + self.unit) if self.unit else ''}"


def _num(value: float | None) -> str:
    return "?" if value is None else f"{value:g}"


def _level_to_percent(level: int) -> int:
    """Seat heating and ventilation levels 0–3 as the VSS percentage the mapping expects (0/33/67/100)."""
    return round(level * 100 / 3)


def _percent_to_level(percent: float) -> int:
    return round(float(percent) * 3 / 100)


def _lights_extra(_instance: str | None, mode: str) -> list[tuple[str, Any]]:
    return [(HIGH_BEAM, mode == "high")]


def _read_lights(reported: Callable[[str], Any], _instance: str | None) -> str | None:
    switch = reported(LIGHT_SWITCH)
    if switch == "BEAM":
        return "high" if reported(HIGH_BEAM) else "low"
    return {"OFF": "off", "AUTO": "auto", "POSITION": "position"}.get(switch)


def _read_colour(reported: Callable[[str], Any], _instance: str | None) -> tuple[int, int, int] | None:
    rgb = tuple(reported(f"{AMBIENT}.{c}") for c in ("Red", "Green", "Blue"))
    return None if None in rgb else rgb  # type: ignore[return-value]


def _colour_targets(_instance: str | None, rgb: tuple[int, int, int]) -> list[tuple[str, Any]]:
    return [(f"{AMBIENT}.Green", rgb[1]), (f"{AMBIENT}.Blue", rgb[2])]


def _seat_paths(leaf: str, extension: bool = False) -> dict[str | None, str]:
    base = f"{SC}.Cabin.Seat" if extension else "Vehicle.Cabin.Seat"
    return {name: f"{base}.{row}.{leaf}" for name, row in SEAT_PATHS.items()}


def _window_paths() -> dict[str | None, str]:
    return {name: f"Vehicle.Cabin.Door.{row}.Window.Position" for name, row in SEAT_PATHS.items()}


def _boolean(name: str, label: str, path: str, ecu: str, **kw: Any) -> Function:
    return Function(name, label, "bool", {None: path}, ecu, **kw)


CLIMATE = "climate control"
SEATS = "seat control"
BODY = "body control"
LIGHTS = "light control"
DRIVE = "vehicle control"
CHARGING = "charging control"

_FUNCTIONS: tuple[Function, ...] = (
    Function(
        "climate.temperature",
        "temperature",
        "number",
        {zone: f"{HVAC}.Station.Row1.{key}.Temperature" for zone, key in ZONES.items()},
        CLIMATE,
        16,
        32,
        unit="°C",
        default_instance="driver",
    ),
    _boolean("climate.sync", "temperature sync", f"{SC}.Cabin.HVAC.IsSyncActive", CLIMATE),
    Function("climate.fan", "fan", "number", {None: f"{SC}.Cabin.HVAC.FanLevel"}, CLIMATE, 0, 7),
    _boolean("climate.ac", "A/C", f"{HVAC}.IsAirConditioningActive", CLIMATE),
    _boolean("climate.auto", "automatic climate", f"{SC}.Cabin.HVAC.IsAutoActive", CLIMATE),
    _boolean("climate.recirculation", "recirculation", f"{HVAC}.IsRecirculationActive", CLIMATE),
    _boolean("climate.defrost_front", "windscreen defrost", f"{HVAC}.IsFrontDefrosterActive", CLIMATE),
    _boolean("climate.defrost_rear", "rear window defrost", f"{HVAC}.IsRearDefrosterActive", CLIMATE),
    Function(
        "climate.distribution",
        "air distribution",
        "choice",
        {None: f"{SC}.Cabin.HVAC.AirDistribution"},
        CLIMATE,
        choices={
            "face": "FACE",
            "face_feet": "FACE_FEET",
            "feet": "FEET",
            "feet_windshield": "FEET_WINDSHIELD",
            "windshield": "WINDSHIELD",
        },
    ),
    Function(
        "seat.heating",
        "seat heating",
        "number",
        _seat_paths("Heating"),
        SEATS,
        0,
        3,
        default_instance="driver",
        to_vss=_level_to_percent,
        from_vss=_percent_to_level,
    ),
    Function(
        "seat.ventilation",
        "seat ventilation",
        "number",
        _seat_paths("Ventilation", extension=True),
        SEATS,
        0,
        3,
        default_instance="driver",
        to_vss=_level_to_percent,
        from_vss=_percent_to_level,
    ),
    Function(
        "seat.massage",
        "seat massage",
        "bool",
        _seat_paths("Massage"),
        SEATS,
        default_instance="driver",
        # VSS has a massage level; the demo seats' massage is on (100) or off (0).
        to_vss=lambda on: 100 if on else 0,
        from_vss=lambda level: level > 0,
    ),
    Function(
        "seat.massage_program",
        "massage programme",
        "choice",
        _seat_paths("MassageProgram", extension=True),
        SEATS,
        default_instance="driver",
        choices={p.lower(): p for p in ("WAVE", "CAT", "STRETCH", "PULSE", "SHOULDER", "LUMBAR")},
    ),
    Function(
        "seat.massage_intensity",
        "massage intensity",
        "number",
        _seat_paths("MassageIntensity", extension=True),
        SEATS,
        1,
        3,
        default_instance="driver",
    ),
    _boolean(
        "steering_wheel.heating", "steering wheel heating", f"{SC}.Chassis.SteeringWheel.IsHeatingOn", SEATS
    ),
    Function(
        "window.position",
        "window",
        "number",
        _window_paths(),
        BODY,
        0,
        100,
        step=25,
        unit="% open",
        default_instance="all",
        refusals={name: (f"WINDOW_{code}",) for name, code in WINDOW_CODES.items()},
    ),
    _boolean("window.child_lock", "rear window child lock", "Vehicle.Cabin.IsWindowChildLockEngaged", BODY),
    Function(
        "sunroof.position",
        "sunroof",
        "number",
        {None: f"{SC}.Cabin.Sunroof.Position"},
        BODY,
        0,
        100,
        step=25,
        unit="% open",
        refusals={None: ("SUNROOF",)},
    ),
    Function(
        "sunroof.shade",
        "sunshade",
        "number",
        {None: "Vehicle.Cabin.Sunroof.Shade.Position"},
        BODY,
        0,
        100,
        step=25,
        unit="% open",
        refusals={None: ("SUNSHADE",)},
    ),
    # Central locking: one request locks every door; the driver's door reports for all of them.
    _boolean(
        "doors.locked",
        "central locking",
        "Vehicle.Cabin.Door.Row1.DriverSide.IsLocked",
        BODY,
        refusals={None: ("CENTRAL_LOCK",)},
    ),
    _boolean("trunk.open", "tailgate", "Vehicle.Body.Trunk.Rear.IsOpen", BODY, refusals={None: ("TRUNK",)}),
    _boolean("frunk.open", "frunk", "Vehicle.Body.Trunk.Front.IsOpen", BODY, refusals={None: ("FRUNK",)}),
    Function(
        "lights.exterior",
        "exterior lights",
        "choice",
        {None: LIGHT_SWITCH},
        LIGHTS,
        choices={"off": "OFF", "auto": "AUTO", "low": "BEAM", "high": "BEAM"},
        extra=_lights_extra,
        reader=_read_lights,
    ),
    # "Flash the lights" to find the car: the hazards flash for 3 s and go off by themselves.
    _boolean("lights.flash", "flash the lights", "Vehicle.Body.Lights.Hazard.IsSignaling", LIGHTS),
    _boolean("ambient.on", "ambient lighting", f"{AMBIENT}.IsLightOn", LIGHTS),
    Function(
        "ambient.color",
        "ambient colour",
        "colour",
        {None: f"{AMBIENT}.Red"},
        LIGHTS,
        to_vss=lambda rgb: rgb[0],
        extra=_colour_targets,
        reader=_read_colour,
    ),
    Function(
        "ambient.brightness",
        "ambient brightness",
        "number",
        {None: f"{AMBIENT}.Intensity"},
        LIGHTS,
        1,
        100,
        step=10,
        unit="%",
    ),
    Function(
        "drive.mode",
        "drive mode",
        "choice",
        {None: "Vehicle.Powertrain.Transmission.PerformanceMode"},
        DRIVE,
        choices={"eco": "ECONOMY", "comfort": "NORMAL", "sport": "SPORT", "snow": "SNOW"},
        refusals={None: ("DRIVE_MODE",)},
    ),
    Function(
        "drive.regen",
        "regeneration level",
        "number",
        {None: f"{SC}.Powertrain.RegenerationLevel"},
        DRIVE,
        0,
        3,
        refusals={None: ("REGEN_LEVEL",)},
    ),
    Function(
        "charging.limit",
        "charge limit",
        "number",
        {None: "Vehicle.Powertrain.TractionBattery.Charging.ChargeLimit"},
        CHARGING,
        50,
        100,
        step=5,
        unit="%",
        refusals={None: ("CHARGE_TARGET",)},
    ),
    Function(
        "charging.port",
        "charge port",
        "choice",
        {None: "Vehicle.Powertrain.TractionBattery.Charging.ChargePortFlap"},
        CHARGING,
        choices={"open": "OPEN", "closed": "CLOSED"},
        refusals={None: ("CHARGE_PORT",)},
    ),
    Function(
        "charging.active",
        "charging",
        "choice",
        {None: "Vehicle.Powertrain.TractionBattery.Charging.StartStopCharging"},
        CHARGING,
        choices={"start": "START", "stop": "STOP"},
        refusals={None: ("CHARGE_ENABLE",)},
    ),
)

FUNCTIONS: dict[str, Function] = {f.name: f for f in _FUNCTIONS}
