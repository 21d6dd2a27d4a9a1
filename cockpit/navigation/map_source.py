"""Which map to use: ``--map FILE`` (an ``.osm.pbf``, imported on first use, or a cache), else the map an
update installed (``cockpit.ota.content``), else the built-in town."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from vehicle_bus.errors import InputError

from .builtin_town import builtin_town
from .mapdata import CACHE_SUFFIX, MapData, cache_path_for, is_current_cache

if TYPE_CHECKING:
    from ..ota.content import InstalledContent

OSM_ATTRIBUTION = "© OpenStreetMap contributors"
log = logging.getLogger(__name__)


def open_map(
    path: str | Path | None,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    content: InstalledContent | None = None,
) -> MapData:
    """The map at ``path``; None: the installed map of ``content`` (default: the active content slot), else
    the built-in town. A ``.pbf`` is imported unless its cache is newer."""
    if path is None:
        from ..ota.content import InstalledContent

        installed = (content or InstalledContent.active()).map()
        if installed is None:
            return builtin_town(cache_dir)
        path, cache_dir = installed.path, installed.cache_dir or cache_dir
    path = Path(path).expanduser()
    if not path.is_file():
        raise InputError("map file not found", where=str(path), fix="Give an .osm.pbf extract or a map cache")
    if path.name.endswith(".npz"):
        return MapData.load(path)
    cache = cache_path_for(path, cache_dir)
    fresh = cache.is_file() and cache.stat().st_mtime >= path.stat().st_mtime
    if not (fresh and is_current_cache(cache)):
        from .osm_import import import_osm  # pyosmium only when there is something to import

        import_osm(path, cache, progress)
        data = MapData.load(cache)
        for note in data.notes:  # what the import noticed, said once: when it imports, not at each start
            log.warning("%s: %s", path.name, note)
        return data
    return MapData.load(cache)


def attribution(data: MapData) -> str:
    return OSM_ATTRIBUTION if data.source == "osm" else ""


__all__ = ["CACHE_SUFFIX", "OSM_ATTRIBUTION", "attribution", "open_map"]
