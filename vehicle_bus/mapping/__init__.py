"""DBC ↔ VSS mapping in the Eclipse KUKSA can-provider format, read unchanged.

``load_mapping`` reads a ``vss_dbc.json`` tree or a ``.vspec`` overlay, ``bind_mapping`` resolves its
signals in a cantools database, ``RuleGate`` runs KUKSA's time gate → transform → change gate per rule,
and ``to_vss`` / ``to_dbc`` convert single values.
"""

from .binding import BoundActuator, BoundMapping, BoundRule, bind_mapping
from .gates import RuleGate
from .loader import DEFAULT_INTERVAL_MS, load_mapping, merge_mappings
from .model import Dbc2VssRule, Mapping, MuxCondition, Transform, Vss2DbcRule, VssNode
from .transform import compile_transform, make_vss_converter, to_dbc, to_vss

__all__ = [
    "DEFAULT_INTERVAL_MS",
    "BoundActuator",
    "BoundMapping",
    "BoundRule",
    "Dbc2VssRule",
    "Mapping",
    "MuxCondition",
    "RuleGate",
    "Transform",
    "Vss2DbcRule",
    "VssNode",
    "bind_mapping",
    "compile_transform",
    "load_mapping",
    "make_vss_converter",
    "merge_mappings",
    "to_dbc",
    "to_vss",
]
