"""A new vehicle profile from a DBC: ``vehicle.toml``, a KUKSA mapping skeleton and a README, as texts.

Pure builders (no file writes): the CLI (``cockpit vehicle new``) decides where they go and never replaces
anything. The mapping maps a signal only where its name makes the VSS signal obvious (``VehicleSpeed`` →
``Vehicle.Speed``), each VSS path at most once, with the datatype and unit of our signal catalog so that
``cockpit mapping check`` passes; every other signal is listed as a commented TODO under its message.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from cantools.database.can import Database, Message, Signal

from .catalog import Catalog

TB = "Vehicle.Powertrain.TractionBattery."
# (pattern on the signal name, VSS path). First match wins; case-insensitive, `_`/`-`/space ignored.
GUESSES: tuple[tuple[str, str], ...] = (
    (r"^(vehicle|veh|vcu|car|disp|displayed|cluster)?(speed|spd)(kph|kmh|mph)?$", "Vehicle.Speed"),
    (r"^odo(meter)?(km|reading)?$|^totaldistance$|^mileage$", "Vehicle.TraveledDistance"),
    (r"soc.*(disp|displayed|ui|dash)|(disp|displayed|ui|dash).*soc", TB + "StateOfCharge.Displayed"),
    (r"^(batt|bat|hvbatt|hvbat|bms|pack|hv)?soc$|stateofcharge", TB + "StateOfCharge.Current"),
    (r"^(batt|bat|hvbatt|hvbat|bms|pack|hv)(volt|voltage|v)$|^v(batt|bat|pack)$", TB + "CurrentVoltage"),
    (r"^(batt|bat|hvbatt|hvbat|bms|pack|hv)(curr|current|i)$|^i(batt|bat|pack)$", TB + "CurrentCurrent"),
    (r"^(batt|bat|hvbatt|hvbat|bms|pack|hv)(power|pwr|p)$", TB + "CurrentPower"),
    (
        r"^(gear|gearpos|gearposition|selectedgear|prndl?|gearlever|shifter|gearselected|geardisplayed)$",
        "Vehicle.Powertrain.Transmission.SelectedGear",
    ),
    (
        r"^(ambient|outside|outdoor|exterior|ext|out)(air)?(temp|temperature)$",
        "Vehicle.Exterior.AirTemperature",
    ),
    (r"^(gps|gnss)?(lat|latitude)$", "Vehicle.CurrentLocation.Latitude"),
    (r"^(gps|gnss)?(lon|long|lng|longitude)$", "Vehicle.CurrentLocation.Longitude"),
    (r"^(gps|gnss)?(heading|course|bearing)$", "Vehicle.CurrentLocation.Heading"),
)
# A signal's unit that differs from the catalog's by a fixed factor: KUKSA `math` to convert.
UNIT_MATH = {("mph", "km/h"): "x * 1.609344", ("mi", "km"): "x * 1.609344", ("m", "km"): "x / 1000"}
UNIT_MATH_KEYS = set(UNIT_MATH)
# Message or signal names of the 12 V battery, whose SoC/voltage/current are not the traction battery's.
LOW_VOLTAGE = re.compile(r"12v|twelvevolt|lvbat|auxbat|lowvolt")
# Messages where a signal called "Speed" is something else's speed (a steering rack's, a motor's).
NOT_VEHICLE_SPEED = re.compile(r"steer|wheel|motor|mcu|engine|rpm|fan|wiper|pump")
# DBC unit spellings of the catalog's units.
UNIT_ALIASES = {
    "%": "percent",
    "degc": "celsius",
    "°c": "celsius",
    "c": "celsius",
    "kph": "km/h",
    "kmh": "km/h",
}


@dataclass(frozen=True)
class Guess:
    signal: str  # as the mapping names it: MESSAGE.SIGNAL (always pinned, so a later DBC edit stays exact)
    vss_path: str
    unit: str | None
    math: str | None


@dataclass(frozen=True)
class Skeleton:
    guesses: list[Guess]
    todo: dict[str, list[str]]  # message title → lines "SIGNAL [unit]"


def normalise(name: str) -> str:
    return re.sub(r"[_\-\s.]", "", name).lower()


def same_unit(dbc_unit: str | None, vss_unit: str | None) -> bool:
    unit = normalise(dbc_unit or "")
    return bool(unit) and UNIT_ALIASES.get(unit, unit) == normalise(vss_unit or "")


def guess_path(message_name: str, signal: Signal) -> str | None:
    key = normalise(signal.name)
    path = next((path for pattern, path in GUESSES if re.search(pattern, key)), None)
    if path and path.startswith(TB) and LOW_VOLTAGE.search(normalise(f"{message_name}{signal.name}")):
        return None  # the 12 V battery's, not the traction battery's
    return path


def skeleton(db: Database, catalog: Catalog) -> Skeleton:
    """One signal per guessed VSS path: the one whose unit is the catalog's, then the lowest frame id."""
    candidates: dict[str, list[tuple[Message, Signal]]] = {}
    todo: dict[str, list[str]] = {}
    messages = sorted(db.messages, key=lambda m: m.frame_id)
    for message in messages:
        for signal in message.signals:
            path = guess_path(message.name, signal)
            if path is not None and catalog.get(path) is not None:
                candidates.setdefault(path, []).append((message, signal))

    def rank(path: str, message: Message, signal: Signal) -> tuple[bool, bool, int]:
        node = catalog.get(path)
        fits = bool(node and node.unit) and (
            same_unit(signal.unit, node.unit) or (normalise(signal.unit or ""), node.unit) in UNIT_MATH_KEYS
        )
        elsewhere = path == "Vehicle.Speed" and bool(NOT_VEHICLE_SPEED.search(message.name.lower()))
        return fits, not elsewhere, -message.frame_id

    chosen = {
        path: max(found, key=lambda ms, path=path: rank(path, *ms)) for path, found in candidates.items()
    }
    picked = {(m.name, s.name): path for path, (m, s) in chosen.items()}
    guesses: list[Guess] = []
    for message in messages:
        title = f"0x{message.frame_id:03X} {message.name}"
        for signal in message.signals:
            unit = (signal.unit or "").strip() or None
            path = picked.get((message.name, signal.name))
            if path is None:
                other = guess_path(message.name, signal)
                also = f" (also looks like {other})" if other in chosen else ""
                todo.setdefault(title, []).append(f"{signal.name}{f' [{unit}]' if unit else ''}{also}")
                continue
            node = catalog.get(path)
            math = UNIT_MATH.get(((unit or "").lower(), node.unit if node and node.unit else ""))
            guesses.append(Guess(f"{message.name}.{signal.name}", path, unit, math))
    return Skeleton(guesses, todo)


