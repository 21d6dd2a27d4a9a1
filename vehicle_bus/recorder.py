"""Record every frame of a bus to any format python-can writes."""

from __future__ import annotations

from pathlib import Path

import can

from .errors import InputError


def writable_suffixes() -> list[str]:
    from can.io.logger import MESSAGE_WRITERS

    return sorted(MESSAGE_WRITERS)


class Recorder(can.Listener):
    """A listener that writes every frame it gets; frames arrive through python-can's queues, so a burst is
    buffered rather than dropped while the file catches up.

    The target is checked when the recorder is made, so a bad path fails before anything runs.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        suffixes = self.path.suffixes
        suffix = (
            suffixes[-2] if suffixes[-1:] == [".gz"] and len(suffixes) > 1 else self.path.suffix
        ).lower()
        if suffix not in writable_suffixes():
            raise InputError(
                f"cannot record to {suffix or 'a file without suffix'}",
                where=str(self.path),
                fix="Use one of: " + " ".join(writable_suffixes()),
            )
        if not self.path.parent.exists():
            raise InputError("folder does not exist", where=str(self.path.parent), fix="Create it first")
        try:
            self._writer = can.Logger(str(self.path))
        except OSError as exc:
            raise InputError(f"cannot write recording: {exc.strerror}", where=str(self.path)) from None
        self.frames = 0
        self.errors = 0
        self.first_error: str | None = None
        self._stopped = False

    def on_message_received(self, msg: can.Message) -> None:
        try:
            self._writer.on_message_received(msg)
        except Exception as exc:
            # One frame the format cannot hold (a channel name BLF cannot number, a 64-byte frame in a
            # classic-only format) is counted and reported, and recording goes on.
            self.errors += 1
            if self.first_error is None:
                self.first_error = f"{self.path.name}: frame not recorded: {exc}"
            return
        self.frames += 1

    def stop(self) -> None:
        # can.Notifier.stop() stops its listeners too, so this can be called twice.
        if not self._stopped:
            self._stopped = True
            self._writer.stop()
