"""``cockpit dbc info FILE...``: a CAN database's contents, and what the tolerant loader left out."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cantools.database.can import Message, Signal

    from vehicle_bus.dbc import LoadedDatabase


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dbc", help="inspect CAN databases (DBC, ARXML, KCD, SYM)")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    info = verbs.add_parser(
        "info",
        help="messages, signals and nodes of a database, and what the tolerant loader skipped and why",
    )
    info.add_argument(
        "files", nargs="+", metavar="FILE", help="database file(s), merged as --dbc merges them"
    )
    info.add_argument("--json", action="store_true", help="machine-readable report")
    info.set_defaults(handler=run_info)


def run_info(args: argparse.Namespace) -> int:
    from vehicle_bus.dbc import load_databases

    loaded = load_databases(args.files)
    report = describe(loaded)
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_text(report))
    return 0


def describe(loaded: LoadedDatabase) -> dict[str, Any]:
    """The database as plain data: files, nodes, messages with their signals, and the loader's warnings."""
    messages = sorted(loaded.db.messages, key=lambda m: (m.frame_id, m.name))
    return {
        "files": [str(path) for path in loaded.files],
        "message_count": len(messages),
        "signal_count": sum(len(m.signals) for m in messages),
        "nodes": [node.name for node in loaded.db.nodes],
        "messages": [_message(m) for m in messages],
        "skipped": list(loaded.warnings),
        "mended": list(loaded.notes),
    }


def _message(message: Message) -> dict[str, Any]:
    return {
        "id": message.frame_id,
        "name": message.name,
        "extended": message.is_extended_frame,
        "fd": message.is_fd,
        "length": message.length,
        "senders": list(message.senders),
        "cycle_time_ms": message.cycle_time,
        "signals": [_signal(s) for s in message.signals],
    }


def _signal(signal: Signal) -> dict[str, Any]:
    return {
        "name": signal.name,
        "start": signal.start,
        "length": signal.length,
        "byte_order": signal.byte_order,
        "signed": signal.is_signed,
        "scale": signal.scale,
        "offset": signal.offset,
        "minimum": signal.minimum,
        "maximum": signal.maximum,
        "unit": signal.unit or "",
        "choices": {str(k): str(v) for k, v in (signal.choices or {}).items()},
        "multiplexer": signal.is_multiplexer,
        "multiplexer_ids": list(signal.multiplexer_ids or []),
        "receivers": list(signal.receivers),
    }


def _text(report: dict[str, Any]) -> str:
    lines = [
        f"{', '.join(report['files'])}: {_count(report['message_count'], 'message')}, "
        f"{_count(report['signal_count'], 'signal')}, {_count(len(report['nodes']), 'node')}",
        f"nodes: {', '.join(report['nodes']) or '(none)'}",
    ]
    for message in report["messages"]:
        width = 8 if message["extended"] else 3
        sender = f" from {', '.join(message['senders'])}" if message["senders"] else ""
        kind = " FD" if message["fd"] else ""
        size = _count(message["length"], "byte")
        signals = _count(len(message["signals"]), "signal")
        lines.append(f"0x{message['id']:0{width}X} {message['name']}: {size}{kind}{sender}, {signals}")
        for signal in message["signals"]:
            lines.append(f"    {_signal_line(signal)}")
    for key, title in (
        ("skipped", "left out, or loaded where cantools' strict load refuses"),
        ("mended", "mended"),
    ):
        lines.append(f"{title}: {len(report[key]) or 'nothing'}")
        lines += [f"    {text}" for text in report[key]]
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _signal_line(signal: dict[str, Any]) -> str:
    order = "LE" if signal["byte_order"] == "little_endian" else "BE"
    sign = "signed" if signal["signed"] else "unsigned"
    text = f"{signal['name']}: bit {signal['start']}, {_count(signal['length'], 'bit')} {order} {sign}"
    if signal["scale"] != 1 or signal["offset"] != 0:
        text += f", x{signal['scale']:g}{signal['offset']:+g}"
    if signal["minimum"] is not None or signal["maximum"] is not None:
        text += f", [{signal['minimum']}..{signal['maximum']}]"
    if signal["unit"]:
        text += f" {signal['unit']}"
    if signal["multiplexer"]:
        text += ", multiplexer"
    if signal["multiplexer_ids"]:
        text += f", when mux = {', '.join(map(str, signal['multiplexer_ids']))}"
    if signal["choices"]:
        text += f", {len(signal['choices'])} named values"
    return text
