"""KUKSA ``transform`` evaluation: ``math`` expressions of ``x`` and ``mapping`` from→to lists.

``math`` is checked once, at load, against a whitelist (numbers, ``x``, ``E``, ``PI``, arithmetic,
comparisons and py-expression-eval's functions) and then evaluated by :mod:`simpleeval` on the tree parsed
at load, so nothing the file says ever reaches ``eval``. ``^`` means power, as in py-expression-eval.

Both directions share one compiled callable; it returns ``None`` when the value must be dropped (KUKSA:
"if transformation fails the received CAN signal will be ignored", and a ``mapping`` without a matching
``from`` is ignored too).
"""

from __future__ import annotations

import ast
import functools
import logging
import math
import operator as op
import threading
from collections.abc import Callable
from typing import Any

from cantools.database.namedsignalvalue import NamedSignalValue
from simpleeval import SimpleEval

from ..errors import MappingError
from .model import Transform

Converter = Callable[[Any], Any]

# py-expression-eval's functions as kuksa-can-provider uses them (math.pow and math.floor like there).
_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "floor": math.floor,
    "ceil": math.ceil,
    "round": round,
    "abs": abs,
    "sqrt": math.sqrt,
    "exp": math.exp,
    "log": math.log,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "asin": math.asin,
    "acos": math.acos,
    "atan": math.atan,
    "min": min,
    "max": max,
    "pow": math.pow,
}
# (fewest, most) positional arguments; None = any number. Checked at load so a typo fails early.
_ARITY: dict[str, tuple[int, int | None]] = {name: (1, 1) for name in _FUNCTIONS}
_ARITY.update({"round": (1, 2), "log": (1, 2), "min": (2, None), "max": (2, None), "pow": (2, 2)})
_CONSTANTS = {"E": math.e, "PI": math.pi}

# Power goes through math.pow: a float result, and OverflowError instead of an endless big-int power.
_OPERATORS: dict[type, Callable[..., Any]] = {
    ast.Add: op.add,
    ast.Sub: op.sub,
    ast.Mult: op.mul,
    ast.Div: op.truediv,
    ast.FloorDiv: op.floordiv,
    ast.Mod: op.mod,
    ast.Pow: math.pow,
    ast.USub: op.neg,
    ast.UAdd: op.pos,
    ast.Not: op.not_,
    ast.Eq: op.eq,
    ast.NotEq: op.ne,
    ast.Lt: op.lt,
    ast.LtE: op.le,
    ast.Gt: op.gt,
    ast.GtE: op.ge,
}
_MAX_EXPRESSION = 1000
_MEMO_SIZE = 512
_log = logging.getLogger(__name__)
_MISSING = object()
_MATH_FIX = (
    "Write an expression of x using numbers, + - * / % ^, comparisons and the functions "
    + ", ".join(_FUNCTIONS)
    + " (py-expression-eval, as KUKSA)"
)


def compile_transform(t: Transform, where: str, warn: bool = True) -> Callable[[Any], Any | None]:
    """Check ``t`` and return a callable ``raw -> value``; it returns ``None`` to drop the value.

    With ``warn``, the first value a ``math`` transform fails on is logged as a warning naming ``where``
    (once per compiled transform, so once per mapped signal); a ``mapping`` without a match is not a failure.

    Raises :class:`MappingError` (naming ``where``) for a transform with both or neither of ``math`` and
    ``mapping``, a ``math`` that is not a valid, allowed expression, or a ``mapping`` that is not pairs.
    """
    if (t.math is None) == (t.mapping is None):
        what = "both 'math' and 'mapping'" if t.math is not None else "neither 'math' nor 'mapping'"
        raise MappingError(f"transform has {what}", where=where, fix="Give exactly one of them")
    if t.math is not None:
        return _math_transform(t.math, _parse_math(t.math, where), where if warn else None)
    return _MappingTransform(t.mapping or (), where)


def make_vss_converter(
    t: Transform | None, datatype: str, where: str = "transform", warn: bool = True
) -> Converter:
    """The whole DBC→VSS value step for one rule: transform (or KUKSA's implicit conversion), then type.

    Without a transform a cantools ``NamedSignalValue`` becomes its name when the VSS datatype is
    ``string`` and its number otherwise (as kuksa-can-provider). Results are then converted to the VSS
    datatype where that loses nothing (1.0 → 1 for integer types, 0/1 → False/True for boolean, 3 → 3.0
    for float); anything else is passed on unchanged for the catalog check to judge.
    """
    coerce = _coercer(datatype)
    if t is None:
        as_name = datatype == "string"

        def implicit(raw: Any) -> Any:
            if isinstance(raw, NamedSignalValue):
                raw = raw.name if as_name else raw.value
            return coerce(raw)

        return implicit
    fn = compile_transform(t, where, warn)

    def transformed(raw: Any) -> Any:
        value = fn(raw)
        return None if value is None else coerce(value)

    return transformed


