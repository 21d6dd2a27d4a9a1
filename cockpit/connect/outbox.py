"""The on-disk queue between the car and the broker: nothing is lost while the broker is away.

Every stream batch is written here first (SQLite, one row per message, in sequence order) and leaves only
when the broker has acknowledged it (QoS 1 PUBACK). A restart of the head unit finds the rows still
waiting and sends them first, so the receiver sees contiguous sequence numbers across broker outages and
restarts. The queue is bounded (``max_messages``); when full, ``drop="oldest"`` throws away the oldest
waiting batch (a live view prefers fresh data) and ``drop="newest"`` refuses the new one (a log prefers
the past). Drops are counted and reported, and the sequence numbers say where the gap is.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DropPolicy = Literal["oldest", "newest"]


@dataclass(frozen=True)
class QueuedMessage:
    row: int
    topic: str
    payload: bytes


class Outbox:
    """A bounded FIFO of (topic, payload) on disk, safe to use from two threads."""

    def __init__(self, path: Path | str, max_messages: int = 100_000, drop: DropPolicy = "oldest") -> None:
        if max_messages < 1:
            raise ValueError("max_messages must be at least 1")
        self.path = Path(path)
        self.max_messages = max_messages
        self.drop = drop
        self.dropped = 0
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        # WAL: appends do not wait for the acknowledgements being deleted; synchronous=NORMAL survives an
        # application crash (a power cut may lose the last transactions, not corrupt the file).
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS outbox"
            " (row INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT, payload BLOB)"
        )
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER)")
        self._count = self._db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]

    def __len__(self) -> int:
        return self._count

    def counter(self, name: str) -> int:
        """A persistent counter (the stream's next sequence number survives restarts)."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
            return row[0] if row else 0

    def put(self, topic: str, payload: bytes, counter: tuple[str, int] | None = None) -> bool:
        """Append one message (and store ``counter`` in the same transaction); False if it was dropped."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                if counter is not None:
                    self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", counter)
                if self._count >= self.max_messages:
                    self.dropped += 1
                    if self.drop == "newest":
                        self._db.execute("COMMIT")
                        return False
                    self._db.execute("DELETE FROM outbox WHERE row = (SELECT MIN(row) FROM outbox)")
                    self._count -= 1
                self._db.execute("INSERT INTO outbox (topic, payload) VALUES (?, ?)", (topic, payload))
                self._count += 1
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return True

    def after(self, row: int, limit: int) -> list[QueuedMessage]:
        """Up to ``limit`` waiting messages after ``row``, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT row, topic, payload FROM outbox WHERE row > ? ORDER BY row LIMIT ?", (row, limit)
            ).fetchall()
        return [QueuedMessage(r, t, bytes(p)) for r, t, p in rows]

    def ack(self, row: int) -> None:
        """The broker has the message: forget it."""
        with self._lock:
            deleted = self._db.execute("DELETE FROM outbox WHERE row = ?", (row,)).rowcount
            self._count -= deleted

    def close(self) -> None:
        with self._lock:
            self._db.close()
