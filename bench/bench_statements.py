"""What a desk step's database work costs, piece by piece, on SQLite: a transaction, a
statement through SQLAlchemy Core, through the ORM session, and through `sqlite3` itself.

    python3 dev.py bench statements [--n 3000]

The intake benchmark (`bench_intake.py`) gives the whole; this gives the parts its cost
model is built from. Everything runs on the engine the bot's steps use (`storage.uow`,
SQLite on the event loop's thread, WAL, synchronous=NORMAL), on a migrated database, in one
process, each figure the mean of `--n` runs after 200 of warm-up.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select, text  # noqa: E402

from core.model import User  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.tables import processed_updates, users  # noqa: E402
from storage.uow import Database  # noqa: E402

Timed = Callable[[], Awaitable[None]]
WARM_UP = 200


async def _mean_us(step: Timed, n: int) -> float:
    for _ in range(WARM_UP):
        await step()
    began = time.perf_counter()
    for _ in range(n):
        await step()
    return 1e6 * (time.perf_counter() - began) / n


async def bench(n: int) -> list[tuple[str, float]]:
    keys = (f"k{i}" for i in itertools.count())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "statements.sqlite3"
        url = f"sqlite+aiosqlite:///{path}"
        await asyncio.to_thread(upgrade, url)
        db = Database(url)
        by_pk = select(users.c.id).where(users.c.id == 5)
        add_key = insert(processed_updates)
        rows: list[tuple[str, float]] = []

        async def empty_uow() -> None:
            async with db.uow() as uow:
                await uow.commit()

        async def one_statement_uow() -> None:
            async with db.uow() as uow:
                assert uow.session is not None
                await uow.session.execute(text("SELECT 1"))
                await uow.commit()

        async def claim_uow() -> None:
            async with db.uow() as uow:
                await uow.inbox.claim(next(keys), datetime.now(UTC))
                await uow.commit()

        rows.append(
            ("unit of work, nothing done (no connection taken)", await _mean_us(empty_uow, n))
        )
        rows.append(
            ("transaction: BEGIN IMMEDIATE, SELECT 1, COMMIT", await _mean_us(one_statement_uow, n))
        )
        rows.append(("transaction: the inbox claim (INSERT), COMMIT", await _mean_us(claim_uow, n)))
        async with db.engine.connect() as conn:

            async def core_select() -> None:
                await conn.execute(by_pk)

            async def core_insert() -> None:
                row = {"key": next(keys), "processed_at": datetime.now(UTC)}
                await conn.execute(add_key, row)  # built once, as the desk's hot statements are

            rows.append(("Core SELECT by key, transaction open", await _mean_us(core_select, n)))
            rows.append(
                (
                    "Core INSERT, transaction open (statement built once)",
                    await _mean_us(core_insert, n),
                )
            )
            await conn.rollback()
        async with db.uow() as uow:
            session = uow.session
            assert session is not None

            async def orm_select() -> None:
                await session.execute(by_pk)

            async def orm_get() -> None:
                session.expunge_all()
                await session.get(User, 5)

            rows.append(("ORM session.execute(SELECT by key)", await _mean_us(orm_select, n)))
            rows.append(("ORM session.get (identity map cleared)", await _mean_us(orm_get, n)))
        await db.dispose()
        raw = sqlite3.connect(path, isolation_level=None)
        raw.execute("PRAGMA synchronous=NORMAL")

        async def raw_select() -> None:
            raw.execute("SELECT id FROM users WHERE id = 5").fetchall()

        async def raw_transaction() -> None:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(
                "INSERT INTO processed_updates (key, processed_at) VALUES (?, ?)",
                (next(keys), datetime.now(UTC).isoformat()),
            )
            raw.execute("COMMIT")

        rows.append(("sqlite3: SELECT by key", await _mean_us(raw_select, n)))
        rows.append(
            ("sqlite3: BEGIN IMMEDIATE, INSERT, COMMIT", await _mean_us(raw_transaction, n))
        )
        raw.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args()
    rows = asyncio.run(bench(args.n))
    print("| what | µs |")
    print("| --- | ---: |")
    for label, us in rows:
        print(f"| {label} | {us:,.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
