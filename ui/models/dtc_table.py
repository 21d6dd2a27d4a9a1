"""The vehicle health panel's table of trouble codes: one row per DTC of every ECU that answered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ..diagnostic_terms import term

ECU_COLUMN, CODE_COLUMN, STATE_COLUMN, DESCRIPTION_COLUMN, FIRST_COLUMN, LAST_COLUMN, COUNT_COLUMN = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("DtcTableModel", "ECU"),
    QT_TRANSLATE_NOOP("DtcTableModel", "Code"),
    QT_TRANSLATE_NOOP("DtcTableModel", "Status"),
    QT_TRANSLATE_NOOP("DtcTableModel", "Description"),
    QT_TRANSLATE_NOOP("DtcTableModel", "First seen"),
    QT_TRANSLATE_NOOP("DtcTableModel", "Last seen"),
    QT_TRANSLATE_NOOP("DtcTableModel", "Times"),
)
STATES = {
    "active": QT_TRANSLATE_NOOP("DtcTableModel", "active"),
    "pending": QT_TRANSLATE_NOOP("DtcTableModel", "pending"),
    "stored": QT_TRANSLATE_NOOP("DtcTableModel", "stored"),
    "passed": QT_TRANSLATE_NOOP("DtcTableModel", "passed"),
}
STATUS_BIT_NAMES = {
    "test failed": QT_TRANSLATE_NOOP("DtcTableModel", "test failed"),
    "failed this cycle": QT_TRANSLATE_NOOP("DtcTableModel", "failed this cycle"),
    "pending": QT_TRANSLATE_NOOP("DtcTableModel", "pending"),
    "confirmed": QT_TRANSLATE_NOOP("DtcTableModel", "confirmed"),
    "not tested since clear": QT_TRANSLATE_NOOP("DtcTableModel", "not tested since clear"),
    "failed since clear": QT_TRANSLATE_NOOP("DtcTableModel", "failed since clear"),
    "not tested this cycle": QT_TRANSLATE_NOOP("DtcTableModel", "not tested this cycle"),
    "warning lamp": QT_TRANSLATE_NOOP("DtcTableModel", "warning lamp"),
}
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("DtcTableModel", text)


@dataclass(frozen=True)
class DtcRow:
    ecu: str
    code: str
    state: str  # active | pending | stored | passed
    status: int
    status_bits: tuple[str, ...]
    description: str
    first_seen: tuple[int | None, int | None] | None  # (Unix time, odometer km)
    last_seen: tuple[int | None, int | None] | None
    occurrences: int | None


def _seen_text(seen: tuple[int | None, int | None] | None) -> str:
    if seen is None or seen[0] is None:
        return "—"
    when = datetime.fromtimestamp(seen[0])
    return when.strftime("%H:%M:%S") if when.date() == datetime.now().date() else when.strftime("%Y-%m-%d")


def _seen_detail(seen: tuple[int | None, int | None] | None) -> str:
    if seen is None or seen[0] is None:
        return "—"
    when = datetime.fromtimestamp(seen[0]).strftime("%Y-%m-%d %H:%M:%S")
    return f"{when}, {seen[1]:,} km" if seen[1] is not None else when


class DtcTableModel(QAbstractTableModel):
    def __init__(self, colors: dict[str, QColor]) -> None:
        super().__init__()
        self.rows: list[DtcRow] = []
        self.colors = colors  # state → text colour

    def set_rows(self, rows: list[DtcRow]) -> None:
        # A few dozen codes at most, replaced as a whole after each read: a reset is the honest signal.
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (CODE_COLUMN, STATE_COLUMN):
            return self.colors.get(row.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            bits = ", ".join(_tr(STATUS_BIT_NAMES.get(b, b)) for b in row.status_bits)
            return (
                f"{row.code}: {term(row.description)}\n{_tr('Status')} 0x{row.status:02X}: {bits}\n"
                f"{_tr('First seen')}: {_seen_detail(row.first_seen)}\n"
                f"{_tr('Last seen')}: {_seen_detail(row.last_seen)}"
            )
        return None

    @staticmethod
    def _text(row: DtcRow, column: int) -> str:
        if column == ECU_COLUMN:
            return row.ecu
        if column == CODE_COLUMN:
            return row.code
        if column == STATE_COLUMN:
            return _tr(STATES.get(row.state, row.state))
        if column == DESCRIPTION_COLUMN:
            return term(row.description)
        if column == FIRST_COLUMN:
            return _seen_text(row.first_seen)
        if column == LAST_COLUMN:
            return _seen_text(row.last_seen)
        return str(row.occurrences) if row.occurrences is not None else "—"
