"""An alert about an undelivered message that is itself undelivered: what it was about.

The ladder (`bot.outbox.escalation`) alerts the next rung when a message is refused; on a
bureau's first days that alert is often refused too, and the next one. Quoting each failed
alert in the next would nest them (an alert quoting an alert quoting the page), so the next
alert goes back to the message first lost and names everyone it could not reach on the way.
An alert's `dedup_key` (`alert_key`) says which message it was about, so the way back needs
nothing stored besides. Telegram's reasons are English: staff read them in Chinese
(`why_refused`); the ticket's events and the logs keep Telegram's own words.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.model import OutboxMessage, User
from core.texts import is_named, person_name
from core.unreached import why_refused
from routing.reader import as_written
from storage.outbox_queries import OutboxQueries
from storage.uow import SqlUnitOfWork

UNREACHABLE = "unreachable"
DELIVERY_FAILED = "delivery_failed"
_ALERT = "undeliverable:"
_REPLY = "reply:"


def alert_key(row_key: str, target: int) -> str:
    """The dedup key of the alert to `target` about the message `row_key` names (its outbox
    id, or `reply:CHAT:TICKET` for a direct reply that had no row)."""
    return f"{_ALERT}{row_key}:{target}"


def _about(row: OutboxMessage) -> str | None:
    """The key of the message an undeliverable-message alert was about; None: not one."""
    key = row.dedup_key or ""
    if row.purpose != "alert" or not key.startswith(_ALERT):
        return None
    return key.removeprefix(_ALERT).rsplit(":", 1)[0]


async def first_lost(uow: SqlUnitOfWork, row: OutboxMessage) -> tuple[OutboxMessage, list[int]]:
    """The message first lost that `row` was (`row` itself, unless it is an alert about an
    undelivered one), and the chats that could not be reached after it, in order: those
    whose alerts about it were refused, `row`'s last."""
    root, relays, seen = row, list[int](), {id(row)}
    while (about := _about(root)) is not None:
        earlier = await _message(uow, root, about)
        if earlier is None or id(earlier) in seen:
            break
        relays.insert(0, root.chat_id)
        root = earlier
        seen.add(id(root))
    return root, relays


async def _message(uow: SqlUnitOfWork, alert: OutboxMessage, about: str) -> OutboxMessage | None:
    if about.isdigit():
        return await OutboxQueries.on(uow).get(int(about))
    if not about.startswith(_REPLY) or alert.ticket_id is None:
        return None
    # A direct reply has no row: the ticket's event of its refusal keeps what it said.
    chat_id = int(about.removeprefix(_REPLY).split(":", 1)[0])
    noted = [
        event.data
        for event in await uow.tickets.events(alert.ticket_id)
        if event.action in (UNREACHABLE, DELIVERY_FAILED)
        and event.data.get("chat_id") == chat_id
        and event.data.get("outbox_id") is None
    ]
    data: dict[str, Any] = noted[-1] if noted else {}
    payload: dict[str, Any] = {"text": str(data.get("text") or "")}
    if data.get("thread_id") is not None:
        payload["thread_id"] = data["thread_id"]
    at = alert.created_at
    return OutboxMessage(chat_id, "send_message", payload, at, at, ticket_id=alert.ticket_id)


async def earlier_whys(
    uow: SqlUnitOfWork, ticket_id: int, chats: list[int], since: datetime
) -> dict[int, str]:
    """Why each of `chats` did not get its message, from the ticket's latest event of it
    (since `since`, when the first message was lost)."""
    whys: dict[int, str] = {}
    for event in await uow.tickets.events(ticket_id):
        chat_id = event.data.get("chat_id")
        noted = event.action in (UNREACHABLE, DELIVERY_FAILED) and event.at >= since
        if noted and chat_id in chats:
            forbidden, group = event.action == UNREACHABLE, int(chat_id) < 0
            whys[int(chat_id)] = why_refused(event.note, forbidden=forbidden, group=group)
    return whys


async def relay_names(uow: SqlUnitOfWork, chats: list[int], group_name: str) -> list[str]:
    """How each chat the alerts could not reach is named: a person as colleagues know
    them, a group as the team's (`group_name`)."""
    names = []
    for chat_id in chats:
        if chat_id < 0:
            names.append(group_name)
            continue
        names.append(_colleague_name(await uow.users.get(chat_id), chat_id))
    return names


def _colleague_name(user: User | None, user_id: int) -> str:
    name = person_name(user, user_id)
    return as_written(name) if is_named(user) else name


async def phone_lines(uow: SqlUnitOfWork, first: User | None, relays: list[int]) -> list[str]:
    """Whom to phone: the person the message was for (`first`, None: a group, or one not
    to be named), and those the alerts about it were for (`relays`), with their phones."""
    if not relays:
        if first is not None and first.phone:
            return [f"请电话联系：{first.phone}"]
        return ["请通过电话或其他方式联系。"]
    people: list[tuple[User | None, int]] = [] if first is None else [(first, first.id)]
    people += [(await uow.users.get(chat_id), chat_id) for chat_id in relays if chat_id > 0]
    phones = [f"{_colleague_name(p, i)} {p.phone}" for p, i in people if p and p.phone]
    without = [_colleague_name(p, i) for p, i in people if not (p and p.phone)]
    lines = [f"请电话联系：{'、'.join(phones)}"] if phones else []
    if without:
        lines.append(f"{'、'.join(without)}没有登记电话，请通过其他方式联系。")
    return lines or ["请通过电话或其他方式联系。"]


def unreached_clause(who: str, why: str, names: list[str], whys: list[str]) -> str:
    """Whom the message and the alerts about it could not reach, with why: said once for
    all when it is the same for each."""
    if not names:
        return f"{who}（{why}）"
    if len({why, *whys}) == 1:
        return f"{who}，转告{'、'.join(names)}的提醒也未能送达（{why}）"
    told = "、".join(f"{name}（{said}）" for name, said in zip(names, whys, strict=True))
    return f"{who}（{why}），转告{told}的提醒也未能送达"
