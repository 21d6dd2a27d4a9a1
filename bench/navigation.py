"""Benchmark: offline navigation on Monaco and on a generated town of ~300k road nodes.

Prints one JSON line:

* ``import_s`` / ``import_peak_mb``: ``cockpit map import`` of the Monaco extract (best of 3, in a child
  process so the peak resident memory is the import's own; target ≤ 3 s);
* ``route_p50_ms`` / ``route_p95_ms`` per map: fastest route with maneuvers between random road points
  (target p95 ≤ 50 ms);
* ``reference_p50_ms``: the same Dijkstra (scipy's) over every road node instead of junctions only, the
  obvious implementation, measured on the same pairs; ``speedup`` is the ratio of the p50s;
* ``frame_p95_ms`` per map and zoom (street, district, city): drawing the map view at 1280×720 offscreen
  while following a car at 60 km/h at 60 frames/s (target ≤ 16 ms).

Run: ``python -m bench.navigation [--pairs 200] [--size 245]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

MONACO = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "osm" / "monaco-latest.osm.pbf"

IMPORT_CHILD = r"""
import resource, sys, tempfile, time
from pathlib import Path
from cockpit.navigation.osm_import import import_osm
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with tempfile.TemporaryDirectory() as tmp:
    t0 = time.perf_counter()
    import_osm(Path(sys.argv[1]), Path(tmp) / "m.navmap.npz")
    took = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(took, (peak - base) / 1024, peak / 1024)
"""


def measure_import(path: Path) -> dict[str, float]:
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", IMPORT_CHILD, str(path)], capture_output=True, text=True, check=True
        )
        runs.append([float(v) for v in out.stdout.split()])
    best = min(runs)
    return {
        "import_s": round(best[0], 3),
        "import_peak_mb": round(best[1], 1),
        "import_rss_mb": round(best[2], 1),
    }


def random_pairs(nav, n: int, seed: int) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    rng = np.random.default_rng(seed)
    d = nav.data
    idx = rng.integers(0, len(d.node_lat), (n, 2))
    return [((d.node_lat[a], d.node_lon[a]), (d.node_lat[b], d.node_lon[b])) for a, b in idx]


def measure_routes(nav, pairs) -> dict[str, float]:
    from cockpit.navigation.routing import NoRouteError

    times, failed = [], 0
    for a, b in pairs:
        t0 = time.perf_counter()
        try:
            nav.route(a, b)
        except NoRouteError:
            failed += 1
        times.append((time.perf_counter() - t0) * 1000)
    return {
        "route_p50_ms": round(float(np.percentile(times, 50)), 2),
        "route_p95_ms": round(float(np.percentile(times, 95)), 2),
        "routes": len(pairs),
        "no_route": failed,
    }


def measure_reference(nav, pairs) -> float:
    """scipy Dijkstra over the full road-node graph (every OSM node a vertex): the straightforward way."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    g, d = nav.graph, nav.data
    nodes = d.way_nodes
    seg = np.flatnonzero(g.seg_valid)
    a, b = nodes[seg], nodes[seg + 1]
    oneway = d.way_oneway[g.way_of_pos[seg]]
    t = np.maximum(g.seg_len[seg] / (d.way_speed[g.way_of_pos[seg]] / 3.6), 1e-3)
    src = np.concatenate((a[oneway != -1], b[oneway != 1]))
    dst = np.concatenate((b[oneway != -1], a[oneway != 1]))
    w = np.concatenate((t[oneway != -1], t[oneway != 1]))
    n = len(d.node_lat)
    csr = csr_matrix((w, (src, dst)), shape=(n, n))
    times = []
    for (alat, alon), _ in pairs:
        source = int(g.tree.query(g.project(alat, alon))[1])
        t0 = time.perf_counter()
        dijkstra(csr, indices=source, return_predecessors=True)
        times.append((time.perf_counter() - t0) * 1000)
    return float(np.percentile(times, 50))


