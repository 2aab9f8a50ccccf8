"""Telegram's command menu (setMyCommands), by who sees it.

Telegram shows the menu of the narrowest scope that fits the chat. Everyone's private chat
(the default scope) lists what requesters can do; a group lists the team's commands, which
requesters never need; a supervisor's or admin's private chat lists their own commands too.
A farmer is never offered /queue, /reassign or /stats (the desk would refuse them anyway).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.config import Config
from core.ports import UnitOfWork
from handlers.i18n import t

Commands = list[tuple[str, str]]  # (command without the slash, description), in menu order

REQUESTER = ("110", "new", "my", "complain", "suggest", "start", "lang", "cancel", "help")
TEAM_CHAT = ("queue", "ticket", "duty", "bindteam", "cancel", "help")
OVERSIGHT = ("queue", "ticket", "stats", "ledger", "reassign")
# Where one command means something else in a scope, its description says so.
_TEAM_TEXTS = {"help": "cmd_team_help"}
_OVERSIGHT_TEXTS = {"queue": "cmd_all_queue"}


@dataclass(frozen=True, slots=True)
class MenuScope:
    """Whose menu: everyone's private chats, every group, or one person's private chat."""

    kind: Literal["default", "all_group_chats", "chat"]
    chat_id: int | None = None


def commands(names: tuple[str, ...], texts: dict[str, str] | None = None) -> Commands:
    keys = texts or {}
    return [(name, t(keys.get(name, f"cmd_{name}"))) for name in names]


async def menu_plan(uow: UnitOfWork, cfg: Config) -> list[tuple[MenuScope, Commands]]:
    """Each scope's menu: the default, the groups', then each supervisor's and admin's
    (configured, or joined with an invite link)."""
    joined = [m.user_id for m in await uow.memberships.supervisors()]
    overseers = list(dict.fromkeys([*cfg.supervisors, *cfg.admins, *joined]))
    oversight = commands(OVERSIGHT, _OVERSIGHT_TEXTS) + commands(REQUESTER)
    return [
        (MenuScope("default"), commands(REQUESTER)),
        (MenuScope("all_group_chats"), commands(TEAM_CHAT, _TEAM_TEXTS)),
        *((MenuScope("chat", person), oversight) for person in overseers),
    ]
