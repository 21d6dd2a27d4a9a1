"""Record every frame of a bus to any format python-can writes, counting only what reached the disk.

Frames are handed over on the bus reader's thread and written on a thread of the recorder's own, so a slow
disk never stalls reading. Every ``CHECKPOINT_S`` what the format writer produced is written to the file
(and fsynced); only then are its frames counted as recorded. A write error (the disk is full, the stick was
pulled) stops the recording cleanly: the file is cut back to the last checkpoint, a BLF gets its header
finalised for exactly that part, and :attr:`Recorder.lost` with :attr:`Recorder.failure` say how many
frames did not make it and why. Free space is checked before and during recording.

python-can's writers take a file object, so the staging is a file of our own (:class:`_StagedFile`) that
holds writes in memory until the checkpoint. ``.db``, ``.mf4`` and gzipped files are written by their own
libraries straight to the path; for them a frame counts once the writer took it.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

import can
from can.io.logger import MESSAGE_WRITERS

from .errors import InputError

CHECKPOINT_S = 0.5
WARN_FREE_BYTES = 64 * 1024 * 1024  # below this, warn: a saturated bus fills ~1 MB/s of BLF
MAX_QUEUED = 200_000  # frames waiting for the writer thread; beyond it the reader waits (nothing dropped)
STAGED = {".asc", ".blf", ".csv", ".log", ".trc", ".txt"}


def writable_suffixes() -> list[str]:
    return sorted(MESSAGE_WRITERS)


def free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _mb(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


class _StagedFile(io.RawIOBase):
    """A file whose writes wait in memory until :meth:`commit`, so a failed commit can be undone exactly.

    Seeking (BLF rewrites its header at offset 0 when it stops) commits first, then writes go there.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        self._pending = bytearray()
        self._at = 0  # file offset where the pending bytes go
        self.size = 0  # bytes in the file after the last commit

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._pending += data
        return len(data)

    def tell(self) -> int:
        return self._at + len(self._pending)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.commit()
        self._at = (
            offset if whence == io.SEEK_SET else (self.size + offset if whence == io.SEEK_END else None)
        )
        if self._at is None:
            raise io.UnsupportedOperation("relative seek")
        return self._at

    def commit(self, sync: bool = False) -> None:
        """Write what is pending; on error the file is cut back to its size at the last commit."""
        try:
            with memoryview(self._pending) as view:
                done = 0
                while done < len(view):
                    done += os.pwrite(self._fd, view[done:], self._at + done)
            self._at += done
            if sync:
                os.fsync(self._fd)
        except OSError:
            self.discard()
            raise
        self._pending.clear()
        self.size = max(self.size, self._at)

    def discard(self) -> None:
        """Forget what is pending and cut the file back to the last commit (which frees the space)."""
        self._pending.clear()
        self._at = self.size
        with contextlib.suppress(OSError):  # the file keeps a tail the readers stop at; still valid data
            os.ftruncate(self._fd, self.size)

    def close(self) -> None:
        if not self.closed:
            try:
                self.commit(sync=True)
            finally:
                os.close(self._fd)
                super().close()


