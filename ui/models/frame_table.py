"""The CAN monitor's table: one row per arbitration id, updated incrementally from the frame cache.

Rows stay sorted by id (standard ids first, then extended) with a dict id → row. An update inserts the ids
seen for the first time with ``beginInsertRows`` (one call per contiguous run) and emits ``dataChanged``
only for the rows whose count (or rate) changed, coalesced into a few ranges, so the view repaints what it
shows and keeps its selection; the model is never reset while running.
"""

from __future__ import annotations

import math
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

# Rates are counted over windows of at least this long (a 10 Hz message seen by a 10 Hz refresh would
# otherwise read 0, 10 or 20 Hz from one refresh to the next).
RATE_WINDOW_S = 1.0

# dataChanged: changed rows this close together go in one range; more ranges than this become one.
MERGE_GAP = 8
MAX_RANGES = 8

ID_COLUMN, NAME_COLUMN, COUNT_COLUMN, RATE_COLUMN, DLC_COLUMN, DATA_COLUMN = range(6)
COLUMN_COUNT = 6

# Roles beyond Qt's: what the Data delegate paints and what the panel looks rows up by.
DATA_BYTES_ROLE = Qt.ItemDataRole.UserRole + 1  # bytes: the last data
CHANGED_BYTES_ROLE = Qt.ItemDataRole.UserRole + 2  # int: bit i set = byte i changed
ARBITRATION_ID_ROLE = Qt.ItemDataRole.UserRole + 3  # int

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

Index = QModelIndex | QPersistentModelIndex


class FrameLike(Protocol):
    """What the model reads of a frame entry (``vehicle_bus.frame_cache.FrameEntry`` through the session)."""

    arbitration_id: int
    is_extended: bool
    dlc: int
    data: bytes
    count: int

    @property
    def changed_bytes(self) -> int: ...


@dataclass(slots=True)
class _Row:
    arbitration_id: int
    is_extended: bool
    id_text: str
    name: str | None
    dlc: int
    data: bytes
    count: int
    changed: int
    rate: float | None
    window_t: float
    window_count: int


def id_text(arbitration_id: int, is_extended: bool) -> str:
    """Hex id as candump writes it: 3 digits for standard ids, 8 for extended."""
    return f"{arbitration_id:08X}" if is_extended else f"{arbitration_id:03X}"


def hex_bytes(data: bytes) -> str:
    return data.hex(" ").upper()


_NONZERO = bytes([0] + [1] * 255)
_MASKS: dict[bytes, int] = {}


def _diff_mask(old: bytes, new: bytes) -> int:
    """Bit i set = byte i differs (or exists in only one of the two)."""
    if old == new:
        return 0
    n = len(new)
    if len(old) != n:
        return sum(1 << i for i in range(max(len(old), n)) if i >= len(old) or i >= n or old[i] != new[i])
    # One XOR of the whole payload, then which bytes are non-zero: a few hundred distinct patterns at most.
    key = (int.from_bytes(old, "little") ^ int.from_bytes(new, "little")).to_bytes(n, "little")
    key = key.translate(_NONZERO)
    mask = _MASKS.get(key)
    if mask is None:
        if len(_MASKS) > 4096:  # CAN FD payloads could make many; stay small
            _MASKS.clear()
        mask = _MASKS[key] = sum(1 << i for i, b in enumerate(key) if b)
    return mask


def _last_change(entry: FrameLike) -> int:
    """The entry's ``changed_bytes`` (bytes that differ from the previous frame), computed the fast way."""
    previous = getattr(entry, "previous_data", None)
    if previous is None:
        return entry.changed_bytes
    return _diff_mask(previous, entry.data) if entry.count >= 2 else 0


