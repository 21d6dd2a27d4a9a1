"""Load CAN databases (DBC and the other formats cantools reads) the way real files need it.

Reverse-engineered DBCs are messy: no ``BS_:``/``BU_:`` sections, overlapping signals, ``VAL_`` entries for
signals that do not exist, a syntax error in one message. cantools refuses such a file whole; here each defect
is mended or the one statement that carries it is left out, with one warning per defect, so the rest of the
file still decodes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cantools
from cantools.database.can import Database, Message, Signal
from cantools.database.utils import create_encode_decode_formats, decode_data

from .errors import DatabaseError
from .gc_pause import gc_paused

# cantools' own loaders for the non-DBC formats it reads.
_OTHER_FORMATS = {".arxml", ".kcd", ".sym", ".json", ".xml"}
_DBC_SUFFIXES = {".dbc"}
_MAX_REPAIRS = 200
_SYNTAX_AT = re.compile(r"line (\d+), column (\d+)")
# DBC keywords that start a statement; a repair blanks a statement from its keyword to its end.
_STATEMENT = re.compile(
    r"^(VERSION|NS_|BS_|BU_|BO_|SG_|CM_|BA_DEF_|BA_DEF_DEF_|BA_|VAL_|VAL_TABLE_|SIG_VALTYPE_|BO_TX_BU_|"
    r"SG_MUL_VAL_|EV_|ENVVAR_DATA_|SIG_GROUP_|SIGTYPE_VALTYPE_|BA_DEF_REL_|BA_REL_|BA_DEF_DEF_REL_|"
    r"BU_SG_REL_|BU_EV_REL_|BU_BO_REL_)\b"
)


@dataclass
class LoadedDatabase:
    """A cantools database plus what had to be mended or left out to load it."""

    db: Database
    files: list[Path]
    warnings: list[str] = field(default_factory=list)
    #: Harmless mends that change nothing decoded (missing empty sections, a non-UTF-8 encoding).
    notes: list[str] = field(default_factory=list)


def load_databases(paths: Iterable[str | Path]) -> LoadedDatabase:
    """Load and merge one or more database files into one cantools database.

    Raises :class:`DatabaseError` for a file that is missing or has nothing usable; defects that leave
    the rest of the file usable become warnings.
    """
    with gc_paused():
        return _load_databases(paths)


def _load_databases(paths: Iterable[str | Path]) -> LoadedDatabase:
    db = Database(strict=False)
    loaded = LoadedDatabase(db=db, files=[])
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise DatabaseError("database file not found", where=str(path), fix="Check the path")
        suffix = path.suffix.lower()
        if suffix in _DBC_SUFFIXES:
            _add_dbc(db, path, loaded.warnings, loaded.notes)
        elif suffix in _OTHER_FORMATS:
            _add_other(db, path)
        else:
            raise DatabaseError(
                f"unknown database format {suffix or '(no suffix)'}",
                where=str(path),
                fix="Give a .dbc, .arxml, .kcd or .sym file",
            )
        loaded.files.append(path)
    _warn_overlaps(db, loaded.warnings)
    _warn_strict_refusals(db, loaded.warnings)
    return loaded


def _read_text(path: Path, notes: list[str]) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Vector tools write cp1252; latin-1 maps every byte, so no DBC is refused for its encoding.
        notes.append(f"{path}: not UTF-8; read as Latin-1 (Vector tools write cp1252)")
        return data.decode("latin-1")


def _add_other(db: Database, path: Path) -> None:
    try:
        other = cantools.database.load_file(str(path), strict=False)
    except Exception as exc:  # cantools raises several unrelated types for bad input
        raise DatabaseError(f"cannot load database: {_first_line(exc)}", where=str(path)) from None
    if not isinstance(other, Database):
        raise DatabaseError("not a CAN database (diagnostics databases are not decoded)", where=str(path))
    for message in other.messages:
        db.messages.append(message)
    _add_nodes(db, other)
    db.refresh()


def _add_dbc(db: Database, path: Path, warnings: list[str], notes: list[str]) -> None:
    warned_before = len(warnings)
    original = _read_text(path, notes).splitlines()
    lines = _ensure_sections(original)
    if lines is not original:
        notes.append(f"{path}: no BS_:/BU_: section; empty ones added (cantools' grammar requires them)")
    messages = _fast_messages(lines)
    parsed = None
    if messages is None:
        parsed = _parse_repairing(lines, path, warnings)
        messages = parsed.messages
    if not messages:
        if len(warnings) > warned_before:
            # Everything that was there was left out as broken: nothing of the file is usable.
            raise DatabaseError(
                "no message could be loaded", where=str(path), fix="Fix the statements named above"
            )
        # A DBC of only nodes, comments or environment variables is valid (cantools loads it too).
        warnings.append(f"{path}: defines no messages, so nothing in it can be decoded")
    existing = {m.frame_id for m in db.messages}
    for message in messages:
        if (defect := _layout_defect(message)) is not None:
            warnings.append(f"{_line_of(lines, path, message, defect[0])}: {defect[1]}; message left out")
            continue
        if message.frame_id in existing:
            warnings.append(
                f"{path}: message {message.name} (0x{message.frame_id:x}) is defined in an earlier file; "
                "kept the earlier one"
            )
            continue
        db.messages.append(message)
    if parsed is not None:  # the fast reader (large files) reads no node list
        _add_nodes(db, parsed)
    db.refresh()


# cantools needs about 1 ms per message; from this many messages on, the fast reader is tried first.
_FAST_FROM_MESSAGES = 1000


def _fast_messages(lines: list[str]) -> list[Message] | None:
    if sum(1 for line in lines if line.startswith("BO_ ")) < _FAST_FROM_MESSAGES:
        return None
    from .dbc_fast import load_dbc_fast

    return load_dbc_fast("\n".join(lines))


def _parse_repairing(lines: list[str], path: Path, warnings: list[str]) -> Database:
    """cantools' parse, leaving out (with a warning) each statement it refuses."""
    for _ in range(_MAX_REPAIRS):
        candidate = Database(strict=False)
        try:
            candidate.add_dbc_string("\n".join(lines))
        except Exception as exc:  # textparser / cantools errors do not share a base class
            if "VAL_" in str(exc) and _blank_stray_values(lines, path, warnings):
                continue
            line_no = _error_line(exc)
            if line_no is None or not _blank_statement(lines, line_no - 1):
                raise DatabaseError(
                    f"cannot load DBC: {_first_line(exc)}",
                    where=f"{path}:{line_no}" if line_no else str(path),
                    fix="Fix the statement there or remove it",
                ) from None
            warnings.append(f"{path}:{line_no}: statement left out: {_first_line(exc)}")
            continue
        break
    else:
        raise DatabaseError(
            "too many syntax errors to repair", where=str(path), fix="Check the file is a DBC"
        )
    return candidate


