"""CAN monitor: every arbitration id on the bus in a model/view table, one id's signals, a live plot,
bus statistics and recording to a file.

The shell calls :meth:`refresh` at the UI tick (60 Hz); the panel pulls ``session.frames_changed()`` and
updates at most every 100 ms (the runtime profile's ``table_update_s``; 500 ms on a Pi): the table, the
statistics, the selected id's decoded signals and one sample of the plotted signal (the plot redraws at the
profile's ``plot_every_s``). With 2,000+ ids an update touches only the rows that changed and repaints only
the rows in view, once per period; the rows out of view follow over the next ticks (see :meth:`refresh`).
"""

from __future__ import annotations

import math
import time
from collections import deque
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QScroller,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cockpit.state_store import SignalValue

from ..context import UiContext
from ..models.frame_table import (
    COUNT_COLUMN,
    DATA_BYTES_ROLE,
    DATA_COLUMN,
    DLC_COLUMN,
    ID_COLUMN,
    NAME_COLUMN,
    RATE_COLUMN,
    FrameTableModel,
)
from ..widgets.bus_stats import BusStats
from ..widgets.plot import car_plot
from .base import Panel

PLOT_WINDOW_S = 60.0
GAP_S = 1.0  # samples further apart than this (panel hidden) are not joined in the plot
# Below this width (at scale 1) the signals pane goes under the table instead of beside it.
NARROW_PX = 900


