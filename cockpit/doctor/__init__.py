"""``cockpit doctor``: checks a machine (a Pi with a CAN HAT, or a laptop) and says what to fix."""

from .can_checks import check_can
from .check import Check
from .system_checks import check_system

__all__ = ["Check", "check_can", "check_system"]
