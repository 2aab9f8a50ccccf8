"""Telegram's command menu (setMyCommands), by who sees it.

Telegram shows the menu of the narrowest scope that fits the chat. Everyone's private chat
(the default scope) lists what requesters can do; a group lists the team's commands, which
requesters never need; a supervisor's or admin's private chat lists their own commands too,
in their script. A farmer is never offered /queue, /reassign or /stats (the desk would
refuse them anyway).

The shared menus and the supervisors' own are set when the bot starts. Telegram's menus
know languages, not scripts: someone who writes Traditional Chinese (or picks it with
/lang) gets a menu of their own chat in Traditional when their script changes, and someone
who becomes a supervisor with an invite gets theirs at once, both through the outbox (a
`set_menu` row: retried like any message, and kept across a restart).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.config import Config
from core.enums import Requester, Script
from core.ports import UnitOfWork
from core.ranks import supervisors, unique
from handlers.context import Ctx
from handlers.i18n import t

Commands = list[tuple[str, str]]  # (command without the slash, description), in menu order

REQUESTER = ("110", "new", "my", "complain", "suggest", "start", "lang", "cancel", "help")
# The bureau's own staff also keep a wish list (心愿清单).
STAFF = ("110", "new", "wish", "my", "complain", "suggest", "start", "lang", "cancel", "help")
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


def commands(
    names: tuple[str, ...], texts: dict[str, str] | None = None, script: Script = Script.HANS
) -> Commands:
    keys = texts or {}
    return [(name, t(keys.get(name, f"cmd_{name}"), script)) for name in names]


def oversight_menu(script: Script) -> Commands:
    """A supervisor's or admin's own menu: theirs first, then what staff can do."""
    return commands(OVERSIGHT, _OVERSIGHT_TEXTS, script) + commands(STAFF, script=script)


def own_menu(script: Script, *, overseer: bool, staff: bool) -> Commands:
    """Someone's own menu: a supervisor's or admin's, a staff member's (with /wish), or
    the requesters' (for a menu in Traditional)."""
    if overseer:
        return oversight_menu(script)
    return commands(STAFF if staff else REQUESTER, script=script)


async def menu_plan(uow: UnitOfWork, cfg: Config) -> list[tuple[MenuScope, Commands]]:
    """Each scope's menu: the default, the groups', then each supervisor's and admin's
    (configured, or joined with an invite link) and each registered staff member's, in
    the script they use."""
    overseers = unique([*await supervisors(uow, cfg), *cfg.admins])
    personal = []
    for person in overseers:
        user = await uow.users.get(person)
        script = user.script if user is not None and user.script is not None else Script.HANS
        personal.append((MenuScope("chat", person), oversight_menu(script)))
    for user in await uow.users.of_kind(Requester.STAFF):
        if user.id not in overseers:
            own = own_menu(user.script or Script.HANS, overseer=False, staff=True)
            personal.append((MenuScope("chat", user.id), own))
    return [
        (MenuScope("default"), commands(REQUESTER)),
        (MenuScope("all_group_chats"), commands(TEAM_CHAT, _TEAM_TEXTS)),
        *personal,
    ]


async def send_own_menu(ctx: Ctx, *, overseer: bool) -> None:
    """Set the person's menu in their private chat now, in their script: a supervisor's or
    admin's own (not at the next start), a staff member's or the requesters' one."""
    if ctx.menu_queued:
        return
    ctx.menu_queued = True
    staff = ctx.user.kind is Requester.STAFF
    own = own_menu(ctx.script, overseer=overseer, staff=staff)
    menu = [[name, text] for name, text in own]
    await ctx.enqueue(ctx.user.id, "", method="set_menu", purpose="menu", extra={"commands": menu})