class DataBytesDelegate(QStyledItemDelegate):
    """Paints the Data cell byte by byte; bytes that changed are drawn in the highlight colour on a pill.

    It is the table's most painted cell, so it reads the row from the model in one call (not the nine
    ``data()`` calls of ``initStyleOption``), measures the font once, and draws the unchanged bytes as one
    string over the style's own cell background (selection included).
    """

    def __init__(self, ctx: UiContext, model: FrameTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = ctx.theme
        self._model = model
        self._pad = ctx.px(6)
        self._text = QColor(t.text)
        self._selected_text = QColor("white")
        self._highlight = QColor(t.warning)
        self._selected_highlight = QColor("black")
        self._pill = QColor(t.warning)
        self._pill.setAlphaF(0.22)
        self._font_key = ""
        self._width = self._step = self._height = 0.0

    def _measure(self, option: QStyleOptionViewItem) -> None:
        key = option.font.key()
        if key != self._font_key:
            fm = QFontMetricsF(option.font)
            self._font_key = key
            self._width, self._step, self._height = (
                fm.horizontalAdvance("00"),
                fm.horizontalAdvance("00 "),
                fm.height(),
            )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        data, changed = self._model.bytes_at(index.row())
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        self._measure(option)
        width, step = self._width, self._step
        rect = option.rect
        left, top, height = rect.left() + self._pad, rect.top(), rect.height()
        # Bytes that fit whole in the cell.
        shown = min(len(data), max(0, int((rect.right() - left - width) // step) + 1))
        if not shown:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        centre = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        plain = data[:shown].hex(" ").upper()
        painter.save()
        if changed & ((1 << shown) - 1):
            texts = plain.split(" ")
            pill_h = min(height - 4, self._height + self._pad)
            pill_top = top + (height - pill_h) / 2
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._highlight if selected else self._pill)
            marked = [i for i in range(shown) if changed >> i & 1]
            for i in marked:
                painter.drawRoundedRect(QRectF(left + i * step - 3, pill_top, width + 6, pill_h), 4, 4)
            painter.setPen(self._selected_highlight if selected else self._highlight)
            for i in marked:
                painter.drawText(QRectF(left + i * step, top, width, height), centre, texts[i])
                texts[i] = "  "
            plain = " ".join(texts)
        painter.setPen(self._selected_text if selected else self._text)
        painter.drawText(QRectF(left, top, rect.right() - left + 1, height), centre, plain)
        painter.restore()


class CanMonitorPanel(Panel):
    key = "can"
    icon = "⌁"

    def __init__(self, ctx: UiContext, record_dir: str | Path | None = None) -> None:
        super().__init__(ctx)
        self.session = ctx.session
        t = ctx.theme
        directory = record_dir if record_dir is not None else ctx.extra.get("record_dir")
        # Where recordings go; None = the user's documents folder.
        self.record_dir: Path | None = Path(directory) if directory is not None else None  # type: ignore[arg-type]
        self.model = FrameTableModel(self.session.message_name, self, dim=QColor(t.text_dim))
        self.selected_id: int | None = None
        self.plotted_signal: str | None = None
        self.last_update_s = 0.0  # how long the last model update took (for the record)
        self._updated_at = -math.inf
        # A name of its own for the session's change tracking (a rebuilt window starts afresh).
        self._consumer = f"can-monitor-{id(self):x}"
        self._pending: dict[int, Any] = {}  # id → newest entry not yet in the table
        self._signal_rows: list[str] = []
        self._units: dict[int, dict[str, str]] = {}
        self._samples: deque[tuple[float, float]] = deque()
        self._plotted_at = -math.inf  # when the plot was last redrawn
        self._recorder: Any = None
        self._recording_name = ""
        self.recording_path: Path | None = None
        self._narrow: bool | None = None

        # Scroll bars in the theme's colours, thin but easy to hit (the app style sheet leaves them native).
        w = ctx.px(10)
        self.setStyleSheet(
            f"QScrollBar:vertical {{ background: {t.surface}; width: {w}px; margin: 0; border: none; }}"
            f"QScrollBar:horizontal {{ background: {t.surface}; height: {w}px; margin: 0; border: none; }}"
            f"QScrollBar::handle {{ background: {t.border}; border-radius: {w // 2}px;"
            f" min-height: {ctx.px(32)}px; min-width: {ctx.px(32)}px; }}"
            "QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; }"
            "QScrollBar::add-page, QScrollBar::sub-page { background: none; }"
        )
        root = QVBoxLayout(self)
        m = ctx.px(12)
        root.setContentsMargins(m, m, m, m)
        root.setSpacing(ctx.px(10))

        self.stats = BusStats(ctx)
        self.stats.record_toggled.connect(self._record_toggled)
        root.addWidget(self.stats)

        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(ctx.px(10))
        root.addWidget(self.splitter, 1)

        # -- the table of ids
        table_card = QFrame()
        table_card.setObjectName("card")
        box = QVBoxLayout(table_card)
        r = ctx.px(6)
        box.setContentsMargins(r, r, r, r)
        self.table = QTableView()
        self.table.setModel(self.model)
        self._setup_table(self.table)
        self.table.setItemDelegateForColumn(DATA_COLUMN, DataBytesDelegate(ctx, self.model, self.table))
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        box.addWidget(self.table)
        self.splitter.addWidget(table_card)

        # -- the selected id's signals and the plot
        detail = QFrame()
        detail.setObjectName("card")
        detail_box = QVBoxLayout(detail)
        detail_box.setContentsMargins(ctx.px(14), ctx.px(10), ctx.px(14), ctx.px(12))
        detail_box.setSpacing(ctx.px(6))
        self.detail_title = QLabel()
        self.detail_title.setObjectName("cardTitle")
        detail_box.addWidget(self.detail_title)
        self._detail_body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._detail_body.setSpacing(ctx.px(10))
        detail_box.addLayout(self._detail_body, 1)

        self.signals = QTableWidget(0, 3)
        self.signals.setHorizontalHeaderLabels([self.tr("Signal"), self.tr("Value"), self.tr("Unit")])
        self._setup_table(self.signals)
        header = self.signals.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.signals.itemSelectionChanged.connect(self._signal_selected)
        self._detail_body.addWidget(self.signals, 1)

        plot_box = QVBoxLayout()
        plot_box.setSpacing(ctx.px(2))
        self.plot_title = QLabel()
        self.plot_title.setObjectName("dim")
        plot_box.addWidget(self.plot_title)
        self.plot = self._make_plot()
        plot_box.addWidget(self.plot, 1)
        self._detail_body.addLayout(plot_box, 1)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self._show_detail_hint()
        self._show_plot_hint()

    def title(self) -> str:
        return self.tr("CAN monitor")

    # -- building -------------------------------------------------------------------------------------------
    def _setup_table(self, view: QTableView) -> None:
        ctx = self.ctx
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setWordWrap(False)
        view.setShowGrid(False)
        view.setAlternatingRowColors(False)
        view.setCornerButtonEnabled(False)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ctx.px(40))
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumHeight(ctx.px(32))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Kinetic scrolling by finger on the touch screen.
        QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        if view is self.table:
            self._size_columns()

    def _size_columns(self) -> None:
        """Fixed widths from the font (never ResizeToContents: that would read all 2,000 rows)."""
        font = QFont(self.table.font())
        font.setFamily("monospace")
        font.setPixelSize(self.ctx.px(13))
        fm = QFontMetrics(font)
        pad = self.ctx.px(18)
        header = self.table.horizontalHeader()
        widths = {
            ID_COLUMN: fm.horizontalAdvance("18F00000") + pad,
            COUNT_COLUMN: fm.horizontalAdvance("9999999") + pad,
            RATE_COLUMN: fm.horizontalAdvance("Rate Hz") + pad,
            DLC_COLUMN: fm.horizontalAdvance("DLC") + pad,
            DATA_COLUMN: fm.horizontalAdvance("00 11 22 33 44 55 66 77") + pad + self.ctx.px(6),
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.ctx.px(40))

    def _make_plot(self) -> pg.PlotWidget:
        t = self.ctx.theme
        plot = car_plot(t.surface)
        plot.setMinimumHeight(self.ctx.px(90))
        item = plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        tick_font = QFont()
        tick_font.setPixelSize(self.ctx.px(12))
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(t.border))
            axis.setTextPen(pg.mkPen(t.text_dim))
            axis.setStyle(tickFont=tick_font)
        item.setXRange(-PLOT_WINDOW_S, 0, padding=0)
        self.curve = item.plot([], [], pen=pg.mkPen(t.accent, width=self.ctx.px(2)), connect="finite")
        return plot

    # -- the tick -------------------------------------------------------------------------------------------
    def refresh(self, changed: dict[str, SignalValue]) -> None:
        """At the UI tick: every ``table_update_s`` take the ids with new frames and update at once the rows
        the user sees (those in view, the selected id, ids seen for the first time), the statistics and the
        signals; the other rows follow quietly, ``table_rows_per_tick`` of them per tick.

        So the table repaints once per update period, not at every tick, while the Python work of a flooded
        bus (~1,000 ids changing per 100 ms) is spread evenly over the ticks. Rows out of view need no
        repaint: the view reads them from the model when they are scrolled to, and by the next period at
        the latest they are among the rows in view.
        """
        now = time.monotonic()
        profile = self.ctx.profile
        if now - self._updated_at >= profile.table_update_s:
            self._updated_at = now
            self._take_changes()
            shown = self._shown_rows()
            row_of = self.model.row_of
            urgent = []
            for arbitration_id, entry in self._pending.items():
                row = row_of(arbitration_id)
                if row is None or row in shown or arbitration_id == self.selected_id:
                    urgent.append(entry)
            for entry in urgent:
                del self._pending[entry.arbitration_id]
            self._update_table(urgent, now, shown)
            self._update_stats()
            self._update_detail(now)
        elif self._pending:
            pending = self._pending
            chunk = list(islice(pending.values(), self.ctx.profile.table_rows_per_tick))
            for entry in chunk:
                del pending[entry.arbitration_id]
            # These rows were out of view at the last look: no repaint, unless scrolled to since. Silent ids'
            # rates decay at the period's update, in its one repaint.
            self._update_table(chunk, now, self._shown_rows(), sweep=False)

    def shown(self) -> None:
        self.poll()

    def poll(self, now: float | None = None) -> None:
        """Pull every id's newest frame and update the table, the statistics, the signals and the plot."""
        now = time.monotonic() if now is None else now
        self._updated_at = now
        self._take_changes()
        frames, self._pending = list(self._pending.values()), {}
        self._update_table(frames, now, None)
        self._update_stats()
        self._update_detail(now, redraw=True)

    def _take_changes(self) -> None:
        # Only the ids with new frames since the last look: with 2,000 ids on a busy bus, far fewer. An id
        # still waiting from the last period keeps its place, with its newest frame.
        pending = self._pending
        for entry in self.session.frames_changed(self._consumer):
            pending[entry.arbitration_id] = entry

    def _update_table(self, frames: list[Any], now: float, shown: range | None, sweep: bool = True) -> None:
        started = time.perf_counter()
        self.model.update(frames, now, shown, sweep)
        self.last_update_s = time.perf_counter() - started

    def _shown_rows(self) -> range:
        """The rows the table shows now (partly shown ones included)."""
        view = self.table
        first = view.rowAt(0)
        if first < 0:
            return range(0)
        last = view.rowAt(view.viewport().height() - 1)
        return range(first, (last if last >= 0 else self.model.rowCount() - 1) + 1)

    def _update_stats(self) -> None:
        s = self.session
        counters = s.counters()
        self.stats.set_figures(
            s.frames_per_second,
            s.bus_load(),
            counters.frames,
            counters.error_frames,
            self.model.unknown_ids,
            self.model.rowCount(),
        )
        if self._recorder is not None:
            if self._recorder.failure or self._recorder.warning:
                # The disk filled (or nearly): how many frames are safe and how many were lost, and why.
                recorder = self._recorder
                self.stats.show_error(recorder.summary() if recorder.failure else recorder.warning or "")
            elif self._recorder.errors:
                # Frames the file format cannot hold are counted and skipped; say so while recording.
                self.stats.show_error(self._recorder.first_error or "")
            else:
                self.stats.show_recording(self._recording_name, self._recorder.frames)

    # -- selection and signals ------------------------------------------------------------------------------
    def select_id(self, arbitration_id: int) -> bool:
        """Select the row of ``arbitration_id`` (as a tap does); False when the id was not seen."""
        row = self.model.row_of(arbitration_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def select_signal(self, name: str) -> bool:
        """Plot the signal ``name`` of the selected id (as a tap on its row does)."""
        if name not in self._signal_rows:
            return False
        self.signals.selectRow(self._signal_rows.index(name))
        return True

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        new_id = self.model.arbitration_id(current.row()) if current.isValid() else None
        if new_id == self.selected_id:
            return
        self.selected_id = new_id
        self._signal_rows = []
        self.signals.setRowCount(0)
        self._set_plotted(None)
        self._update_detail(time.monotonic())

    def _signal_selected(self) -> None:
        rows = self.signals.selectionModel().selectedRows()
        name = self._signal_rows[rows[0].row()] if rows and rows[0].row() < len(self._signal_rows) else None
        if name != self.plotted_signal:
            self._set_plotted(name)
            self._sample(time.monotonic(), redraw=True)

    def _set_plotted(self, name: str | None) -> None:
        self.plotted_signal = name
        self._samples.clear()
        self.curve.setData([], [])
        if name is None:
            self._show_plot_hint()
        else:
            unit = self._units_of(self.selected_id).get(name, "") if self.selected_id is not None else ""
            label = f"{name} ({unit})" if unit else name
            self.plot_title.setText(self.tr("{signal} · last 60 s").format(signal=label))

    def _show_plot_hint(self) -> None:
        self.plot_title.setText(self.tr("Tap a signal to plot it (last 60 s)"))

    def _show_detail_hint(self) -> None:
        self.detail_title.setText(self.tr("Signals").upper())
        self.signals.setRowCount(1)
        self.signals.setSpan(0, 0, 1, 3)
        hint = QTableWidgetItem(self.tr("Tap an ID to see its signals"))
        hint.setFlags(Qt.ItemFlag.NoItemFlags)
        self.signals.setItem(0, 0, hint)

    def _update_detail(self, now: float, redraw: bool = False) -> None:
        arbitration_id = self.selected_id
        if arbitration_id is None:
            return
        row = self.model.row_of(arbitration_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        data: bytes = index.data(DATA_BYTES_ROLE)
        name = self.session.message_name(arbitration_id)
        id_text = index.data()
        self.detail_title.setText(f"0x{id_text} · {name}" if name else f"0x{id_text}")
        values = self.session.decode_frame(arbitration_id, data)
        if values is None:
            self._signal_rows = []
            self.signals.clearSpans()
            self.signals.setRowCount(1)
            self.signals.setSpan(0, 0, 1, 3)
            text = (
                self.tr("No DBC message for this ID")
                if name is None
                else self.tr("This frame does not fit its DBC message")
            )
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.signals.setItem(0, 0, item)
            return
        names = list(values)
        units = self._units_of(arbitration_id)
        if names != self._signal_rows:
            # A new id, or a multiplexed message showing another group: rebuild the rows, keeping the plotted
            # signal selected where it is still there.
            self._signal_rows = names
            blocked = self.signals.blockSignals(True)
            self.signals.clearSpans()
            self.signals.setRowCount(len(names))
            for r, signal in enumerate(names):
                self.signals.setItem(r, 0, self._item(signal))
                self.signals.setItem(r, 1, self._item("", right=True))
                self.signals.setItem(r, 2, self._item(units.get(signal, "")))
            if self.plotted_signal in names:
                self.signals.selectRow(names.index(self.plotted_signal))
            else:
                self.signals.clearSelection()
            self.signals.blockSignals(blocked)
        for r, signal in enumerate(names):
            item = self.signals.item(r, 1)
            text = _format_value(values[signal])
            if item.text() != text:
                item.setText(text)
        if self.plotted_signal is not None:
            self._sample(now, values, redraw)

    def _item(self, text: str, right: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _units_of(self, arbitration_id: int) -> dict[str, str]:
        units = self._units.get(arbitration_id)
        if units is None:
            units = self._units[arbitration_id] = _signal_units(self.session, arbitration_id)
        return units

    # -- plot -----------------------------------------------------------------------------------------------
    def _sample(self, now: float, values: dict[str, object] | None = None, redraw: bool = False) -> None:
        """Add the plotted signal's value now; the line is redrawn every ``plot_every_s`` (or at once)."""
        if self.plotted_signal is None or self.selected_id is None:
            return
        if values is None:
            row = self.model.row_of(self.selected_id)
            if row is None:
                return
            data = self.model.index(row, 0).data(DATA_BYTES_ROLE)
            values = self.session.decode_frame(self.selected_id, data) or {}
        number = _number(values.get(self.plotted_signal))
        if number is None:
            return
        samples = self._samples
        period = self.ctx.profile.table_update_s
        if samples and now - samples[-1][0] > max(GAP_S, 2 * period) and not math.isnan(samples[-1][1]):
            # The panel was hidden: break the line rather than draw a straight one across the gap.
            samples.append((samples[-1][0] + period, math.nan))
        samples.append((now, number))
        while samples and samples[0][0] < now - PLOT_WINDOW_S:
            samples.popleft()
        if redraw or now - self._plotted_at >= self.ctx.profile.plot_every_s:
            # Each redraw repaints the whole plot (axes, grid, line): at the profile's plot rate only.
            self._plotted_at = now
            self.curve.setData([t - now for t, _ in samples], [v for _, v in samples])

    def plot_points(self) -> int:
        """How many samples the plot shows."""
        return sum(1 for _, v in self._samples if not math.isnan(v))

    # -- recording ------------------------------------------------------------------------------------------
    @property
    def recording(self) -> bool:
        return self._recorder is not None

    def start_recording(self) -> bool:
        """Record every frame to ``cockpit-YYYYmmdd-HHMMSS.blf``; a failure shows its line, never raises."""
        if self._recorder is not None:
            return True
        try:
            folder = self.record_dir
            if folder is None:
                import platformdirs

                folder = Path(platformdirs.user_documents_dir())
                folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"cockpit-{datetime.now():%Y%m%d-%H%M%S}.blf"
            self._recorder = self.session.start_recording(path)
        except Exception as exc:  # InputError with its one line, or an OSError from the folder
            line = exc.line() if hasattr(exc, "line") else f"{type(exc).__name__}: {exc}"
            self.stats.show_error(self.tr("Cannot record: {line}").format(line=line))
            return False
        self._recording_name = path.name
        self.recording_path = path
        self.stats.set_recording(True)
        self.stats.show_recording(path.name, 0)
        return True

    def stop_recording(self) -> int:
        """Stop and close the file; returns the frames written."""
        recorder, self._recorder = self._recorder, None
        self.stats.set_recording(False)
        if recorder is None:
            return 0
        try:
            self.session.stop_recording()
        except Exception as exc:
            line = exc.line() if hasattr(exc, "line") else f"{type(exc).__name__}: {exc}"
            self.stats.show_error(self.tr("Recording failed: {line}").format(line=line))
            return recorder.frames
        if recorder.failure:
            self.stats.show_error(recorder.summary())
        else:
            self.stats.show_saved(self._recording_name, recorder.frames)
        return recorder.frames

    def _record_toggled(self, on: bool) -> None:
        if on:
            self.start_recording()
        else:
            self.stop_recording()

    # -- layout ---------------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        size = event.size()
        narrow = size.width() < self.ctx.px(NARROW_PX)
        if narrow != self._narrow:
            self._narrow = narrow
            if narrow:
                # Table on top, the signals and the plot side by side under it.
                self.splitter.setOrientation(Qt.Orientation.Vertical)
                self._detail_body.setDirection(QBoxLayout.Direction.LeftToRight)
                share, total = 0.5, size.height()
            else:
                self.splitter.setOrientation(Qt.Orientation.Horizontal)
                self._detail_body.setDirection(QBoxLayout.Direction.TopToBottom)
                share, total = 0.6, size.width()
            # Short of height under the table: the column names of the signals are evident from their rows.
            self.signals.horizontalHeader().setVisible(not narrow)
            self.splitter.setSizes([round(total * share), round(total * (1 - share))])
        super().resizeEvent(event)


def _format_value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)  # ints, and choice names (cantools' NamedSignalValue prints its name)


def _number(value: object) -> float | None:
    """A plottable number: choices plot their raw value."""
    raw = getattr(value, "value", value)
    if isinstance(raw, bool | int | float):
        number = float(raw)
        return number if math.isfinite(number) else None
    return None


def _signal_units(session: Any, arbitration_id: int) -> dict[str, str]:
    """Signal → unit of the id's DBC message (empty when unknown)."""
    return session.signal_units(arbitration_id)
