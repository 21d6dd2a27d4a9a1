"""The head unit's check before Qt starts: every problem on its own line with the package that fixes it."""

from __future__ import annotations

from vehicle_bus.errors import InputError

from .qt_platform import check_qt_platform


class PlatformError(InputError):
    """Qt could not start here; one line per problem (the CLI prefixes the first, we prefix the rest)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__(lines[0])

    def line(self) -> str:
        return "\n".join([self.lines[0], *(f"cockpit: {text}" for text in self.lines[1:])])


def require_qt_platform(lang: str = "en") -> None:
    """Raise :class:`PlatformError` when Qt's platform plugin would abort or the window would show nothing."""
    failed = [c for c in check_qt_platform(lang=lang) if c.status == "fail"]
    if not failed:
        return
    lines = [f"{c.detail}. {c.fix}" if c.fix else c.detail for c in failed]
    packages = [
        c.fix.removeprefix("sudo apt install ") for c in failed if c.fix.startswith("sudo apt install ")
    ]
    if len(packages) > 1:
        lines.append("all at once: sudo apt install " + " ".join(dict.fromkeys(packages)))
    raise PlatformError(lines)
