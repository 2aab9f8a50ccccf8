"""The SLA sweep's cost follows the tickets that are due, not all the tickets.

    python3 dev.py bench sweep [--sizes 10000 1000000] [--due 1000]
        [--rounds 3] [--pg postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]

The same 1,000 due tickets (half urgent 110 calls on the 24x7 calendar, half standard
requests on the business calendar; every one at its first ladder step, one team message
each) are placed among 10,000 and among 1,000,000 tickets, in a SQLite file in a temp
directory (and, with --pg, in a scratch PostgreSQL database). The other tickets are what a
bureau accumulates: 95% closed (no next action), 5% open with a next action in the coming
week. Each round times one `sweep()` of all 1,000 due tickets (100 per transaction: ticket
step, audit event, outbox row), then puts the due tickets back and clears what it wrote.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config_loader import load_config  # noqa: E402
from scheduler import sweep  # noqa: E402
from storage.tables import metadata, tickets  # noqa: E402
from storage.uow import Database  # noqa: E402

NOW = datetime(2026, 11, 18, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)
URGENT_TEAMS = ("curing-qingshan", "curing-baishi", "curing-longtan")
STANDARD_TEAMS = (("ordering", "ordering"), ("delivery", "delivery"), ("monopoly", "monopoly"))
COLUMNS = (
    "id", "number", "kind", "priority", "status", "text", "original_text", "script",
    "requester_id", "requester_chat_id", "line", "team_id", "route_explanation",
    "route_confidence", "route_candidates", "created_at", "accept_due_at", "resolve_due_at",
    "next_action_at", "escalation_step", "resolution_note", "closed_at",
    "closed_without_reply", "reopen_count", "rating_comment", "version",
)  # fmt: skip


def due_ids(total: int, due: int) -> list[int]:
    """Spread the due tickets evenly over the table, old rows and new alike."""
    step = total // due
    return [1 + i * step for i in range(due)]


def due_at(ticket_id: int) -> datetime:
    return NOW - timedelta(minutes=1 + ticket_id % 50)


def rows(total: int, due: set[int]) -> Iterator[tuple[Any, ...]]:
    rng = random.Random(total)
    for tid in range(1, total + 1):
        created = NOW - timedelta(days=rng.randint(1, 900), minutes=rng.randint(0, 1439))
        urgent = tid % 2 == 0
        line, team = ("curing", URGENT_TEAMS[tid % 3]) if urgent else STANDARD_TEAMS[tid % 3]
        if tid in due:
            created = due_at(tid) - timedelta(hours=2)
            status, closed, accept, nxt = "dispatched", None, due_at(tid), due_at(tid)
        elif rng.random() < 0.95:
            status, closed, accept, nxt = "closed", created + timedelta(days=1), created, None
        else:
            nxt = NOW + timedelta(minutes=rng.randint(60, 7 * 24 * 60))
            status, closed, accept = "dispatched", None, nxt
        yield (
            tid, f"N{tid}", "emergency" if urgent else "request",
            "urgent" if urgent else "normal", status, "烤房风机不转了", "烤房风机不转了",
            "hans", 100000 + tid % 5000, 100000 + tid % 5000, line, team, "", 0.9, "[]",
            created, accept, created + timedelta(days=3), nxt, 0, "", closed,
            status == "closed", 0, "", 1,
        )  # fmt: skip


def fill_sqlite(path: Path, total: int, due: set[int]) -> None:
    def text(value: Any) -> Any:  # how SQLAlchemy stores a UTC datetime in SQLite
        return value.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(value, datetime) else value

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    sql = f"INSERT INTO tickets ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    batch: list[tuple[Any, ...]] = []
    for row in rows(total, due):
        batch.append(tuple(text(v) for v in row))
        if len(batch) == 50_000:
            conn.executemany(sql, batch)
            batch.clear()
    conn.executemany(sql, batch)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


async def fill_postgres(url: str, total: int, due: set[int]) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    conn = await asyncpg.connect(
        host=u.host, port=u.port or 5432, user=u.username, password=u.password, database=u.database
    )
    try:
        batch: list[tuple[Any, ...]] = []
        for row in rows(total, due):
            batch.append(row)
            if len(batch) == 50_000:
                await conn.copy_records_to_table("tickets", records=batch, columns=COLUMNS)
                batch.clear()
        await conn.copy_records_to_table("tickets", records=batch, columns=COLUMNS)
        await conn.execute(f"SELECT setval('tickets_id_seq', {total})")
        await conn.execute("ANALYZE tickets")
    finally:
        await conn.close()


async def reset(db: Database, due: list[int]) -> None:
    """Put the due tickets back at their first step and drop what the sweep wrote."""
    from sqlalchemy import bindparam, text, update

    async with db.engine.begin() as conn:
        await conn.execute(text("DELETE FROM outbox"))
        await conn.execute(text("DELETE FROM ticket_events"))
        statement = (
            update(tickets)
            .where(tickets.c.id == bindparam("tid"))
            .values(escalation_step=0, next_action_at=bindparam("nxt"), updated_at=None)
        )
        await conn.execute(statement, [{"tid": t, "nxt": due_at(t)} for t in due])


async def due_query_ms(db: Database, repeat: int = 20) -> float:
    """The sweep's query alone: the first 100 due tickets, locked."""
    times = []
    for _ in range(repeat):
        async with db.uow() as uow:
            started = time.perf_counter()
            found = await uow.tickets.due(NOW, 100)
            times.append(time.perf_counter() - started)
            assert len(found) == 100
    return statistics.median(times) * 1000