def mapping_text(name: str, dbc_name: str, parts: Skeleton, catalog: Catalog) -> str:
    lines = [
        f"# {name}: DBC ↔ VSS mapping in the KUKSA can-provider overlay format (.vspec), made by",
        f"# `cockpit vehicle new` from {dbc_name}. The entries below were guessed from signal names: check",
        "# each one (unit, scale, sign) against the car. The TODO list names every other signal; to map",
        "# one, copy an entry and give it the VSS path (paths: assets/vss/catalog.yaml, or covesa.github.io/",
        "# vehicle_signal_specification). Check: cockpit mapping check --vehicle THIS_FOLDER [--log LOG]",
        "",
    ]
    if not parts.guesses:
        lines += ["# No signal name made a VSS signal obvious: map them from the TODO list below.", "{}", ""]
    for guess in parts.guesses:
        node = catalog.get(guess.vss_path)
        assert node is not None  # skeleton() only guesses catalog paths
        lines += [f"{guess.vss_path}:", f"  type: {node.type}", f"  datatype: {node.datatype}"]
        if node.unit:
            lines.append(f"  unit: {node.unit}")
        lines += ["  dbc2vss:", f"    signal: {guess.signal}"]
        if guess.vss_path.endswith("SelectedGear"):
            lines += [
                "    on_change: true",
                "    # TODO: VSS gear codes are 126 = Park, 127 = Drive, 0 = Neutral, -1 = Reverse; if the",
                "    # DBC's values differ, add a transform mapping (from: DBC value, to: VSS code).",
            ]
        else:
            lines.append("    interval_ms: 100")
        if guess.math:
            lines += [
                f"    # the DBC gives {guess.unit}; VSS wants {node.unit}",
                "    transform:",
                f"      math: {guess.math}",
            ]
        elif guess.unit and node.unit and not same_unit(guess.unit, node.unit):
            lines.append(
                f"    # TODO: the DBC's unit is {guess.unit!r}, VSS wants {node.unit!r}: add transform math"
            )
        if guess.vss_path in (TB + "CurrentCurrent", TB + "CurrentPower"):
            lines.append('    # Sign: see current_positive in vehicle.toml ("discharge" or "charge").')
        lines.append("")
    if parts.todo:
        lines.append("# TODO: signals not mapped yet, by message")
        for title, signals in parts.todo.items():
            lines.append(f"# {title}: " + ", ".join(signals))
    return "\n".join(lines) + "\n"


