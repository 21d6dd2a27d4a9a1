"""``cockpit route --from A --to B``: a route with turn-by-turn maneuvers, headless."""

from __future__ import annotations

import argparse
import json
import sys

from vehicle_bus.errors import InputError

from ..navigation.energy import EnergyModel, EnergyPlan
from ..navigation.maneuvers import describe
from ..navigation.map_source import open_map
from ..navigation.navigator import Navigator, format_duration
from ..simulator.params import sim_params
from ..vehicle_profile import load_profile
from .vehicle_options import check_soc


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("route", help="compute a route offline with turn-by-turn maneuvers")
    p.add_argument(
        "--map",
        metavar="FILE",
        help=".osm.pbf or map cache (default: the map an update installed, else the built-in town)",
    )
    p.add_argument("--from", dest="origin", required=True, metavar="LAT,LON|NAME")
    p.add_argument("--to", dest="destination", required=True, metavar="LAT,LON|NAME")
    p.add_argument("--soc", type=float, metavar="PCT", help="battery now: also predict the SoC at arrival")
    p.add_argument(
        "--vehicle", metavar="NAME|DIR", help="vehicle profile for the energy model (default demo)"
    )
    p.add_argument(
        "--heading", type=float, metavar="DEG", help="the car's compass heading: start the way it faces"
    )
    p.add_argument(
        "--swap",
        action="store_true",
        help="plan battery-swap stations too (with --soc); on by default for a profile with "
        "[battery] swappable = true, as the demo BEV",
    )
    p.add_argument("--json", action="store_true", help="one JSON document")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_soc(args.soc)
    if args.heading is not None and not 0 <= args.heading < 360:
        raise InputError(f"--heading {args.heading:g} is not a compass heading", fix="Give 0 to 359 degrees")
    # Resolved even without --soc, so that a wrong name is refused rather than silently ignored.
    profile = load_profile(args.vehicle) if args.vehicle or args.soc is not None else None
    nav = Navigator(open_map(args.map))
    start = nav.resolve(args.origin, "start")
    end = nav.resolve(args.destination, "destination", near=start)
    route = nav.route(start, end, args.heading)
    plan = None
    can_swap = args.swap or (profile is not None and profile.battery_swappable)
    if args.soc is not None and profile is not None:
        model = EnergyModel.from_params(sim_params(profile.settings))
        plan = nav.energy_plan(route, model, args.soc, can_swap=can_swap)
        if plan.route is not None:
            route = plan.route  # through the stops, with their own steps
    if args.json:
        doc: dict[str, object] = {
            "distance_m": round(route.distance_m, 1),
            "duration_s": round(route.duration_s, 1),
            "maneuvers": [m.as_json() for m in route.maneuvers],
            "geometry": [[round(float(a), 7), round(float(b), 7)] for a, b in route.points],
        }
        if plan is not None:
            stops = [_stop_json(st) for st in plan.stops]
            doc["energy"] = {
                "energy_wh": round(plan.energy_wh, 1),
                "arrival_soc": round(plan.arrival_soc, 1),
                "reserve_soc": plan.reserve_soc,
                "stops": stops,
                "charging_stop": stops[0] if stops else None,
                "unreachable": plan.unreachable or None,
            }
        print(json.dumps(doc, ensure_ascii=False))
        return _unreachable(plan, can_swap)
    if plan is not None and plan.unreachable:
        return _unreachable(plan, can_swap)  # the steps of a trip the battery cannot make would only mislead
    print(f"{route.distance_m / 1000:.2f} km, {format_duration(route.duration_s)}")
    for m in route.maneuvers:
        print(f"  {m.at_m / 1000:6.2f} km  {describe(m)}")
    if plan is not None:
        for st in plan.stops:
            if st.swap:
                what = f"swap the battery at {st.name}: {st.arrival_soc:.0f} → {st.target_soc:.0f} %"
            else:
                kind = f"{st.power_kw:.0f} kW {'DC' if st.dc else 'AC'}"
                what = f"charge at {st.name} ({kind}): {st.arrival_soc:.0f} → {st.target_soc:.0f} %"
            print(f"  {st.at_m / 1000:6.2f} km  {what} in {st.charge_min:.0f} min")
        print(f"arrival: {plan.arrival_soc:.1f} % ({plan.energy_wh / 1000:.2f} kWh)")
    return 0


def _unreachable(plan: EnergyPlan | None, swap: bool) -> int:
    """Exit 1 with one line on stderr when the battery cannot make the trip even with stops, else 0."""
    if plan is None or not plan.unreachable:
        return 0
    print(
        f"cockpit: route: {plan.unreachable} (starting with {plan.start_soc:g} %). Charge first, pick a "
        f"nearer destination{'' if swap else ', or with a car that swaps add --swap'}",
        file=sys.stderr,
    )
    return 1


def _stop_json(stop: object) -> dict[str, object]:
    return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in vars(stop).items()}
