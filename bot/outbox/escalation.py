"""When a message cannot be delivered: mark the recipient, note it on the ticket, tell the next
person up the ladder.

The ladder for an undeliverable message about a ticket:
requester -> the team's chat -> the team's leaders -> the supervisors -> the admins.
A team chat or a member starts at the leaders, a leader at the supervisors. The first rung
with anyone reachable (other than the failed recipient) gets the alert, as new outbox rows
written in the same transaction as the failure, so an alert is never lost nor duplicated.
A team chat that refuses the bot altogether (403: removed from the group) cuts the whole team
off, so the first reachable rung above the leaders (the supervisors) is alerted as well.

The ladder is that of the team whose chat or person the message was for: the oversight
team's copy of a complaint another team handles climbs the oversight team's ladder (its
leaders, the supervisors), not the ladder of the team complained about. Each reader reads
the alert as they may read the ticket's card (`core.complainant`): a copy that names a
complainant is quoted only where the complainant may be named.

The team whose group it was is the one it is bound to now (`team_of_chat`), else the one
the config gives that group (a team that moved to another group with /bindteam), else, for a
complaint, the oversight team, whose copy it will have been: a group no team has any more
is never the complained-about team's to hear of, as its copy names the complainant.

One alert per chat and ticket: the first message that loses something alerts. A message
Telegram refused otherwise (not 403) alerts once for what was queued with it for that chat
(a card, the 抄送 header before it, its history and files), not once for each. An edit that
fails loses nothing a person must act on, so it is only noted, and does not keep the alert
from the ticket's next message to that chat.

A team's group that refuses a direct reply (the bot was removed as it answered) tells the
team's leaders and the supervisors too (`record_refused_reply`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from bot.outbox.alert_text import Lost, alert_texts, excerpt, quoted
from bot.outbox.relayed import DELIVERY_FAILED, UNREACHABLE, alert_key, first_lost
from core.config import Config
from core.enums import Kind, Role, Script
from core.lifecycle import ECHO_POST, ECHO_WITHDRAWN
from core.model import ChatPlace, OutboxMessage, Ticket
from core.night import in_quiet_hours
from core.ranks import supervisors, team_leaders, unique
from core.services import note_event
from core.team_chats import team_place
from core.texts import is_named, person_name
from core.unreached import group_instead, not_reached_note
from core.written import as_written
from handlers.i18n import t
from routing.reader import message_in_script
from storage.outbox_queries import OutboxQueries
from storage.uow import SqlUnitOfWork

log = logging.getLogger(__name__)

# The echo wall's posts (`reports.echo`) and their withdrawal when reopened: the channel's.
ECHO = frozenset((ECHO_POST, ECHO_WITHDRAWN))


async def mark_unreachable(
    uow: SqlUnitOfWork, chat_id: int, now: datetime
) -> tuple[bool, datetime | None]:
    """Mark a person unreachable: (whether that is news, since when they already were). A
    group has no user row: the ticket's events record it, and a message delivered to it
    since the last of them says the bot was back in the group (re-added, then removed
    again is news)."""
    if chat_id < 0:
        return False, await OutboxQueries.on(uow).last_sent_to(chat_id)
    user = await uow.users.get(chat_id)
    if user is None:
        log.warning("chat %s refused a message and is not a known user", chat_id)
        return False, None
    if not user.reachable:
        return False, user.unreachable_since
    user.reachable = False
    user.unreachable_since = now
    user.updated_at = now
    return True, None


async def record_undeliverable(
    uow: SqlUnitOfWork,
    cfg: Config,
    row: OutboxMessage,
    reason: str,
    now: datetime,
    *,
    forbidden: bool,
) -> list[OutboxMessage]:
    """Record that `row` will never be delivered; return the alert rows it added."""
    if row.purpose in ECHO:
        return await _echo_wall_refused(uow, cfg, row, reason, now)
    news, since = await mark_unreachable(uow, row.chat_id, now) if forbidden else (True, None)
    if row.ticket_id is None:
        log.warning("outbox row %s to %s undeliverable, no ticket: %s", row.id, row.chat_id, reason)
        return []
    ticket = await uow.tickets.get(row.ticket_id)
    if ticket is None or ticket.id is None:
        log.error("outbox row %s refers to missing ticket %s", row.id, row.ticket_id)
        return []
    action = UNREACHABLE if forbidden else DELIVERY_FAILED
    loses = _loses_something(row)
    if forbidden and not news:
        noted = await _noted_unreachable(uow, ticket.id, row.chat_id, since)
        # One alert per person and ticket is enough; the row itself keeps its error. Only
        # an edit noted it before: nobody heard, and this message is the first one lost.
        if noted and (not loses or any(_loses_something(method) for method in noted)):
            log.info("chat %s already noted unreachable on ticket %s", row.chat_id, ticket.label)
            return []
    told = not forbidden and loses and await _delivery_told(uow, ticket.id, row)
    data: dict[str, Any] = {"chat_id": row.chat_id, "outbox_id": row.id, "method": row.method}
    data["queued"] = _queued(row)
    if "thread_id" in row.payload:
        data["thread_id"] = row.payload["thread_id"]
    if row.id is None:  # a direct reply: no row keeps what it said for the alerts about it
        data["text"] = excerpt(row)
    await note_event(
        uow, ticket, action, actor_id=None, role=Role.SYSTEM, now=now, note=reason[:500], data=data
    )
    if not loses:
        return []  # an edit that fails loses nothing a person must act on
    if told:
        log.info(
            "chat %s already told of on ticket %s for this delivery", row.chat_id, ticket.label
        )
        return []
    alerts = await _alerts(uow, cfg, ticket, row, reason, now, forbidden=forbidden)
    for alert in alerts:
        await uow.outbox.add(alert)
    if not alerts:
        log.error("ticket %s: nobody left to alert about chat %s", ticket.label, row.chat_id)
    return alerts


async def _echo_wall_refused(
    uow: SqlUnitOfWork, cfg: Config, row: OutboxMessage, reason: str, now: datetime
) -> list[OutboxMessage]:
    """The echo wall's channel is the bureau's, not a closed ticket's team's: its leaders
    cannot let the bot post there, and nobody has anyone to phone about a post. The admins,
    who keep `echo_wall_chat`, hear of it, once a day while it lasts."""
    log.error("echo wall %s refused post %s: %s", row.chat_id, row.id, reason)
    day = now.astimezone(cfg.zone).date().isoformat()
    text = t("echo_wall_refused", chat=row.chat_id, reason=reason[:200])
    queries = OutboxQueries.on(uow)
    admins = [admin for admin in unique(cfg.admins) if await _reachable(uow, admin)]
    scripts = await uow.users.scripts(admins)
    alerts = [
        OutboxMessage(
            chat_id=admin,
            method="send_message",
            payload=message_in_script({"text": text}, scripts.get(admin, Script.HANS)),
            created_at=now,
            not_before=now,
            priority=1,
            purpose="alert",
            dedup_key=key,
        )
        for admin in admins
        if not await queries.has_key(key := f"echo_refused:{row.chat_id}:{day}:{admin}")
    ]
    for alert in alerts:
        await uow.outbox.add(alert)
    return alerts


def _loses_something(row_or_method: OutboxMessage | str) -> bool:
    """Whether a message (or a method) that fails loses something: a new message does, an
    edit does not (the message it edits is still there)."""
    method = row_or_method if isinstance(row_or_method, str) else row_or_method.method
    return method.startswith("send_")


async def record_refused_reply(
    uow: SqlUnitOfWork,
    cfg: Config,
    place: ChatPlace,
    text: str,
    reason: str,
    now: datetime,
    *,
    ticket_id: int | None = None,
) -> list[OutboxMessage]:
    """A direct reply that `place` refused (403), handled as an outbox message that meets
    it: a person is marked unreachable; a team's group (the bot was removed as it answered)
    is noted on the ticket the reply was about (`ticket_id`, a pressed card's) and its
    team's leaders and the supervisors hear, once. Returns the alert rows it added."""
    if place.chat_id > 0:
        await mark_unreachable(uow, place.chat_id, now)
        return []
    payload: dict[str, Any] = {"text": text}
    if place.thread_id is not None:
        payload["thread_id"] = place.thread_id
    if ticket_id is not None:
        lost = OutboxMessage(place.chat_id, "send_message", payload, now, now, ticket_id=ticket_id)
        return await record_undeliverable(uow, cfg, lost, reason, now, forbidden=True)
    team_id = await team_of_chat(uow, cfg, place)
    if team_id is None:
        log.warning("chat %s refused a reply and is no team's: %s", place.chat_id, reason)
        return []
    rungs = await _ladder(uow, cfg, team_id, await team_place(uow, cfg, team_id))
    lost = OutboxMessage(place.chat_id, "send_message", payload, now, now)
    level, targets = await _first_reachable(uow, rungs, _TEAM_CHAT + 1, lost)
    if level < _SUPERVISORS:
        _, above = await _first_reachable(uow, rungs, _SUPERVISORS, lost)
        targets += [t for t in above if t not in targets]
    # Once a day: a group the bot was removed from sends it no more updates, so a refusal
    # on another day is another removal.
    day = now.astimezone(cfg.zone).date().isoformat()
    queries = OutboxQueries.on(uow)
    keys = {target: f"refused:{place.chat_id}:{day}:{target}" for target in targets}
    targets = [target for target in targets if not await queries.has_key(keys[target])]
    log.warning("team %s's chat %s refused a reply: %s", team_id, place.chat_id, reason)
    lines = [f"⚠️ {cfg.team(team_id).name}的群收不到机器人的回复（{t('team_chat_refuses')}）。"]
    scripts = await uow.users.scripts(targets)
    alerts = [
        OutboxMessage(
            chat_id=target,
            method="send_message",
            payload=message_in_script(
                {"text": quoted("\n".join(lines), excerpt(lost))},
                scripts.get(target, Script.HANS),
            ),
            created_at=now,
            not_before=now,
            priority=0,
            purpose="alert",
            dedup_key=keys[target],
        )
        for target in targets
    ]
    for alert in alerts:
        await uow.outbox.add(alert)
    return alerts


async def _noted_unreachable(
    uow: SqlUnitOfWork, ticket_id: int, chat_id: int, since: datetime | None
) -> list[str]:
    """The methods of the messages that noted this chat unreachable on the ticket (since
    `since`, when known: when the person was marked, or a group last took a message)."""
    return [
        str(event.data.get("method") or "send_message")
        for event in await uow.tickets.events(ticket_id)
        if event.action == UNREACHABLE
        and event.data.get("chat_id") == chat_id
        and (since is None or event.at >= since)
    ]


def _queued(row: OutboxMessage) -> str:
    return row.created_at.astimezone(UTC).isoformat()


async def _delivery_told(uow: SqlUnitOfWork, ticket_id: int, row: OutboxMessage) -> bool:
    """Whether a message queued with `row` (in the same step, to the same chat and topic: a
    card with the 抄送 header before it, its history and files) was lost before, and so
    told the ladder of this delivery already."""
    return any(
        event.action == DELIVERY_FAILED
        and event.data.get("chat_id") == row.chat_id
        and event.data.get("thread_id") == row.payload.get("thread_id")
        and event.data.get("queued") == _queued(row)
        and _loses_something(str(event.data.get("method") or "send_message"))
        for event in await uow.tickets.events(ticket_id)
    )


_TEAM_CHAT, _SUPERVISORS = 0, 2  # rungs of `_ladder`: team chat, leaders, supervisors, admins


async def _ladder(
    uow: SqlUnitOfWork, cfg: Config, team_id: str, team_chat: ChatPlace | None
) -> list[list[int]]:
    leaders = team_leaders(cfg, team_id, await uow.memberships.of_team(team_id))
    chats = [team_chat.chat_id] if team_chat else []
    return [chats, leaders, await supervisors(uow, cfg), unique(cfg.admins)]


def _start_rung(rungs: list[list[int]], ticket: Ticket, chat_id: int) -> int:
    if chat_id == ticket.requester_chat_id:
        return 0
    for level, rung in enumerate(rungs):
        if chat_id in rung:
            return level + 1
    return 1  # a member, or a chat we cannot place (an echo wall): the leaders decide


async def team_of_chat(uow: SqlUnitOfWork, cfg: Config, place: ChatPlace) -> str | None:
    """The team whose chat `place` is: the one bound to its very topic, else the first
    (in the config's order) whose messages go to that chat."""
    in_chat: list[str] = []
    for team in cfg.teams:
        at = await team_place(uow, cfg, team.id)
        if at is not None and at.chat_id == place.chat_id:
            if at == place:
                return team.id
            in_chat.append(team.id)
    return in_chat[0] if in_chat else None


async def _group_team(
    uow: SqlUnitOfWork, cfg: Config, ticket: Ticket, place: ChatPlace
) -> str | None:
    """The team whose group `place` is, or was: the one it is bound to now; else a team
    the config gives that group, which has moved since (/bindteam), the oversight team
    first; else, for a complaint, the oversight team, whose copy a group no team has any
    more held (never the team complained about). None: a chat nobody's."""
    team_id = await team_of_chat(uow, cfg, place)
    if team_id is not None:
        return team_id
    line = cfg.oversight_line()
    oversight = None if line is None else cfg.default_team(line.id).id
    had = [team.id for team in cfg.teams if team.chat_id == place.chat_id]
    if had:
        return oversight if oversight in had else had[0]
    return oversight if ticket.kind is Kind.COMPLAINT else None


async def _recipient_team(
    uow: SqlUnitOfWork,
    cfg: Config,
    ticket: Ticket,
    row: OutboxMessage,
    rungs: list[list[int]],
) -> tuple[str | None, bool]:
    """The team other than the ticket's whose chat or person `row` was for, whose ladder
    hears that it failed; None for the ticket's own ladder (`rungs`): its requester, its
    team, the supervisors and admins, and a chat nobody's. And whether `row` was for a
    team's group (its own now, or one it had)."""
    chat_id = row.chat_id
    if chat_id == ticket.requester_chat_id or any(chat_id in rung for rung in rungs):
        return None, chat_id in rungs[_TEAM_CHAT]
    if chat_id < 0:
        team_id = await _group_team(uow, cfg, ticket, row.place)
        return None if team_id == ticket.team_id else team_id, team_id is not None
    joined = {m.team_id for m in await uow.memberships.of_user(chat_id) if m.team_id}
    listed = [
        team.id
        for team in cfg.teams
        if team.id in joined or chat_id in team.leaders or chat_id in team.members
    ]
    return None if not listed or ticket.team_id in listed else listed[0], False


async def _alerts(
    uow: SqlUnitOfWork,
    cfg: Config,
    ticket: Ticket,
    row: OutboxMessage,
    reason: str,
    now: datetime,
    *,
    forbidden: bool,
) -> list[OutboxMessage]:
    # A team bound to a forum topic reads its alerts there, as its cards and reminders.
    team_id = ticket.team_id
    team_chat = await team_place(uow, cfg, team_id)
    rungs = await _ladder(uow, cfg, team_id, team_chat)
    other, team_group = await _recipient_team(uow, cfg, ticket, row, rungs)
    if other is not None:
        # Another team's chat or person (the oversight team's copy of a complaint): that
        # team's leaders hear, not the ticket's team, which may be the one complained about.
        team_id, team_chat = other, await team_place(uow, cfg, other)
        rungs = await _ladder(uow, cfg, team_id, team_chat)
    start = _start_rung(rungs, ticket, row.chat_id)
    level, targets = await _first_reachable(uow, rungs, start, row)
    team_chat_refuses = forbidden and row.chat_id < 0 and team_group
    if team_chat_refuses and level < _SUPERVISORS:
        # A team chat that refuses the bot (it was removed from the group) cuts the whole
        # team off, not one person: the supervisors hear of it too, not only its leaders.
        _, above = await _first_reachable(uow, rungs, _SUPERVISORS, row)
        targets += [t for t in above if t not in targets]
    root, relays = await first_lost(uow, row)
    named_for = team_id
    if root is not row:
        # The alerts climb from the chat that refused the last of them; the message first
        # lost is named as the chat's or person's it was for (another team's, perhaps).
        own = await _ladder(uow, cfg, ticket.team_id, await team_place(uow, cfg, ticket.team_id))
        named_for = (await _recipient_team(uow, cfg, ticket, root, own))[0] or ticket.team_id
    group = None if named_for == ticket.team_id else cfg.team(named_for).name
    # A member's message first lost (a page, the alerts about it refused after it): those
    # it reached beside them are said, on each alert up the ladder, or those it is still on
    # its way to (and then the alert rings: nobody has the page yet).
    member = root.chat_id > 0 and _start_rung(rungs, ticket, root.chat_id) == 1
    reached, on_way = await _beside(uow, root) if member and root.purpose != "alert" else ((), ())
    lost = Lost(root, relays, row, reason, forbidden, reached, on_way)
    text_at = await alert_texts(uow, cfg, ticket, lost, group=group)
    if not targets:
        return await _group_alert(uow, cfg, ticket, lost, now, team_id, start, rungs, text_at)
    # Each person reads the alert in their own script; a team's chat in Simplified.
    scripts = await uow.users.scripts([target for target in targets if target > 0])

    # Another of those it was for has it (the other member paged on duty): nobody need be
    # woken at night to phone the one it missed; the alert is there to read on waking.
    quiet = {"silent": True} if lost.covered and in_quiet_hours(cfg, now) else {}

    def payload(target: int) -> dict[str, Any]:
        if (
            team_chat is not None
            and team_chat.thread_id is not None
            and target == team_chat.chat_id
        ):
            text = text_at(team_chat)
            fields = {"text": text, "thread_id": team_chat.thread_id, **quiet}
            return message_in_script(fields, Script.HANS)
        text = text_at(ChatPlace(target))
        return message_in_script({"text": text, **quiet}, scripts.get(target, Script.HANS))

    return [
        OutboxMessage(
            chat_id=target,
            method="send_message",
            payload=payload(target),
            created_at=now,
            not_before=now,
            priority=0 if ticket.urgent and not lost.covered else min(row.priority, 1),
            ticket_id=ticket.id,
            purpose="alert",
            dedup_key=f"undeliverable:{_row_key(row)}:{target}",
        )
        for target in targets
    ]


async def _beside(
    uow: SqlUnitOfWork, row: OutboxMessage
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names of the others (not blocking the bot) that `row`'s message, a member's,
    went to in the same step (on duty and paged beside the member it missed): those who
    have it, and those whose copy is still on its way. A name as written for a reader of
    繁體, as the one it missed is named (`core.unreached`)."""
    queries = OutboxQueries.on(uow)
    return (
        await _names(uow, await queries.copies_beside(row, "sent")),
        await _names(uow, await queries.copies_beside(row, "pending")),
    )


async def _names(uow: SqlUnitOfWork, chat_ids: list[int]) -> tuple[str, ...]:
    names = []
    for chat_id in chat_ids:
        user = await uow.users.get(chat_id)
        if user is None or user.reachable:
            name = person_name(user, chat_id)
            names.append(as_written(name) if is_named(user) else name)
    return tuple(names)


async def _group_alert(
    uow: SqlUnitOfWork,
    cfg: Config,
    ticket: Ticket,
    lost: Lost,
    now: datetime,
    team_id: str,
    start: int,
    rungs: list[list[int]],
    text_at: Callable[[ChatPlace], str],
) -> list[OutboxMessage]:
    """The ladder's end: nobody above the failed chat can be written to privately (on a
    bureau's first days, few have opened a private chat with the bot). The alert is posted
    in a group they are in instead (`core.unreached`), naming the staff who could not be
    reached (never the requester): a team's member's or leader's in the team's group, a
    supervisor's or admin's in their desk first; never in a group that refused the message
    or an alert about it. None: no group to post in."""
    row = lost.row
    # Not a group that refused on the way (the team's, from which the bot was removed, as
    # the leader's alert of its card was refused too): posted there, it would be refused
    # again, found noted already, and nobody would hear.
    place = await group_instead(
        uow, cfg, team_id, supervisors_first=start > _SUPERVISORS, besides=lost.chats
    )
    if place is None:
        return []
    # The note asks staff to open a private chat with the bot: those above and those the
    # alerts were for. Never the requester, whose message may have been the one lost: a
    # staff group is no place to ask a farmer to /start, nor to name an anonymous one.
    lost_staff = [uid for uid in lost.chats if uid != ticket.requester_chat_id]
    people = [*(uid for rung in rungs[_TEAM_CHAT + 1 :] for uid in rung), *lost_staff]
    missed = [uid for uid in unique(people) if uid > 0 and not await _reachable(uow, uid)]
    # The alert has named those it could not reach already: the note does not again.
    note = await not_reached_note(uow, missed, said=lost_staff)
    text = "\n".join(filter(None, [text_at(place), note]))
    payload: dict[str, Any] = {"text": text}
    if place.thread_id is not None:
        payload["thread_id"] = place.thread_id
    if lost.covered and in_quiet_hours(cfg, now):
        payload["silent"] = True  # another on duty has the page (`_alerts`)
    alert = OutboxMessage(
        chat_id=place.chat_id,
        method="send_message",
        payload=message_in_script(payload, Script.HANS),  # a group reads Simplified
        created_at=now,
        not_before=now,
        priority=0 if ticket.urgent and not lost.covered else min(row.priority, 1),
        ticket_id=ticket.id,
        purpose="alert",
        dedup_key=alert_key(_row_key(row), place.chat_id),
    )
    return [alert]


def _row_key(row: OutboxMessage) -> str:
    """What tells the failed message from others in its alerts' dedup keys: its outbox id; a
    direct reply (no row) is alerted once per chat and ticket."""
    return str(row.id) if row.id is not None else f"reply:{row.chat_id}:{row.ticket_id}"


async def _first_reachable(
    uow: SqlUnitOfWork, rungs: list[list[int]], start: int, row: OutboxMessage
) -> tuple[int, list[int]]:
    """The first rung from `start` with anyone reachable (but the failed chat), and those."""
    for level in range(start, len(rungs)):
        targets = [t for t in rungs[level] if t != row.chat_id and await _reachable(uow, t)]
        if targets:
            return level, targets
    return len(rungs), []


async def _reachable(uow: SqlUnitOfWork, chat_id: int) -> bool:
    if chat_id < 0:
        return True
    user = await uow.users.get(chat_id)
    return user is None or user.reachable
