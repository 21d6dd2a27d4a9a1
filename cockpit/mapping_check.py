"""``cockpit mapping check``: does a KUKSA mapping fit a DBC, the signal catalog and (optionally) a log?

Everything is collected rather than raised, so one run lists every problem. Errors make ``report.ok``
false: the mapping names DBC signals the DBC lacks, a multiplexer selector outside the data signal's
message, a VSS path mapped twice, ``vss2dbc`` on something that is not an actuator, a datatype or unit that
disagrees with the catalog, a transform that drops every value of its signal's range. Warnings: paths the
catalog does not know, ambiguous signal names, ``mapping`` ``from`` names the DBC does not define, rules
whose frames never occur in the log. Notes: one DBC signal feeding several VSS paths.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from vehicle_bus.mapping import BoundRule, Mapping, bind_mapping

from .catalog import Catalog

if TYPE_CHECKING:
    import can
    from cantools.database.can import Database, Signal


@dataclass(frozen=True)
class Finding:
    """One thing the check found: a short ``kind`` for scripts, ``where`` (file:line) and a sentence."""

    kind: str
    where: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "where": self.where, "message": self.message}

    def line(self, severity: str) -> str:
        return f"{severity}: {self.where}: {self.message}" if self.where else f"{severity}: {self.message}"


@dataclass(frozen=True)
class RuleTraffic:
    """How often a mapped rule's frames occurred in the log (for a multiplexed rule: matching frames)."""

    vss_path: str
    signal: str
    message: str
    frame_id: int
    where: str
    frames: int
    hz: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "vss_path": self.vss_path,
            "signal": self.signal,
            "message": self.message,
            "frame_id": self.frame_id,
            "where": self.where,
            "frames": self.frames,
            "hz": None if self.hz is None else round(self.hz, 3),
        }


@dataclass
class MappingCheckReport:
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    traffic: list[RuleTraffic] = field(default_factory=list)
    frames_checked: int | None = None  # None: no log was given
    # What the DBC loader warned about (a message it left out, a section it skipped): counted in the verdict
    database_warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def never_seen(self) -> list[Finding]:
        return [f for f in self.warnings if f.kind == "never-seen"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "errors": [f.as_dict() for f in self.errors],
            "warnings": [f.as_dict() for f in self.warnings],
            "notes": [f.as_dict() for f in self.notes],
            "database_warnings": list(self.database_warnings),
            "frames_checked": self.frames_checked,
            "traffic": [t.as_dict() for t in self.traffic],
        }

    def lines(self) -> list[str]:
        out = [f"warning: {w}" for w in self.database_warnings]
        out += [f.line("error") for f in self.errors]
        out += [f.line("warning") for f in self.warnings]
        out += [f.line("note") for f in self.notes]
        if self.frames_checked is not None:
            out.append(f"traffic in the log ({self.frames_checked} frames):")
            for t in self.traffic:
                rate = f"{t.hz:.1f} Hz" if t.hz is not None else "-"
                out.append(
                    f"  {t.vss_path} <- {t.message}.{t.signal} ({t.frame_id:#x}): {t.frames} frames, {rate}"
                )
        verdict = "OK" if self.ok else "FAILED"
        out.append(
            f"mapping check {verdict}: {len(self.errors)} error(s), "
            f"{len(self.warnings) + len(self.database_warnings)} warning(s), "
            f"{len(self.notes)} note(s)"
        )
        return out


def check_mapping(
    mapping: Mapping,
    db: Database,
    catalog: Catalog,
    frames: Iterable[can.Message] | None = None,
) -> MappingCheckReport:
    """Check ``mapping`` against ``db`` and ``catalog``; with ``frames``, also how often each rule occurs."""
    report = MappingCheckReport()
    bound = bind_mapping(mapping, db, strict=False)
    where_of = {r.vss_path: r.where for r in mapping.dbc2vss}
    where_of.update({p: r.where for p, r in mapping.vss2dbc.items()})

    for where, reason in bound.unresolved:
        report.errors.append(Finding("missing-signal", where, reason))
    for where, reason in bound.errors:
        report.errors.append(Finding("multiplexer", where, reason))
    for note in bound.notes:
        path = note.split(":", 1)[0]
        report.warnings.append(Finding("ambiguous-signal", where_of.get(path, ""), note))
    for text in mapping.warnings:
        where, message = _split_where(text)
        report.warnings.append(Finding("ignored", where, message))

    _check_duplicates(mapping, bound.rules, report)
    _check_catalog(mapping, catalog, report)
    _check_value_names(bound, report)
    _check_dead_transforms(mapping, bound.rules, report)
    if frames is not None:
        _check_traffic(bound.rules, frames, report)
    return report


