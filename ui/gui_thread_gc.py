"""Python's cycle collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate past its threshold: a CAN reader, the MQTT
client, the companion's web server, the recognizer. When the garbage it frees holds a Qt object (a widget
closed with a cycle through a Python slot, a timer owner), that object is destroyed on the wrong thread
and Qt crashes the whole head unit (a segfault, seen in the suite with the media bridge's timers).
pyqtgraph's GarbageCollector turns automatic collection off and collects from a timer on the GUI thread
instead; this adds the way back (``stop``), so that leaving the window restores the collector as it was.
"""

from __future__ import annotations

import gc

from pyqtgraph.util.garbage_collector import GarbageCollector

INTERVAL_S = 1.0  # a second's worth of cycles waits at most; the head unit allocates a few MB a minute


class GuiThreadGc(GarbageCollector):
    """Collect on the GUI thread's timer while this lives; :meth:`stop` gives collection back to Python."""

    def __init__(self, interval_s: float = INTERVAL_S) -> None:
        self._was_enabled = gc.isenabled()
        super().__init__(interval=interval_s)

    def stop(self) -> None:
        self.timer.stop()
        if self._was_enabled:
            gc.enable()
