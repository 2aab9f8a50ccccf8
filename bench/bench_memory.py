"""Peak memory of a running bot with 100,000 tickets in its database.

    python3 dev.py bench memory [--tickets 100000] [--backend sqlite|postgresql]

A year of a county bureau is written with bulk Core inserts (executemany): the tickets
(95% closed, rated; 5% open, 200 of them overdue as after a weekend of downtime), their
audit events, the outbox rows that were sent for them, the processed update ids, and the
people who filed them. Then the real `jinye110 run` (python-telegram-bot, long polling,
outbox sender and scheduler in the process) is started against the fake Bot API server and
used: the start-up sweep chases the overdue tickets, 100 retailers file a /new request, a
farmer a 110 call, the heaviest requester asks /my, the supervisor asks /stats and /ledger
for the month (an xlsx of about 8,000 rows). The process's resident memory is sampled from
/proc every 50 ms; the peak is the kernel's high-water mark (VmHWM). The same is done with
an empty database for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from core.numbers import public_number  # noqa: E402
from storage import tables as t  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.uow import Database  # noqa: E402
from tests.e2e.botproc import BotProcess  # noqa: E402
from tests.e2e.scenarios import SUPERVISOR, Driver, night_110, read  # noqa: E402
from tests.support.fake_bot_api import Call, FakeBotApi  # noqa: E402
from tests.support.scratch_db import scratch_database  # noqa: E402

CHUNK = 5_000
TEAMS = [
    ("curing", "curing-qingshan", "emergency", "urgent", -1001000000001),
    ("curing", "curing-baishi", "emergency", "urgent", -1001000000002),
    ("monopoly", "monopoly", "request", "normal", -1001000000012),
    ("ordering", "ordering", "request", "normal", -1001000000013),
    ("delivery", "delivery", "complaint", "normal", -1001000000014),
    ("growing", "growing", "request", "normal", -1001000000010),
]
TEXTS = ["烤房风机不转了，温度上不去", "许可证延续需要什么材料", "订货系统登录不了", "送货少了两条"]


def _rows(total: int, now: datetime) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """The rows of `total` tickets, a chunk at a time, by table."""
    rng = random.Random(total)
    overdue = set(rng.sample(range(1, total + 1), min(200, total // 20)))
    for first in range(1, total + 1, CHUNK):
        chunk: dict[str, list[dict[str, Any]]] = {
            "tickets": [], "ticket_events": [], "outbox": [], "processed_updates": [],
        }  # fmt: skip
        for tid in range(first, min(total + 1, first + CHUNK)):
            line, team, kind, priority, chat = TEAMS[tid % len(TEAMS)]
            created = now - timedelta(days=rng.uniform(0.5, 365))
            person = 100_000 + tid % 20_000
            closed = tid not in overdue and rng.random() < 0.95
            accepted, resolved = created + timedelta(minutes=20), created + timedelta(hours=5)
            due = now - timedelta(hours=3) if tid in overdue else now + timedelta(days=3)
            chunk["tickets"].append(
                {
                    "id": tid, "number": public_number(tid), "kind": kind, "priority": priority,
                    "status": "closed" if closed else "dispatched", "text": TEXTS[tid % 4],
                    "original_text": TEXTS[tid % 4], "script": "hans", "requester_id": person,
                    "requester_chat_id": person, "line": line, "team_id": team,
                    "area": "qingshan", "route_explanation": f"{line} — 关键词",
                    "route_confidence": 0.9, "route_candidates": [], "created_at": created,
                    "updated_at": resolved if closed else created, "dispatched_at": created,
                    "accept_due_at": created + timedelta(minutes=30) if closed else due,
                    "resolve_due_at": created + timedelta(hours=12),
                    "next_action_at": None if closed else due, "escalation_step": 0,
                    "accepted_at": accepted if closed else None,
                    "accepted_by": 200001 if closed else None,
                    "resolved_at": resolved if closed else None,
                    "resolved_by": 200001 if closed else None,
                    "resolution_note": "已处理" if closed else "",
                    "closed_at": resolved + timedelta(hours=2) if closed else None,
                    "closed_without_reply": False, "reopen_count": 0,
                    "rating": rng.choice([3, 4, 5, 5, 5]) if closed else None,
                    "rating_comment": "", "version": 6 if closed else 2,
                }
            )  # fmt: skip
            steps = [("create", None, "new", created), ("dispatch", "new", "dispatched", created)]
            if closed:
                steps += [
                    ("accept", "dispatched", "accepted", accepted),
                    ("resolve", "accepted", "resolved", resolved),
                    ("confirm", "resolved", "closed", resolved + timedelta(hours=2)),
                    ("rate", "closed", "closed", resolved + timedelta(hours=2)),
                ]
            chunk["ticket_events"] += [
                {
                    "ticket_id": tid, "at": at, "action": action, "actor_id": person,
                    "actor_role": "requester", "from_status": a, "to_status": b, "note": "",
                    "data": {},
                }
                for action, a, b, at in steps
            ]  # fmt: skip
            chunk["outbox"] += [
                {
                    "chat_id": target, "method": "send_message", "payload": {"text": words},
                    "priority": 0 if priority == "urgent" else 1, "ticket_id": tid,
                    "purpose": purpose, "status": "sent", "attempts": 1, "last_error": "",
                    "created_at": created, "not_before": created, "sent_at": created,
                    "result_message_id": tid,
                }
                for target, purpose, words in (
                    (chat, "card", f"工单 {public_number(tid)}｜{TEXTS[tid % 4]}"),
                    (person, "notify", f"您的工单 {public_number(tid)} 已办结"),
                )
            ]  # fmt: skip
            chunk["processed_updates"] += [
                {"key": f"tg:{tid * 4 - i}", "processed_at": created} for i in range(4)
            ]
        yield chunk


async def fill(db: Database, total: int, now: datetime) -> float:
    """Write a year of `total` tickets with bulk inserts; seconds taken."""
    start = time.perf_counter()
    people = sorted({100_000 + tid % 20_000 for tid in range(1, total + 1)})
    async with db.engine.begin() as conn:
        for i in range(0, len(people), CHUNK):
            await conn.execute(
                insert(t.users),
                [
                    {"id": p, "name": f"用户{p}", "kind": "retailer", "phone": "", "script": "hans",
                     "script_chosen": False, "language_code": "zh-hans", "reachable": True,
                     "echo_opt_out": False, "created_at": now - timedelta(days=400)}
                    for p in people[i : i + CHUNK]
                ],
            )  # fmt: skip
    for chunk in _rows(total, now):
        async with db.engine.begin() as conn:
            for name in ("tickets", "ticket_events", "outbox", "processed_updates"):
                await conn.execute(insert(t.metadata.tables[name]), chunk[name])
    if db.engine.dialect.name == "postgresql":
        async with db.engine.begin() as conn:
            await conn.exec_driver_sql(f"SELECT setval('tickets_id_seq', {total})")
            await conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - start


class RssSampler:
    """Samples a process's resident memory from /proc every `every` seconds."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every, self.samples = pid, every, [0]
        self._task = asyncio.ensure_future(self._run())

    def status(self, field: str) -> int:
        """A /proc/PID/status figure in KiB (VmRSS, VmHWM), 0 once the process is gone."""
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    async def _run(self) -> None:
        while True:
            self.samples.append(self.status("VmRSS"))
            await asyncio.sleep(self.every)

    def stop(self) -> None:
        self._task.cancel()