def measure_frames(nav, seconds: float = 6.0) -> dict[str, float]:
    """Follow a car along a route at 60 km/h, 60 frames/s in real time, as the head unit does.

    Each frame is the view's paint (the UI thread's work); the base picture is redrawn on the view's
    worker thread as the car nears its edge, and its queued result is delivered between frames as the
    event loop would. Reports p95 and the worst frame per zoom, and how long the base redraws took.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from ui.widgets.map_layers import build_layers, route_path
    from ui.widgets.map_view import CITY, DISTRICT, STREET, MapView

    _app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    layers = build_layers(nav.graph)
    out: dict[str, float] = {"layers_s": round(time.perf_counter() - t0, 2)}
    view = MapView(night=True)
    view.resize(1280, 720)
    view.set_layers(layers, "© OpenStreetMap contributors")
    renders: list[float] = []
    original = view.renderer.render

    def timed(*args):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = original(*args)
        renders.append((time.perf_counter() - start) * 1000)
        return result

    view.renderer.render = timed  # type: ignore[method-assign]
    d = nav.data
    mid = len(d.node_lat) // 2
    route = nav.route((d.node_lat[mid], d.node_lon[mid]), (d.node_lat[mid // 3], d.node_lon[mid // 3]))
    view.set_route(route_path(nav.graph, route.points))
    image = QImage(1280, 720, QImage.Format.Format_RGB32)
    speed_ms, fps = 60 / 3.6, 60
    for name, scale in (("street", STREET), ("district", DISTRICT), ("city", CITY)):
        view.scale = scale
        view._base = None  # type: ignore[attr-defined]
        times = []
        renders.clear()
        start = time.perf_counter()
        for k in range(round(seconds * fps)):
            s = min(route.distance_m, k * speed_ms / fps)
            lat = float(np.interp(s, route.cum_m, route.points[:, 0]))
            lon = float(np.interp(s, route.cum_m, route.points[:, 1]))
            x, y = nav.graph.project(lat, lon)
            view.set_car(float(x), -float(y), 45.0)
            QCoreApplication.sendPostedEvents()
            t0 = time.perf_counter()
            painter = QPainter(image)
            view.paint(painter)
            painter.end()
            times.append((time.perf_counter() - t0) * 1000)
            # Real time: the next frame is due 1/60 s after this one began.
            time.sleep(max(0.0, start + (k + 1) / fps - time.perf_counter()))
        steady = times[1:]  # the first frame draws the base itself (a new map or zoom)
        out[f"frame_{name}_p95_ms"] = round(float(np.percentile(steady, 95)), 2)
        out[f"frame_{name}_max_ms"] = round(float(max(steady)), 2)
        out[f"base_{name}_ms"] = round(float(np.median(renders)), 1) if renders else 0.0
        out[f"base_{name}_redraws"] = len(renders)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--size", type=int, default=245, help="generated town: grid lines each way")
    args = parser.parse_args()
    from cockpit.navigation.builtin_town import generate_town
    from cockpit.navigation.mapdata import MapData
    from cockpit.navigation.navigator import Navigator
    from cockpit.navigation.osm_import import import_osm

    result: dict[str, object] = {"bench": "navigation"}
    result["monaco"] = monaco = measure_import(MONACO)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        nav = Navigator(MapData.load(import_osm(MONACO, Path(tmp) / "m.navmap.npz")))
    monaco["road_nodes"] = len(nav.data.node_lat)
    monaco["junctions"] = nav.graph.vertex_count
    pairs = random_pairs(nav, args.pairs, 1)
    monaco.update(measure_routes(nav, pairs))
    monaco.update(measure_frames(nav))
    t0 = time.perf_counter()
    big = Navigator(generate_town(size=args.size, buildings=True))
    town: dict[str, object] = {"build_s": round(time.perf_counter() - t0, 2)}
    town["road_nodes"] = len(big.data.node_lat)
    town["junctions"] = big.graph.vertex_count
    pairs = random_pairs(big, args.pairs, 2)
    town.update(measure_routes(big, pairs))
    ref = measure_reference(big, pairs[:20])
    town["reference_p50_ms"] = round(ref, 2)
    town["speedup"] = round(ref / town["route_p50_ms"], 1)  # type: ignore[operator]
    town.update(measure_frames(big))
    result["generated"] = town
    print(json.dumps(result))


if __name__ == "__main__":
    main()
