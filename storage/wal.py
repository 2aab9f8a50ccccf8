"""Checkpoints of SQLite's write-ahead log on a worker thread, not the event loop's.

Left to itself, SQLite copies the log into the database file (a checkpoint, with an fsync)
inside whichever COMMIT takes the log past 1,000 pages. The steps commit on the event
loop's thread (`storage.sqlite_inline`), so on a slow disk that copy would pause every
conversation in the process. Here the steps' connections never checkpoint
(`wal_autocheckpoint=0`); every `every` commits a checkpoint runs on the threaded engine
instead. It is a RESTART checkpoint: besides copying the log it starts the log over, which
a checkpoint running beside a stream of commits would otherwise never see happen. It may
wait briefly (`RESTART_WAIT_MS`) for the write lock and for readers of the old log; while
it holds the lock, steps wait for it between turns of the loop (`storage.sqlite_inline`),
and when it cannot get the lock it settles for copying what it can.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import SQLITE_BUSY_TIMEOUT_S

log = logging.getLogger(__name__)

CHECKPOINT_EVERY = 200  # commits; a step's commit adds a few pages to the log
# How long the checkpoint waits for a step's write, and for readers of the old log, before
# settling for a PASSIVE one. Steps wait for it meanwhile, without blocking the loop.
RESTART_WAIT_MS = 100


class WalCheckpoints:
    """Takes checkpoints away from `writer` and runs them through `threaded`.

    Create it before `writer` opens its first connection.
    """

    def __init__(
        self, writer: AsyncEngine, threaded: AsyncEngine, *, every: int = CHECKPOINT_EVERY
    ) -> None:
        self._threaded = threaded
        self.every = every
        self._commits = 0
        self._running: asyncio.Task[None] | None = None
        self.taken = 0  # complete checkpoints (the log restarted), for tests and diagnostics
        event.listen(writer.sync_engine, "connect", self._on_connect)
        event.listen(writer.sync_engine, "commit", self._on_commit)

    @staticmethod
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.close()

    def _on_commit(self, _connection: Any) -> None:
        self._commits += 1
        if self._commits < self.every or (self._running and not self._running.done()):
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # not in the bot's loop: the next commit there takes it
        self._commits = 0
        self._running = loop.create_task(self.checkpoint())

    async def checkpoint(self) -> None:
        """One checkpoint on the threaded engine; `taken` counts those that restarted the
        log. One that fails or finds the log in use waits for the next."""
        try:
            async with self._threaded.connect() as conn:
                # On the driver's own connection: a checkpoint cannot run inside the
                # transaction SQLAlchemy would begin first.
                raw = (await conn.get_raw_connection()).driver_connection
                assert raw is not None  # an aiosqlite.Connection
                await raw.execute(f"PRAGMA busy_timeout={RESTART_WAIT_MS}")
                try:
                    cursor = await raw.execute("PRAGMA wal_checkpoint(RESTART)")
                    busy, log_frames, copied = await cursor.fetchone()
                    await cursor.close()
                finally:
                    await raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        except Exception:
            log.warning("WAL checkpoint failed; the next one catches up", exc_info=True)
            return
        if busy:
            # A long reader or a busy writer: copied what it could, the log goes on growing.
            log.info("WAL checkpoint copied %s of %s frames; no restart yet", copied, log_frames)
            return
        self.taken += 1

    async def close(self) -> None:
        """Let a checkpoint under way finish (it only copies pages; it is quick to end)."""
        if self._running is not None:
            await self._running
