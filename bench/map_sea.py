"""Benchmark: what the sea costs the map on Monaco (issue 17 point 3), with and without it, as CPU time.

Prints one JSON line:

* ``layers_ms`` / ``layers_dry_ms``: building the tiles' paths (the loader thread's work) with the sea cut
  into tiles, and without it; ``tiles`` / ``tiles_dry``: how many tiles that makes;
* ``base_ms`` per zoom (city, district, street) and profile (desktop, pi): drawing the base picture the map
  view blits (1280×720 plus its margin, on the view's worker thread), with the sea and ``dry`` without.

CPU time of the thread (``time.thread_time``), median of ``--repeat``: the shared 2-core machine's load
changes wall times several-fold between runs, the CPU a picture costs much less.

Run: ``python -m bench.map_sea [--repeat 15]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.navigation import MONACO


def cpu_ms(work: Callable[[], object], repeat: int) -> float:
    work()  # first run: glyph paths and caches
    times = []
    for _ in range(repeat):
        t0 = time.thread_time()
        work()
        times.append(time.thread_time() - t0)
    return round(statistics.median(times) * 1000, 1)


def monaco_navigator() -> object:
    """The Monaco extract imported into a throw-away map cache, as the head unit would on first use."""
    from cockpit.navigation.mapdata import MapData
    from cockpit.navigation.navigator import Navigator
    from cockpit.navigation.osm_import import import_osm

    with tempfile.TemporaryDirectory() as tmp:
        return Navigator(MapData.load(import_osm(MONACO, Path(tmp) / "m.navmap.npz")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QGuiApplication

    from ui.widgets import map_layers
    from ui.widgets.map_render import BASE_MARGIN_PX, CITY, DISTRICT, NIGHT, STREET, BaseRenderer, BaseRequest

    _app = QGuiApplication.instance() or QGuiApplication([])
    nav = monaco_navigator()
    result: dict[str, object] = {"bench": "map_sea"}
    layers = map_layers.build_layers(nav.graph)
    result["layers_ms"] = cpu_ms(lambda: map_layers.build_layers(nav.graph), args.repeat)
    cut = map_layers._sea_tiles
    map_layers._sea_tiles = lambda sea, tiles: None  # the same map without its sea
    try:
        dry = map_layers.build_layers(nav.graph)
        result["layers_dry_ms"] = cpu_ms(lambda: map_layers.build_layers(nav.graph), args.repeat)
    finally:
        map_layers._sea_tiles = cut
    result["tiles"], result["tiles_dry"] = len(layers.tiles), len(dry.tiles)
    x, y = nav.graph.project(43.7384, 7.4246)  # the harbour, as in the README's route example
    centre = QPointF(float(x), -float(y))
    renderer = BaseRenderer(QFont(), 1.0)
    size = (1280 + 2 * BASE_MARGIN_PX, 720 + 2 * BASE_MARGIN_PX)
    for zoom, scale in (("city", CITY), ("district", DISTRICT), ("street", STREET)):
        for profile, simplified in (("desktop", False), ("pi", True)):
            request = BaseRequest(centre, scale, *size, NIGHT, simplified)
            for name, which in (("base_ms", layers), ("base_dry_ms", dry)):
                figures = result.setdefault(name, {})
                figures[f"{zoom}_{profile}"] = cpu_ms(
                    lambda w=which, r=request: renderer.render(w, r), args.repeat
                )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
