"""Intake: updates per second through python-telegram-bot, our handlers and the database, for
the /new conversation, against a bare python-telegram-bot echo bot in the same harness.

    python3 dev.py bench intake [--backend sqlite|postgresql|both] [--tickets 300] [--rounds 5]

All bots are `telegram.ext.Application`s fed the same raw updates with
`Application.process_update(Update.de_json(...))`, in batches of 100 as getUpdates returns
them, handled the way our polling loop handles a batch (`bot.lanes`: one chat's updates in
order, up to four chats at once), with a request object that answers every Bot API call
locally, so no network is measured. Each ticket is four updates from a person of its own:
`/new`, the text, the 「下一步」 press, the 「确认」 press (a ticket per person keeps them
under the hourly limit). The echo bot answers every message with its text and every press with
answerCallbackQuery and an edit, the same Bot API calls our bot makes. A third bot, the
durable echo bot, does the same after committing one row an update through our unit of work
on the same database: the floor for any bot that confirms an update only once it is saved.

Ours is the composition root's app (`bot.bootstrap.build_app`: migrations, seeded staff,
the jieba router, the reports port) with the outbox sender off: this is intake only; the
outbox rows it writes are what the sender would send. Rounds alternate between the bots so
that the machine's load falls on all alike; the figure is the ratio of the median rates.
PostgreSQL comes from JINYE_TEST_PG_URL (default: the local server); a scratch database is
created and dropped.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event, func, select  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.ext import (  # noqa: E402
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.bootstrap import build_app  # noqa: E402
from bot.lanes import DEFAULT_LANES, in_lanes  # noqa: E402
from bot.ptb_adapter import build_application  # noqa: E402
from bot.ptb_runner import lane_of  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage.tables import tickets  # noqa: E402
from storage.uow import Database  # noqa: E402
from tests.support.scratch_db import scratch_database  # noqa: E402
from tests.support.telegram_scripts import OfflineRequest  # noqa: E402

TOKEN = "123456:BENCH-token"
BATCH = 100  # updates a getUpdates call returns at most
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "jinye110", "username": "jinye110_bot"}
DATE = 1_763_600_000
TEXTS = (
    "我想办理烟草专卖零售许可证延续，需要带什么材料",
    "卷烟订货系统登录不了，提示密码错误",
    "上周订的货少送了两条，什么时候补",
    "烟苗发黄是什么病，要打什么药",
    "收购站定级我觉得偏低了，想申请复核",
)
PTBApp = Application[Any, Any, Any, Any, Any, Any]
LABELS = {
    "echo": "bare PTB echo bot",
    "durable": "echo bot + one committed row an update",
    "ours": "jinye110 /new",
}


def conversation(person: int, first_update: int) -> list[dict[str, Any]]:
    """The four updates of one /new request, as Telegram sends them."""
    user = {"id": person, "is_bot": False, "first_name": "店主", "language_code": "zh-hans"}
    chat = {"id": person, "type": "private", "first_name": "店主"}
    ids = itertools.count(first_update)

    def message(text: str, **extra: Any) -> dict[str, Any]:
        update_id = next(ids)
        body = {"message_id": update_id, "date": DATE, "chat": chat, "from": user, "text": text}
        return {"update_id": update_id, "message": {**body, **extra}}

    def press(data: str) -> dict[str, Any]:
        update_id = next(ids)
        shown = {"message_id": 1, "date": DATE, "chat": chat, "from": BOT_USER, "text": "…"}
        query = {"id": f"q{update_id}", "chat_instance": "c", "from": user, "data": data}
        return {"update_id": update_id, "callback_query": {**query, "message": shown}}

    command = {"type": "bot_command", "offset": 0, "length": 4}
    return [
        message("/new", entities=[command]),
        message(TEXTS[person % len(TEXTS)]),
        press("f:next"),
        press("f:ok"),
    ]


def echo_application(db: Database | None = None) -> PTBApp:
    """The bare python-telegram-bot bot: echo texts, answer presses and edit the message.

    With `db`, first record each update as handled in a committed transaction of its own
    (our unit of work and inbox): the least any bot that loses nothing does per update.
    """

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None and update.effective_message is not None
        await context.bot.send_message(
            update.effective_chat.id, update.effective_message.text or "…"
        )

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_text(f"pressed {query.data}")

    async def remember(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert db is not None
        async with db.uow() as uow:
            await uow.inbox.claim(f"durable:{update.update_id}", datetime.now(UTC))
            await uow.commit()

    application = ApplicationBuilder().token(TOKEN).base_url("http://local/bot").build()
    if db is not None:
        application.add_handler(TypeHandler(Update, remember), group=-1)
    application.add_handler(MessageHandler(filters.ALL, echo))
    application.add_handler(CallbackQueryHandler(pressed))
    return application


async def feed(
    application: PTBApp, raw: list[dict[str, Any]], lanes: int = DEFAULT_LANES
) -> tuple[float, list[float]]:
    """Seconds for all the updates, and per-update latencies.

    The updates go in getUpdates-sized batches through the lanes our polling loop uses
    (`bot.ptb_runner`): one chat's in order, `lanes` chats at once (1: one update after
    another, as PTB's own loop does).
    """
    latencies = []

    async def one(update: Update) -> None:
        began = time.perf_counter()
        await application.process_update(update)
        latencies.append(time.perf_counter() - began)

    start = time.perf_counter()
    for first in range(0, len(raw), BATCH):
        batch = [Update.de_json(u, application.bot) for u in raw[first : first + BATCH]]
        await in_lanes(batch, lane_of, one, lanes=lanes)
    return time.perf_counter() - start, latencies


@asynccontextmanager
async def database_url(backend: str) -> AsyncIterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite+aiosqlite:///{Path(tmp) / 'intake.sqlite3'}"
        return
    async with scratch_database("jinye_bench") as url:
        yield url


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def bench(backend: str, per_round: int, rounds: int, lanes: int) -> dict[str, Any]:
    async with database_url(backend) as url:
        app = await build_app(Settings(database_url=url, log_level="WARNING"))
        ours = build_application(app, token=TOKEN, base_url="http://local/bot")
        # Where our time goes: inside the desk (handlers, router, database) and in SQL.
        desk_seconds, statements, in_desk = [0.0], [0], [0]
        handle = app.desk.handle

        async def timed_handle(incoming: Any) -> Any:
            began = time.perf_counter()
            in_desk[0] += 1
            try:
                return await handle(incoming)
            finally:
                desk_seconds[0] += time.perf_counter() - began
                in_desk[0] -= 1

        app.desk.handle = timed_handle  # type: ignore[method-assign,assignment]

        def count(*_: Any) -> None:
            statements[0] += in_desk[0] > 0  # not the durable echo bot's

        event.listen(app.db.engine.sync_engine, "before_cursor_execute", count)
        echo, durable = echo_application(), echo_application(app.db)
        bots = {"echo": echo, "durable": durable, "ours": ours}
        for application in bots.values():
            request = OfflineRequest()
            application.bot._request = (request, request)
            await application.initialize()
        people = itertools.count(500_000)
        update_ids = itertools.count(1)
        rates: dict[str, list[float]] = {name: [] for name in bots}
        latencies: dict[str, list[float]] = {name: [] for name in bots}
        try:
            # One warm-up ticket each (first jieba cut, first statements compiled).
            for application in bots.values():
                await feed(application, conversation(next(people), next(update_ids) * 10), lanes)
            desk_seconds[0], statements[0] = 0.0, 0
            for _ in range(rounds):
                for name, application in bots.items():
                    raw = [
                        u
                        for _ in range(per_round)
                        for u in conversation(next(people), next(update_ids) * 10)
                    ]
                    seconds, each = await feed(application, raw, lanes)
                    rates[name].append(len(raw) / seconds)
                    latencies[name] += each
            async with app.db.engine.connect() as conn:
                filed = (await conn.execute(select(func.count()).select_from(tickets))).scalar()
        finally:
            for application in bots.values():
                await application.shutdown()
            await app.db.dispose()
    expected = (rounds * per_round) + 1
    assert filed == expected, f"{filed} tickets filed, {expected} expected"
    result: dict[str, Any] = {
        "backend": backend,
        "tickets": filed,
        "rounds": rounds,
        "lanes": lanes,
    }
    for name in bots:
        result[name] = {
            "updates_per_s": statistics.median(rates[name]),
            "p50_ms": 1000 * _percentile(latencies[name], 0.5),
            "p99_ms": 1000 * _percentile(latencies[name], 0.99),
        }
    result["ratio"] = result["ours"]["updates_per_s"] / result["echo"]["updates_per_s"]
    result["durable_ratio"] = result["durable"]["updates_per_s"] / result["echo"]["updates_per_s"]
    updates = rounds * per_round * 4
    ours_seconds = sum(latencies["ours"])
    result["desk_share"] = desk_seconds[0] / ours_seconds
    result["desk_ms_per_update"] = 1000 * desk_seconds[0] / updates
    result["sql_per_update"] = statements[0] / updates
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--tickets", type=int, default=300, help="tickets per round (x4 updates)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--lanes", type=int, default=DEFAULT_LANES, help="chats handled at once (1: serially)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    results = [asyncio.run(bench(b, args.tickets, args.rounds, args.lanes)) for b in backends]
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print("| backend | bot | updates/s | p50 | p99 |")
    print("| --- | --- | ---: | ---: | ---: |")
    for r in results:
        for name, label in LABELS.items():
            f = r[name]
            print(
                f"| {r['backend']} | {label} | {f['updates_per_s']:,.0f} | "
                f"{f['p50_ms']:.2f} ms | {f['p99_ms']:.2f} ms |"
            )
    for r in results:
        # With several lanes the desk times of different chats overlap: only the share and
        # the statement count still say something.
        desk_ms = f"{r['desk_ms_per_update']:.2f} ms an update, " if r["lanes"] == 1 else ""
        print(
            f"{r['backend']} ({r['lanes']} lanes): ours / echo = {r['ratio']:.2f}, "
            f"durable echo / echo = {r['durable_ratio']:.2f} ({r['tickets']} tickets filed); "
            f"{r['desk_share']:.0%} of our time in the desk ({desk_ms}"
            f"{r['sql_per_update']:.1f} SQL statements an update)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
