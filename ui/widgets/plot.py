"""A pyqtgraph plot fit for a car screen: no desktop context menus, and nothing left behind when it closes."""

from __future__ import annotations

from typing import Any


def car_plot(background: str) -> Any:
    """A ``pg.PlotWidget`` without pyqtgraph's right-click menus ("Export...", axis options).

    A long press on a touch screen would otherwise open a desktop menu over the head unit. pyqtgraph also
    creates its plot-options menu without a parent, so it outlived every closed window; parented to the plot
    here, it goes with it.
    """
    import pyqtgraph as pg

    plot = pg.PlotWidget(background=background, enableMenu=False)
    item = plot.getPlotItem()
    item.ctrlMenu.setParent(plot, item.ctrlMenu.windowFlags())
    item.hideButtons()
    item.setMouseEnabled(x=False, y=False)
    return plot