def _to_supervisor(method: str) -> Callable[[Call], bool]:
    return lambda c: c.method == method and c.chat_id == SUPERVISOR


@asynccontextmanager
async def database_url(backend: str, workdir: Path) -> AsyncIterator[str]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{workdir / 'memory.sqlite3'}"
        return
    async with scratch_database("jinye_bench") as url:
        yield url


async def measure(backend: str, total: int, workdir: Path) -> dict[str, Any]:
    async with database_url(backend, workdir) as url:
        await asyncio.to_thread(upgrade, url)
        db = Database(url)
        now = datetime.now(UTC)
        filled = await fill(db, total, now) if total else 0.0
        size = (workdir / "memory.sqlite3").stat().st_size if backend == "sqlite" else 0
        api = await FakeBotApi(first_update_id=4 * total + 1).start()  # after the old ones
        bot = BotProcess(api, workdir / "bot", database_url=url)
        result: dict[str, Any] = {"backend": backend, "tickets": total, "fill_s": filled}
        try:
            started = time.perf_counter()
            await bot.start()
            assert bot.proc is not None
            sampler = RssSampler(bot.proc.pid)
            result["start_s"] = time.perf_counter() - started
            await asyncio.sleep(3)  # the start-up sweep and the first outbox rounds
            result["idle_rss_mb"] = sampler.status("VmRSS") / 1024
            driver = Driver(api, db, alive=lambda: bot.running, within=120)
            for i in range(100):
                person = 190_000 + i
                await driver.say(person, "/new")
                await driver.say(person, "卷烟订货系统登录不了，提示密码错误")
                await driver.press(person, "f:next")
                await driver.press(person, "f:ok")
            await night_110(driver, 180_001)
            await driver.say(100_000 + 1, "/my")
            result["before_reports_mb"] = sampler.status("VmHWM") / 1024
            for words, method in (("/stats month", "sendPhoto"), ("/ledger month", "sendDocument")):
                before = len([c for c in api.calls_of(method) if c.chat_id == SUPERVISOR])
                await driver.say(SUPERVISOR, words)
                await api.wait_for(_to_supervisor(method), count=before + 1, within=300)
            await asyncio.sleep(5)  # the sender at work (100 cards to one group take minutes)
            sampler.stop()
            result["end_rss_mb"] = sampler.status("VmRSS") / 1024
            result["peak_rss_mb"] = sampler.status("VmHWM") / 1024
            result["sampled_peak_mb"] = max(sampler.samples) / 1024
            result["db_mb"] = size / 2**20
            result["ledger_bytes"] = len(
                next(c for c in reversed(api.calls) if c.method == "sendDocument").files["document"]
            )
            result["errors"] = len(bot.errors())
            [(filed,)] = await read(db, select(func.count()).select_from(t.tickets))
            assert filed == total + 101, f"{filed} tickets, {total + 101} expected"
        finally:
            await bot.stop()
            await db.dispose()
            await api.stop()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--no-baseline", action="store_true", help="skip the empty database")
    args = parser.parse_args()
    sizes = ([] if args.no_baseline else [0]) + [args.tickets]
    results = []
    for total in sizes:
        with tempfile.TemporaryDirectory(prefix="jinye-memory-") as tmp:
            results.append(asyncio.run(measure(args.backend, total, Path(tmp))))
    print(
        "| backend | tickets | fill | start | RSS idle | peak before /stats, /ledger | "
        "peak RSS (VmHWM) | RSS at end | database |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        print(
            f"| {r['backend']} | {r['tickets']:,} | {r['fill_s']:.0f} s | {r['start_s']:.1f} s | "
            f"{r['idle_rss_mb']:.0f} MB | {r['before_reports_mb']:.0f} MB | "
            f"{r['peak_rss_mb']:.0f} MB | {r['end_rss_mb']:.0f} MB | {r['db_mb']:.0f} MB |"
        )
    for r in results:
        if r["errors"]:
            print(f"{r['tickets']:,} tickets: {r['errors']} error lines in the bot's log")
    return 0


if __name__ == "__main__":
    sys.exit(main())
