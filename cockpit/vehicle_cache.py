"""Loaded vehicle data kept between runs: parsing a DBC and a mapping costs more than most commands' work.

``cockpit decode`` of a short log spends most of its own time (after the imports it shares with any
python-can + cantools script) parsing the profile's DBC with cantools and its mapping with PyYAML; reading
the same result back from a pickle takes a tenth of that. An entry is keyed by every input file and every
module that builds it (path, size, modification time), the Python and cantools versions and a format
number, so an edited DBC, mapping or loader is simply a new entry. Entries live in the user's cache folder
(``$COCKPIT_CACHE_DIR`` overrides it), only the newest ``KEEP`` are kept, and any entry that cannot be
read is rebuilt: the cache can make a start faster, never make it fail.
"""

from __future__ import annotations

import copyreg
import hashlib
import os
import pickle
import sys
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from cantools.database.can.formats.dbc.dbc_specifics import DbcSpecifics

from vehicle_bus.gc_pause import gc_paused

T = TypeVar("T")
FORMAT = 1
KEEP = 32
PACKAGE_ROOT = Path(__file__).resolve().parents[1]
# The code whose output is cached: every loader of DBC files and mappings, and this package's glue.
BUILDERS = ("vehicle_bus", "cockpit/vehicle_data.py", "cockpit/vehicle_cache.py")


def cache_dir() -> Path:
    override = os.environ.get("COCKPIT_CACHE_DIR")
    if override:
        return Path(override) / "vehicle-data"
    import platformdirs

    return Path(platformdirs.user_cache_dir("smart-cockpit")) / "vehicle-data"


def cached(inputs: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``, or what it returned before for the same ``inputs`` (in this order) and the same code."""
    try:
        path = cache_dir() / f"{entry_key(inputs)}.pickle"
    except OSError:
        return build()  # an input is missing: build() says so in its own words
    try:
        with path.open("rb") as f, gc_paused():
            return pickle.load(f)  # the user's own cache folder, written by _store
    except FileNotFoundError:
        pass
    except Exception:
        pass  # truncated, or pickled by code that has since changed shape: rebuild it
    with gc_paused():
        value = build()
    _store(path, value)
    return value


def entry_key(inputs: Sequence[Path]) -> str:
    import cantools

    digest = hashlib.sha256(f"{FORMAT}\n{sys.version}\n{cantools.__version__}\n".encode())
    code = sorted(p for name in BUILDERS for p in _python_files(PACKAGE_ROOT / name))
    for path in [*code, *(Path(p).resolve() for p in inputs)]:
        st = path.stat()
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def _python_files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _ordered_dict(od: OrderedDict) -> tuple[Any, ...]:
    return OrderedDict, (), None, None, iter(od.items())


def _dbc_specifics(specifics: DbcSpecifics) -> str | tuple[Any, ...]:
    if vars(specifics) == _EMPTY_SPECIFICS:
        return DbcSpecifics, ()
    return specifics.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


# Storing a 20,000-message DBC took 1.6 s: cantools gives every signal a DbcSpecifics of four OrderedDicts,
# almost always empty, and pickle looks up each OrderedDict's slot names in Python (copyreg). An empty
# DbcSpecifics is stored as "call DbcSpecifics()", an OrderedDict as its own reduce gives it without that
# lookup: 0.4 s, a fifth smaller, and read back as fast.
_EMPTY_SPECIFICS = vars(DbcSpecifics())
_DISPATCH = {**copyreg.dispatch_table, OrderedDict: _ordered_dict, DbcSpecifics: _dbc_specifics}


def _store(path: Path, value: object) -> None:
    """Write atomically (a reader never sees half an entry); on any failure, run without the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a read-only home or a full disk
    try:
        with os.fdopen(fd, "wb") as f:
            pickler = pickle.Pickler(f, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = _DISPATCH
            pickler.dump(value)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        Path(tmp).unlink(missing_ok=True)
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    def age(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:  # removed meanwhile by another cockpit process
            return 0.0

    for old in sorted(folder.glob("*.pickle"), key=age, reverse=True)[KEEP:]:
        old.unlink(missing_ok=True)