# Loader warnings read "file:line: text" (YAML) or "file: Vehicle.Path: text" (JSON).
_WHERE = re.compile(r"^(.+?:\d+|.+?: [A-Za-z_][\w.]*): (.*)$", re.S)


def _split_where(text: str) -> tuple[str, str]:
    match = _WHERE.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


def _check_duplicates(mapping: Mapping, rules: list[BoundRule], report: MappingCheckReport) -> None:
    places: dict[str, list[str]] = defaultdict(list)
    for rule in mapping.dbc2vss:
        places[rule.vss_path].append(rule.where)
    for path, wheres in places.items():
        if len(wheres) > 1:
            report.errors.append(
                Finding(
                    "duplicate-path", wheres[1], f"{path} is mapped {len(wheres)} times: {', '.join(wheres)}"
                )
            )
    # One DBC signal feeding several paths is normal (KUKSA's own example maps DI_gear twice); different
    # multiplexer conditions on it are the multiplexing feature itself, so only same-condition fans are noted.
    feeds: dict[tuple[int, str, tuple], list[BoundRule]] = defaultdict(list)
    for b in rules:
        feeds[(b.frame_id, b.signal, b.mux)].append(b)
    for (frame_id, signal, _), group in feeds.items():
        if len(group) > 1:
            paths = ", ".join(b.rule.vss_path for b in group)
            report.notes.append(
                Finding(
                    "shared-signal",
                    group[0].rule.where,
                    f"{group[0].message.name}.{signal} ({frame_id:#x}) feeds {len(group)} VSS paths: {paths}",
                )
            )


def _check_catalog(mapping: Mapping, catalog: Catalog, report: MappingCheckReport) -> None:
    mapped = [(r.vss_path, r.where) for r in mapping.dbc2vss]
    mapped += [(p, r.where) for p, r in mapping.vss2dbc.items() if p not in {m[0] for m in mapped}]
    for path, where in mapped:
        ours = mapping.nodes.get(path)
        known = catalog.get(path)
        if known is None:
            report.warnings.append(
                Finding(
                    "not-in-catalog", where, f"{path} is not in the signal catalog; nothing checks its values"
                )
            )
            continue
        if ours is None:
            continue
        if ours.datatype != known.datatype:
            report.errors.append(
                Finding(
                    "datatype-mismatch",
                    where,
                    f"{path} is {ours.datatype} in the mapping but {known.datatype} in the catalog",
                )
            )
        if ours.unit is not None and ours.unit != known.unit:
            report.errors.append(
                Finding(
                    "unit-mismatch",
                    where,
                    f"{path} is in {ours.unit} in the mapping but {known.unit or 'unitless'} in the catalog",
                )
            )
    for path, rule in mapping.vss2dbc.items():
        ours = mapping.nodes.get(path)
        known = catalog.get(path)
        kinds = {n.type for n in (ours, known) if n is not None}
        if kinds - {"actuator"}:
            what = (
                known.type if known is not None and known.type != "actuator" else ours.type if ours else "?"
            )
            report.errors.append(
                Finding(
                    "vss2dbc-not-actuator",
                    rule.where,
                    f"{path} has vss2dbc but is a {what}; only actuators may be sent to the vehicle",
                )
            )


# Values tried across a signal's DBC range to find a conversion that drops every one of them.
_SAMPLES = 65


def _check_dead_transforms(mapping: Mapping, rules: list[BoundRule], report: MappingCheckReport) -> None:
    """A ``math`` transform (or a DBC scaling) that drops every value of the signal's range is an error.

    KUKSA drops a value its formula fails on (``x/0``, ``log(0)``, an overflow); a formula that fails for
    *every* value would decode nothing, in silence. Checked on values spread over the DBC range
    (``[min|max]``, else what the bits can hold), plus 0 and ±1 where the range has them.
    """
    from vehicle_bus.mapping.transform import make_vss_converter

    for b in rules:
        t = b.rule.transform
        if t is not None and t.math is None:
            continue  # a value table without a match drops by design
        signal = b.message.get_signal_by_name(b.signal)
        node = mapping.nodes.get(b.rule.vss_path)
        datatype = node.datatype if node is not None else "float"
        samples = _range_samples(signal)
        try:
            convert = make_vss_converter(t, datatype, b.rule.where, warn=False)
            if any(convert(x) is not None for x in samples):
                continue
        except Exception:  # a transform that cannot even be built was reported by the loader
            continue
        what = f"transform {t.math!r}" if t is not None else f"DBC scaling of {signal.name}"
        low, high = samples[0], samples[-1]
        report.errors.append(
            Finding(
                "dead-transform",
                b.rule.where,
                f"{b.rule.vss_path}: {what} fails or is not finite for every value of {signal.name} "
                f"({low:g} to {high:g}); nothing would ever be decoded",
            )
        )


