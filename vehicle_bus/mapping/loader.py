"""Read Eclipse KUKSA can-provider mapping files, unchanged, in both of their forms.

- the nested VSS JSON tree (``vss_dbc.json``): branches ``{"type": "branch", "children": {...}}`` down to
  signal nodes; a dict without ``type`` is walked into, as kuksa-can-provider's mapper does;
- flat dotted-path YAML overlays (``.vspec``, ``.yaml``, ``.yml``): ``Vehicle.Speed: {type: ..., ...}``.

The checks are KUKSA's (``dbc2vssmapper.py``), but each failure is a :class:`MappingError` naming the place
(``file:line`` for YAML, ``file: Vehicle.Path`` for JSON) instead of a log line and ``sys.exit``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import MappingError
from .model import SIGNAL_TYPES, Dbc2VssRule, Mapping, MuxCondition, Transform, Vss2DbcRule, VssNode
from .transform import compile_transform

DEFAULT_INTERVAL_MS = 1000
_JSON_SUFFIXES = (".json",)
_YAML_SUFFIXES = (".vspec", ".yaml", ".yml")
_DBC2VSS_KEYS = {"signal", "interval_ms", "on_change", "transform", "multiplexer"}
_VSS2DBC_KEYS = {"signal", "transform"}
_TRANSFORM_KEYS = {"math", "mapping"}
_MAPPING_KEYS = ("dbc", "dbc2vss", "vss2dbc")


def load_mapping(path: str | Path) -> Mapping:
    """Load one KUKSA mapping file (JSON tree or YAML overlay, chosen by suffix, else by content)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MappingError("mapping file not found", where=str(path), fix="Check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"cannot read mapping file: {exc}", where=str(path)) from None
    suffix = path.suffix.lower()
    as_json = suffix in _JSON_SUFFIXES or (suffix not in _YAML_SUFFIXES and text.lstrip().startswith("{"))
    reader = _Reader(path, yaml_lines=not as_json)
    if as_json:
        reader.read_json(_parse_json(text, path))
    else:
        from .yaml_lines import parse_yaml  # PyYAML when a YAML file is read, not in every CLI start

        data, duplicates = parse_yaml(text, path)
        for key, first, second in duplicates:
            # KUKSA's own VSS 3.0 example gives one door twice; its tools keep the last, as YAML does.
            reader.warn(
                f"{path}:{second}",
                f"{key} appears twice (lines {first} and {second}); the last one is used, as YAML and "
                "KUKSA's tools do",
            )
        reader.read_overlay(data)
    if not reader.mapping.nodes:
        raise MappingError(
            "the file describes no VSS signals",
            where=str(path),
            fix="Give VSS signal entries with type and datatype (a KUKSA vss_dbc.json or a .vspec overlay)",
        )
    return reader.mapping


def merge_mappings(mappings: list[Mapping]) -> Mapping:
    """Combine several mappings (e.g. one per DBC); a VSS path mapped twice is a :class:`MappingError`.

    Node metadata of later files overrides earlier ones (as VSS overlays do); rules keep file order.
    """
    if not mappings:
        return Mapping(path=Path())
    merged = Mapping(path=mappings[0].path)
    seen: dict[str, str] = {}
    seen_out: dict[str, str] = {}
    for m in mappings:
        merged.nodes.update(m.nodes)
        for rule in m.dbc2vss:
            _claim(seen, rule.vss_path, rule.where, "dbc2vss")
            merged.dbc2vss.append(rule)
        for path, out in m.vss2dbc.items():
            _claim(seen_out, path, out.where, "vss2dbc")
            merged.vss2dbc[path] = out
        merged.warnings.extend(m.warnings)
    return merged


def _claim(seen: dict[str, str], vss_path: str, where: str, kind: str) -> None:
    first = seen.get(vss_path)
    if first is not None:
        raise MappingError(
            f"{vss_path} has {kind} twice: at {first} and at {where}",
            where=where,
            fix="Each VSS signal may be fed by one mapping entry; remove one of them",
        )
    seen[vss_path] = where


# --- parsing --------------------------------------------------------------------------------------


class MarkedDict(dict):
    """A YAML mapping that remembers the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]


class MarkedList(list):
    line: int = 0


def _parse_json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise too_deep(path) from None
    except json.JSONDecodeError as exc:
        raise MappingError(
            f"not valid JSON: {exc.msg} (column {exc.colno})", where=f"{path}:{exc.lineno}"
        ) from None


# A VSS tree is about 10 levels deep; far deeper nesting is a broken or hostile file, and the readers here
# (and Python's JSON and YAML parsers) recurse per level.
MAX_DEPTH = 100


def too_deep(path: Path) -> MappingError:
    return MappingError(
        f"nested too deeply (more than {MAX_DEPTH} levels; a VSS tree has about 10)",
        where=str(path),
        fix="Check the file is a VSS mapping",
    )


# --- interpretation -------------------------------------------------------------------------------


class _Reader:
    def __init__(self, path: Path, yaml_lines: bool) -> None:
        self.file = str(path)
        self.yaml_lines = yaml_lines
        self.mapping = Mapping(path=path)
        self._node_where: dict[str, str] = {}

    def where(self, vss_path: str, d: Any = None, key: str | None = None) -> str:
        """``file:line`` of ``key`` in ``d`` (or of ``d``) for YAML; ``file: vss_path`` for JSON."""
        if self.yaml_lines and isinstance(d, (MarkedDict, MarkedList)):
            line = d.line
            if key is not None and isinstance(d, MarkedDict):
                line = d.key_lines.get(key, line)
            return f"{self.file}:{line}"
        return f"{self.file}: {vss_path}"

    def warn(self, where: str, text: str) -> None:
        self.mapping.warnings.append(f"{where}: {text}")

    # JSON: KUKSA's traversal. A signal node ends the walk, a branch prefixes its children, a dict without
    # ``type`` is walked into with the same prefix.
    def read_json(self, data: Any) -> None:
        if not isinstance(data, dict):
            raise MappingError(
                "a VSS JSON mapping must be an object (the VSS tree)",
                where=self.file,
                fix="Use vss_dbc.json form",
            )
        self._walk(data, "", "")

    def _walk(self, obj: Any, name: str, prefix: str, depth: int = 0) -> None:
        if not isinstance(obj, dict):
            return
        if depth > MAX_DEPTH:
            raise too_deep(Path(self.file))
        kind = obj.get("type")
        if kind in SIGNAL_TYPES:
            self._signal(prefix + name, obj)
        elif kind == "branch":
            children = obj.get("children")
            if isinstance(children, dict):
                inner = f"{prefix}{name}." if name else prefix
                for child_name, child in children.items():
                    self._walk(child, child_name, inner, depth + 1)
        elif kind is None:
            if any(k in obj for k in _MAPPING_KEYS):
                path = prefix + name
                self.warn(f"{self.file}: {path}", "has a DBC mapping but no 'type'; ignored (as KUKSA does)")
            for child_name, child in obj.items():
                self._walk(child, child_name, prefix, depth + 1)

    def read_overlay(self, data: Any) -> None:
        if data is None:
            return
        if not isinstance(data, dict):
            raise MappingError(
                "a VSS overlay must map dotted VSS paths to their attributes",
                where=self.where("", data),
                fix="Write entries like 'Vehicle.Speed:' followed by type, datatype, dbc2vss",
            )
        for path, node in data.items():
            where = self.where(str(path), data, path)
            if not isinstance(path, str) or not path or any(not part.strip() for part in path.split(".")):
                raise MappingError(
                    f"{path!r} is not a dotted VSS path", where=where, fix="e.g. Vehicle.Speed"
                )
            if node is None:
                continue
            if not isinstance(node, dict):
                raise MappingError(
                    f"{path} must be followed by its attributes (type, datatype, ...)", where=where
                )
            kind = node.get("type")
            if kind in SIGNAL_TYPES:
                self._signal(path, node)
            elif any(k in node for k in _MAPPING_KEYS):
                raise MappingError(
                    f"{path} has a DBC mapping but " + (f"type {kind!r}" if "type" in node else "no type"),
                    where=self.where(path, node, "type") if "type" in node else where,
                    fix="Set type: sensor, actuator or attribute (and datatype)",
                )

    def _signal(self, path: str, node: dict) -> None:
        where = self.where(path, node)
        has_rules = any(k in node for k in _MAPPING_KEYS)
        datatype = node.get("datatype")
        if not isinstance(datatype, str) or not datatype:
            if has_rules:
                raise MappingError(
                    f"{path} has a DBC mapping but no datatype", where=where, fix="Add e.g. 'datatype: float'"
                )
            return
        if path in self._node_where:
            raise MappingError(
                f"{path} appears twice: at {self._node_where[path]} and at {where}",
                where=where,
                fix="Keep one entry for each VSS signal",
            )
        self._node_where[path] = where
        vss = VssNode(
            path=path,
            type=node["type"],
            datatype=datatype,
            unit=_opt_str(node.get("unit")),
            min=self._number(path, node, "min"),
            max=self._number(path, node, "max"),
            allowed=tuple(node["allowed"]) if isinstance(node.get("allowed"), list) else None,
            description=_opt_str(node.get("description")) or "",
        )
        self.mapping.nodes[path] = vss

        if "dbc" in node and "dbc2vss" in node:
            raise MappingError(
                f"{path} has both 'dbc' and 'dbc2vss'",
                where=self.where(path, node, "dbc"),
                fix="'dbc' is an old synonym of 'dbc2vss'; keep one",
            )
        key = "dbc2vss" if "dbc2vss" in node else "dbc" if "dbc" in node else None
        if key is not None:
            self.mapping.dbc2vss.append(self._dbc2vss(path, node[key], self.where(path, node, key), key))
        if "vss2dbc" in node:
            out_where = self.where(path, node, "vss2dbc")
            if vss.type != "actuator":
                # Only actuators have targets to send. One such entry in a published example must not cost
                # the whole file: the entry is left out, the node and its dbc2vss stay.
                self.warn(
                    out_where,
                    f"{path}: vss2dbc on a {vss.type} ignored; only actuators have targets to send",
                )
                return
            self.mapping.vss2dbc[path] = self._vss2dbc(path, node["vss2dbc"], out_where)

    def _number(self, path: str, node: dict, key: str) -> float | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise MappingError(f"{path}: {key} {value!r} is not a number", where=self.where(path, node, key))
        return value

    def _dbc2vss(self, path: str, spec: Any, where: str, key: str) -> Dbc2VssRule:
        if not isinstance(spec, dict):
            raise MappingError(
                f"{path}: {key} must be a mapping with at least 'signal'",
                where=where,
                fix="e.g. signal: NAME",
            )
        signal = self._signal_name(path, spec, where, key)
        transform = self._transform(path, spec, where)
        on_change = spec.get("on_change", False)
        if not isinstance(on_change, bool):
            raise MappingError(
                f"{path}: on_change {on_change!r} is not true or false",
                where=self.where(path, spec, "on_change"),
                fix="Write on_change: true or on_change: false",
            )
        if "interval_ms" in spec:
            interval = spec["interval_ms"]
            if isinstance(interval, bool) or not isinstance(interval, int):
                raise MappingError(
                    f"{path}: interval_ms {interval!r} is not an integer",
                    where=self.where(path, spec, "interval_ms"),
                    fix="Give milliseconds as a whole number, e.g. interval_ms: 100",
                )
            if interval < 0:
                raise MappingError(
                    f"{path}: interval_ms {interval} is negative",
                    where=self.where(path, spec, "interval_ms"),
                    fix="Use 0 for every frame",
                )
        else:
            # KUKSA: no condition means 1000 ms; on_change alone means every change (0 ms).
            interval = 0 if on_change else DEFAULT_INTERVAL_MS
        multiplexer = self._multiplexer(path, spec, where) if "multiplexer" in spec else ()
        self._unknown_keys(path, spec, _DBC2VSS_KEYS, key, where)
        return Dbc2VssRule(
            vss_path=path,
            signal=signal,
            interval_ms=interval,
            on_change=on_change,
            transform=transform,
            multiplexer=multiplexer,
            where=where,
        )

    def _vss2dbc(self, path: str, spec: Any, where: str) -> Vss2DbcRule:
        if not isinstance(spec, dict):
            raise MappingError(
                f"{path}: vss2dbc must be a mapping with at least 'signal'",
                where=where,
                fix="e.g. signal: NAME",
            )
        signal = self._signal_name(path, spec, where, "vss2dbc")
        transform = self._transform(path, spec, where)
        for ignored in ("interval_ms", "on_change", "multiplexer"):
            if ignored in spec:
                self.warn(
                    self.where(path, spec, ignored),
                    f"{path}: '{ignored}' on vss2dbc is ignored (targets are sent when set, as in KUKSA)",
                )
        self._unknown_keys(
            path, spec, _VSS2DBC_KEYS | {"interval_ms", "on_change", "multiplexer"}, "vss2dbc", where
        )
        return Vss2DbcRule(vss_path=path, signal=signal, transform=transform, where=where)

    def _signal_name(self, path: str, spec: dict, where: str, key: str) -> str:
        signal = spec.get("signal")
        if signal is None or signal == "":
            raise MappingError(
                f"{path}: {key} has no 'signal'",
                where=where,
                fix="Name the DBC signal, e.g. signal: VehicleSpeed",
            )
        if not isinstance(signal, str):
            raise MappingError(
                f"{path}: signal {signal!r} is not a DBC signal name", where=self.where(path, spec, "signal")
            )
        return signal.strip()

    def _transform(self, path: str, spec: dict, where: str) -> Transform | None:
        if "transform" not in spec:
            return None
        tr = spec["transform"]
        at = self.where(path, spec, "transform")
        if not isinstance(tr, dict):
            raise MappingError(
                f"{path}: transform must contain 'math' or 'mapping'",
                where=at,
                fix="e.g. transform: {math: 'x*2'}",
            )
        if "math" in tr and "mapping" in tr:
            raise MappingError(
                f"{path}: transform has both 'math' and 'mapping'", where=at, fix="Give exactly one of them"
            )
        if "math" in tr:
            expr = tr["math"]
            math_at = self.where(path, tr, "math")
            if not isinstance(expr, str):
                raise MappingError(
                    f"{path}: math transform {expr!r} must be text", where=math_at, fix="Quote the expression"
                )
            t = Transform(math=expr)
            compile_transform(t, math_at)
        elif "mapping" in tr:
            t = Transform(mapping=self._pairs(path, tr, self.where(path, tr, "mapping")))
            compile_transform(t, self.where(path, tr, "mapping"))
        else:
            raise MappingError(
                f"{path}: unsupported transform (neither 'math' nor 'mapping')",
                where=at,
                fix="Use transform: {math: EXPRESSION} or transform: {mapping: [{from: A, to: B}, ...]}",
            )
        self._unknown_keys(path, tr, _TRANSFORM_KEYS, "transform", at)
        return t

    def _pairs(self, path: str, tr: dict, at: str) -> tuple[tuple[Any, Any], ...]:
        items = tr["mapping"]
        if not isinstance(items, list):
            raise MappingError(
                f"{path}: transform mapping must be a list of from/to entries",
                where=at,
                fix="Write mapping: [{from: A, to: B}, ...]",
            )
        pairs = []
        for item in items:
            item_at = self.where(path, item) if isinstance(item, dict) else at
            if not isinstance(item, dict) or "from" not in item or "to" not in item:
                raise MappingError(
                    f"{path}: mapping entry {_plain(item)!r} needs both 'from' and 'to'",
                    where=item_at,
                    fix="Write each entry as {from: DBC_VALUE, to: VSS_VALUE}",
                )
            pairs.append((item["from"], item["to"]))
        return tuple(pairs)

    def _multiplexer(self, path: str, spec: dict, where: str) -> tuple[MuxCondition, ...]:
        items = spec["multiplexer"]
        at = self.where(path, spec, "multiplexer")
        if items is None:
            return ()
        if not isinstance(items, list):
            raise MappingError(
                f"{path}: multiplexer must be a list of {{signal, value}} entries",
                where=at,
                fix="Write multiplexer: [{signal: SELECTOR, value: 0}]",
            )
        conditions = []
        for item in items:
            item_at = self.where(path, item) if isinstance(item, dict) else at
            if not isinstance(item, dict) or not item.get("signal"):
                raise MappingError(
                    f"{path}: multiplexer entry has no 'signal'",
                    where=item_at,
                    fix="Name the selector signal",
                )
            if "value" not in item:
                raise MappingError(
                    f"{path}: multiplexer entry for {item['signal']} has no 'value'",
                    where=item_at,
                    fix="Give the selector value as an integer",
                )
            value = item["value"]
            if isinstance(value, bool) or not isinstance(value, int):
                raise MappingError(
                    f"{path}: multiplexer value {value!r} for {item['signal']} is not an integer",
                    where=self.where(path, item, "value"),
                    fix="Write the selector value without quotes, e.g. value: 0",
                )
            conditions.append(MuxCondition(signal=str(item["signal"]).strip(), value=value))
        return tuple(conditions)

    def _unknown_keys(self, path: str, spec: dict, known: Iterable[str], block: str, where: str) -> None:
        for key in spec:
            if key not in known:
                self.warn(self.where(path, spec, key), f"{path}: unknown key '{key}' in {block} ignored")


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None if value is None else str(value)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return list(value)
    return value