def _layout_defect(message: Message) -> tuple[str, str] | None:
    """A signal no frame can hold (cantools loads it, then decoding fails): (signal name, why)."""
    for signal in message.signals:
        if signal.start < 0:
            return (
                signal.name,
                f"signal {signal.name} starts at bit {signal.start} (a start bit is 0 or more)",
            )
        if signal.length <= 0:
            return signal.name, f"signal {signal.name} is {signal.length} bits long"
    return None


def _line_of(lines: list[str], path: Path, message: Message, signal: str) -> str:
    """``file:line`` of ``signal``'s ``SG_`` line in ``message`` (``file`` if not found)."""
    in_message = False
    for number, line in enumerate(lines, start=1):
        if line.startswith("BO_ "):
            in_message = line.split()[1:2] == [
                str(message.frame_id | (0x80000000 if message.is_extended_frame else 0))
            ]
        elif in_message and re.match(rf"\s+SG_\s+{re.escape(signal)}\b", line):
            return f"{path}:{number}"
    return str(path)


def _add_nodes(db: Database, other: Database) -> None:
    known = {node.name for node in db.nodes}
    for node in other.nodes:
        if node.name not in known:
            known.add(node.name)
            db.nodes.append(node)


def _ensure_sections(lines: list[str]) -> list[str]:
    """Insert the empty ``BS_:``/``BU_:`` sections cantools' grammar requires and many files omit."""
    has_bs = any(line.startswith("BS_") for line in lines)
    has_bu = any(line.startswith("BU_") for line in lines)
    if has_bs and has_bu:
        return lines
    first = next(
        (i for i, line in enumerate(lines) if re.match(r"^(BU_|VAL_TABLE_|BO_|CM_|BA_)", line)), len(lines)
    )
    added = ([] if has_bs else ["BS_:"]) + ([] if has_bu else ["BU_:"])
    # Replace a blank line where possible so that line numbers in warnings still match the file.
    if first >= len(added) and all(not lines[first - k - 1].strip() for k in range(len(added))):
        out = list(lines)
        out[first - len(added) : first] = added
        return out
    return lines[:first] + added + lines[first:]


def _error_line(exc: Exception) -> int | None:
    match = _SYNTAX_AT.search(str(exc))
    return int(match.group(1)) if match else None


def _blank_statement(lines: list[str], index: int) -> bool:
    """Blank the statement around ``index`` (a whole ``BO_`` block for a message); False if nothing to do."""
    if not 0 <= index < len(lines):
        return False
    start = index
    while start > 0 and not _STATEMENT.match(lines[start].lstrip()):
        start -= 1
    head = lines[start].lstrip()
    if head.startswith(("VERSION", "NS_", "BS_", "BU_")) and not head.startswith(
        ("BU_SG_REL_", "BU_EV_REL_")
    ):
        return False  # a broken header means the file is not a DBC we can mend
    if head.startswith(("BO_", "SG_")):
        while start > 0 and not lines[start].startswith("BO_"):
            start -= 1
        end = start + 1
        while end < len(lines) and lines[end].startswith((" ", "\t")) and lines[end].strip():
            end += 1
    else:
        end = start
        while end < len(lines) and ";" not in lines[end]:
            end += 1
        end += 1
    if all(not line.strip() for line in lines[start:end]):
        return False
    for i in range(start, min(end, len(lines))):
        lines[i] = ""
    return True