def vehicle_toml(name: str, dbc_name: str, bitrate: int) -> str:
    return f"""# {name}: a profile made by `cockpit vehicle new`. Edit freely; see README.md in this folder.
name = "{name}"

[battery]
# Sign of Vehicle.Powertrain.TractionBattery.CurrentCurrent and CurrentPower as this profile's mapping
# yields them. "discharge": positive while driving (Smart Cockpit's convention, DESIGN.md; what most BMS
# signals report). "charge": positive into the battery (VSS's own definition, and what a mapping written
# for KUKSA gives): the head unit negates them. Check: while driving, the current must read positive.
current_positive = "discharge"
# capacity_kwh = 64.0           # usable energy: range and time-to-charge estimates use it
swappable = false               # true: the pack can be swapped at battery-swap stations (route planning)

[can]
dbc = ["{dbc_name}"]
mapping = ["mapping.vspec"]
bitrate = {bitrate}
"""


def readme_text(name: str, folder_name: str, dbc_name: str, parts: Skeleton) -> str:
    mapped = "\n".join(f"- `{g.vss_path}` ← `{g.signal}`" for g in parts.guesses) or "- nothing yet"
    count = sum(len(v) for v in parts.todo.values())
    return f"""# {name}

A Smart Cockpit vehicle profile, made by `cockpit vehicle new` from `{dbc_name}`.

| file | what |
|---|---|
| `vehicle.toml` | name, battery (sign of the current, capacity), CAN (DBC, mapping, bitrate) |
| `{dbc_name}` | a copy of the DBC it was made from |
| `mapping.vspec` | DBC signals → VSS signals (KUKSA can-provider overlay format) |

Guessed from signal names, to be checked against the car:

{mapped}

{count} more signals are listed as TODO at the end of `mapping.vspec`.

Next steps:

1. Check the guesses and map more: `cockpit mapping check --vehicle {folder_name} --log YOUR_LOG`
   (counts which mapped messages occur in a real log).
2. Decode a log: `cockpit decode YOUR_LOG --vehicle {folder_name}`.
3. Battery current: while driving it must be positive. If it is negative, set
   `current_positive = "charge"` in `vehicle.toml`.
4. Run the head unit on your bus or a log: `cockpit --vehicle {folder_name} --can socketcan:can0` or
   `--replay YOUR_LOG`. This profile has no simulator (only the demo vehicles do).
"""


def bus_bitrate(db: Database, default: int = 500_000) -> int:
    """The DBC's own bus speed when it declares one (``BA_ "BusSpeed"`` / KCD/ARXML buses)."""
    speeds = Counter(bus.baudrate for bus in getattr(db, "buses", []) if getattr(bus, "baudrate", None))
    return speeds.most_common(1)[0][0] if speeds else default
