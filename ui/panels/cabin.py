"""The cabin panel: the car from above as it reports itself, and a control for every cabin function.

Controls are grouped in pages (climate, seats, windows and doors, lights, drive and charging); each one is
bound to a function of the command layer, so a tap sends a CAN request and the control shows the request
pending, confirmed (the reported value) or failed with the car's reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cockpit.commands import COLOURS
from cockpit.state_store import SignalValue

from ..context import UiContext
from ..theme import compact_button
from ..widgets.car_top_view import VIEW_PATHS, CarTopView
from ..widgets.card import Card
from ..widgets.command_controls import (
    Binding,
    CommandChoice,
    CommandLevel,
    CommandSlider,
    CommandStepper,
    CommandToggle,
)
from .base import Panel

SEATS = ("driver", "passenger", "rear_left", "rear_right")
SWATCHES = ("white", "warm white", "red", "amber", "green", "ice blue", "blue", "purple", "pink")


def _degrees(v: Any) -> str:
    return f"{float(v):.0f}°"


def _percent(v: Any) -> str:
    return f"{float(v):.0f} %"


class CabinPanel(Panel):
    key = "cabin"
    icon = "❖"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.controls: list[Any] = []
        row = QHBoxLayout(self)
        gap = ctx.px(10)
        row.setContentsMargins(gap, gap, gap, gap)
        row.setSpacing(gap)
        car_card = Card(ctx, self.tr("Cabin"))
        self.car = CarTopView(ctx)
        car_card.body.addWidget(self.car, 1)
        row.addWidget(car_card, 2)

        right = QVBoxLayout()
        right.setSpacing(gap)
        tabs = QHBoxLayout()
        tabs.setSpacing(ctx.px(4))
        self.pages = QStackedWidget()
        self.tab_group = QButtonGroup(self)
        self.tab_group.setExclusive(True)
        builders: list[tuple[str, Callable[[], QWidget]]] = [
            (self.tr("Climate"), self._climate_page),
            (self.tr("Seats"), self._seats_page),
            (self.tr("Windows"), self._body_page),
            (self.tr("Doors && roof"), self._doors_page),
            (self.tr("Lights"), self._lights_page),
            (self.tr("Drive && charging"), self._drive_page),
        ]
        for index, (title, build) in enumerate(builders):
            button = QPushButton(title)
            button.setCheckable(True)
            button.setObjectName("tab")
            button.setStyleSheet(compact_button(ctx.scale, ctx.px(8)))
            self.tab_group.addButton(button, index)
            tabs.addWidget(button)
            card = Card(ctx)
            card.body.addWidget(build())
            card.body.addStretch(1)
            self.pages.addWidget(card)
        self.tab_group.idClicked.connect(self.show_page)
        self.tab_group.button(0).setChecked(True)
        tabs.addStretch(1)
        right.addLayout(tabs)
        right.addWidget(self.pages, 1)
        row.addLayout(right, 5)

    def title(self) -> str:
        return self.tr("Cabin")

    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.tab_group.button(index).setChecked(True)
        self.refresh({})

    # -- pages ----------------------------------------------------------------------------------------------
    def _grid(self) -> tuple[QWidget, QGridLayout]:
        page = QWidget()
        page.setObjectName("cabinPage")
        page.setStyleSheet("QWidget#cabinPage { background: transparent; }")
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(self.ctx.px(12))
        grid.setVerticalSpacing(self.ctx.px(10))
        return page, grid

    def _add(self, grid: QGridLayout, row: int, label: str, *controls: QWidget) -> None:
        text = QLabel(label)
        text.setObjectName("dim")
        grid.addWidget(text, row, 0)
        for col, control in enumerate(controls, start=1):
            grid.addWidget(control, row, col)
            self.controls.append(control)

    def _climate_page(self) -> QWidget:
        ctx = self.ctx
        page, grid = self._grid()
        self._add(grid, 0, self.tr("Driver"), CommandStepper(ctx, "climate.temperature", "driver", _degrees))
        self._add(
            grid,
            1,
            self.tr("Passenger"),
            CommandStepper(ctx, "climate.temperature", "passenger", _degrees),
            CommandToggle(ctx, "climate.sync", self.tr("Sync")),
        )
        self._add(
            grid,
            2,
            self.tr("Fan"),
            CommandStepper(ctx, "climate.fan", None, lambda v: f"{v:.0f}", icon="car-fan"),
            CommandToggle(ctx, "climate.auto", self.tr("Auto")),
            CommandToggle(ctx, "climate.ac", self.tr("A/C")),
        )
        self._add(
            grid,
            3,
            self.tr("Air"),
            CommandToggle(ctx, "climate.recirculation", self.tr("Recirculate")),
            CommandToggle(ctx, "climate.defrost_front", self.tr("Windscreen defrost")),
            CommandToggle(ctx, "climate.defrost_rear", self.tr("Rear defrost")),
        )
        distribution = CommandChoice(
            ctx,
            "climate.distribution",
            [
                ("face", self.tr("Face")),
                ("face_feet", self.tr("Face + feet")),
                ("feet", self.tr("Feet")),
                ("feet_windshield", self.tr("Feet + screen")),
                ("windshield", self.tr("Screen")),
            ],
        )
        self._add(grid, 4, self.tr("Distribution"), distribution)
        grid.addWidget(distribution, 4, 1, 1, 3)
        grid.setColumnStretch(4, 1)
        return page

    def _seats_page(self) -> QWidget:
        ctx = self.ctx
        page, grid = self._grid()
        # Eight columns: at 800×480 the usual gaps cut "Massage" and the heating dots by 4-5 px each.
        grid.setHorizontalSpacing(ctx.px(6))
        names = {
            "driver": self.tr("Driver"),
            "passenger": self.tr("Passenger"),
            "rear_left": self.tr("Rear left"),
            "rear_right": self.tr("Rear right"),
        }
        for col, title in enumerate(
            (
                self.tr("Heating"),
                self.tr("Ventilation"),
                self.tr("Massage"),
                self.tr("Programme"),
                self.tr("Intensity"),
            ),
            start=1,
        ):
            head = QLabel(title)
            head.setObjectName("dim")
            grid.addWidget(head, 0, col)
        programmes = [
            (p, t)
            for p, t in (
                ("wave", self.tr("Wave")),
                ("cat", self.tr("Cat")),
                ("stretch", self.tr("Stretch")),
                ("pulse", self.tr("Pulse")),
                ("shoulder", self.tr("Shoulder")),
                ("lumbar", self.tr("Lumbar")),
            )
        ]
        for row, seat in enumerate(SEATS, start=1):
            self._add(
                grid,
                row,
                names[seat],
                CommandLevel(ctx, "seat.heating", seat, "♨", 3, icon="flame"),
                CommandLevel(ctx, "seat.ventilation", seat, "❄", 3, icon="wind"),
                CommandToggle(ctx, "seat.massage", self.tr("Massage"), seat),
                ProgrammeCycle(ctx, seat, programmes),
                CommandStepper(ctx, "seat.massage_intensity", seat, lambda v: f"{v:.0f}/3"),
            )
        self._add(
            grid,
            len(SEATS) + 1,
            self.tr("Steering wheel"),
            CommandToggle(ctx, "steering_wheel.heating", self.tr("Heating")),
        )
        grid.setColumnStretch(6, 1)
        return page

    def _body_page(self) -> QWidget:
        ctx = self.ctx
        page, grid = self._grid()
        names = {
            "driver": self.tr("Driver window"),
            "passenger": self.tr("Passenger window"),
            "rear_left": self.tr("Rear left window"),
            "rear_right": self.tr("Rear right window"),
        }
        for row, seat in enumerate(SEATS):
            slider = CommandSlider(ctx, "window.position", seat, _percent)
            self._add(
                grid,
                row,
                names[seat],
                slider,
                OneTouch(ctx, "window.position", seat, 100, self.tr("Open")),
                OneTouch(ctx, "window.position", seat, 0, self.tr("Close")),
            )
        n = len(SEATS)
        self._add(
            grid,
            n,
            self.tr("All windows"),
            CommandToggle(ctx, "window.child_lock", self.tr("Rear child lock")),
            OneTouch(ctx, "window.position", "all", 100, self.tr("Open")),
            OneTouch(ctx, "window.position", "all", 0, self.tr("Close")),
        )
        grid.setColumnStretch(1, 1)
        return page

    def _doors_page(self) -> QWidget:
        ctx = self.ctx
        page, grid = self._grid()
        self._add(grid, 0, self.tr("Sunroof"), CommandSlider(ctx, "sunroof.position", None, _percent))
        self._add(grid, 1, self.tr("Sunshade"), CommandSlider(ctx, "sunroof.shade", None, _percent))
        self._add(
            grid,
            2,
            self.tr("Locks and lids"),
            CommandToggle(ctx, "doors.locked", self.tr("Locked")),
            CommandToggle(ctx, "trunk.open", self.tr("Tailgate")),
            CommandToggle(ctx, "frunk.open", self.tr("Frunk")),
        )
        grid.setColumnStretch(1, 1)
        return page

    def _lights_page(self) -> QWidget:
        ctx = self.ctx
        page, grid = self._grid()
        exterior = CommandChoice(
            ctx,
            "lights.exterior",
            [
                ("off", self.tr("Off")),
                ("auto", self.tr("Auto")),
                ("low", self.tr("Low beam")),
                ("high", self.tr("High beam")),
            ],
        )
        self._add(grid, 0, self.tr("Exterior"), exterior)
        self._add(grid, 1, self.tr("Ambient"), CommandToggle(ctx, "ambient.on", self.tr("On")))
        self._add(grid, 2, self.tr("Colour"), ColourSwatches(ctx))
        self._add(grid, 3, self.tr("Brightness"), CommandSlider(ctx, "ambient.brightness", None, _percent))
        self._add(grid, 4, self.tr("Hazards"), CommandToggle(ctx, "lights.flash", self.tr("Flash")))
        grid.setColumnStretch(1, 1)
        return page

    def _drive_page(self) -> QWidget:
        ctx = self.ctx
        page, grid = self._grid()
        mode = CommandChoice(
            ctx,
            "drive.mode",
            [("eco", self.tr("Eco")), ("comfort", self.tr("Comfort")), ("sport", self.tr("Sport"))],
        )
        regen = CommandChoice(
            ctx,
            "drive.regen",
            [(0, self.tr("Coast")), (1, self.tr("Low")), (2, self.tr("Medium")), (3, self.tr("High"))],
        )
        self._add(grid, 0, self.tr("Drive mode"), mode)
        self._add(grid, 1, self.tr("Regeneration"), regen)
        self._add(
            grid, 2, self.tr("Charge limit"), CommandStepper(ctx, "charging.limit", None, _percent, step=5)
        )
        port = CommandChoice(ctx, "charging.port", [("open", self.tr("Open")), ("closed", self.tr("Closed"))])
        self._add(grid, 3, self.tr("Charge port"), port)
        charging = CommandChoice(
            ctx, "charging.active", [("start", self.tr("Start")), ("stop", self.tr("Stop"))]
        )
        self._add(grid, 4, self.tr("Charging"), charging)
        grid.setColumnStretch(2, 1)
        return page

    # -- refresh --------------------------------------------------------------------------------------------
    def refresh(self, changed: dict[str, SignalValue]) -> None:
        store = self.ctx.session.store
        self.car.show_state(store.value, VIEW_PATHS)
        page = self.pages.currentWidget()
        for control in self.controls:
            if page.isAncestorOf(control):
                control.refresh()


class OneTouch(QPushButton):
    """One-touch open or close: one tap sends the end position (the window runs there on its own)."""

    def __init__(self, ctx: UiContext, function: str, instance: str, value: int, text: str) -> None:
        super().__init__(text)
        self.binding = Binding(ctx, function, instance)
        self.value, self.caption = value, text
        self.clicked.connect(lambda: self.binding.send(value=self.value))

    def refresh(self) -> None:
        if self.binding.instance == "all":
            return
        shown = self.binding.state()
        mine = shown if shown.target == self.value else type(shown)(shown.reported)
        self.binding.paint(self, self.caption, mine)


class ProgrammeCycle(QPushButton):
    """The massage programme: a tap moves to the next programme."""

    def __init__(self, ctx: UiContext, seat: str, programmes: list[tuple[str, str]]) -> None:
        super().__init__()
        self.binding = Binding(ctx, "seat.massage_program", seat)
        self.programmes = programmes
        self.clicked.connect(self._next)

    def _next(self) -> None:
        shown = self.binding.state()
        keys = [p for p, _ in self.programmes]
        current = shown.target if shown.state == "pending" else shown.reported
        index = keys.index(current) if current in keys else -1
        self.binding.send(value=keys[(index + 1) % len(keys)])
        self.refresh()

    def refresh(self) -> None:
        shown = self.binding.state()
        names = dict(self.programmes)
        text = names.get(shown.reported, "—")
        self.setText(self.binding.paint(self, text, shown, lambda v: names.get(v, str(v))))


class ColourSwatches(QWidget):
    """Ambient colours as swatches; the one the car reports is checked."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.binding = Binding(ctx, "ambient.color")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(ctx.px(4))
        self.buttons: dict[tuple[int, int, int], QPushButton] = {}
        side = ctx.px(22)
        for name in SWATCHES:
            rgb = COLOURS[name]
            button = QPushButton()
            button.setCheckable(True)
            button.setIcon(_swatch(rgb, side))
            button.setIconSize(QSize(side, side))
            button.setToolTip(name)
            button.clicked.connect(lambda _=False, c=rgb: self._choose(c))
            row.addWidget(button)
            self.buttons[rgb] = button
        row.addStretch(1)

    def _choose(self, rgb: tuple[int, int, int]) -> None:
        self.binding.send(value=rgb)
        self.refresh()

    def refresh(self) -> None:
        shown = self.binding.state()
        reported = tuple(shown.reported) if shown.reported is not None else None
        for rgb, button in self.buttons.items():
            button.setChecked(rgb == reported)
            mine = shown if shown.target == rgb else type(shown)(shown.reported)
            self.binding.paint(button, "", mine)


def _swatch(rgb: tuple[int, int, int], side: int) -> QIcon:
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor(0, 0, 0, 0))
    p = QPainter(pixmap)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(*rgb))
        p.setPen(QColor(0, 0, 0, 90))
        p.drawEllipse(1, 1, side - 2, side - 2)
    finally:
        p.end()
    return QIcon(pixmap)