def to_vss(t: Transform | None, raw: Any, datatype: str) -> Any | None:
    """Convert one decoded DBC value to its VSS value (``None`` = drop); compiled transforms are cached."""
    return _cached_converter(t, datatype)(raw)


def to_dbc(t: Transform | None, value: Any) -> Any | None:
    """Convert a VSS actuator target to the DBC signal value for ``vss2dbc`` (``None`` = no equivalent)."""
    if t is None:
        return value
    return _cached_compile(t)(value)


@functools.lru_cache(maxsize=1024)
def _cached_converter(t: Transform | None, datatype: str) -> Converter:
    return make_vss_converter(t, datatype)


@functools.lru_cache(maxsize=1024)
def _cached_compile(t: Transform) -> Callable[[Any], Any | None]:
    return compile_transform(t, "transform")


def _math_transform(expression: str, tree: ast.AST, where: str | None = None) -> Callable[[Any], Any | None]:
    """A validated ``math`` expression, evaluated by one simpleeval instance on the tree parsed at load.

    A ``NamedSignalValue`` input is evaluated with its number (KUKSA's py-expression-eval would fail on
    it and drop the value); any other non-numeric input is dropped without evaluating. Errors during
    evaluation (division by zero, math domain, overflow) and non-finite results drop the value.
    """
    names: dict[str, Any] = {"x": 0, **_CONSTANTS}
    evaluator = SimpleEval(operators=_OPERATORS, functions=dict(_FUNCTIONS), names=names)
    # The evaluator reads ``x`` from shared state, so concurrent callers take turns.
    lock = threading.Lock()
    # CAN values are quantised and repeat (a slow signal sends the same raw value for seconds), and the
    # expression is a pure function of x: remembering recent results makes a repeat a dict lookup instead
    # of a tree walk. One memo per input type, so 1, 1.0 and True keep their own results.
    memos: dict[type, dict[Any, Any]] = {int: {}, float: {}, bool: {}}
    failures = [0]  # values the formula failed on (an exception or a non-finite result)

    def failed(x: Any, why: str) -> None:
        failures[0] += 1
        if failures[0] == 1 and where is not None:
            shown = repr(x) if len(repr(x)) <= 24 else repr(x)[:20] + "…"
            _log.warning(
                "%s: transform %r fails for x=%s (%s); such values are dropped", where, expression, shown, why
            )

    def evaluate(x: Any) -> Any | None:
        memo = memos.get(x.__class__)
        if memo is None:
            if isinstance(x, NamedSignalValue):
                x = x.value
            elif isinstance(x, bool):
                x = bool(x)
            elif isinstance(x, int):
                x = int(x)
            elif isinstance(x, float):
                x = float(x)
            else:
                return None
            memo = memos.get(x.__class__)
            if memo is None:
                return None
        result = memo.get(x, _MISSING)
        if result is not _MISSING:
            return result
        with lock:
            names["x"] = x
            try:
                result = evaluator.eval(expression, previously_parsed=tree)
            except Exception as exc:  # any failure of a user's formula on this value drops the value
                result = None
                failed(x, str(exc) or type(exc).__name__)
        if isinstance(result, float) and not math.isfinite(result):
            failed(x, f"gives {result}")
            result = None
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[x] = result
        return result

    evaluate.failures = failures  # type: ignore[attr-defined]
    return evaluate


class _MappingTransform:
    """``mapping`` as two lookups: names (strings) and numbers/booleans; the first matching entry wins.

    ``from`` matches like KUKSA's ``from == value``: a cantools ``NamedSignalValue`` equals its name, and
    we also let its raw number match a numeric ``from``. Python equality applies (``true`` matches 1).
    """

    __slots__ = ("_by_name", "_by_value", "pairs")

    def __init__(self, pairs: tuple[tuple[Any, Any], ...], where: str) -> None:
        self.pairs = pairs
        self._by_name: dict[str, Any] = {}
        self._by_value: dict[Any, Any] = {}
        for frm, to in pairs:
            for what, item in (("from", frm), ("to", to)):
                if not isinstance(item, (str, int, float)):
                    raise MappingError(
                        f"mapping '{what}' value {item!r} is not a number, text or true/false",
                        where=where,
                        fix="Use scalar from/to values",
                    )
            table = self._by_name if isinstance(frm, str) else self._by_value
            table.setdefault(frm, to)

    def __call__(self, raw: Any) -> Any | None:
        if isinstance(raw, NamedSignalValue):
            found = self._by_name.get(raw.name, _MISSING)
            return self._by_value.get(raw.value) if found is _MISSING else found
        if isinstance(raw, str):
            return self._by_name.get(raw)
        try:
            return self._by_value.get(raw)
        except TypeError:  # unhashable input cannot equal any scalar ``from``
            return None

    def __repr__(self) -> str:
        return f"<mapping of {len(self.pairs)}>"


