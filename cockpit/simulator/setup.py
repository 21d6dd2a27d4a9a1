"""Compose a simulation from names: vehicle profile, drive cycle, faults, start state."""

from __future__ import annotations

from dataclasses import dataclass

from cantools.database.can import Database

from vehicle_bus.dbc import load_databases
from vehicle_bus.errors import InputError

from ..vehicle_profile import DEFAULT_VEHICLE, VehicleProfile, load_profile
from .drive_cycles import make_cycle
from .ecu_network import EcuNetwork
from .faults import Faults
from .params import sim_params
from .vehicle import SimulatedVehicle


@dataclass
class Simulation:
    profile: VehicleProfile
    car: SimulatedVehicle
    network: EcuNetwork


def build_simulation(
    vehicle: str | None = None,
    cycle: str = "wltc",
    faults: list[str] | tuple[str, ...] = (),
    soc: float | None = None,
    outside_temp: float = 12.0,
    charge: str | None = None,
    db: Database | None = None,
) -> Simulation:
    """``db``: the profile's database when the caller has loaded it already (saves parsing it twice)."""
    profile = load_profile(vehicle or DEFAULT_VEHICLE)
    drive_cycle = make_cycle(cycle)
    params = sim_params(profile.settings)
    start_soc = soc if soc is not None else (30.0 if charge else 80.0)
    car = SimulatedVehicle(
        params, drive_cycle, soc=start_soc, outside_temp=outside_temp, faults=Faults(faults)
    )
    if charge:
        car.plug_in(charge)
    if db is None:
        db = load_databases(profile.dbc_files).db
    network = EcuNetwork(car, db)
    if not network.schedule:
        # A profile for the user's own car: its DBC has none of the demo ECUs' messages, so nothing would
        # be sent. Say so rather than run a silent bus or write an empty log.
        raise InputError(
            f"vehicle {profile.name} has no simulator (only the demo vehicles do)",
            where=str(profile.folder),
            fix="Give the head unit --can INTERFACE[:CHANNEL] or --replay LOG; simulate demo-bev or erev",
        )
    return Simulation(profile, car, network)
