"""A track's artist and album as the screen shows them: the library's placeholders in the UI's language.

The library (Qt-free) files untagged songs under "Unknown artist" / "Unknown album", which are keys as
much as text: the artist list and the voice search find songs by them. Only the screen translates them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cockpit.media.library import UNKNOWN_ALBUM, UNKNOWN_ARTIST, Track


def shown_name(name: str) -> str:
    """An artist or album name for the screen (a placeholder in the UI's language)."""
    if name == UNKNOWN_ARTIST:
        return QCoreApplication.translate("TrackText", "Unknown artist")
    if name == UNKNOWN_ALBUM:
        return QCoreApplication.translate("TrackText", "Unknown album")
    return name


def artist_and_album(track: Track) -> str:
    return f"{shown_name(track.artist)} · {shown_name(track.album)}"
