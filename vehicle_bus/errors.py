"""Typed errors at the package boundary.

Every error a user can cause by what they hand us (a file, an interface name, a mapping) is an
:class:`InputError`: its text is one line saying what is wrong, where, and what to do. The CLI prints
that line and exits non-zero; nothing prints a traceback for it.
"""

from __future__ import annotations


class InputError(Exception):
    """Bad user input, reported as one line: ``where: what. fix``."""

    def __init__(self, what: str, where: str | None = None, fix: str | None = None) -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.line())

    def line(self) -> str:
        text = f"{self.where}: {self.what}" if self.where else self.what
        if self.fix:
            text = f"{text.rstrip('.')}. {self.fix}"
        return text


class LogFormatError(InputError):
    """A log file that cannot be opened or read as any known format."""


class DatabaseError(InputError):
    """A DBC (or other cantools database) that cannot be loaded."""


class MappingError(InputError):
    """A DBC↔VSS mapping file that is malformed or does not fit the database."""


class BusOpenError(InputError):
    """A CAN interface that does not exist or cannot be opened.

    ``transient`` when trying again later may work (the device is not there yet, the link is down), as
    opposed to an unknown interface or a missing driver.
    """

    def __init__(self, what: str, where: str | None = None, fix: str | None = None, transient: bool = False):
        super().__init__(what, where, fix)
        self.transient = transient


class ProfileError(InputError):
    """A vehicle profile folder that is missing parts or names files that do not exist."""


class TransmitRefusedError(InputError):
    """A value that may not be sent: no ``vss2dbc`` mapping, or outside the signal's range."""