def _parse_math(expression: str, where: str) -> ast.AST:
    if not isinstance(expression, str) or not expression.strip():
        raise MappingError("math transform is empty", where=where, fix=_MATH_FIX)
    if len(expression) > _MAX_EXPRESSION:
        raise MappingError(
            f"math expression is {len(expression)} characters long (at most {_MAX_EXPRESSION})", where=where
        )
    # py-expression-eval's ``^`` is power; Python's ``**`` has the same (highest, right-associative)
    # precedence, while Python's ``^`` (xor) would bind looser than ``+``.
    source = expression.strip().replace("^", "**")
    try:
        module = ast.parse(source, mode="exec")
    except (SyntaxError, ValueError) as exc:
        msg = getattr(exc, "msg", None) or str(exc)
        raise MappingError(
            f"math expression {expression!r} is not valid: {msg}", where=where, fix=_MATH_FIX
        ) from None
    if len(module.body) != 1 or not isinstance(module.body[0], ast.Expr):
        raise MappingError(
            f"math expression {expression!r} must be a single expression", where=where, fix=_MATH_FIX
        )
    tree = module.body[0]
    problem = _first_problem(tree.value)
    if problem:
        raise MappingError(f"math expression {expression!r}: {problem}", where=where, fix=_MATH_FIX)
    return tree


def _first_problem(node: ast.AST) -> str | None:
    """Why ``node`` is not allowed in a math expression, or ``None`` if it and its children are fine."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, (bool, int, float)):
            return None
        return f"constant {node.value!r} is not a number"
    if isinstance(node, ast.Name):
        if node.id == "x" or node.id in _CONSTANTS:
            return None
        if node.id in _FUNCTIONS:
            return f"function {node.id} must be called, e.g. {node.id}(x)"
        return f"unknown name '{node.id}' (only x, E and PI)"
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _OPERATORS:
            return f"operator {type(node.op).__name__} is not allowed"
        return _first_problem(node.left) or _first_problem(node.right)
    if isinstance(node, ast.UnaryOp):
        if type(node.op) not in _OPERATORS:
            return f"operator {type(node.op).__name__} is not allowed"
        return _first_problem(node.operand)
    if isinstance(node, ast.Compare):
        for cmp in node.ops:
            if type(cmp) not in _OPERATORS:
                return f"comparison {type(cmp).__name__} is not allowed"
        return _first_of([node.left, *node.comparators])
    if isinstance(node, ast.BoolOp):
        return _first_of(node.values)
    if isinstance(node, ast.IfExp):
        return _first_of([node.test, node.body, node.orelse])
    if isinstance(node, ast.Call):
        return _call_problem(node)
    if isinstance(node, ast.Attribute):
        return f"attribute access (.{node.attr}) is not allowed"
    if isinstance(node, ast.Subscript):
        return "indexing is not allowed"
    if isinstance(node, ast.Lambda):
        return "lambda is not allowed"
    return f"{type(node).__name__} is not allowed"


def _call_problem(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Attribute):
        return f"attribute access (.{node.func.attr}) is not allowed"
    if not isinstance(node.func, ast.Name):
        return "only the listed functions may be called"
    name = node.func.id
    if name not in _FUNCTIONS:
        return f"unknown function '{name}'"
    if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
        return f"{name}() takes plain positional arguments"
    low, high = _ARITY[name]
    if len(node.args) < low or (high is not None and len(node.args) > high):
        wanted = f"{low}" if low == high else f"at least {low}" if high is None else f"{low} to {high}"
        return f"{name}() takes {wanted} argument(s), not {len(node.args)}"
    return _first_of(node.args)


def _first_of(nodes: list[ast.expr]) -> str | None:
    for child in nodes:
        problem = _first_problem(child)
        if problem:
            return problem
    return None


_INT_TYPES = frozenset(("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"))


def _coercer(datatype: str) -> Callable[[Any], Any]:
    if datatype == "boolean":
        return _to_bool
    if datatype in _INT_TYPES:
        return _to_int
    if datatype in ("float", "double"):
        return _to_float
    return _same


def _to_bool(v: Any) -> Any:
    if type(v) is not bool and isinstance(v, (int, float)) and v in (0, 1):
        return bool(v)
    return v


def _to_int(v: Any) -> Any:
    if type(v) is float and v.is_integer():
        return int(v)
    return v


def _to_float(v: Any) -> Any:
    if type(v) is int:
        try:
            return float(v)
        except OverflowError:  # a DBC factor such as 1e308 scales past any float: no value to give
            return None
    return v


def _same(v: Any) -> Any:
    return v
