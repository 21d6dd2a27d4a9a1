"""The CAN monitor's statistics strip: frames/s, bus load, totals, unknown ids, and the Record button."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..context import UiContext
from ..icons import set_icon

# Bus load from which the figure turns amber: arbitration delays grow quickly past it.
BUSY_LOAD = 0.8
STAT_KEYS = ("rate", "load", "frames", "errors", "unknown", "ids")


class _Stat(QWidget):
    """A value over a small caption."""

    def __init__(self, ctx: UiContext, caption: str) -> None:
        super().__init__()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.value = QLabel("—")
        self.value.setObjectName("value")
        self.caption = QLabel(caption)
        self.caption.setObjectName("dim")
        self.caption.setStyleSheet(f"font-size: {ctx.px(12)}px;")
        box.addWidget(self.value)
        box.addWidget(self.caption)


class BusStats(QFrame):
    """A card with the bus figures in one row (two at narrow widths) and the Record button on the right.

    ``record_toggled(bool)`` is emitted when the button is pressed; the owner starts or stops recording and
    reports back with :meth:`show_recording`, :meth:`show_saved` or :meth:`show_error`.
    """

    record_toggled = Signal(bool)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("card")
        self._locale = QLocale()
        t = ctx.theme
        outer = QVBoxLayout(self)
        outer.setContentsMargins(ctx.px(14), ctx.px(6), ctx.px(8), ctx.px(6))
        outer.setSpacing(ctx.px(4))
        row = QHBoxLayout()
        row.setSpacing(ctx.px(12))
        outer.addLayout(row)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(ctx.px(14))
        self._grid.setVerticalSpacing(ctx.px(2))
        row.addLayout(self._grid, 1)
        captions = {
            "rate": self.tr("frames/s"),
            "load": self.tr("bus load"),
            "frames": self.tr("frames"),
            "errors": self.tr("error frames"),
            "unknown": self.tr("unknown IDs"),
            "ids": self.tr("IDs seen"),
        }
        self.stats = {key: _Stat(ctx, captions[key]) for key in STAT_KEYS}
        self._columns = 0
        self._colours: dict[str, str] = {}
        self._arrange(len(STAT_KEYS))

        self.record = QPushButton()
        self.record.setObjectName("record")
        self.record.setCheckable(True)
        self.record.setMinimumHeight(ctx.touch(48))
        self.record.setStyleSheet(
            f"QPushButton#record {{ min-width: {ctx.px(112)}px; font-weight: 600; }}"
            f"QPushButton#record:checked {{ background: {t.danger}; border-color: {t.danger};"
            " color: white; }"
        )
        self.record.toggled.connect(self._toggled)
        self._set_record_text(False)
        row.addWidget(self.record, 0, Qt.AlignmentFlag.AlignVCenter)

        self.status = QLabel()
        self.status.setObjectName("recordStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        outer.addWidget(self.status)

    # -- figures --------------------------------------------------------------------------------------------
    def set_figures(
        self,
        frames_per_second: float,
        bus_load: float,
        frames: int,
        error_frames: int,
        unknown_ids: int,
        ids: int,
    ) -> None:
        loc = self._locale
        s = self.stats
        s["rate"].value.setText(loc.toString(round(frames_per_second)))
        s["load"].value.setText("—" if math.isnan(bus_load) else f"{bus_load * 100:.1f} %")
        t = self.ctx.theme
        busy = not math.isnan(bus_load) and bus_load >= BUSY_LOAD
        self._colour("load", t.warning if busy else t.text)
        s["frames"].value.setText(loc.toString(frames))
        s["errors"].value.setText(loc.toString(error_frames))
        self._colour("errors", t.danger if error_frames else t.text)
        s["unknown"].value.setText(loc.toString(unknown_ids))
        s["ids"].value.setText(loc.toString(ids))

    def _colour(self, key: str, colour: str) -> None:
        # A style sheet change re-polishes the label: only when the colour really changes.
        if self._colours.get(key) != colour:
            self._colours[key] = colour
            self.stats[key].value.setStyleSheet(f"color: {colour};")

    def text_of(self, key: str) -> str:
        return self.stats[key].value.text()

    # -- recording ------------------------------------------------------------------------------------------
    def show_recording(self, file_name: str, frames: int) -> None:
        self._set_status(
            self.tr("● Recording {name} · {frames} frames").format(
                name=file_name, frames=self._locale.toString(frames)
            ),
            self.ctx.theme.danger,
        )

    def show_saved(self, file_name: str, frames: int) -> None:
        self._set_status(
            self.tr("Saved {name} · {frames} frames").format(
                name=file_name, frames=self._locale.toString(frames)
            ),
            self.ctx.theme.text_dim,
        )

    def show_error(self, line: str) -> None:
        self._set_status(line, self.ctx.theme.danger)
        self.set_recording(False)

    def set_recording(self, on: bool) -> None:
        """Set the button without emitting ``record_toggled``."""
        blocked = self.record.blockSignals(True)
        self.record.setChecked(on)
        self.record.blockSignals(blocked)
        self._set_record_text(on)

    def _set_status(self, text: str, colour: str) -> None:
        self.status.setText(text)
        if self._colours.get("status") != colour:
            self._colours["status"] = colour
            self.status.setStyleSheet(f"color: {colour};")
        self.status.show()

    def _toggled(self, on: bool) -> None:
        self._set_record_text(on)
        self.record_toggled.emit(on)

    def _set_record_text(self, on: bool) -> None:
        # Red dot to start; once recording, the button is red and shows a white stop square.
        t = self.ctx.theme
        name, colour, text, glyph = (
            ("player-stop", "#ffffff", self.tr("Stop"), "■")
            if on
            else ("player-record", t.danger, self.tr("Record"), "●")
        )
        set_icon(self.record, name, colour, self.ctx.px(22), colour, text, f"{glyph}  {text}")

    # -- layout ---------------------------------------------------------------------------------------------
    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self.stats.values():
            self._grid.removeWidget(widget)
        for k, key in enumerate(STAT_KEYS):
            self._grid.addWidget(self.stats[key], k // columns, k % columns)
        for c in range(len(STAT_KEYS)):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802
        # Six figures and the button need about 700 px at scale 1; below that, two rows of three.
        self._arrange(len(STAT_KEYS) if event.size().width() >= self.ctx.px(700) else 3)
        super().resizeEvent(event)
