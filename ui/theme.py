"""Look of the head unit: dark (default) and light palettes, type scale, one style sheet.

Colours follow the central screens of current Chinese smart EVs: a near-black blue background, raised
cards, one electric-blue accent, green for energy flowing back, amber and red for warnings.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

TOUCH_PX = 48  # the smallest touch target, in real pixels, at every window size


def touch_px(scale: float, value: float = TOUCH_PX) -> int:
    """A touch target's side: ``value`` at the reference size, never under 48 real pixels."""
    return max(TOUCH_PX, round(value * scale))


def compact_button(scale: float, pad_h: int) -> str:
    """Style for a button with little side padding that stays a full touch target in height."""
    touch = touch_px(scale)
    return f"padding: 0px {pad_h}px; min-width: {max(0, touch - 2 * pad_h - 2)}px; min-height: {touch - 2}px;"


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    surface: str
    surface_high: str
    border: str
    text: str
    text_dim: str
    accent: str
    positive: str  # regeneration, charging
    warning: str
    danger: str
    plot_power: str
    plot_speed: str

    def color(self, attr: str) -> QColor:
        return QColor(getattr(self, attr))


DARK = Theme(
    name="dark",
    background="#0a0d13",
    surface="#141a24",
    surface_high="#1d2531",
    border="#263040",
    text="#eef2f8",
    text_dim="#8a96a8",
    accent="#3d8bff",
    positive="#22d07a",
    warning="#ffb020",
    danger="#ff4d5e",
    plot_power="#3d8bff",
    plot_speed="#c7d2e3",
)

LIGHT = Theme(
    name="light",
    background="#eef1f6",
    surface="#ffffff",
    surface_high="#f4f6fa",
    border="#d7dde7",
    text="#10161f",
    text_dim="#5d6878",
    accent="#1f6fe5",
    positive="#0e9f57",
    warning="#c77800",
    danger="#d92a3a",
    plot_power="#1f6fe5",
    plot_speed="#4a5566",
)

THEMES = {"dark": DARK, "light": LIGHT}


def style_sheet(t: Theme, scale: float = 1.0) -> str:
    def px(v: float) -> int:
        return max(1, round(v * scale))

    # Style-sheet sizes are the content box: padding and the 1 px border come on top of them.
    touch, pad_v, pad_h = touch_px(scale), px(6), px(12)

    return f"""
    QWidget {{ background: {t.background}; color: {t.text}; font-size: {px(15)}px; }}
    QLabel, QWidget#plain {{ background: transparent; }}
    QFrame#card {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: {px(16)}px; }}
    QLabel#cardTitle {{ color: {t.text_dim}; font-size: {px(13)}px; font-weight: 600; letter-spacing: 1px; }}
    QLabel#big {{ font-size: {px(40)}px; font-weight: 300; }}
    QLabel#value {{ font-size: {px(20)}px; font-weight: 500; }}
    QLabel#cell {{ font-size: {px(16)}px; font-weight: 500; }}
    QLabel#dim {{ color: {t.text_dim}; }}
    QLabel#banner {{ background: {t.danger}; color: white; padding: {px(6)}px {px(12)}px; font-weight: 600; }}
    QPushButton {{
        background: {t.surface_high}; border: 1px solid {t.border}; border-radius: {px(12)}px;
        padding: {pad_v}px {pad_h}px; color: {t.text};
        min-height: {touch - 2 * pad_v - 2}px; min-width: {touch - 2 * pad_h - 2}px;
    }}
    QPushButton:checked {{ background: {t.accent}; color: white; border-color: {t.accent}; }}
    QPushButton:pressed {{ background: {t.border}; }}
    QPushButton#nav, QToolButton#nav {{
        background: transparent; border: none; border-radius: {px(14)}px; text-align: center;
        font-size: {px(12)}px; color: {t.text_dim}; padding: {px(4)}px;
    }}
    QPushButton#nav:checked, QToolButton#nav:checked {{ background: {t.surface_high}; color: {t.accent}; }}
    QFrame#statusBar, QFrame#climateStrip, QFrame#navRail, QFrame#replayBar {{ background: {t.surface}; }}
    QTableView {{ background: {t.surface}; gridline-color: {t.border}; selection-background-color: {t.accent};
                  font-family: monospace; font-size: {px(13)}px; border: none; }}
    QHeaderView::section {{ background: {t.surface_high}; color: {t.text_dim}; border: none;
                            padding: {px(4)}px; }}
    QSlider::groove:horizontal {{ height: {px(6)}px; background: {t.border}; border-radius: {px(3)}px; }}
    QSlider::handle:horizontal {{ background: {t.accent}; width: {px(22)}px; margin: -{px(8)}px 0;
                                  border-radius: {px(11)}px; }}
    QScrollArea {{ border: none; }}
    """


def apply_theme(app: QApplication, theme: Theme, scale: float = 1.0) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, theme.color("background"))
    palette.setColor(QPalette.ColorRole.WindowText, theme.color("text"))
    palette.setColor(QPalette.ColorRole.Base, theme.color("surface"))
    palette.setColor(QPalette.ColorRole.Text, theme.color("text"))
    palette.setColor(QPalette.ColorRole.Button, theme.color("surface_high"))
    palette.setColor(QPalette.ColorRole.ButtonText, theme.color("text"))
    palette.setColor(QPalette.ColorRole.Highlight, theme.color("accent"))
    app.setPalette(palette)
    font = QFont()
    font.setFamilies(["Inter", "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "DejaVu Sans"])
    app.setFont(font)
    app.setStyleSheet(style_sheet(theme, scale))
