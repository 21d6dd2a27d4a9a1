"""A vehicle's diagnostic description (its ECUs, their addresses and data identifiers) and the DTC catalog.

Both are YAML data files (``assets/diagnostics/`` for the demo vehicles), read by the head unit to know
what to ask and how to decode the answers, and by the simulator to answer the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError

DTC_LETTERS = "PCBU"
_DTC_TEXT = re.compile(r"^([PCBU])([0-3])([0-9A-F]{3})(?:-([0-9A-F]{2}))?$")


@dataclass(frozen=True)
class DidSpec:
    """How one data identifier is encoded: fixed-length ASCII, or a scaled big-endian integer."""

    did: int
    name: str
    type: str = "uint"  # ascii | uint | sint
    length: int = 2
    scale: float = 1.0
    offset: float = 0.0
    unit: str = ""

    def encode(self, value: object) -> bytes:
        if self.type == "ascii":
            return str(value).encode("ascii", "replace")[: self.length].ljust(self.length, b" ")
        raw = round((float(value) - self.offset) / self.scale)  # type: ignore[arg-type]
        signed = self.type == "sint"
        bits = 8 * self.length
        lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
        # A sensor saturates at the end of its range rather than wrapping around.
        return min(max(raw, lo), hi).to_bytes(self.length, "big", signed=signed)

    def decode(self, data: bytes) -> str | float:
        if self.type == "ascii":
            return data.decode("ascii", "replace").rstrip(" \x00")
        raw = int.from_bytes(data[: self.length], "big", signed=self.type == "sint")
        value = raw * self.scale + self.offset
        return round(value, 6)

    def format(self, value: str | float) -> str:
        if isinstance(value, str):
            return value
        digits = max(0, -int(f"{self.scale:e}".split("e")[1])) if self.scale < 1 else 0
        text = f"{value:.{digits}f}"
        return f"{text} {self.unit}".rstrip()


STANDARD_ID_MAX = 0x7FF
FUNCTIONAL_29 = 0x18DB33F1  # ISO 15765-4: 29-bit functional request from the external tester (0xF1)


@dataclass(frozen=True)
class EcuSpec:
    name: str
    request_id: int
    response_id: int
    description: str = ""
    live: tuple[int, ...] = ()

    @property
    def extended(self) -> bool:
        """29-bit ids (ISO 15765-4 normal-fixed addressing, 0x18DA<target><source>) rather than 11-bit."""
        return self.request_id > STANDARD_ID_MAX


@dataclass
class DiagnosticDescription:
    ecus: list[EcuSpec]
    dids: dict[int, DidSpec]
    functional_id: int = 0x7DF
    source: str = ""
    functional_id_29: int = FUNCTIONAL_29

    def functional_for(self, ecu: EcuSpec) -> int:
        """The functional (broadcast) request id ``ecu`` hears: the one of its own addressing."""
        return self.functional_id_29 if ecu.extended else self.functional_id

    @property
    def extended_ecus(self) -> list[EcuSpec]:
        return [e for e in self.ecus if e.extended]

    def ecu(self, name: str) -> EcuSpec:
        for ecu in self.ecus:
            if ecu.name.lower() == name.lower():
                return ecu
        raise InputError(
            f"no ECU named {name!r}",
            where=self.source or None,
            fix="Known ECUs: " + ", ".join(e.name for e in self.ecus),
        )


@dataclass
class DtcCatalog:
    descriptions: dict[str, str] = field(default_factory=dict)

    def describe(self, dtc: int) -> str:
        text = dtc_text(dtc)
        return self.descriptions.get(text.partition("-")[0], "")


def dtc_text(dtc: int) -> str:
    """The SAE J2012 text of a 3-byte UDS DTC: ``P0AA6`` (``P0AA6-1C`` with a failure type byte)."""
    code = dtc >> 8
    text = f"{DTC_LETTERS[(code >> 14) & 3]}{(code >> 12) & 3}{code & 0xFFF:03X}"
    return f"{text}-{dtc & 0xFF:02X}" if dtc & 0xFF else text


def dtc_number(text: str) -> int:
    """The 3-byte UDS DTC of ``P0AA6`` (or ``P0AA6-1C``)."""
    m = _DTC_TEXT.match(text.strip().upper())
    if not m:
        raise InputError(
            f"{text!r} is not a DTC", fix="Write it as a letter P, C, B or U and 4 hex digits: P0AA6"
        )
    letter, first, rest, ftb = m.groups()
    code = DTC_LETTERS.index(letter) << 14 | int(first) << 12 | int(rest, 16)
    return code << 8 | int(ftb or "0", 16)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", where=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise InputError("not valid YAML", where=where, fix="Fix the syntax") from exc
    if not isinstance(data, dict):
        raise InputError("expected a mapping at the top level", where=str(path))
    return data


def load_description(path: str | Path) -> DiagnosticDescription:
    path = Path(path)
    data = _read_yaml(path)
    try:
        dids = {
            int(did): DidSpec(
                did=int(did),
                name=str(spec["name"]),
                type=str(spec.get("type", "uint")),
                length=int(spec.get("length", 2)),
                scale=float(spec.get("scale", 1.0)),
                offset=float(spec.get("offset", 0.0)),
                unit=str(spec.get("unit", "")),
            )
            for did, spec in (data.get("dids") or {}).items()
        }
        ecus = [
            EcuSpec(
                name=str(e["name"]),
                request_id=int(e["request"]),
                response_id=int(e["response"]),
                description=str(e.get("description", "")),
                live=tuple(int(d) for d in e.get("live", ())),
            )
            for e in data.get("ecus") or ()
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"malformed ECU or DID entry ({exc})", where=str(path)) from exc
    for ecu in ecus:
        unknown = [f"0x{d:04X}" for d in ecu.live if d not in dids]
        if unknown:
            raise InputError(f"ECU {ecu.name} lists undefined DIDs {', '.join(unknown)}", where=str(path))
        if (ecu.response_id > STANDARD_ID_MAX) != ecu.extended or ecu.request_id >= 1 << 29:
            raise InputError(
                f"ECU {ecu.name}: request 0x{ecu.request_id:X} and response 0x{ecu.response_id:X} are not "
                "both 11-bit or both 29-bit ids",
                where=str(path),
                fix="29-bit normal-fixed: request 0x18DA<ECU><tester>, response 0x18DA<tester><ECU>",
            )
    functional = int(data.get("functional_request", 0x7DF))
    functional_29 = int(data.get("functional_request_29", FUNCTIONAL_29))
    return DiagnosticDescription(ecus, dids, functional, str(path), functional_29)


def load_dtc_catalog(path: str | Path) -> DtcCatalog:
    path = Path(path)
    codes = _read_yaml(path).get("codes") or {}
    for code in codes:
        dtc_number(str(code))  # every key must be a well-formed code
    return DtcCatalog({str(code).upper(): str(text) for code, text in codes.items()})
