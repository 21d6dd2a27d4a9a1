"""``cockpit map import REGION.osm.pbf`` and ``cockpit map search QUERY``: the offline map, headless."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ..navigation.map_source import open_map
from ..navigation.navigator import Navigator
from .places import parse_latlon
from .progress import terminal_bar, wants_bar


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("map", help="import an OpenStreetMap extract, search places on a map")
    msub = p.add_subparsers(dest="map_command", metavar="ACTION", required=True)
    imp = msub.add_parser("import", help="build the navigation cache of an .osm.pbf extract")
    imp.add_argument("pbf", metavar="REGION.osm.pbf")
    imp.add_argument("--out", metavar="FILE", help="cache file to write (default: in the user data folder)")
    imp.add_argument("--json", action="store_true", help="the summary as one JSON object, no progress bar")
    imp.set_defaults(handler=run_import)
    search = msub.add_parser("search", help="find streets and places by name, or a category")
    search.add_argument(
        "query",
        metavar="QUERY",
        help="a name (fuzzy), an address (12 Rue X), a category (charging, fuel, parking, swap, food, hotel, "
        "shop, toilets) or chargers by connector and power (ccs 150 kW)",
    )
    search.add_argument(
        "--map",
        metavar="FILE",
        help=".osm.pbf or map cache (default: the map an update installed, else the built-in town)",
    )
    search.add_argument(
        "--near", metavar="LAT,LON", type=parse_latlon, help="order by road distance from here"
    )
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.add_argument("--json", action="store_true", help="one JSON document")
    search.set_defaults(handler=run_search)


def run_import(args: argparse.Namespace) -> int:
    from ..navigation.osm_import import import_osm  # pyosmium: only to import, not to search

    bar = terminal_bar(1, "reading OSM", " objects", unit_scale=True) if wants_bar(json=args.json) else None

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.refresh()

    started = time.perf_counter()
    try:
        path = import_osm(Path(args.pbf), Path(args.out) if args.out else None, progress)
    finally:
        if bar is not None:
            bar.close()
    data = open_map(path)
    summary = {
        "cache": str(path),
        "roads": data.way_count,
        "road_nodes": len(data.node_lat),
        "areas": len(data.area_kind),
        **{category: len(data.pois_in(category)) for category in ("charging", "fuel", "parking")},
        "seconds": round(time.perf_counter() - started, 2),
        "notes": data.notes,
    }
    if args.json:
        print(json.dumps(summary))
        return 0
    print(
        f"{path}: {data.way_count:,} roads, {len(data.node_lat):,} road nodes, "
        f"{len(data.area_kind):,} areas, "
        f"{summary['charging']} charging stations, {summary['fuel']} fuel stations, "
        f"{summary['parking']} car parks ({summary['seconds']:.1f} s)"
    )
    for note in data.notes:
        print(note)
    return 0


def run_search(args: argparse.Namespace) -> int:
    nav = Navigator(open_map(args.map, progress=None))
    found = nav.places.search(args.query, near=args.near, limit=max(1, args.limit))
    if args.json:
        print(json.dumps({"query": args.query, "results": [p.as_json() for p in found]}, ensure_ascii=False))
        return 0 if found else 1
    if not found:
        print(f"nothing matches {args.query!r}", file=sys.stderr)
        return 1
    for p in found:
        dist = f"{p.road_m / 1000:6.2f} km  " if args.near and p.road_m != float("inf") else ""
        print(f"{dist}{p.kind:<9} {p.score:3.0f} %  {p.name}  ({p.lat:.5f}, {p.lon:.5f})")
    return 0
