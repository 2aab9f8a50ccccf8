"""`jinye110 run` (Telegram, or the console demo without a token) and `jinye110 demo`."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.cli_errors import DatabaseUnusable, check_database, config_failed, database_failed
from bot.config_loader import load_config
from bot.console_help import HELP
from bot.settings import Settings
from core.config import ConfigError

# What `jinye110 run --help` and `jinye110 demo --help` show.
# The terminal is the demo's conversation: the migrations' and start-up's INFO lines would
# bury its banner and replies, and a message Telegram would refuse is shown in it already
# (📵 未送达) with what the desk did instead, so the warnings that log it only repeat it.
# Errors still show; JINYE_LOG_LEVEL=INFO brings back the rest.
CONSOLE_LOG_LEVEL = "ERROR"

RUN_DESCRIPTION = """\
Run the bot on Telegram with JINYE_BOT_TOKEN, until SIGINT/SIGTERM: it brings the database
to the newest schema, sets the command menus, and runs the SLA sweep, digests and weekly
report too unless JINYE_RUN_SCHEDULER=false. Long polling, or a webhook when
JINYE_WEBHOOK_URL is set. Without a token it starts the console demo (jinye110 demo).
"""
DEMO_DESCRIPTION = f"""\
The console demo: the real handlers and database in a terminal, with the bureau of
JINYE_CONFIG (default the demo's) and the database of JINYE_DATABASE_URL (default
jinye110.sqlite3 in this folder; delete it to start over). You start as a farmer; what
the desk sends other people (the team chat's card, pages, notices) is printed as it is
delivered (📨 → …). Type at its prompt:

{HELP}
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = sub.add_parser(
        "run",
        help="run the bot (the console demo when JINYE_BOT_TOKEN is unset)",
        description=RUN_DESCRIPTION,
    )
    run.add_argument(
        "--framework",
        choices=["ptb", "aiogram"],
        default="ptb",
        help="the Telegram library: python-telegram-bot (ptb, the default) or aiogram",
    )
    run.set_defaults(func=cmd_run)
    demo = sub.add_parser(
        "demo",
        help="the console demo: the real handlers in a terminal",
        description=DEMO_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the commands one a line
    )
    demo.set_defaults(func=cmd_demo)


def _cannot_start(command: str, settings: Settings) -> int | None:
    """The exit status when the config or the database stops the bot before it starts."""
    try:
        load_config(settings.config)
    except ConfigError as exc:
        return config_failed(command, exc)
    try:
        # Reaching it is enough: the bot migrates the schema itself as it starts.
        check_database(settings.database_url, migrated=False)
    except DatabaseUnusable as exc:
        return database_failed(command, exc)
    return None


def cmd_run(args: argparse.Namespace) -> int:
    settings = Settings()
    if not settings.token:
        return _console("run", settings)
    if (status := _cannot_start("run", settings)) is not None:
        return status
    if args.framework == "aiogram":
        return _run_aiogram(settings)
    from telegram.error import InvalidToken

    from bot.ptb_adapter import run_ptb

    try:
        return int(run_ptb(settings))
    except InvalidToken:
        return _token_refused()


def _run_aiogram(settings: Settings) -> int:
    # Imported only for this framework: aiogram's import builds its models' schemas, some
    # seconds a start that a python-telegram-bot bot would wait for nothing.
    from aiogram.exceptions import TelegramUnauthorizedError
    from telegram.error import InvalidToken

    from bot.aiogram_runner import run_aiogram

    try:
        return int(asyncio.run(run_aiogram(settings)))
    except (InvalidToken, TelegramUnauthorizedError):
        # The outbox's sender is python-telegram-bot's on both frameworks: either may say it.
        return _token_refused()


def _token_refused() -> int:
    # One line, without the token: the frameworks' own errors quote it, and a traceback
    # on stderr ends up in the same logs that must never hold it.
    print(
        "jinye110 run: Telegram refused the bot token (JINYE_BOT_TOKEN); "
        "check it with @BotFather (/token)",
        file=sys.stderr,
    )
    return 1


def cmd_demo(args: argparse.Namespace) -> int:
    return _console("demo", Settings())


def _console(command: str, settings: Settings) -> int:
    """The console demo, for `jinye110 demo` or a `jinye110 run` without a token: what
    stops it is said in the name of the command typed."""
    from bot.bootstrap import build_app
    from bot.console import Console

    if "log_level" not in settings.model_fields_set:
        settings = settings.model_copy(update={"log_level": CONSOLE_LOG_LEVEL})
    if (status := _cannot_start(command, settings)) is not None:
        return status
    if command == "run":  # said once the demo can start, not before what stops it
        print("JINYE_BOT_TOKEN is not set: starting the console demo.\n", flush=True)

    async def main() -> int:
        app = await build_app(settings)
        try:
            return await Console(app).run(sys.stdin)
        finally:
            await app.db.dispose()

    return asyncio.run(main())
