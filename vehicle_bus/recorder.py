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
        self._stopped = False

    def on_message_received(self, msg: can.Message) -> None:
        self._writer.on_message_received(msg)
        self.frames += 1

    def stop(self) -> None:
        # can.Notifier.stop() stops its listeners too, so this can be called twice.
        if not self._stopped:
            self._stopped = True
            self._writer.stop()
