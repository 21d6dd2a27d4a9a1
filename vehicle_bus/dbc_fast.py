"""A fast reader for the common subset of DBC, for files of thousands of messages.

cantools parses a DBC with a general tokenizer and grammar: about 1 ms per message here, so a gateway DBC of
20,000 messages takes 15-25 s before anything can start. Such files are generated and plain: messages and
signals, value tables, comments, a few attributes. This reader takes those statements line by line with
regular expressions and builds the same cantools objects (so everything downstream is unchanged); the
moment it meets anything else (extended multiplexing, CAN FD frame formats, a statement it does not know,
a line it cannot read) it returns None and the caller lets cantools parse the file, defects and all.
``tests/vehicle_bus/test_dbc_fast.py`` checks it gives what cantools gives.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from cantools.database.can import Message, Signal
from cantools.database.conversion import BaseConversion

_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_BO = re.compile(r"BO_\s+(\d+)\s+(\w+)\s*:\s*(\d+)\s+(\w+)\s*$")
_SG = re.compile(
    rf"SG_\s+(\w+)\s*(M|m\d+)?\s*:\s*(\d+)\|(\d+)@([01])([+-])\s*\(\s*({_NUMBER})\s*,\s*({_NUMBER})\s*\)\s*"
    rf"\[\s*({_NUMBER})\s*\|\s*({_NUMBER})\s*\]\s*\"([^\"]*)\"\s*(.*?)\s*$"
)
_VAL = re.compile(r"VAL_\s+(\d+)\s+(\w+)\s+((?:-?\d+\s+\"[^\"]*\"\s*)*);\s*$")
_VAL_PAIR = re.compile(r"(-?\d+)\s+\"([^\"]*)\"")
_CM = re.compile(
    r"CM_\s+(?:(BO_)\s+(\d+)\s+|(SG_)\s+(\d+)\s+(\w+)\s+|(?:BU_|EV_)\s+\w+\s+)?\"((?:[^\"\\]|\\.)*)\"\s*;\s*$",
    re.S,
)
_BA = re.compile(
    rf"BA_\s+\"(\w+)\"\s+(?:BO_\s+(\d+)|SG_\s+(\d+)\s+(\w+)|BU_\s+\w+|EV_\s+\w+)?\s*({_NUMBER}|\"[^\"]*\")\s*;\s*$"
)
_BA_DEF_DEF = re.compile(rf"BA_DEF_DEF_\s+\"(\w+)\"\s+({_NUMBER}|\"[^\"]*\")\s*;\s*$")
_SIG_VALTYPE = re.compile(r"SIG_VALTYPE_\s+(\d+)\s+(\w+)\s*:\s*([12])\s*;\s*$")
# Statements read here, and those safely ignored (they carry nothing the product uses).
_IGNORED = (
    "VERSION",
    "BS_",
    "BU_",
    "BA_DEF_ ",
    "BA_DEF_REL_",
    "BA_DEF_DEF_REL_",
    "BA_REL_",
    "BO_TX_BU_",
    "VAL_TABLE_",
    "NS_DESC_",
)
_ATTRIBUTES = {"GenMsgCycleTime", "GenSigStartValue"}
_CONVERSIONS: dict[tuple[str, str, bool], BaseConversion] = {}


class _LazyMessage(Message):
    """A cantools message that compiles its bit codec when first used rather than when built.

    cantools compiles every message's codec in ``Message.__init__`` and again in every
    ``Database.refresh()`` (about 0.3 ms each); a 20,000-message file spends seconds on codecs for
    messages that never occur. Here ``refresh`` only drops them; ``_codecs`` and ``_signal_tree`` (the
    names cantools' own methods read) are built on first access, so decoding and encoding are unchanged.
    """

    @property
    def _codecs(self) -> Any:
        codecs = self.__dict__.get("_lazy_codecs")
        if codecs is None:
            codecs = self.__dict__["_lazy_codecs"] = self._create_codec()
        return codecs

    @_codecs.setter
    def _codecs(self, value: Any) -> None:
        self.__dict__["_lazy_codecs"] = value

    @property
    def _signal_tree(self) -> Any:
        tree = self.__dict__.get("_lazy_tree")
        if tree is None:
            tree = self.__dict__["_lazy_tree"] = self._create_signal_tree(self._codecs)
        return tree

    @_signal_tree.setter
    def _signal_tree(self, value: Any) -> None:
        self.__dict__["_lazy_tree"] = value

    def refresh(self, strict: bool | None = None) -> None:
        if "_signal_dict" not in self.__dict__:  # lengths were checked when built; refreshes only re-index
            self._check_signal_lengths()
        self._codecs = None
        self._signal_tree = None
        self._signal_dict = {signal.name: signal for signal in self._signals}


def _num(text: str) -> int | float:
    # As cantools: an integral literal is an int (so a factor of 1 keeps integer values integers).
    try:
        return int(text)
    except ValueError:
        return float(text)


def load_dbc_fast(text: str) -> list[Message] | None:
    """The messages of ``text``, or None when the file needs cantools' full parser."""
    messages: list[dict[str, Any]] = []
    by_id: dict[int, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    comments: dict[tuple, str] = {}
    attributes: dict[tuple, int | float] = {}
    defaults: dict[str, int | float] = {}
    values: dict[tuple[int, str], OrderedDict] = {}
    floats: dict[tuple[int, str], int] = {}
    lines = text.splitlines()
    i, n = 0, len(lines)
    while i < n:
        raw = lines[i]
        line = raw.strip()
        i += 1
        if not line:
            current = None if not raw.startswith((" ", "\t")) else current
            continue
        if raw[0] in " \t":
            if current is None or not line.startswith("SG_"):
                if current is None and (line.endswith(":") or re.fullmatch(r"\w+", line)):
                    continue  # the NS_ block's names
                return None
            sg = _SG.match(line)
            if sg is None:
                return None
            current["signals"].append(sg.groups())
            continue
        current = None
        if line.startswith("BO_ "):
            bo = _BO.match(line)
            if bo is None:
                return None
            current = {
                "id": int(bo.group(1)),
                "name": bo.group(2),
                "length": int(bo.group(3)),
                "sender": bo.group(4),
                "signals": [],
            }
            messages.append(current)
            by_id[current["id"]] = current
        elif line.startswith("CM_"):
            statement = raw.lstrip()  # a comment keeps its trailing spaces, as cantools keeps them
            while not _CM.match(statement):
                if i >= n or len(statement) > 100_000:
                    return None
                statement += "\n" + lines[i]
                i += 1
            cm = _CM.match(statement)
            text_ = cm.group(6).replace('\\"', '"')
            if cm.group(1):
                comments[("BO_", int(cm.group(2)))] = text_
            elif cm.group(3):
                comments[("SG_", int(cm.group(4)), cm.group(5))] = text_
        elif line.startswith("VAL_ "):
            val = _VAL.match(line)
            if val is None:
                return None
            pairs = OrderedDict((int(k), v) for k, v in _VAL_PAIR.findall(val.group(3)))
            values[(int(val.group(1)), val.group(2))] = pairs
        elif line.startswith("BA_DEF_DEF_ "):
            dd = _BA_DEF_DEF.match(line)
            if dd is None:
                return None
            if dd.group(1) in _ATTRIBUTES:
                defaults[dd.group(1)] = _num(dd.group(2))
        elif line.startswith("BA_ "):
            ba = _BA.match(line)
            if ba is None:
                return None
            name, value = ba.group(1), ba.group(5)
            if name == "VFrameFormat":
                return None  # CAN FD and J1939 frame formats: cantools knows what they mean
            if name in _ATTRIBUTES:
                if ba.group(2):
                    attributes[(name, int(ba.group(2)))] = _num(value)
                elif ba.group(3):
                    attributes[(name, int(ba.group(3)), ba.group(4))] = _num(value)
        elif line.startswith("SIG_VALTYPE_ "):
            vt = _SIG_VALTYPE.match(line)
            if vt is None:
                return None
            floats[(int(vt.group(1)), vt.group(2))] = int(vt.group(3))
        elif line.startswith("NS_"):
            continue
        elif not line.startswith(_IGNORED):
            return None
    if not messages:
        return None
    return [_message(m, comments, attributes, defaults, values, floats) for m in messages]


def _message(
    m: dict[str, Any],
    comments: dict[tuple, str],
    attributes: dict[tuple, int | float],
    defaults: dict[str, int | float],
    values: dict[tuple[int, str], OrderedDict],
    floats: dict[tuple[int, str], int],
) -> Message:
    dbc_id = m["id"]
    mux_name = next((g[0] for g in m["signals"] if g[1] == "M"), None)
    signals = []
    for name, mux, start, length, order, sign, scale, offset, low, high, unit, receivers in m["signals"]:
        is_float = (dbc_id, name) in floats
        choices = values.get((dbc_id, name))
        if choices is None:
            # Without a value table a conversion is immutable: one object per (scale, offset, float).
            key = (scale, offset, is_float)
            conversion = _CONVERSIONS.get(key)
            if conversion is None:
                conversion = _CONVERSIONS[key] = BaseConversion.factory(
                    scale=_num(scale), offset=_num(offset), is_float=is_float
                )
        else:
            conversion = BaseConversion.factory(
                scale=_num(scale), offset=_num(offset), choices=choices, is_float=is_float
            )
        raw_initial = attributes.get(("GenSigStartValue", dbc_id, name))  # cantools ignores the default
        low_, high_ = _num(low), _num(high)
        signals.append(
            Signal(
                name=name,
                start=int(start),
                length=int(length),
                byte_order="little_endian" if order == "1" else "big_endian",
                is_signed=sign == "-",
                raw_initial=raw_initial,
                conversion=conversion,
                # As cantools: a [0|0] range means "not given".
                minimum=None if low_ == high_ == 0 else low_,
                maximum=None if low_ == high_ == 0 else high_,
                unit=unit or None,
                comment=comments.get(("SG_", dbc_id, name)),
                receivers=[r for r in receivers.replace(",", " ").split() if r != "Vector__XXX"],
                is_multiplexer=mux == "M",
                multiplexer_ids=[int(mux[1:])] if mux and mux != "M" else None,
                multiplexer_signal=mux_name if mux and mux != "M" else None,
            )
        )
    cycle = attributes.get(("GenMsgCycleTime", dbc_id), defaults.get("GenMsgCycleTime"))
    sender = m["sender"]
    return _LazyMessage(
        frame_id=dbc_id & 0x1FFFFFFF,
        name=m["name"],
        length=m["length"],
        signals=signals,
        comment=comments.get(("BO_", dbc_id)),
        senders=[] if sender == "Vector__XXX" else [sender],
        cycle_time=int(cycle) if cycle else None,
        is_extended_frame=bool(dbc_id & 0x80000000),
        strict=False,
    )
