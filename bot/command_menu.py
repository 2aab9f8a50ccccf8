"""Sending the command menus (`handlers.command_menu`) to Telegram when the bot starts.

It runs beside the bot, never in its way: each framework's setter waits out flood control
and server errors as the start-up calls do, and a menu Telegram refuses (a supervisor who
never opened the bot has no chat yet: 400 chat not found) is logged and skipped. The bot
answers all the while; a menu that could not be set is tried again at the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from core.config import Config
from handlers.command_menu import Commands, MenuScope, menu_plan
from storage.uow import Database

log = logging.getLogger(__name__)

SetMenu = Callable[[MenuScope, Commands], Awaitable[object]]


async def publish_menus(db: Database, cfg: Config, set_menu: SetMenu) -> int:
    """Set every scope's menu through `set_menu`; how many were set."""
    try:
        async with db.uow(read_only=True) as uow:
            plan = await menu_plan(uow, cfg)
    except Exception:
        log.exception("command menus not set: could not read who the supervisors are")
        return 0
    done = 0
    for scope, commands in plan:
        try:
            await set_menu(scope, commands)
            done += 1
        except Exception as exc:
            log.warning("command menu for %s not set: %s", _name(scope), exc)
    log.info("command menus set: %d of %d", done, len(plan))
    return done


def _name(scope: MenuScope) -> str:
    return f"chat {scope.chat_id}" if scope.kind == "chat" else scope.kind


class MenuPublisher:
    """`publish_menus` as a task of its own, cancelled if the bot stops first."""

    def __init__(self, db: Database, cfg: Config, set_menu: SetMenu) -> None:
        self.db, self.cfg, self.set_menu = db, cfg, set_menu
        self.task: asyncio.Task[int] | None = None

    def start(self) -> None:
        self.task = asyncio.create_task(
            publish_menus(self.db, self.cfg, self.set_menu), name="command-menus"
        )

    async def close(self) -> None:
        if self.task is None:
            return
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task
        self.task = None
