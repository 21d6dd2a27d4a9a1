"""The diagnostic description's English terms (ECU descriptions, data identifier names, trouble-code texts
from ``assets/diagnostics``) in the UI language.

The data files stay in English, the language of the standards they follow; the words are listed here for
Qt's translation tools, and :func:`term` looks a text up (a text not listed is shown as it is).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "DiagnosticTerms"

TERMS = (
    # ECUs (assets/diagnostics/ecus.yaml)
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Vehicle control unit (powertrain; answers OBD-II)"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Battery management system"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Body and climate control module"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Tyre pressure monitoring system"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "On-board charger (29-bit addressing; answers OBD-II)"),
    # Data identifiers
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Spare part number"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "ECU serial number"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Hardware version"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Software version"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "System name"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Repair shop code"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Time"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Odometer"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Vehicle speed"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "12 V battery voltage"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Gear"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "State of charge"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "State of health"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Pack voltage"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Lowest cell voltage"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Highest cell voltage"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Isolation resistance"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Pack temperature"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Outside temperature"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Cabin temperature"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Outside temperature sensor"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Tyre pressure front left"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Tyre pressure front right"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Tyre pressure rear left"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Tyre pressure rear right"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Charger state"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Charging power"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Charge source"),
    # Trouble codes (assets/diagnostics/dtc_catalog.yaml)
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Left front tyre pressure sensor / pressure low"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Right front tyre pressure sensor / pressure low"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Left rear tyre pressure sensor / pressure low"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Right rear tyre pressure sensor / pressure low"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Tyre pressure monitor system sensor synchronisation not learned"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "System voltage"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "System voltage low"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "System voltage high"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Hybrid/EV battery voltage system isolation fault"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Hybrid/EV battery pack deterioration"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Replace hybrid/EV battery pack"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Hybrid/EV battery system voltage low"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Battery cell voltage deviation too high (cells out of balance)"),
    QT_TRANSLATE_NOOP(
        "DiagnosticTerms", "Charger communication fault (charging stopped by the on-board charger)"
    ),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Battery charger input voltage performance"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Ambient air temperature sensor circuit"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Ambient air temperature sensor range/performance"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Ambient air temperature sensor circuit low"),
    QT_TRANSLATE_NOOP(
        "DiagnosticTerms", "Ambient air temperature sensor circuit high (signal lost / open circuit)"
    ),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Electronic control unit internal fault"),
    QT_TRANSLATE_NOOP("DiagnosticTerms", 'Lost communication with ECM/PCM "A"'),
    QT_TRANSLATE_NOOP("DiagnosticTerms", 'Lost communication with battery energy control module "A"'),
    QT_TRANSLATE_NOOP("DiagnosticTerms", "Lost communication with body control module"),
    QT_TRANSLATE_NOOP(
        "DiagnosticTerms", "Lost communication with instrument panel cluster (IPC) control module"
    ),
)


def term(text: str) -> str:
    """``text`` in the UI language (as it is when no translation is listed)."""
    return QCoreApplication.translate(CONTEXT, text)
