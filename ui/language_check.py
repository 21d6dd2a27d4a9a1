"""Find English left in a Chinese screen: every visible text of a window (labels, buttons, placeholders,
table headers and cells in view) with its Latin-letter words that are not units, codes or names.

Allowed: units (km, kWh, …), codes written in capitals or with digits (CAN, ECU, P0A1F, 0x7E0), and the
names the caller passes (the vehicle's, file names, street names that have no Chinese form in the map).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QLabel, QLineEdit, QWidget

UNITS = {"km", "kWh", "kW", "Wh", "mV", "mph", "mi", "Hz", "ms", "kPa", "bar", "psi", "rpm", "dB", "min"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
TAG = re.compile(r"<[^>]+>")
IDENTIFIER = re.compile(r"_|[a-z][A-Z]|\.[a-z0-9]{1,4}$")
# A command line shown to the user (``cockpit ota update --repo URL``) and an option (``--mqtt``) are code.
COMMAND = re.compile(r"\bcockpit(?:\s+[-\w./:]+)+")
OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")


def english_words(window: QWidget, names: set[str] = frozenset()) -> list[tuple[str, str]]:
    """(word, where) for each Latin-letter word shown that is not a unit, a code or one of ``names``."""
    found: list[tuple[str, str]] = []
    allowed = {w.lower() for name in names for w in WORD.findall(name)}
    for widget, text in _texts(window):
        plain = TAG.sub(" ", text).replace("&nbsp;", " ")
        plain = OPTION.sub(" ", COMMAND.sub(" ", plain))
        for token in plain.split():
            if IDENTIFIER.search(token):
                continue  # a DBC or signal name (BMS_PackStatus, CellVoltages), a file name: a code
            for word in WORD.findall(token):
                if _allowed(word) or word.lower() in allowed:
                    continue
                found.append((word, f"{type(widget).__name__} {text[:50]!r}"))
    return found


def _allowed(word: str) -> bool:
    if word in UNITS or word.upper() == word:  # a unit, or a code in capitals (CAN, ECU, A, V, N)
        return True
    return len(word) == 1  # a single letter: an axis name, a gear, a unit such as V or A


def _texts(window: QWidget) -> list[tuple[QWidget, str]]:
    out: list[tuple[QWidget, str]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.property("floating") is False:
            continue
        if (isinstance(widget, QLabel) and widget.text()) or (
            isinstance(widget, QAbstractButton) and widget.text()
        ):
            out.append((widget, widget.text()))
        elif isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
            out.append((widget, widget.placeholderText()))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            out += [(widget, t) for t in _view_texts(widget)]
    return out


def _view_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    texts = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column, and Qt keeps its columnCount private
        columns = 1
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(header, str):
            texts.append(header)
    for row in range(min(model.rowCount(QModelIndex()), 50)):
        for column in range(columns):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
    return texts
