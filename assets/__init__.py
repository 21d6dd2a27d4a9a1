"""Data shipped with Smart Cockpit: vehicle profiles, the VSS signal catalog, intents, icons.

Only data lives here; the package exists so that an installed wheel carries it.
"""

from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parent
VEHICLES_DIR = ASSETS_DIR / "vehicles"
VSS_CATALOG = ASSETS_DIR / "vss" / "catalog.yaml"
