"""YAML overlays parsed with the line of every mapping, sequence and key, for ``file:line`` messages.

Kept apart from :mod:`.loader` so that PyYAML is imported only when a YAML mapping is actually parsed: a
cached vehicle profile (and ``cockpit decode`` with it) never needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import MappingError
from .loader import MarkedDict, MarkedList, too_deep

# libyaml's parser when PyYAML has it (several times faster on a large overlay); its nodes carry marks too.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _MarkLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader whose mappings and sequences carry 1-based line numbers, and which reports duplicates."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[Any, int, int]] = []


def _construct_map(loader: _MarkLoader, node: yaml.MappingNode) -> MarkedDict:
    loader.flatten_mapping(node)
    d = MarkedDict()
    d.line = node.start_mark.line + 1
    d.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        line = key_node.start_mark.line + 1
        if key in d:
            loader.duplicates.append((key, d.key_lines[key], line))
        d[key] = loader.construct_object(value_node, deep=True)
        d.key_lines[key] = line
    return d


def _construct_seq(loader: _MarkLoader, node: yaml.SequenceNode) -> MarkedList:
    items = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    return items


_MarkLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_MarkLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def parse_yaml(text: str, path: Path) -> tuple[Any, list[tuple[Any, int, int]]]:
    """The YAML data, and every key given twice in one mapping as (key, first line, second line)."""
    loader = _MarkLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = exc.problem or exc.context or "syntax error"
        if "nesting depth" in problem:  # PyYAML 6.0.4 and later stop deep nesting themselves
            raise too_deep(path) from None
        raise MappingError(f"not valid YAML: {problem}", where=where, fix="Fix the YAML syntax") from None
    except yaml.YAMLError as exc:
        raise MappingError(f"not valid YAML: {exc}", where=str(path)) from None
    except RecursionError:
        raise too_deep(path) from None
    finally:
        loader.dispose()
    return data, loader.duplicates