class FrameTableModel(QAbstractTableModel):
    """Arbitration ids with their message name, count, rate, DLC and last data.

    ``names`` maps an id to its DBC message name (None when the database does not know it), e.g.
    ``session.message_name``; it is asked once per id. ``dim`` colours the "—" of unknown messages.
    """

    def __init__(
        self,
        names: Callable[[int], str | None] | None = None,
        parent: Any = None,
        dim: QColor | None = None,
    ) -> None:
        super().__init__(parent)
        self._names = names or (lambda _id: None)
        self._dim = dim
        self._rows: list[_Row] = []
        self._keys: list[tuple[bool, int]] = []  # sort keys of _rows, for bisect
        self._row_of: dict[int, int] = {}
        self.unknown_ids = 0
        self._swept_at = -math.inf
        self._headers = [
            self.tr("ID"),
            self.tr("Message"),
            self.tr("Count"),
            self.tr("Rate Hz"),
            self.tr("DLC"),
            self.tr("Data"),
        ]

    # -- Qt model interface ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section in (COUNT_COLUMN, RATE_COLUMN, DLC_COLUMN) else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ID_COLUMN:
                return row.id_text
            if column == NAME_COLUMN:
                return row.name or "—"
            if column == COUNT_COLUMN:
                return str(row.count)
            if column == RATE_COLUMN:
                return "…" if row.rate is None else f"{row.rate:.1f}"
            if column == DLC_COLUMN:
                return str(row.dlc)
            if column == DATA_COLUMN:
                return hex_bytes(row.data)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (COUNT_COLUMN, RATE_COLUMN, DLC_COLUMN) else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == NAME_COLUMN and row.name is None and self._dim is not None:
                return self._dim
            return None
        if role == DATA_BYTES_ROLE:
            return row.data
        if role == CHANGED_BYTES_ROLE:
            return row.changed
        if role == ARBITRATION_ID_ROLE:
            return row.arbitration_id
        return None

    # -- lookups for the panel ------------------------------------------------------------------------------
    def row_of(self, arbitration_id: int) -> int | None:
        return self._row_of.get(arbitration_id)

    def arbitration_id(self, row: int) -> int:
        return self._rows[row].arbitration_id

    def ids(self) -> list[int]:
        return [r.arbitration_id for r in self._rows]

    def rate(self, arbitration_id: int) -> float | None:
        row = self._row_of.get(arbitration_id)
        return None if row is None else self._rows[row].rate

    def bytes_at(self, row: int) -> tuple[bytes, int]:
        """The row's last data and its changed-bytes mask (bit i = byte i), for a delegate in one call."""
        entry = self._rows[row]
        return entry.data, entry.changed

    def changed_bytes(self, arbitration_id: int) -> int:
        row = self._row_of.get(arbitration_id)
        return 0 if row is None else self._rows[row].changed

    # -- updates --------------------------------------------------------------------------------------------
    def update(
        self,
        frames: Iterable[FrameLike],
        now: float | None = None,
        shown: range | None = None,
        sweep: bool = True,
    ) -> None:
        """Take the newest frames (every id, or only those that changed since the last call): insert new
        ids, refresh changed rows, and recompute rates (with ``sweep``, ids that went silent fall to 0 Hz,
        at most once per :data:`RATE_WINDOW_S`).

        ``shown``: the rows the (only) view shows; ``dataChanged`` is emitted for changed rows among them
        only. The others change quietly: a view reads them when it paints them, once scrolled to, and a
        range of far-apart rows merged into one would repaint the whole viewport for rows it does not show.
        """
        now = time.monotonic() if now is None else now
        rows, row_of = self._rows, self._row_of
        dirty: list[int] = []  # row numbers before any insertion
        new: list[_Row] = []
        seen: set[int] = set()
        for entry in frames:
            seen.add(entry.arbitration_id)
            index = row_of.get(entry.arbitration_id)
            if index is None:
                new.append(self._new_row(entry, now))
                continue
            row = rows[index]
            touched = False
            count = entry.count
            if count != row.count:
                data = entry.data
                if data != row.data:
                    # Bytes that changed in the last frame, or at any time since the previous refresh.
                    row.changed = _last_change(entry) | _diff_mask(row.data, data)
                    row.data = data
                elif row.changed:
                    row.changed = _last_change(entry)
                row.count = count
                row.dlc = entry.dlc
                touched = True
            if now - row.window_t >= RATE_WINDOW_S:
                rate = (count - row.window_count) / (now - row.window_t)
                row.window_t, row.window_count = now, count
                if rate != row.rate:
                    row.rate = rate
                    touched = True
            if touched:
                dirty.append(index)
        if sweep and now - self._swept_at >= RATE_WINDOW_S:
            # Rows with no new frame were not visited above: their rate still has to decay.
            self._swept_at = now
            for index, row in enumerate(rows):
                if row.arbitration_id in seen or now - row.window_t < RATE_WINDOW_S:
                    continue
                rate = (row.count - row.window_count) / (now - row.window_t)
                row.window_t, row.window_count = now, row.count
                if rate != row.rate:
                    row.rate = rate
                    dirty.append(index)
        if new:
            dirty_ids = [rows[index].arbitration_id for index in dirty]
            self._insert(new)
            # Rows moved down: find the changed ones again through their ids.
            row_of = self._row_of
            dirty = [row_of[i] for i in dirty_ids]
        elif shown is not None:  # (``shown`` counts rows before this update; inserts repaint the view anyway)
            dirty = [row for row in dirty if row in shown]
        self._emit_changed(dirty)

    def clear(self) -> None:
        """Forget every id (a new source); the only reset the model does."""
        self.beginResetModel()
        self._rows, self._keys, self._row_of = [], [], {}
        self.unknown_ids = 0
        self._swept_at = -math.inf
        self.endResetModel()

    # -- internals ------------------------------------------------------------------------------------------
    def _new_row(self, entry: FrameLike, now: float) -> _Row:
        name = self._names(entry.arbitration_id)
        data = entry.data
        return _Row(
            entry.arbitration_id,
            entry.is_extended,
            id_text(entry.arbitration_id, entry.is_extended),
            name,
            entry.dlc,
            data,
            entry.count,
            _last_change(entry),
            None,
            now,
            entry.count,
        )

    def _insert(self, new: list[_Row]) -> None:
        new.sort(key=lambda r: (r.is_extended, r.arbitration_id))
        rows, keys = self._rows, self._keys
        i = 0
        while i < len(new):
            key = (new[i].is_extended, new[i].arbitration_id)
            position = bisect_left(keys, key)
            # Every following new id that lands before the same existing row goes in the same run.
            limit = keys[position] if position < len(keys) else None
            j = i + 1
            while j < len(new) and (limit is None or (new[j].is_extended, new[j].arbitration_id) < limit):
                j += 1
            run = new[i:j]
            self.beginInsertRows(QModelIndex(), position, position + len(run) - 1)
            rows[position:position] = run
            keys[position:position] = [(r.is_extended, r.arbitration_id) for r in run]
            self.endInsertRows()
            i = j
        self._row_of = {r.arbitration_id: k for k, r in enumerate(rows)}
        self.unknown_ids += sum(1 for r in new if r.name is None)

    def _emit_changed(self, dirty: list[int]) -> None:
        """``dataChanged`` for the changed rows, as few ranges as possible.

        Runs closer than :data:`MERGE_GAP` rows merge, and past :data:`MAX_RANGES` ranges one range spans
        them all: a view repaints the visible part of a multi-row range in one go anyway, while every Qt call
        from Python costs a GIL hand-over that the bus threads may hold for milliseconds.
        """
        if not dirty:
            return
        dirty.sort()
        ranges: list[list[int]] = [[dirty[0], dirty[0]]]
        for row in dirty[1:]:
            if row - ranges[-1][1] <= MERGE_GAP:
                ranges[-1][1] = row
            else:
                ranges.append([row, row])
        if len(ranges) > MAX_RANGES:
            ranges = [[ranges[0][0], ranges[-1][1]]]
        last = COLUMN_COUNT - 1
        for first, final in ranges:
            self.dataChanged.emit(self.index(first, 0), self.index(final, last))