def _range_samples(signal: Signal) -> list[float]:
    low, high = signal.minimum, signal.maximum
    if low is None or high is None or not low < high:
        bits = max(1, min(signal.length, 64))
        raw_low, raw_high = (
            (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signal.is_signed else (0, (1 << bits) - 1)
        )
        scale, offset = signal.scale or 1, signal.offset or 0
        with contextlib.suppress(OverflowError):
            ends = sorted((float(raw_low * scale + offset), float(raw_high * scale + offset)))
            low, high = ends
        if low is None or high is None:
            return [0.0]
    step = (high - low) / (_SAMPLES - 1)
    values = {low + i * step for i in range(_SAMPLES)} | {v for v in (0.0, 1.0, -1.0) if low <= v <= high}
    whole = {float(round(v)) for v in values if math.isfinite(v) and abs(v) < 2**53}
    return sorted(v for v in values | whole if math.isfinite(v) and low <= v <= high) or [low]


def _check_value_names(bound: Any, report: MappingCheckReport) -> None:
    for b in bound.rules:
        t = b.rule.transform
        if t is None or t.mapping is None:
            continue
        signal = b.message.get_signal_by_name(b.signal)
        wanted = [frm for frm, _ in t.mapping if isinstance(frm, str)]
        _unknown_names(signal, wanted, b.rule.where, b.rule.vss_path, "from", report)
    for a in bound.actuators.values():
        t = a.rule.transform
        if t is None or t.mapping is None:
            continue
        signal = a.message.get_signal_by_name(a.signal)
        wanted = [to for _, to in t.mapping if isinstance(to, str)]
        _unknown_names(signal, wanted, a.rule.where, a.rule.vss_path, "to", report)


def _unknown_names(
    signal: Signal, wanted: list[str], where: str, path: str, side: str, report: MappingCheckReport
) -> None:
    if not wanted:
        return
    names = {str(v) for v in (signal.choices or {}).values()}
    missing = [w for w in wanted if w not in names]
    if not missing:
        return
    if not names:
        text = (
            f"{path}: DBC signal {signal.name} has no value names (VAL_), '{side}: {missing[0]}' cannot match"
        )
    else:
        text = (
            f"{path}: {', '.join(missing)} not among the value names of DBC signal {signal.name} "
            f"({', '.join(sorted(names))})"
        )
    report.warnings.append(Finding("unknown-value-name", where, text))


def _check_traffic(rules: list[BoundRule], frames: Iterable[can.Message], report: MappingCheckReport) -> None:
    by_id: dict[int, list[BoundRule]] = defaultdict(list)
    for b in rules:
        by_id[b.frame_id].append(b)
    counts: Counter[int] = Counter()
    first: dict[int, float] = {}
    last: dict[int, float] = {}
    # Multiplexed rules count only the frames whose selectors match, which needs a decode of those frames.
    mux_counts: Counter[int] = Counter()
    mux_first: dict[int, float] = {}
    mux_last: dict[int, float] = {}
    total = 0
    for msg in frames:
        total += 1
        fid = msg.arbitration_id
        mapped = by_id.get(fid)
        if mapped is None:
            continue
        t = float(msg.timestamp)
        counts[fid] += 1
        first.setdefault(fid, t)
        last[fid] = t
        muxed = [b for b in mapped if b.mux]
        if not muxed:
            continue
        try:
            values = muxed[0].message.decode(
                bytes(msg.data), decode_choices=False, allow_truncated=True, allow_excess=True
            )
        except Exception:  # a malformed frame matches no multiplexer condition
            continue
        for b in muxed:
            if b.mux_matches(values):
                key = id(b)
                mux_counts[key] += 1
                mux_first.setdefault(key, t)
                mux_last[key] = t
    report.frames_checked = total
    for b in rules:
        if b.mux:
            key = id(b)
            n, t0, t1 = mux_counts[key], mux_first.get(key), mux_last.get(key)
        else:
            n, t0, t1 = counts[b.frame_id], first.get(b.frame_id), last.get(b.frame_id)
        hz = (n - 1) / (t1 - t0) if n > 1 and t0 is not None and t1 is not None and t1 > t0 else None
        report.traffic.append(
            RuleTraffic(b.rule.vss_path, b.signal, b.message.name, b.frame_id, b.rule.where, n, hz)
        )
        if n == 0:
            cond = " with " + " and ".join(f"{s}={v}" for s, v in b.mux) if b.mux else ""
            report.warnings.append(
                Finding(
                    "never-seen",
                    b.rule.where,
                    f"{b.rule.vss_path}: no frame of {b.message.name} ({b.frame_id:#x}){cond} in the log",
                )
            )
