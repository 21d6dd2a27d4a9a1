"""Argument types for places on a map, shared by ``route`` and ``map search`` (no navigation import)."""

from __future__ import annotations

import argparse


def parse_latlon(text: str) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LAT,LON (e.g. 43.7384,7.4246), not {text!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise argparse.ArgumentTypeError(f"{text!r} is outside latitude -90..90, longitude -180..180")
    return lat, lon
