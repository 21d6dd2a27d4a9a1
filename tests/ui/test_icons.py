"""Icons: the SVGs ship and load, take the theme's colour, and a missing one leaves readable text and one
log line."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from ui.icons import ICONS_DIR, pixmap, set_icon

REPO = Path(__file__).resolve().parents[2]


def test_every_icon_the_ui_names_ships_with_a_notice() -> None:
    source = "\n".join(p.read_text() for p in (REPO / "ui").rglob("*.py"))
    named = set(re.findall(r'icon(?:_name)?="([a-z0-9-]+)"', source))
    named |= set(re.findall(r'\(\s*\w+,\s*"([a-z0-9-]+)",\s*"[^"]*"\)', source))
    from ui.panels import PANELS

    named |= {p.icon for p in PANELS} | {"microphone", "sun", "moon", "plus", "minus", "compass"}
    missing = sorted(n for n in named if not (ICONS_DIR / f"{n}.svg").exists())
    assert not missing
    assert "MIT" in (ICONS_DIR / "NOTICE.txt").read_text()


def test_an_icon_is_drawn_in_the_colour_asked(qapp) -> None:
    for colour in ("#3d8bff", "#ff4d5e"):
        image = pixmap("plus", colour, 48).toImage()
        inked = [
            QColor(image.pixel(x, y))
            for x in range(48)
            for y in range(48)
            if image.pixelColor(x, y).alpha() == 255
        ]
        assert inked and all(c.name() == colour for c in inked)


def test_a_missing_icon_leaves_text_and_one_log_line(qapp, caplog) -> None:
    caplog.set_level(logging.WARNING, logger="ui.icons")
    buttons = [QPushButton() for _ in range(3)]
    for button in buttons:
        assert not set_icon(button, "no-such-icon", "#ffffff", 24, text="", missing_text="+")
    assert all(b.text() == "+" and b.icon().isNull() for b in buttons)
    lines = [r for r in caplog.records if "no-such-icon" in r.getMessage()]
    assert len(lines) == 1
