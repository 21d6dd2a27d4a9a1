"""The signal catalog: every VSS signal the product understands, with its type, unit and limits.

The catalog is a VSS overlay file (``assets/vss/catalog.yaml`` by default) read with the mapping loader, so
its nodes are the same :class:`~vehicle_bus.mapping.VssNode` values a mapping file yields. A VSS JSON tree
(e.g. KUKSA's ``vss_dbc.json``) can serve as a catalog too.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vehicle_bus.errors import InputError, MappingError
from vehicle_bus.mapping import VssNode, load_mapping


class CatalogError(InputError):
    """A signal catalog file that cannot be read."""


_INT_RANGES = {
    "int8": (-(2**7), 2**7 - 1),
    "int16": (-(2**15), 2**15 - 1),
    "int32": (-(2**31), 2**31 - 1),
    "int64": (-(2**63), 2**63 - 1),
    "uint8": (0, 2**8 - 1),
    "uint16": (0, 2**16 - 1),
    "uint32": (0, 2**32 - 1),
    "uint64": (0, 2**64 - 1),
}


@dataclass
class Catalog:
    """VSS nodes by path, in file order."""

    nodes: dict[str, VssNode] = field(default_factory=dict)
    path: Path | None = None

    def get(self, path: str) -> VssNode | None:
        return self.nodes.get(path)

    def __contains__(self, path: object) -> bool:
        return path in self.nodes

    def __iter__(self) -> Iterator[VssNode]:
        return iter(self.nodes.values())

    def __len__(self) -> int:
        return len(self.nodes)

    def check_value(self, path: str, value: Any) -> str | None:
        """Why ``value`` is not a valid value of signal ``path`` (unknown path, wrong type, out of range,
        not an allowed value), or ``None`` if it is valid."""
        node = self.nodes.get(path)
        if node is None:
            return f"{path} is not in the signal catalog"
        return check_node_value(node, value)


def check_node_value(node: VssNode, value: Any) -> str | None:
    """Check ``value`` against one node's datatype, min/max and allowed values."""
    datatype = node.datatype
    if datatype.endswith("[]"):
        if not isinstance(value, (list, tuple)):
            return f"{node.path} takes a list of {datatype[:-2]}, not {value!r}"
        element = VssNode(node.path, node.type, datatype[:-2], node.unit, node.min, node.max, node.allowed)
        for item in value:
            reason = check_node_value(element, item)
            if reason:
                return reason
        return None
    reason = _type_problem(node, value)
    if reason:
        return reason
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if numeric and node.min is not None and value < node.min:
        return f"{node.path}: {value} is below the minimum {_num(node.min)}{_unit(node)}"
    if numeric and node.max is not None and value > node.max:
        return f"{node.path}: {value} is above the maximum {_num(node.max)}{_unit(node)}"
    if node.allowed is not None and value not in node.allowed:
        return f"{node.path}: {value!r} is not one of {', '.join(map(str, node.allowed))}"
    return None


def _type_problem(node: VssNode, value: Any) -> str | None:
    datatype = node.datatype
    if datatype == "boolean":
        return None if isinstance(value, bool) else f"{node.path} takes true or false, not {value!r}"
    if datatype == "string":
        return None if isinstance(value, str) else f"{node.path} takes text, not {value!r}"
    if datatype in _INT_RANGES or datatype in ("float", "double"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{node.path} takes a number, not {value!r}"
        if isinstance(value, float) and not math.isfinite(value):
            return f"{node.path} takes a finite number, not {value!r}"
        if datatype in _INT_RANGES:
            if value != int(value):
                return f"{node.path} takes a whole number ({datatype}), not {value!r}"
            low, high = _INT_RANGES[datatype]
            if not low <= value <= high:
                return f"{node.path}: {value} does not fit {datatype} ({low}..{high})"
        return None
    return None  # a datatype we do not know (e.g. a VSS struct): nothing to check


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _unit(node: VssNode) -> str:
    return f" {node.unit}" if node.unit else ""


def default_catalog_path() -> Path:
    from assets import VSS_CATALOG

    return VSS_CATALOG


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load the signal catalog (the product's own by default); raises :class:`CatalogError`."""
    path = Path(path) if path is not None else default_catalog_path()
    try:
        mapping = load_mapping(path)
    except MappingError as exc:
        raise CatalogError(exc.what, where=exc.where, fix=exc.fix) from None
    return Catalog(nodes=dict(mapping.nodes), path=path)