async def measure(url: str, total: int, due: list[int], rounds: int) -> dict[str, float]:
    cfg = load_config(ROOT / "config" / "demo.yaml")
    db = Database(url)
    seconds = []
    try:
        for _ in range(rounds):
            await reset(db, due)
            started = time.perf_counter()
            result = await sweep(db, cfg, NOW, limit=2 * len(due), batch=100)
            seconds.append(time.perf_counter() - started)
            assert result.processed == len(due) == result.messages, result
        await reset(db, due)
        query = await due_query_ms(db)
    finally:
        await db.dispose()
    best = min(seconds)
    return {"total": total, "best_s": best, "median_s": statistics.median(seconds),
            "per_ticket_ms": best / len(due) * 1000, "query_ms": query}  # fmt: skip


async def create_schema(url: str) -> None:
    db = Database(url)
    async with db.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    await db.dispose()


DUE_SQL = (
    "SELECT * FROM tickets {hint} WHERE next_action_at IS NOT NULL "
    "AND next_action_at <= ? ORDER BY next_action_at LIMIT 100"
)


def sqlite_plan(path: Path) -> tuple[str, float]:
    """The due query's plan, and for contrast the same query without the index (ms)."""
    conn = sqlite3.connect(path)
    now = (NOW.strftime("%Y-%m-%d %H:%M:%S.%f"),)
    plan = conn.execute("EXPLAIN QUERY PLAN " + DUE_SQL.format(hint=""), now).fetchall()
    times = []
    for _ in range(5):
        started = time.perf_counter()
        conn.execute(DUE_SQL.format(hint="NOT INDEXED"), now).fetchall()
        times.append(time.perf_counter() - started)
    conn.close()
    return "; ".join(str(row[-1]) for row in plan), statistics.median(times) * 1000


async def run_sqlite(sizes: list[int], due_n: int, rounds: int) -> list[dict[str, float]]:
    out = []
    for total in sizes:
        work = Path(tempfile.mkdtemp(prefix="bench_sweep_"))
        try:
            path = work / "bench.sqlite3"
            url = f"sqlite+aiosqlite:///{path}"
            await create_schema(url)
            due = due_ids(total, due_n)
            started = time.perf_counter()
            fill_sqlite(path, total, set(due))
            filled = time.perf_counter() - started
            figures = await measure(url, total, due, rounds)
            figures["fill_s"] = filled
            figures["file_mb"] = path.stat().st_size / 1e6
            plan, scan_ms = sqlite_plan(path)
            print(f"  plan: {plan}; without the index the query takes {scan_ms:.1f} ms")
            out.append(figures)
            report("sqlite", figures)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return out


async def pg_plan(url: str) -> str:
    from sqlalchemy import text

    db = Database(url)
    try:
        async with db.engine.connect() as conn:
            sql = (
                "EXPLAIN "
                + DUE_SQL.format(hint="").replace("?", ":now")
                + " FOR UPDATE SKIP LOCKED"
            )
            plan = (await conn.execute(text(sql), {"now": NOW})).scalars().all()
    finally:
        await db.dispose()
    return "; ".join(
        line.strip().lstrip("-> ") for line in plan if "Scan" in line or "Cond" in line
    )


async def run_postgres(admin_url: str, sizes: list[int], due_n: int, rounds: int) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    u = make_url(admin_url)
    for total in sizes:
        name = f"bench_sweep_{total}"
        admin = await asyncpg.connect(
            host=u.host, port=u.port or 5432, user=u.username, password=u.password,
            database=u.database,
        )  # fmt: skip
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
        url = u.set(database=name).render_as_string(hide_password=False)
        try:
            await create_schema(url)
            due = due_ids(total, due_n)
            started = time.perf_counter()
            await fill_postgres(url, total, set(due))
            filled = time.perf_counter() - started
            figures = await measure(url, total, due, rounds)
            figures["fill_s"] = filled
            print(f"  plan: {await pg_plan(url)}", flush=True)
            report("postgresql", figures)
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await admin.close()


def report(backend: str, f: dict[str, float]) -> None:
    print(
        f"{backend:<10} {int(f['total']):>9,} tickets: sweep of the due ones best "
        f"{f['best_s']:.2f} s (median {f['median_s']:.2f} s, {f['per_ticket_ms']:.2f} ms/ticket); "
        f"due query {f['query_ms']:.2f} ms; fill {f['fill_s']:.1f} s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--due", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg", metavar="URL", help="also on PostgreSQL (a server admin URL)")
    args = parser.parse_args()
    print(f"{args.due} due tickets among {args.sizes}; {args.rounds} rounds each", flush=True)
    asyncio.run(run_sqlite(args.sizes, args.due, args.rounds))
    if args.pg:
        asyncio.run(run_postgres(args.pg, args.sizes, args.due, args.rounds))


if __name__ == "__main__":
    main()
