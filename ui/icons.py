"""Vector icons from ``assets/icons`` (Tabler Icons, MIT; see the folder's NOTICE.txt), drawn in the theme's
colours at the size asked.

The SVGs stroke with ``currentColor``; each colour is a fresh render of the file with that colour put in, so
one file serves the dark and light themes and the checked (accent) look of a button. An icon that cannot
be loaded logs one line and the caller keeps its text: a button never goes blank.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton

from assets import ASSETS_DIR

ICONS_DIR = ASSETS_DIR / "icons"
log = logging.getLogger(__name__)
_reported: set[str] = set()


@lru_cache(maxsize=512)
def _svg(name: str) -> bytes | None:
    path = ICONS_DIR / f"{name}.svg"
    try:
        data = path.read_bytes()
    except OSError as exc:
        _report(name, f"cannot read {path}: {exc.strerror or exc}")
        return None
    if not QSvgRenderer(QByteArray(data)).isValid():
        _report(name, f"{path}: not a valid SVG")
        return None
    return data


def _report(name: str, line: str) -> None:
    if name not in _reported:  # one line per icon, not one per button or per repaint
        _reported.add(name)
        log.warning("icon %s: %s; showing text instead", name, line)


@lru_cache(maxsize=1024)
def pixmap(name: str, colour: str, size: int) -> QPixmap | None:
    """The icon ``name`` in ``colour`` (``#rrggbb``), ``size`` px square; None if it cannot be loaded."""
    data = _svg(name)
    if data is None:
        return None
    renderer = QSvgRenderer(QByteArray(data.replace(b"currentColor", colour.encode())))
    image = QPixmap(size, size)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def icon(name: str, colour: str, size: int, checked_colour: str | None = None) -> QIcon | None:
    """A QIcon for buttons: ``colour`` normally, ``checked_colour`` when a checkable button is on."""
    normal = pixmap(name, colour, size)
    if normal is None:
        return None
    result = QIcon()
    result.addPixmap(normal, QIcon.Mode.Normal, QIcon.State.Off)
    on = pixmap(name, checked_colour, size) if checked_colour else None
    result.addPixmap(on or normal, QIcon.Mode.Normal, QIcon.State.On)
    return result


def set_icon(
    button: QAbstractButton,
    name: str,
    colour: str,
    size: int,
    checked_colour: str | None = None,
    text: str = "",
    missing_text: str = "",
) -> bool:
    """Give ``button`` the icon and ``text``; if the icon cannot be loaded, ``missing_text`` (a glyph or a
    word that says the same) instead, so the button still reads."""
    made = icon(name, colour, size, checked_colour)
    if made is None:
        button.setIcon(QIcon())
        button.setText(missing_text or text or name)
        return False
    button.setIcon(made)
    button.setIconSize(QSize(size, size))
    button.setText(text)
    return True