class Recorder(can.Listener):
    """A listener that records every frame it gets; see the module docstring for what "recorded" means.

    The target is checked when the recorder is made, so a bad path fails before anything runs.
    """

    def __init__(self, path: str | Path, warn_free_bytes: int = WARN_FREE_BYTES) -> None:
        self.path = Path(path)
        suffixes = self.path.suffixes
        gz = suffixes[-1:] == [".gz"] and len(suffixes) > 1
        suffix = (suffixes[-2] if gz else self.path.suffix).lower()
        if suffix not in writable_suffixes():
            raise InputError(
                f"cannot record to {suffix or 'a file without suffix'}",
                where=str(self.path),
                fix="Use one of: " + " ".join(writable_suffixes()),
            )
        if not self.path.parent.exists():
            raise InputError("folder does not exist", where=str(self.path.parent), fix="Create it first")
        self.warn_free_bytes = warn_free_bytes
        self.warning: str | None = None
        self._check_space()
        self._staged: _StagedFile | None = None
        self._text: io.TextIOWrapper | None = None
        try:
            if suffix in STAGED and not gz:
                self._staged = _StagedFile(self.path)
                target: Any = self._staged
                if suffix != ".blf":
                    target = self._text = io.TextIOWrapper(
                        self._staged, encoding="utf-8", newline="", write_through=True
                    )
                self._writer = MESSAGE_WRITERS[suffix](target)
                self._staged.commit()  # the format's header, if any: a full disk shows here
            else:
                self._writer = can.Logger(str(self.path))
        except OSError as exc:
            raise InputError(f"cannot write recording: {exc.strerror}", where=str(self.path)) from None
        self.received = 0  # handed to the recorder (= frames + lost once stopped)
        self.frames = 0  # recorded: on disk
        self._lost_writing = 0  # counted on the recorder's thread
        self._lost_after = 0  # counted on the bus reader's thread, once recording failed
        self.failure: str | None = None  # why recording stopped early
        self.errors = 0  # frames the format cannot hold (skipped, recording goes on)
        self.first_error: str | None = None
        self._queue: deque[can.Message] = deque()
        self._written = 0  # handed to the format writer since the last checkpoint
        # BLF object count and uncompressed size at the last checkpoint: the header of a file cut back there.
        self._good = (getattr(self._writer, "object_count", 0), getattr(self._writer, "uncompressed_size", 0))
        self._stopping = threading.Event()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="cockpit-recorder", daemon=True)
        self._thread.start()

    # -- on the bus reader's thread -------------------------------------------------------------------------
    def on_message_received(self, msg: can.Message) -> None:
        if self._stopping.is_set():
            return
        self.received += 1
        if self.failure is not None:
            self._lost_after += 1
            return
        while len(self._queue) > MAX_QUEUED and self.failure is None and self._thread.is_alive():
            time.sleep(0.001)  # the disk is behind: hold the reader (the bus driver buffers) rather than drop
        self._queue.append(msg)

    # -- on the recorder's thread ---------------------------------------------------------------------------
    def _run(self) -> None:
        next_checkpoint = time.monotonic() + CHECKPOINT_S
        while True:
            stopping = self._stopping.is_set()
            self._drain()
            if self.failure is not None:
                return
            if stopping or time.monotonic() >= next_checkpoint:
                self._checkpoint()
                next_checkpoint = time.monotonic() + CHECKPOINT_S
            if stopping or self.failure is not None:
                return
            self._stopping.wait(0.02)

    def _drain(self) -> None:
        queue, write = self._queue, self._writer.on_message_received
        while queue:
            msg = queue.popleft()
            try:
                write(msg)
            except OSError as exc:
                self._fail(exc, pending=1)
                return
            except Exception as exc:
                # One frame the format cannot hold (a channel name BLF cannot number, a 64-byte frame in a
                # classic-only format) is counted and reported, and recording goes on.
                self.errors += 1
                if self.first_error is None:
                    self.first_error = f"{self.path.name}: frame not recorded: {exc}"
                continue
            if self._staged is None:
                self.frames += 1
            else:
                self._written += 1

    def _checkpoint(self) -> None:
        staged = self._staged
        if staged is not None:
            writer = self._writer
            try:
                if isinstance(writer, can.BLFWriter):
                    # Everything buffered goes out as containers, so the file ends on a whole frame.
                    while writer._buffer_size:
                        writer._flush()
                staged.commit(sync=True)
            except OSError as exc:
                self._fail(exc)
                return
            self.frames += self._written
            self._written = 0
            if isinstance(writer, can.BLFWriter):
                self._good = (writer.object_count, writer.uncompressed_size)
        self._check_space()

    def _check_space(self) -> None:
        free = free_bytes(self.path.parent)
        if free is not None and free < self.warn_free_bytes:
            self.warning = (
                f"{self.path.name}: only {_mb(free)} free on its disk; recording stops when it is full"
            )

    @property
    def backlog(self) -> int:
        """Frames taken but not yet handed to the format writer (the disk or the writer thread is behind)."""
        return len(self._queue)

    @property
    def lost(self) -> int:
        """Frames taken from the bus that are not in the file (after a write error)."""
        return self._lost_writing + self._lost_after

    def _fail(self, exc: OSError, pending: int = 0) -> None:
        why = exc.strerror or str(exc) or type(exc).__name__
        # Set first: from now on the reader counts its frames as lost itself; what it queued before is
        # counted here (and a frame queued in between, at stop()).
        self.failure = f"{self.path.name}: recording stopped: {why}"
        lost = self._written + pending
        while self._queue:
            self._queue.popleft()
            lost += 1
        self._lost_writing += lost
        self._written = 0
        if self._staged is not None:
            self._staged.discard()

    # -- stop -----------------------------------------------------------------------------------------------
    def stop(self) -> None:
        """Write what is left, finalise the file; never raises (a failure is in :attr:`failure`)."""
        # can.Notifier.stop() stops its listeners too, so this can be called twice.
        if self._stopped:
            return
        self._stopped = True
        self._stopping.set()
        self._thread.join()
        if self._queue:  # a frame the reader handed over while the writer thread was finishing
            if self.failure is None:
                self._drain()
                self._checkpoint()
            else:
                self._lost_writing += len(self._queue)
                self._queue.clear()
        try:
            self._close_writer()
        except OSError as exc:
            if self.failure is None:
                self._fail(exc)
            self.failure = self.failure or f"{self.path.name}: cannot finish the file: {exc}"

    def _close_writer(self) -> None:
        writer, staged = self._writer, self._staged
        if staged is None:
            writer.stop()
            return
        if self.failure is not None and isinstance(writer, can.BLFWriter):
            # The header of the part that reached the disk: python-can only writes one from its own counts.
            writer._buffer, writer._buffer_size = [], 0
            writer.object_count, writer.uncompressed_size = self._good
        try:
            writer.stop()  # BLF: flush (nothing left) and write the header at 0 through the staged file
        finally:
            if not staged.closed:
                staged.close()

    def summary(self) -> str:
        """One line for the user: how many frames were recorded, and how many lost and why."""
        line = f"recorded {self.frames:,} frames to {self.path}"
        if self.lost or self.failure:
            line += f"; {self.lost:,} lost ({self.failure})"
        if self.errors:
            line += f"; {self.errors:,} the format cannot hold ({self.first_error})"
        return line
