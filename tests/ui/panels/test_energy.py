"""The energy panel: consumption bars only once there is a kilometre to show, an average line across them,
a charge curve whose axes start at zero power, and a power flow whose labels never overlap."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from cockpit.energy import PowerFlow
from cockpit.session import Session, SessionOptions
from ui.panels.energy import EnergyPanel
from ui.widgets.power_flow import PowerFlowView

from ..conftest import pump_events


class _Monitor(SimpleNamespace):
    """The monitor's figures the consumption card reads, set by the test."""


def test_consumption_bars_wait_for_a_whole_km_then_show_the_last_ones_and_the_average(qtbot, ctx) -> None:
    panel = EnergyPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.after_first_paint()
    panel._update_bars()
    assert not panel.bars_waiting.isHidden() and panel.bars_slot.isHidden()
    bins = [(float(km), 140.0 + 5 * km) for km in range(1, 15)]
    panel.monitor = _Monitor(consumption_bins=bins, bin_km=1.0, trip=SimpleNamespace(average_wh_per_km=160.0))
    panel._update_bars()
    assert not panel.bars_slot.isHidden() and panel.bars_waiting.isHidden()
    shown = panel.bars.opts["height"]
    assert list(shown) == [wh for _, wh in bins[-10:]]  # the last ten kilometres
    assert panel.average_line.isVisible() and panel.average_line.value() == 160.0
    (left, right), (bottom, top) = panel.bars_plot.viewRange()
    assert bottom == 0 and top >= max(shown) and left <= 4.5 and right >= 14
    assert "160 Wh/km" in panel.consumption_now.text()


@pytest.mark.slow
def test_charge_curve_axes_start_at_zero_and_span_ten_points_of_charge(qtbot, ctx) -> None:
    charging = Session(SessionOptions(use_can_config=False, charge="dc"))
    charging.start()
    try:
        ctx.session = charging
        panel = EnergyPanel(ctx)
        qtbot.addWidget(panel)
        panel.show()
        panel.after_first_paint()

        def charted() -> bool:
            panel._update_charging()
            return panel.charge_curve.getData()[0] is not None and len(panel.charge_curve.getData()[0]) > 0

        end = time.monotonic() + 30  # generous: the curve's first point comes with the first charge figures
        while time.monotonic() < end and not charted():
            charging.tick()
            pump_events(0.05)
        assert charted()
        (left, right), (bottom, top) = panel.charge_plot.viewRange()
        assert bottom == 0 and top >= 10
        assert right - left >= 10
    finally:
        charging.close()


@pytest.mark.parametrize("size", [(340, 170), (560, 170), (720, 140), (1100, 200)])
def test_range_extender_power_flow_labels_do_not_overlap(qtbot, ctx, size: tuple[int, int]) -> None:
    view = PowerFlowView(ctx)
    qtbot.addWidget(view)
    view.set_flow(
        PowerFlow(battery_kw=-20, motor_kw=30, climate_kw=2, auxiliary_kw=0.5, charger_kw=0, generator_kw=52),
        has_generator=True,
    )
    view.resize(*size)
    assert view.layout_problems() == []
