"""Everything needed to turn one vehicle's frames into VSS values: database, mapping, binding, decoder.

Built from a vehicle profile (``--vehicle``) or from explicit ``--dbc``/``--mapping`` files; the demo vehicle
when neither is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vehicle_bus.dbc import LoadedDatabase, load_databases
from vehicle_bus.decoder import Emit, SignalDecoder
from vehicle_bus.errors import InputError
from vehicle_bus.mapping import BoundMapping, Mapping, bind_mapping, load_mapping, merge_mappings

from .vehicle_cache import cached
from .vehicle_profile import VehicleProfile, load_profile

# Signed like the battery current: positive = discharge in the head unit (DESIGN.md), positive = charging in
# VSS's own text ("Positive = Current flowing in to battery, e.g. during charging").
SIGNED_LIKE_CURRENT = frozenset(
    f"Vehicle.Powertrain.TractionBattery.{leaf}" for leaf in ("CurrentCurrent", "CurrentPower")
)


class BatterySignFlip(SignalDecoder):
    """The decoder of a profile whose mapping yields VSS's sign (``current_positive = "charge"``)."""

    def feed(self, frame_id: int, data: bytes, t: float, emit: Emit) -> None:
        def flipped(path: str, value: Any, t: float) -> None:
            emit(path, -value if path in SIGNED_LIKE_CURRENT and value is not None else value, t)

        super().feed(frame_id, data, t, flipped)


@dataclass
class VehicleData:
    name: str
    database: LoadedDatabase
    mapping: Mapping
    bound: BoundMapping
    profile: VehicleProfile | None = None
    warnings: list[str] = field(default_factory=list)

    def decoder(self) -> SignalDecoder:
        datatypes = {path: node.datatype for path, node in self.mapping.nodes.items()}
        if self.profile is not None and self.profile.flips_battery_sign:
            return BatterySignFlip(self.database.db, self.bound, datatypes)
        return SignalDecoder(self.database.db, self.bound, datatypes)

    def units(self) -> dict[str, str | None]:
        return {path: node.unit for path, node in self.mapping.nodes.items()}


def load_vehicle_data(
    vehicle: str | Path | None = None,
    dbc: Sequence[str | Path] = (),
    mapping: Sequence[str | Path] = (),
) -> VehicleData:
    """Resolve the CLI's vehicle options into loaded, bound vehicle data."""
    if dbc or mapping:
        if vehicle is not None:
            raise InputError("give either --vehicle or --dbc/--mapping, not both")
        if not dbc or not mapping:
            raise InputError("--dbc and --mapping go together", fix="Give both, or --vehicle NAME|DIR")
        profile = None
        dbc_files, mapping_files = [Path(p) for p in dbc], [Path(p) for p in mapping]
        name = ", ".join(p.name for p in mapping_files)
    else:
        profile = load_profile(vehicle)
        dbc_files, mapping_files = list(profile.dbc_files), list(profile.mapping_files)
        name = profile.name
    database, merged, bound = cached(
        [*dbc_files, *mapping_files], lambda: _load_and_bind(dbc_files, mapping_files)
    )
    warnings = [*database.warnings, *merged.warnings, *bound.notes]
    warnings += [f"{where}: {reason}" for where, reason in bound.unresolved]
    return VehicleData(name, database, merged, bound, profile, warnings)


def _load_and_bind(
    dbc_files: Sequence[Path], mapping_files: Sequence[Path]
) -> tuple[LoadedDatabase, Mapping, BoundMapping]:
    database = load_databases(dbc_files)
    merged = merge_mappings([load_mapping(p) for p in mapping_files])
    return database, merged, bind_mapping(merged, database.db)
