"""The energy panel: charge and range, where the power goes, power and speed over time, consumption, trip
computer, battery pack detail, the charging session, and for an EREV fuel and generator."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cockpit.state_store import SignalValue

from ..context import UiContext
from ..icons import set_icon
from ..theme import compact_button
from ..widgets.card import Card, value_label
from ..widgets.plot import car_plot
from ..widgets.power_flow import PowerFlowView
from ..widgets.soc_ring import SocRing
from .base import Panel

P = "Vehicle.Powertrain."
TB = P + "TractionBattery."
PLOT_SECONDS = 300
BARS = 10  # the consumption of the last ten kilometres (or miles)
SLOW_EVERY_S = 0.2


class EnergyPanel(Panel):
    key = "energy"
    icon = "⚡"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        profile = ctx.session.vehicle.profile
        self.monitor = ctx.session.energy
        self.is_erev = bool(profile and profile.settings.get("range_extender"))
        self._plot_at = 0.0
        self._slow_at = 0.0
        self.plots_ready = False
        gap = ctx.px(8)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(gap, gap, gap, gap)
        outer.setSpacing(gap)
        # Small screens show the cards two at a time, chosen with these (a screen that fits, no scrolling).
        self.page_row = QWidget()
        self.page_row.setObjectName("plain")
        row = QHBoxLayout(self.page_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(gap)
        self.page_buttons = QButtonGroup(self)
        for i, text in enumerate(
            (self.tr("Now"), self.tr("History"), self.tr("Trip and pack"), self.tr("Charging"))
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            self.page_buttons.addButton(button, i)
            row.addWidget(button)
        self.page_buttons.button(0).setChecked(True)
        self.page_buttons.idClicked.connect(self.show_page)
        outer.addWidget(self.page_row)
        self.grid = QGridLayout()
        self.grid.setSpacing(gap)
        outer.addLayout(self.grid, 1)
        self.charge, self.flow_card, self.plot_card, self.consumption, self.trip_card, self.pack_card = (
            self._charge_card(),
            self._flow_card(),
            self._plot_card(),
            self._consumption_card(),
            self._trip_card(),
            self._pack_card(),
        )
        self.charging_card = self._charging_card()
        self.cards = [
            self.charge,
            self.flow_card,
            self.plot_card,
            self.consumption,
            self.trip_card,
            self.pack_card,
            self.charging_card,
        ]
        if self.is_erev:
            self.cards.append(self._erev_card())
        # Narrow: two cards a page; the range extender shares the charging page.
        self.pages = [self.cards[0:2], self.cards[2:4], self.cards[4:6], self.cards[6:]]
        self.page = 0
        self._wide: bool | None = None
        self._wide_height = self.ctx.px(560)  # the wide arrangement's minimum, known once laid out
        self._relayout(True)

    def title(self) -> str:
        return self.tr("Energy")

    # -- layout ---------------------------------------------------------------------------------------------
    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        # Wide: every card at once, when there is room for three rows (the height does not change with a
        # scroll bar, so the choice cannot flip back and forth).
        # The room is the scroll area's (a panel taller than it would otherwise keep the wide arrangement).
        room = self.parentWidget() or self
        self._relayout(room.width() >= self.ctx.px(1000) and room.height() >= self._wide_height)
        super().resizeEvent(event)  # type: ignore[arg-type]

    def show_page(self, index: int) -> None:
        self.page = index
        self.page_buttons.button(index).setChecked(True)
        self._wide = None
        self._relayout(False)

    def _relayout(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        for card in self.cards:
            self.grid.removeWidget(card)
        for c in range(12):
            self.grid.setColumnStretch(c, 0)
        for r in range(3):
            self.grid.setRowStretch(r, 0)
        self.page_row.setVisible(not wide)
        if wide:
            # charge | flow ; plot | consumption ; trip | pack | charging (| range extender), on 12 columns
            # The range extender's card shares the top row, so the charging card keeps room for its curve.
            if self.is_erev:
                top = [(self.cards[0], 0, 0, 3), (self.cards[1], 0, 3, 6), (self.cards[7], 0, 9, 3)]
            else:
                top = [(self.cards[0], 0, 0, 4), (self.cards[1], 0, 4, 8)]
            placed = [
                *top,
                (self.cards[2], 1, 0, 8),
                (self.cards[3], 1, 8, 4),
            ] + [(card, 2, i * 4, 4) for i, card in enumerate(self.cards[4:7])]
            for card, row, col, span in placed:
                self.grid.addWidget(card, row, col, 1, span)
                card.show()
            for c in range(12):
                self.grid.setColumnStretch(c, 1)
            for r, stretch in enumerate((4, 5, 5)):
                self.grid.setRowStretch(r, stretch)
            self.fit_changed()
            self._wide_height = self.minimumSizeHint().height()
            return
        shown = self.pages[self.page]
        for card in self.cards:
            card.setVisible(card in shown)
        for i, card in enumerate(shown):
            self.grid.addWidget(card, 0, i)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setRowStretch(0, 1)
        self.fit_changed()

    # -- cards ----------------------------------------------------------------------------------------------
    def _charge_card(self) -> Card:
        card = Card(self.ctx, self.tr("Battery"))
        self.ring = SocRing(self.ctx)
        card.body.addWidget(self.ring, 1)
        return card

    def _flow_card(self) -> Card:
        card = Card(self.ctx, self.tr("Power flow"))
        self.flow = PowerFlowView(self.ctx)
        card.body.addWidget(self.flow, 1)
        return card

    def _plot_card(self) -> Card:
        card = Card(self.ctx, self.tr("Power and speed, last 5 minutes"))
        self.plot_slot = _slot(self.ctx.px(80))
        card.body.addWidget(self.plot_slot, 1)
        return card

    def _consumption_card(self) -> Card:
        unit = self.ctx.units.distance(1.0)[1]
        # One string per unit: Chinese names the unit in words (每公里), not with its symbol.
        title = self.tr("Consumption per mile") if unit == "mi" else self.tr("Consumption per km")
        card = Card(self.ctx, title)
        self.bars_slot = _slot(self.ctx.px(80))
        # Until the first whole km is driven there is nothing to draw: say so instead of empty axes.
        self.bars_waiting = QLabel(self.tr("Bars appear after the first {0}.").format(unit))
        self.bars_waiting.setObjectName("dim")
        self.bars_waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.consumption_now = value_label()
        card.body.addWidget(self.bars_slot, 1)
        card.body.addWidget(self.bars_waiting, 1)
        card.body.addWidget(self.consumption_now)
        self.bars_slot.hide()
        return card

    def after_first_paint(self) -> None:
        """The plots: pyqtgraph takes most of a second to import, so it waits until the window is up."""
        if self.plots_ready:
            return
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True)
        t, units = self.ctx.theme, self.ctx.units
        self.plot = _plot_widget(t)
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        item = self.plot.getPlotItem()
        item.setLabel("left", "kW", color=t.plot_power)
        item.showAxis("right")
        item.setLabel("right", units.speed(0)[1], color=t.plot_speed)
        self.speed_view = pg.ViewBox(enableMenu=False)
        item.scene().addItem(self.speed_view)
        item.getAxis("right").linkToView(self.speed_view)
        self.speed_view.setXLink(item)
        item.vb.sigResized.connect(lambda: self.speed_view.setGeometry(item.vb.sceneBoundingRect()))
        item.getAxis("right").setTextPen(t.text_dim)
        item.getAxis("right").setPen(t.border)
        item.setLabel("bottom", self.tr("seconds"), color=t.text_dim)
        self.power_curve = self.plot.plot(pen=pg.mkPen(t.plot_power, width=2))
        self.power_curve.setFillLevel(0)
        self.power_curve.setBrush(pg.mkColor(t.plot_power + "30"))
        self.speed_curve = pg.PlotDataItem(pen=pg.mkPen(t.plot_speed, width=1.5))
        self.speed_view.addItem(self.speed_curve)
        self.plot_slot.layout().addWidget(self.plot)

        self.bars_plot = _plot_widget(t)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=t.accent)
        self.bars_plot.setLabel("bottom", units.distance(0)[1], color=t.text_dim)
        self.bars_plot.setLabel("left", units.consumption(0)[1], color=t.text_dim)
        self.bars_plot.addItem(self.bars)
        # The trip's average across the bars, so each kilometre reads as above or below it.
        self.average_line = pg.InfiniteLine(
            angle=0, movable=False, pen=pg.mkPen(t.warning, width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.average_line.hide()
        self.bars_plot.addItem(self.average_line)
        self.bars_slot.layout().addWidget(self.bars_plot)

        self.charge_plot = _plot_widget(t)
        self.charge_plot.setLabel("left", "kW")
        self.charge_plot.setLabel("bottom", "SoC %")
        self.charge_curve = self.charge_plot.plot(pen=pg.mkPen(t.positive, width=2))
        self.charge_slot.layout().addWidget(self.charge_plot)
        self.plots_ready = True
        self._plot_at = 0.0

    def _grid_card(self, title: str, rows: list[tuple[str, str]]) -> tuple[Card, dict[str, QLabel]]:
        card = Card(self.ctx, title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(self.ctx.px(12))
        grid.setVerticalSpacing(self.ctx.px(2))
        labels: dict[str, QLabel] = {}
        for r, (key, text) in enumerate(rows):
            name = QLabel(text)
            name.setObjectName("dim")
            grid.addWidget(name, r, 0)
            labels[key] = value_label(kind="cell")
            grid.addWidget(labels[key], r, 1)
        holder = QWidget()
        holder.setObjectName("plain")
        holder.setLayout(grid)
        card.body.addWidget(holder)
        return card, labels

    def _trip_card(self) -> Card:
        rows = [
            ("distance", self.tr("Distance")),
            ("energy", self.tr("Energy used")),
            ("average", self.tr("Average")),
            ("regen", self.tr("Regenerated")),
        ]
        card = Card(self.ctx, self.tr("Trip computer"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(self.ctx.px(12))
        grid.setVerticalSpacing(self.ctx.px(2))
        head_start = QLabel(self.tr("Since start"))
        head_start.setObjectName("dim")
        grid.addWidget(head_start, 0, 1)
        # The trip column's header is its reset button: one tap target, no extra row.
        self.reset_button = QPushButton()
        set_icon(
            self.reset_button,
            "refresh",
            self.ctx.theme.text,
            self.ctx.px(18),
            text=self.tr("Trip"),
            missing_text=self.tr("Trip ⟲"),
        )
        self.reset_button.setToolTip(self.tr("Reset trip"))
        self.reset_button.setStyleSheet(compact_button(self.ctx.scale, self.ctx.px(6)))
        self.reset_button.clicked.connect(self._reset_trip)
        grid.addWidget(self.reset_button, 0, 2)
        self.trip_labels: dict[tuple[str, str], QLabel] = {}
        for r, (key, text) in enumerate(rows, start=1):
            name = QLabel(text)
            name.setObjectName("dim")
            grid.addWidget(name, r, 0)
            for col, which in ((1, "start"), (2, "trip")):
                self.trip_labels[(which, key)] = value_label(kind="cell")
                grid.addWidget(self.trip_labels[(which, key)], r, col)
        holder = QWidget()
        holder.setObjectName("plain")
        holder.setLayout(grid)
        card.body.addWidget(holder)
        return card

    def _pack_card(self) -> Card:
        card, self.pack = self._grid_card(
            self.tr("Battery pack"),
            [
                ("voltage", self.tr("Voltage")),
                ("current", self.tr("Current")),
                ("temps", self.tr("Temperature min / avg / max")),
                ("cells", self.tr("Cells min / max")),
                ("delta", self.tr("Cell delta")),
            ],
        )
        return card

    def _charging_card(self) -> Card:
        card = Card(self.ctx, self.tr("Charging"))
        self.charge_state = value_label(self.tr("Not charging"))
        # No word wrap: a wrapping label makes the whole panel height-for-width, and the scroll area then
        # sizes it by its (tall) size hint instead of fitting the screen.
        self.charge_detail = QLabel("")
        self.charge_detail.setObjectName("dim")
        self.charge_slot = _slot(self.ctx.px(70))
        card.body.addWidget(self.charge_state)
        card.body.addWidget(self.charge_detail)
        card.body.addWidget(self.charge_slot, 1)
        return card

    def _erev_card(self) -> Card:
        card, self.erev = self._grid_card(
            self.tr("Range extender"),
            [
                ("fuel", self.tr("Fuel")),
                ("generator", self.tr("Generator")),
                ("ev_range", self.tr("Electric range")),
                ("total_range", self.tr("Total range")),
            ],
        )
        return card

    def _reset_trip(self) -> None:
        self.monitor.reset_trip()
        self._update_slow()

    # -- updates --------------------------------------------------------------------------------------------
    def refresh(self, changed: dict[str, SignalValue]) -> None:
        now = time.monotonic()
        # The pi profile's slower update period paints the cards less often (at most every 0.2 s anyway).
        if now - self._slow_at >= max(SLOW_EVERY_S, self.ctx.profile.table_update_s):
            self._slow_at = now
            self._update_slow()
        if now - self._plot_at >= self.ctx.profile.plot_every_s:
            self._plot_at = now
            self._update_plots()

    def shown(self) -> None:
        self._slow_at = self._plot_at = 0.0
        self.refresh({})

    def _update_slow(self) -> None:
        store, units = self.ctx.session.store, self.ctx.units
        soc = store.value(TB + "StateOfCharge.Displayed")
        ranges = self.monitor.ranges()
        caption = ""
        electric = ranges.electric_km if ranges else None
        if electric is not None:
            value, unit = units.distance(electric)
            caption = f"{value:.0f} {unit}"
        charging = self.monitor.charging is not None and self.monitor.charging.active
        self.ring.set(soc, caption, charging)
        pf = self.monitor.power_flow()
        self.flow.set_flow(pf, has_generator=self.is_erev)
        for which, stats in (("start", self.monitor.since_start), ("trip", self.monitor.trip)):
            d, dunit = units.distance(stats.distance_km)
            self.trip_labels[(which, "distance")].setText(f"{d:.1f} {dunit}")
            self.trip_labels[(which, "energy")].setText(f"{stats.energy_kwh:.2f} kWh")
            avg = stats.average_wh_per_km
            if avg is None:
                self.trip_labels[(which, "average")].setText("—")
            else:
                c, cunit = units.consumption(avg)
                self.trip_labels[(which, "average")].setText(f"{c:.0f} {cunit}")
            self.trip_labels[(which, "regen")].setText(f"{stats.regenerated_kwh:.2f} kWh")
        self._update_pack(store)
        self._update_charging()
        if self.is_erev:
            self._update_erev(ranges)

    def _update_pack(self, store: object) -> None:
        v = store.value  # type: ignore[attr-defined]
        voltage, current = v(TB + "CurrentVoltage"), v(TB + "CurrentCurrent")
        self.pack["voltage"].setText(f"{voltage:.1f} V" if voltage is not None else "—")
        self.pack["current"].setText(f"{current:+.1f} A" if current is not None else "—")
        temps = [v(TB + f"Temperature.{k}") for k in ("Min", "Average", "Max")]
        if all(x is not None for x in temps):
            shown = [self.ctx.units.temperature(x) for x in temps]
            self.pack["temps"].setText(" / ".join(f"{x:.0f}" for x, _ in shown) + f" {shown[0][1]}")
        low, high = v(TB + "CellVoltage.Min"), v(TB + "CellVoltage.Max")
        if low is not None and high is not None:
            self.pack["cells"].setText(f"{low:.3f} / {high:.3f} V")
            delta = (high - low) * 1000
            self.pack["delta"].setText(f"{delta:.0f} mV")
            warn = delta > 50
            self.pack["delta"].setStyleSheet(f"color: {self.ctx.theme.warning};" if warn else "")

    def _update_charging(self) -> None:
        session = self.monitor.charging
        if session is None:
            self.charge_state.setText(self.tr("Not charging"))
            self.charge_detail.setText(self.tr("Plug in to see the power curve."))
            if self.plots_ready:
                self.charge_curve.setData([], [])
            self.charge_slot.hide()
            return
        self.charge_slot.show()
        state = self.tr("Charging") if session.active else self.tr("Charging finished")
        self.charge_state.setText(f"{state} · {session.power_kw:.0f} kW")
        parts = [self.tr("target {0:.0f} %").format(session.target_soc)] if session.target_soc else []
        if session.active and session.minutes_to_target is not None:
            minutes = int(session.minutes_to_target)
            parts.append(self.tr("{0} h {1:02d} min to target").format(minutes // 60, minutes % 60))
        parts.append(self.tr("{0:.1f} kWh added").format(session.energy_added_kwh))
        self.charge_detail.setText("\n".join(parts))
        points = session.points
        if points and self.plots_ready:
            known = [(p[2], p[1]) for p in points if np.isfinite(p[2]) and np.isfinite(p[1])]
            if not known:
                return
            soc, kw = [k[0] for k in known], [k[1] for k in known]
            self.charge_curve.setData(soc, kw)
            # Sane axes: power from zero (a steady 110 kW must not fill a 109.90–110.00 span) and the SoC
            # span charged so far, at least 10 points wide.
            self.charge_plot.setYRange(0, max(max(kw) * 1.15, 10.0), padding=0)
            low, high = min(soc), max(soc)
            if high - low < 10:
                low, high = max(0.0, high - 10), max(10.0, high)
            self.charge_plot.setXRange(low, min(100.0, high + 2), padding=0)

    def _update_erev(self, ranges: object) -> None:
        store, units = self.ctx.session.store, self.ctx.units
        level = store.value(P + "FuelSystem.RelativeLevel")
        self.erev["fuel"].setText(f"{level:.0f} %" if level is not None else "—")
        generator = self.monitor.power_flow().generator_kw
        self.erev["generator"].setText(f"{generator:.0f} kW" if generator is not None else "—")
        for key, attr in (("ev_range", "electric_km"), ("total_range", "total_km")):
            km = getattr(ranges, attr, None) if ranges else None
            if km is None:
                self.erev[key].setText("—")
            else:
                d, unit = units.distance(km)
                self.erev[key].setText(f"{d:.0f} {unit}")

    def _update_plots(self) -> None:
        if not self.plots_ready:
            return
        store = self.ctx.session.store
        t_power, power = store.history(TB + "CurrentPower")
        t_speed, speed = store.history("Vehicle.Speed")
        now = max(t_power[-1] if len(t_power) else 0.0, t_speed[-1] if len(t_speed) else 0.0)
        if len(t_power):
            keep = t_power >= now - PLOT_SECONDS
            self.power_curve.setData(t_power[keep] - now, power[keep] / 1000)
        if len(t_speed):
            keep = t_speed >= now - PLOT_SECONDS
            factor = self.ctx.units.speed(1.0)[0]
            self.speed_curve.setData(t_speed[keep] - now, speed[keep] * factor)
            self.speed_view.setYRange(0, max(60.0, float(np.max(speed[keep]) * factor) * 1.1), padding=0)
        self.plot.setXRange(-PLOT_SECONDS, 0, padding=0)
        self._update_bars()

    def _update_bars(self) -> None:
        bins = self.monitor.consumption_bins[-BARS:]
        self.bars_slot.setVisible(bool(bins))
        self.bars_waiting.setVisible(not bins)
        current = self.monitor.trip.average_wh_per_km
        self.consumption_now.setVisible(current is not None)
        if current is not None:
            c, unit = self.ctx.units.consumption(current)
            self.consumption_now.setText(self.tr("Trip average {0:.0f} {1}").format(c, unit))
        if not bins:
            return
        # One bar per completed kilometre (or mile) of the last few, placed at the distance it covers.
        size = self.monitor.bin_km
        factor = self.ctx.units.distance(1.0)[0]
        x = [(end - size / 2) * factor for end, _ in bins]
        heights = [self.ctx.units.consumption(wh)[0] for _, wh in bins]
        self.bars.setOpts(x=x, height=heights, width=size * factor * 0.8)
        left = (bins[0][0] - size) * factor
        self.bars_plot.setXRange(left, left + max(len(bins), 5) * size * factor, padding=0.02)
        top = max(heights)
        if current is not None:
            average = self.ctx.units.consumption(current)[0]
            self.average_line.setPos(average)
            self.average_line.show()
            top = max(top, average)
        self.bars_plot.setYRange(0, top * 1.15 or 1, padding=0)


def _slot(min_height: int) -> QWidget:
    """An empty, transparent place a plot will go into once it is built."""
    slot = QWidget()
    slot.setObjectName("plain")
    slot.setMinimumHeight(min_height)
    layout = QVBoxLayout(slot)
    layout.setContentsMargins(0, 0, 0, 0)
    return slot


def _plot_widget(t: object) -> object:
    plot = car_plot(t.surface)  # type: ignore[attr-defined]
    for axis in ("left", "bottom"):
        plot.getPlotItem().getAxis(axis).setTextPen(t.text_dim)  # type: ignore[attr-defined]
        plot.getPlotItem().getAxis(axis).setPen(t.border)  # type: ignore[attr-defined]
        # The label names the unit; pyqtgraph would otherwise rescale 0.2 km to "200 (x0.001)".
        plot.getPlotItem().getAxis(axis).enableAutoSIPrefix(False)  # type: ignore[attr-defined]
    return plot
