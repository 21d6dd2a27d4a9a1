"""``cockpit doctor``: checks a machine (a Pi with a CAN HAT, or a laptop) and says what to fix.

The names are imported when first used: the head unit's pre-flight check (``preflight``) runs before every
window and must not pay for python-can.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {"Check": ".check", "check_can": ".can_checks", "check_system": ".system_checks"}

__all__ = ["Check", "check_can", "check_system"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(importlib.import_module(_WHERE[name], __name__), name)
