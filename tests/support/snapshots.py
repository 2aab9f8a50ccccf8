"""Snapshots of a SQLite test database after a common start (a wish list filed and
answered, a retailer registered with her shop): the first test of a worker to need one
runs it and keeps a copy of the file, later tests copy the file in place of running the
same steps again. A test's own steps then run on the very rows the start would have
written.

A start is copied in only onto the file it was run on: the desk as seeded, or as an
earlier start left it (registered, then a delivery resolved). After a step of the test's
own the file is another, and the start runs as written."""

from __future__ import annotations

import copy
import filecmp
import shutil
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy.engine import make_url

from storage.uow import Database

T = TypeVar("T")


class _Clock(Protocol):
    now: datetime


def sqlite_file(db: Database) -> Path:
    return Path(make_url(db.url).database or "")


def copy_sqlite_file(source: Path, path: Path) -> None:
    """Put the SQLite file `source` in place of the one at `path` (its WAL dropped)."""
    for left in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        left.unlink(missing_ok=True)
    shutil.copyfile(source, path)


@dataclass
class Snapshots:
    """One worker's snapshots: the demo bureau seeded (`seeded`) and the starts after it."""

    folder: Path
    seeded: Path
    # The snapshot the test's file was last made from: a start kept is a start from it.
    _last: Path | None = None
    _kept: dict[Hashable, tuple[Path, Any, datetime]] = field(default_factory=dict)

    async def as_seeded(self, db: Database, seed: Callable[[], Awaitable[None]]) -> None:
        """`db`'s file as the demo bureau seeded: copied in, or seeded and kept."""
        await db.dispose()  # the last connection closed: the WAL is folded into the file
        if self.seeded.exists():
            copy_sqlite_file(self.seeded, sqlite_file(db))
        else:
            await seed()
            await db.dispose()
            shutil.copyfile(sqlite_file(db), self.seeded)
        self._last = self.seeded

    async def prepared(
        self, db: Database, clock: _Clock, key: Hashable, start: Callable[[], Awaitable[T]]
    ) -> T:
        """What `start` returns, its rows in the database and the clock where it left it."""
        path, base = sqlite_file(db), self._last
        await db.dispose()
        if base is None or not filecmp.cmp(path, base, shallow=False):
            self._last = None
            return await start()
        key = (key, base, clock.now)
        kept = self._kept.get(key)
        if kept is None:
            result = await start()
            await db.dispose()
            snapshot = self.folder / f"{len(self._kept)}.sqlite3"
            shutil.copyfile(path, snapshot)
            kept = self._kept[key] = (snapshot, copy.deepcopy(result), clock.now)
        snapshot, result, clock.now = kept
        copy_sqlite_file(snapshot, path)
        self._last = snapshot
        return copy.deepcopy(result)
