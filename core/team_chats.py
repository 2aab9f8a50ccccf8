"""A team's dispatch chat follows its group when Telegram upgrades it to a supergroup, and
leaves a forum topic that was deleted for the group's General topic.

The upgrade gives the group a new chat id, and the old one refuses every message from then
on. A team bound to the old id would have its cards land there first (and be moved one by
one), its /queue refused in the new chat, and its pressed cards lose their buttons there.
"""

from __future__ import annotations

from datetime import datetime

from core.config import Config
from core.model import ChatPlace, TeamChat
from core.ports import UnitOfWork


async def team_place(uow: UnitOfWork, cfg: Config, team_id: str) -> ChatPlace | None:
    """Where the team's messages go: the chat (and forum topic) bound with /bindteam, else
    the chat the config gives it; None when it has neither."""
    bound = await uow.team_chats.get(team_id)
    if bound is not None:
        return bound.place
    team = cfg.find_team(team_id)
    return None if team is None or team.chat_id is None else ChatPlace(team.chat_id)


async def follow_chat_move(
    uow: UnitOfWork, cfg: Config, old: int, new: int, *, by: int, now: datetime
) -> list[str]:
    """Bind each team whose dispatch chat is `old` to `new`; the ids of the teams moved.

    `by` is who upgraded the group, or 0 when the move was learned from Telegram's refusal.
    """
    moved: list[str] = []
    if old == new:
        return moved
    for team in cfg.teams:
        current = await team_place(uow, cfg, team.id)
        if current is not None and current.chat_id == old:
            await uow.team_chats.bind(TeamChat(team.id, new, by, now))
            moved.append(team.id)
    return moved


async def leave_topic(
    uow: UnitOfWork, cfg: Config, chat_id: int, thread_id: int, *, now: datetime
) -> list[str]:
    """Bind each team bound to topic `thread_id` of `chat_id` (which Telegram says is gone)
    to the chat's General topic; the ids of the teams moved."""
    left: list[str] = []
    for team in cfg.teams:
        bound = await uow.team_chats.get(team.id)
        if bound is not None and bound.place == (chat_id, thread_id):
            await uow.team_chats.bind(TeamChat(team.id, chat_id, bound.bound_by, now))
            left.append(team.id)
    return left