def _blank_stray_values(lines: list[str], path: Path, warnings: list[str]) -> bool:
    """Blank ``VAL_`` entries for signals the file does not define (cantools refuses the file for them).

    Returns False when there was nothing to blank, so the caller reports the original error.
    """
    probe = Database(strict=False)
    try:
        probe.add_dbc_string("\n".join("" if line.startswith("VAL_ ") else line for line in lines))
    except Exception:
        return False
    known = {(m.frame_id, s.name) for m in probe.messages for s in m.signals}
    by_id = {m.frame_id for m in probe.messages}
    blanked = False
    for number, line in enumerate(lines, start=1):
        match = re.match(r"^VAL_\s+(\d+)\s+(\w+)", line)
        if not match:
            continue
        frame_id, signal = int(match.group(1)) & 0x1FFFFFFF, match.group(2)
        if (frame_id, signal) not in known:
            what = "message" if frame_id not in by_id else "signal"
            warnings.append(f"{path}:{number}: VAL_ for unknown {what} 0x{frame_id:x} {signal}; ignored")
            lines[number - 1] = ""
            blanked = True
    return blanked


def _warn_overlaps(db: Database, warnings: list[str]) -> None:
    for message in db.messages:
        for a, b in _overlapping_pairs(message):
            warnings.append(
                f"message {message.name} (0x{message.frame_id:x}): signals {a} and {b} overlap; "
                "both decoded from the same bits"
            )


def _warn_strict_refusals(db: Database, warnings: list[str]) -> None:
    """Say what cantools' strict load would refuse (a signal that does not fit its message, overlaps in a
    multiplexed message), so the tolerant load never hides a defect; overlaps were already named."""
    for message in db.messages:
        refusal = _strict_refusal(message)
        if refusal is not None:
            warnings.append(
                f"message {message.name} (0x{message.frame_id:x}): {refusal}; cantools' strict "
                "load refuses this; loaded anyway, but its frames may fail to decode"
            )


def _strict_refusal(message: Message) -> str | None:
    """cantools' strict check of ``message`` without compiling its codec unless it is multiplexed.

    Compiling every codec took seconds on a 20,000-message file (the fast reader compiles on first use);
    without multiplexing the strict check is only "every signal fits" plus the overlaps named already.
    """
    if any(signal.is_multiplexer for signal in message.signals):
        try:
            Message.refresh(message, strict=True)  # cantools' own check (and codec), also for lazy messages
        except Exception as exc:  # cantools.database.Error; anything else is a defect to report too
            return _first_line(exc).rstrip(".")
        return None
    size = 8 * message.length
    for signal in message.signals:
        if max(_signal_bits(signal), default=0) >= size:
            return f"The signal {signal.name} does not fit in message {message.name}"
    return None


def _overlapping_pairs(message: Message) -> list[tuple[str, str]]:
    if any(signal.is_multiplexer for signal in message.signals):
        return []  # multiplexed signals share bits by design (asked without compiling the message's codec)
    owner: dict[int, str] = {}
    pairs: list[tuple[str, str]] = []
    for signal in message.signals:
        for bit in _signal_bits(signal):
            other = owner.setdefault(bit, signal.name)
            if other != signal.name and (other, signal.name) not in pairs:
                pairs.append((other, signal.name))
    return pairs


FrameDecoder = Callable[[bytes], dict[str, Any]]


def frame_decoder(message: Message) -> FrameDecoder:
    """A function decoding ``message`` from frames of any length, keeping every signal whose bits are there.

    cantools packs a message's signals into one bit layout and cannot unpack overlapping signals at all;
    for such messages the signals are split into groups that do not overlap, each unpacked on its own.
    """

    def whole(data: bytes) -> dict[str, Any]:
        return message.decode(
            data, decode_choices=True, scaling=True, allow_truncated=True, allow_excess=True
        )

    if not _overlapping_pairs(message):
        return whole
    groups: list[tuple[list[Signal], set[int]]] = []
    for signal in message.signals:
        bits = set(_signal_bits(signal))
        for members, used in groups:
            if not bits & used:
                members.append(signal)
                used |= bits
                break
        else:
            groups.append(([signal], bits))
    length = message.length
    codecs = [(members, create_encode_decode_formats(members, length)) for members, _ in groups]

    def grouped(data: bytes) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for members, formats in codecs:
            out.update(decode_data(data, length, members, formats, True, True, True, True))
        return out

    return grouped


def _signal_bits(signal: Signal) -> range | list[int]:
    if signal.byte_order == "little_endian":
        return range(signal.start, signal.start + signal.length)
    # Big-endian (Motorola) start bit is the MSB in sawtooth numbering.
    bits = []
    bit = signal.start
    for _ in range(signal.length):
        bits.append(bit)
        bit = bit - 1 if bit % 8 else bit + 15
    return bits


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
