"""Where an alert goes when nobody it is for can be written to privately, and what it adds.

Telegram lets a bot write to a person only once they have opened a private chat with it
(/start); until then, or once they block it, every page and alert to them is refused. On a
bureau's first days most leaders and supervisors have not, and an overdue 110 call at night
would be chased by nobody. So an alert that reaches nobody privately is posted in a group
they are in instead, naming who could not be reached and how they can fix it: a team's
leaders are in its group; the supervisors keep their desk (督办分派台, the triage line's
team's chat). The caller picks which comes first; each is tried when the other is missing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from core.config import Config
from core.model import ChatPlace
from core.ports import UnitOfWork
from core.ranks import unique
from core.team_chats import team_place
from core.texts import is_named, person_name
from core.written import as_written


async def desk_place(uow: UnitOfWork, cfg: Config) -> ChatPlace | None:
    """The supervisors' desk group: the triage line's team's chat; None without one."""
    line = cfg.triage_line()
    return None if line is None else await team_place(uow, cfg, cfg.default_team(line.id).id)


async def group_instead(
    uow: UnitOfWork,
    cfg: Config,
    team_id: str,
    *,
    supervisors_first: bool,
    besides: Collection[int] = (),
) -> ChatPlace | None:
    """The group an alert for people nobody can reach privately is posted in: the team's
    chat, else the supervisors' desk; the desk first for what was the supervisors' own
    (`supervisors_first`). Never one of `besides`, the chats that have refused it or the
    message it is about."""
    team, desk = await team_place(uow, cfg, team_id), await desk_place(uow, cfg)
    places = [desk, team] if supervisors_first else [team, desk]
    return next((p for p in places if p is not None and p.chat_id not in besides), None)


async def not_reached_note(uow: UnitOfWork, ids: Iterable[int], said: Iterable[int] = ()) -> str:
    """The line a group's copy adds: who could not be written to privately, as colleagues
    know them (`person_name`), and that they open a private chat with the bot; "" for
    nobody. Those the copy has named as not reached already (`said`) are not named again."""
    named = set(said)
    missed = unique(ids)
    names = []
    for user_id in missed:
        if user_id in named:
            continue
        user = await uow.users.get(user_id)
        name = person_name(user, user_id)
        names.append(as_written(name) if is_named(user) else name)
    why = "（没有私聊过机器人，或已屏蔽）。"
    fix = (
        "点本机器人的头像打开私聊，发送 /start，以后的提醒就会私信送达；"
        "在此之前请群里的同事电话转告。"
    )
    if not missed:
        return ""
    whom = "请以上各位本人" if len(missed) > 1 else "请本人"
    if not named.intersection(missed):
        return f"📵 机器人无法私信通知：{'、'.join(names)}{why}{whom}{fix}"
    also = f"机器人也无法私信通知：{'、'.join(names)}{why}" if names else ""
    return f"📵 {also}{whom}{fix}"


# What a group's refusal means (a group blocks nobody: the bot was removed from it), and a
# refusal other than 403 (given up after retries): the staff's words for Telegram's.
TEAM_CHAT_REFUSES = "机器人已被移出该群，请把机器人重新加入该群"
GAVE_UP = "Telegram 拒绝或多次重试仍失败"


def why_refused(reason: str, *, forbidden: bool, group: bool) -> str:
    """Why a message did not arrive, as staff say it, from Telegram's reason (English, kept
    in the ticket's events and the logs)."""
    if not forbidden:
        return GAVE_UP
    if group:
        return TEAM_CHAT_REFUSES
    said = reason.lower()
    if "initiate conversation" in said:
        return "没有私聊过机器人"
    if "blocked" in said:
        return "已屏蔽机器人"
    if "deactivated" in said:
        return "Telegram 账号已注销"
    return "对方已屏蔽机器人或未开启对话"
