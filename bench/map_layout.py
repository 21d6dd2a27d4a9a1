"""Benchmark: what placing the map's markers and names costs each frame, and how much a view shows, on Monaco.

Prints one JSON line:

* ``layout_ms`` per zoom (city, district, street): ``MapView.frame_layout``, the UI thread's work each
  frame (which POIs show, grouping, place names kept off markers, street names, scale bar, attribution);
* ``markers`` / ``pois`` per zoom: markers drawn and the POIs they stand for; ``places``: place names
  drawn; ``problems``: overlaps ``MapView.layout_problems`` finds (should be 0).

A 1170×600 view (the map at 1280×720) on Monte-Carlo, the densest part of Monaco. CPU time of the thread,
median of ``--repeat``: the shared 2-core machine's load changes wall times several-fold between runs.

Run: ``python -m bench.map_layout [--repeat 30]``
"""

from __future__ import annotations

import argparse
import json
import os
import time

from bench.map_sea import cpu_ms, monaco_navigator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    from ui.widgets.map_layers import build_layers
    from ui.widgets.map_view import CITY, DISTRICT, STREET, MapView

    _app = QApplication.instance() or QApplication([])
    nav = monaco_navigator()
    x, y = nav.graph.project(43.7397, 7.4270)  # the Casino
    view = MapView()
    view.resize(1170, 600)
    view.set_layers(build_layers(nav.graph), "© OpenStreetMap contributors")
    view.center = QPointF(float(x), -float(y))
    result: dict[str, object] = {"bench": "map_layout"}
    for zoom, scale in (("city", CITY), ("district", DISTRICT), ("street", STREET)):
        view.scale = scale
        view.grab()  # the base picture at this zoom, with its street names
        t = view.transform()
        frame = view.frame_layout(t)
        result[zoom] = {
            "layout_ms": cpu_ms(lambda t=t: view.frame_layout(t), args.repeat),
            "markers": len(frame.markers),
            "pois": sum(m.count for m in frame.markers),
            "places": len(frame.places),
            "problems": len(view.layout_problems()),
        }
    while view._rendering:  # a base picture still drawn on the view's worker thread: let it end first
        time.sleep(0.05)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
