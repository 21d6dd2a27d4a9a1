"""python-can without asammdf until a command reads or writes an ``.mf4`` file.

``import can`` imports ``can.io.mf4``, which imports asammdf when it is installed (the ``mf4`` extra), and
asammdf pulls in pandas, sympy and numpy: about 0.6 s of every command's start on a desktop, for a format
most runs never touch. The CLI loads ``can.io.mf4`` with asammdf hidden, so that module takes its own
"asammdf not installed" path, and runs it again (same namespace, so the reader and writer classes python-can
has already registered see the real asammdf) the first time an MF4 reader or writer is made.
"""

from __future__ import annotations

import functools
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

MF4_MODULE = "can.io.mf4"


def defer_mf4_support() -> None:
    """From now on, ``import can`` leaves asammdf out until an MF4 file is opened."""
    if "can" in sys.modules or "asammdf" in sys.modules or importlib.util.find_spec("asammdf") is None:
        return  # too late, already paid, or nothing to defer
    if not any(isinstance(f, _Mf4Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Mf4Finder())


def mf4_support_loaded() -> bool:
    mf4 = sys.modules.get(MF4_MODULE)
    return mf4 is not None and getattr(mf4, "asammdf", None) is not None


class _Mf4Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != MF4_MODULE:
            return None
        sys.meta_path.remove(self)  # once: a later reload is the real thing
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutAsammdf(spec.loader)
        return spec


class _WithoutAsammdf(importlib.abc.Loader):
    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        sys.modules["asammdf"] = None  # type: ignore[assignment]  # `import asammdf` raises ImportError
        try:
            self.loader.exec_module(module)
        finally:
            del sys.modules["asammdf"]
        module.__spec__.loader = self.loader  # importlib.reload uses the plain loader
        module.__loader__ = self.loader
        for cls in (module.MF4Reader, module.MF4Writer):
            cls.__init__ = _loading_mf4_first(cls.__init__)


def _loading_mf4_first(init: Any) -> Any:
    @functools.wraps(init)
    def init_with_asammdf(self: Any, *args: Any, **kwargs: Any) -> None:
        if not mf4_support_loaded():
            importlib.reload(sys.modules[MF4_MODULE])
        init(self, *args, **kwargs)

    return init_with_asammdf
