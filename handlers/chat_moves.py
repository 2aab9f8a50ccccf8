"""Telegram's notice that a group became a supergroup: the team whose chat it was follows."""

from __future__ import annotations

import logging

from core.team_chats import follow_chat_move
from handlers.context import Ctx

log = logging.getLogger(__name__)


async def on_chat_move(ctx: Ctx, old: int, new: int) -> None:
    """Bind the team of chat `old` to `new`, in this step's transaction. Said nothing: the
    old chat takes no messages any more, and the team's work simply carries on."""
    moved = await follow_chat_move(ctx.uow, ctx.cfg, old, new, by=ctx.user.id, now=ctx.now)
    if moved:
        log.info("chat %s became supergroup %s: %s follow it", old, new, ", ".join(moved))
