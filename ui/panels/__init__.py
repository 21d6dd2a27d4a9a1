"""The panels of the head unit, in navigation order.

Each is named here with its key, icon and title, and imported only when first shown: a panel nobody has
opened yet costs no start-up time (the CAN monitor and its plotting library load on first use).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class PanelInfo:
    key: str
    icon: str  # the file in assets/icons (no suffix)
    glyph: str  # shown instead when the icon cannot be loaded
    context: str  # the panel class's name: its translation context
    text: str
    target: str  # "module:Class"

    def title(self) -> str:
        return QCoreApplication.translate(self.context, self.text)

    def factory(self) -> Callable[..., object]:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)


PANELS = (
    PanelInfo(
        "home",
        "home",
        "⌂",
        "HomePanel",
        QT_TRANSLATE_NOOP("HomePanel", "Home"),
        "ui.panels.home:HomePanel",
    ),
    PanelInfo(
        "energy",
        "bolt",
        "⚡",
        "EnergyPanel",
        QT_TRANSLATE_NOOP("EnergyPanel", "Energy"),
        "ui.panels.energy:EnergyPanel",
    ),
    PanelInfo(
        "navigation",
        "navigation",
        "➤",
        "NavigationPanel",
        QT_TRANSLATE_NOOP("NavigationPanel", "Navigation"),
        "ui.panels.navigation:NavigationPanel",
    ),
    PanelInfo(
        "media",
        "music",
        "♫",
        "MediaPanel",
        QT_TRANSLATE_NOOP("MediaPanel", "Media"),
        "ui.panels.media:MediaPanel",
    ),
    PanelInfo(
        "cabin",
        "armchair",
        "❖",
        "CabinPanel",
        QT_TRANSLATE_NOOP("CabinPanel", "Cabin"),
        "ui.panels.cabin:CabinPanel",
    ),
    PanelInfo(
        "health",
        "heart-rate-monitor",
        "✚",
        "DiagnosticsPanel",
        QT_TRANSLATE_NOOP("DiagnosticsPanel", "Vehicle health"),
        "ui.panels.diagnostics:DiagnosticsPanel",
    ),
    PanelInfo(
        "updates",
        "cloud-download",
        "⟳",
        "UpdatesPanel",
        QT_TRANSLATE_NOOP("UpdatesPanel", "Updates"),
        "ui.panels.updates:UpdatesPanel",
    ),
    PanelInfo(
        "companion",
        "device-mobile",
        "☏",
        "CompanionPanel",
        QT_TRANSLATE_NOOP("CompanionPanel", "Phone"),
        "ui.panels.companion:CompanionPanel",
    ),
    PanelInfo(
        "can",
        "device-analytics",
        "⌁",
        "CanMonitorPanel",
        QT_TRANSLATE_NOOP("CanMonitorPanel", "CAN monitor"),
        "ui.panels.can_monitor:CanMonitorPanel",
    ),
    PanelInfo(
        "remote",
        "access-point",
        "⇅",
        "RemotePanel",
        QT_TRANSLATE_NOOP("RemotePanel", "Remote"),
        "ui.panels.remote:RemotePanel",
    ),
)
