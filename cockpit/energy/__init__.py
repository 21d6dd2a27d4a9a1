"""The energy model behind the energy panel: trip computer, power flow, charging session, ranges.

Qt-free; :class:`EnergyMonitor` reads a :class:`cockpit.state_store.StateStore` and is driven from the UI
tick (or a test, or a headless tool) by calling :meth:`EnergyMonitor.update`.
"""

from .charging_session import ChargingSession
from .monitor import EnergyMonitor, Ranges
from .power_flow import PowerFlow
from .trip_computer import TripStats

__all__ = ["ChargingSession", "EnergyMonitor", "PowerFlow", "Ranges", "TripStats"]
