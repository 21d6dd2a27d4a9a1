"""Vehicle profiles: a folder with DBC file(s), a KUKSA mapping and a short ``vehicle.toml``.

``--vehicle NAME`` looks in the profiles shipped in ``assets/vehicles`` and in the user's profile folder;
``--vehicle DIR`` takes any folder. A profile may point at DBC files it does not ship (licence, size): those
are looked for relative to the profile folder, then in each ``dbc_search`` folder (relative to the profile
folder, then to the working directory), then in ``$COCKPIT_DBC_PATH``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from assets import VEHICLES_DIR
from vehicle_bus.errors import ProfileError

DEFAULT_VEHICLE = "demo-bev"
PROFILE_FILE = "vehicle.toml"
# Short names every subcommand accepts (`cockpit sim --vehicle erev`, `cockpit route --vehicle bev`).
ALIASES = {"bev": "demo-bev", "erev": "demo-erev"}
CURRENT_SIGNS = ("discharge", "charge")


@dataclass(frozen=True)
class VehicleProfile:
    name: str
    folder: Path
    title: str
    dbc_files: tuple[Path, ...]
    mapping_files: tuple[Path, ...]
    battery_capacity_kwh: float | None = None
    bitrate: int = 500_000
    log_channel: int | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    # "charge": the mapping yields VSS's sign for the battery current and power (positive into the battery),
    # which the head unit negates to its own (DESIGN.md: positive = discharge); "discharge": as it is.
    current_positive: str = "discharge"
    # [battery] swappable: the car can have its pack swapped at a swap station (NIO-style); route planning
    # then offers swap stations beside chargers.
    battery_swappable: bool = False

    @property
    def flips_battery_sign(self) -> bool:
        return self.current_positive == "charge"


def user_profiles_dir() -> Path:
    return Path(platformdirs.user_data_dir("smart-cockpit")) / "vehicles"


def profile_folders() -> dict[str, Path]:
    """Every profile found, by name; an OTA-installed one hides a shipped one, a user's hides both."""
    from .ota.content import InstalledContent

    found = _profiles_in(VEHICLES_DIR)
    found.update(InstalledContent.active().vehicle_profiles())
    found.update(_profiles_in(user_profiles_dir()))
    return found


def _profiles_in(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    return {f.name: f for f in sorted(root.iterdir()) if (f / PROFILE_FILE).is_file()}


def load_profile(name_or_dir: str | Path | None = None) -> VehicleProfile:
    """Load a profile by name, alias or folder; the demo vehicle when None."""
    return _read_profile(resolve_vehicle(name_or_dir))


def resolve_vehicle(name_or_dir: str | Path | None = None) -> Path:
    """The profile folder ``--vehicle`` names: a folder, a profile name or an alias (None: the demo).

    The one resolver of every subcommand, so each accepts the same names and refuses with the same line.
    """
    ref = str(name_or_dir) if name_or_dir is not None else DEFAULT_VEHICLE
    folder = Path(ref).expanduser()
    if (folder / PROFILE_FILE).is_file():
        return folder.resolve()
    known = profile_folders()
    name = ALIASES.get(ref, ref)
    if name in known:
        return known[name].resolve()
    if folder.is_dir():
        raise ProfileError(f"no {PROFILE_FILE} in this folder", where=str(folder))
    names = [
        *sorted(known),
        *(f"{alias} (= {target})" for alias, target in ALIASES.items() if target in known),
    ]
    raise ProfileError(
        f"unknown vehicle {ref!r}",
        fix="Known vehicles: " + (", ".join(names) or "none") + "; or give a profile folder",
    )


def _read_profile(folder: Path) -> VehicleProfile:
    toml_path = folder / PROFILE_FILE
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"invalid TOML: {exc}", where=str(toml_path)) from None
    can_section = data.get("can", {})
    dbc_names = can_section.get("dbc", [])
    mapping_names = can_section.get("mapping", [])
    if isinstance(dbc_names, str):
        dbc_names = [dbc_names]
    if isinstance(mapping_names, str):
        mapping_names = [mapping_names]
    if not dbc_names or not mapping_names:
        raise ProfileError("[can] needs dbc and mapping entries", where=str(toml_path))
    search = [folder / s for s in can_section.get("dbc_search", [])]
    search += [Path.cwd() / s for s in can_section.get("dbc_search", [])]
    search += [Path(p) for p in os.environ.get("COCKPIT_DBC_PATH", "").split(os.pathsep) if p]
    dbc_files = tuple(_find_dbc(name, folder, search, toml_path) for name in dbc_names)
    mapping_files = []
    for name in mapping_names:
        path = folder / name
        if not path.is_file():
            raise ProfileError(f"mapping file {name} not found", where=str(toml_path))
        mapping_files.append(path)
    channel = can_section.get("log_channel")
    current_positive = data.get("battery", {}).get("current_positive", "discharge")
    if current_positive not in CURRENT_SIGNS:
        raise ProfileError(
            f"[battery] current_positive = {current_positive!r}",
            where=str(toml_path),
            fix='Use "discharge" (positive while driving) or "charge" (positive into the battery, as VSS)',
        )
    swappable = data.get("battery", {}).get("swappable", False)
    if not isinstance(swappable, bool):
        raise ProfileError(
            f"[battery] swappable = {swappable!r}", where=str(toml_path), fix="Use true or false"
        )
    return VehicleProfile(
        name=folder.name,
        folder=folder,
        title=data.get("name", folder.name),
        dbc_files=dbc_files,
        mapping_files=tuple(mapping_files),
        battery_capacity_kwh=data.get("battery", {}).get("capacity_kwh"),
        bitrate=int(can_section.get("bitrate", 500_000)),
        log_channel=int(channel) if channel is not None else None,
        settings=data,
        current_positive=current_positive,
        battery_swappable=swappable,
    )


def _find_dbc(name: str, folder: Path, search: list[Path], toml_path: Path) -> Path:
    for base in [folder, *search]:
        candidate = (base / name).expanduser()
        if candidate.is_file():
            return candidate.resolve()
    places = ", ".join(str(p) for p in [folder, *search])
    raise ProfileError(
        f"DBC file {name} not found (looked in {places})",
        where=str(toml_path),
        fix="Put it in one of those folders or add its folder to COCKPIT_DBC_PATH",
    )
