"""Progress bars on the terminal for long work (``sim --fast``, ``map import``, reading a replay's log).

A bar is drawn on stderr only when a person is watching: stdout and stderr both terminals, and the output
not asked for a program (``--json``) or silence (``--quiet``), so piped, redirected or logged output stays
clean. tqdm is imported only when a bar is drawn.
"""

from __future__ import annotations

import sys
from typing import IO, Any

from ..index_progress import Progress


def wants_bar(*, json: bool = False, quiet: bool = False) -> bool:
    return not (json or quiet) and all(_is_terminal(s) for s in (sys.stdout, sys.stderr))


def _is_terminal(stream: IO[str] | None) -> bool:
    return stream is not None and bool(getattr(stream, "isatty", lambda: False)())


def terminal_bar(
    total: float | None, desc: str, unit: str, stream: IO[str] | None = None, **options: Any
) -> Any:
    """A tqdm bar on ``stream`` (default stderr); the caller checks :func:`wants_bar` first."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr if stream is None else stream, **options)


class IndexBar:
    """``Session.on_loading`` for a terminal: the log's reading as a bar, closed when it is done."""

    def __init__(self, label: str, stream: IO[str] | None = None) -> None:
        self.label = label
        self.stream = stream
        self.bar: Any = None

    def __call__(self, state: Progress) -> None:
        if self.bar is None:
            total = state.expected if state.expected else None
            self.bar = terminal_bar(total, f"reading {self.label}", " frames", self.stream, unit_scale=True)
        if state.done:
            self.bar.total = state.frames
        self.bar.n = state.frames
        self.bar.refresh()
        if state.done:
            self.bar.close()
