"""`jinye110 scheduler`: the SLA sweep, the daily digest and the weekly report in their
own process (the bot process can run the same jobs instead; see bot/scheduler_wiring.py).

    jinye110 scheduler                     run until SIGINT/SIGTERM
    jinye110 scheduler --once              one sweep now, print what it did, exit
    jinye110 scheduler --sweep-every 10s   sweep every 10 seconds (default 30s)

Several scheduler processes may share one PostgreSQL database: SKIP LOCKED and the
outbox dedup keys keep every alert single.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
from contextlib import suppress
from datetime import timedelta

from bot.cli_errors import (
    DatabaseUnusable,
    config_failed,
    database_failed,
    positive_duration,
    positive_int,
    using_database,
)
from bot.config_loader import load_config
from bot.settings import Settings
from core.config import Config, ConfigError

# What `jinye110 scheduler --help` shows (the module's notes are for whoever changes it).
DESCRIPTION = """\
Run the SLA sweep, the daily digest and the weekly report in a process of their own.
The bot runs them itself unless JINYE_RUN_SCHEDULER=false; the scheduler only queues
messages, and the bot's process sends them.

    jinye110 scheduler                     run until SIGINT/SIGTERM
    jinye110 scheduler --once              one sweep now, print what it did, exit
    jinye110 scheduler --sweep-every 10s   sweep every 10 seconds (default 30s)

Several scheduler processes may share one PostgreSQL database: each alert is sent once.
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = sub.add_parser(
        "scheduler",
        help="run the SLA sweep, daily digest and weekly report",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("--config", help="config file (default: JINYE_CONFIG)")
    run.add_argument("--once", action="store_true", help="sweep once now and exit")
    run.add_argument(
        "--sweep-every",
        type=positive_duration,
        default=timedelta(seconds=30),
        metavar="PERIOD",
        help="how often to sweep: 30s, 1m or plain seconds (default 30s)",
    )
    run.add_argument(
        "--batch", type=positive_int, default=100, metavar="N", help="tickets per sweep transaction"
    )
    run.add_argument("--no-weekly", action="store_true", help="do not send the weekly report")
    run.add_argument(
        "--no-migrate", action="store_true", help="do not bring the database schema up to date"
    )
    run.set_defaults(func=cmd_scheduler)


def cmd_scheduler(args: argparse.Namespace) -> int:
    settings = Settings()
    try:
        cfg = load_config(args.config or settings.config)
    except ConfigError as exc:
        return config_failed("scheduler", exc)
    from storage.migrate import upgrade

    url = settings.database_url
    try:
        if not args.no_migrate:
            using_database(url, lambda: upgrade(url), migrated=False)
        return using_database(url, lambda: asyncio.run(_main(args, settings, cfg)))
    except DatabaseUnusable as exc:
        return database_failed("scheduler", exc)


async def _main(args: argparse.Namespace, settings: Settings, cfg: Config) -> int:
    # Imported here so that `jinye110 --help` stays quick.
    from bot.scheduler_wiring import build_jobs
    from scheduler.jobs import Schedule
    from storage.uow import Database

    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    db = Database(settings.database_url)
    jobs = build_jobs(
        db,
        cfg,
        schedule=Schedule(sweep_every=args.sweep_every.total_seconds(), sweep_batch=args.batch),
        weekly=not args.no_weekly,
    )
    try:
        if args.once:
            result = await jobs.sweep_now()
            print(
                json.dumps(
                    {
                        "processed": result.processed,
                        "messages": result.messages,
                        "kinds": dict(result.kinds),
                        "failed": result.failed,
                    },
                    ensure_ascii=False,
                )
            )
            return 0
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with suppress(NotImplementedError):  # not on Windows
                loop.add_signal_handler(sig, stop.set)
        jobs.start()
        await stop.wait()
        await jobs.stop()
        return 0
    finally:
        await db.dispose()
