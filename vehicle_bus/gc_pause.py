"""Build large trees of long-lived objects with CPython's cycle collector paused.

The collector runs whenever container allocations outnumber deallocations by 700, and every object that
survives is walked again as it ages into each older generation. Loading a 20,000-message DBC creates close
to a million containers (messages, signals, cantools' four attribute dictionaries per signal), none of them
garbage: the collector's passes over them took a third of the load and most of reading the cached result
back (``bench/dbc_scale.py``). Paused, they are walked once, by one full collection at the end; a cycle
made meanwhile is collected then too, so nothing is lost.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Below this many new containers the collector's usual passes cost less than one full collection.
_FULL_PASS_FROM = 100_000


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector for the ``with`` block (left as it was if it was already paused)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        if gc.get_count()[0] >= _FULL_PASS_FROM:
            gc.collect()
