"""A team's group that Telegram upgrades to a supergroup gets a new chat id: the desk follows
it, so the team's commands and card buttons keep working in the new chat."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

import pytest

from core.config import Config
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.telegram_scripts import (
    TEAM_CHAT,
    Run,
    Update,
    message,
    press,
    reply_texts,
    run_aiogram,
    run_ptb,
    say,
)
from tests.support.tickets import FARMER, MEMBER

NEW_CHAT = -1001000099999  # the supergroup Telegram made of the team's group
Runner = Callable[[Harness, Sequence[Update]], Awaitable[Run]]
RUNNERS = {"python-telegram-bot": run_ptb, "aiogram": run_aiogram}


def upgrade(first_update: int, old: int, new: int) -> list[Update]:
    """What Telegram sends when a group becomes a supergroup: a service message in each."""
    return [
        message(first_update, MEMBER, old, migrate_to_chat_id=new),
        message(first_update + 1, MEMBER, new, migrate_from_chat_id=old),
    ]


async def _bound_chat(db: Database, team_id: str) -> int | None:
    async with db.uow(read_only=True) as uow:
        binding = await uow.team_chats.get(team_id)
    return binding.chat_id if binding else None


@pytest.mark.parametrize("adapter", RUNNERS)
async def test_a_team_chat_upgraded_to_a_supergroup_is_followed_to_its_new_id(
    adapter: str, desk: Harness, demo_config: Config
) -> None:
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    script = [
        *upgrade(70, TEAM_CHAT, NEW_CHAT),
        say(72, MEMBER, "/queue", chat=NEW_CHAT),
        press(73, MEMBER, f"tk:acc:{ticket_id}", message_id=7, chat=NEW_CHAT),
    ]
    run = await RUNNERS[adapter](desk, script)

    assert await _bound_chat(desk.db, "curing-qingshan") == NEW_CHAT
    queue, *_ = [t for t in reply_texts(run.calls) if ticket.label in t]
    assert "青山镇" in queue  # the team's own queue, not "在群里只能查看本群服务队的工单"
    # The pressed card in the new chat is the team's live card: it keeps its buttons.
    [edit] = [c for c in run.calls if c[0] == "editMessageText"]
    assert edit[1] == NEW_CHAT and edit[3] is not None and "tk:" in str(edit[3])
    # The next ticket's card goes straight to the new chat.
    await desk.file_110(FARMER + 1)
    cards = [r for r in await desk.outbox() if r.purpose == "card" and r.ticket_id != ticket_id]
    assert {r.chat_id for r in cards} & {TEAM_CHAT, NEW_CHAT} == {NEW_CHAT}


async def test_a_group_upgrade_moves_only_the_team_whose_chat_it_was(desk: Harness) -> None:
    await desk.send(MEMBER, chat=-1001000000002, migrate_to_chat_id=NEW_CHAT)
    assert await _bound_chat(desk.db, "curing-baishi") == NEW_CHAT
    assert await _bound_chat(desk.db, "curing-qingshan") is None  # its configured chat stays
