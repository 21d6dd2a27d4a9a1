"""Vehicle diagnostics: UDS (ISO 14229) over ISO-TP (ISO 15765-2) and OBD-II, without Qt."""

from .catalog import DiagnosticDescription, DidSpec, DtcCatalog, EcuSpec, dtc_number, dtc_text
from .client import DiagnosticClient
from .reports import DidValue, DtcRecord, EcuReport, ObdReport, Seen

__all__ = [
    "DiagnosticClient",
    "DiagnosticDescription",
    "DidSpec",
    "DidValue",
    "DtcCatalog",
    "DtcRecord",
    "EcuReport",
    "EcuSpec",
    "ObdReport",
    "Seen",
    "dtc_number",
    "dtc_text",
]
