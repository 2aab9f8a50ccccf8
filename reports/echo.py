"""The echo wall (回音壁): closed tickets posted anonymously to a channel, and a weekly tally.

A post says which service line and area, what was asked, what was done and how long it took
— never who asked, their phone, or the exact place. Requesters who opted out
(users.echo_opt_out) and anonymous complaints are never posted; the weekly counts are
anonymous and include everyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.complainant import withheld
from core.config import Config
from core.enums import Kind, Status
from core.investigated import investigated
from core.lifecycle import ECHO_POST
from core.model import OutboxMessage, Ticket
from core.texts import not_granted_in_full, one_line
from reports.anonymise import folded, forms_of, scrub
from reports.labels import duration_text, percent, rating_name
from reports.periods import Window
from reports.rates import compute
from storage.tables import memberships, ticket_events, tickets, users

MAX_TEXT = 300  # a wall post is a summary, not the whole conversation
# What an investigated complaint's post says was done.
FOUND_WITHHELD = "已调查处理（调查结果不公开）"
# ... and any other complaint's: what was done about the staff complained about (批评教育,
# a name) is a personnel matter, not for everyone to read.
DONE_WITHHELD = "已处理（处理结果不公开）"


@dataclass(frozen=True, slots=True)
class EchoPost:
    ticket_id: int
    cycle: int  # the ticket's reopen count: a ticket closed again is posted again
    text: str


def _clip(text: str) -> str:
    return one_line(text, MAX_TEXT)


def post_text(
    cfg: Config,
    ticket: Ticket,
    *,
    started_at: datetime,
    names: list[str],
    shops: Sequence[str] = (),
) -> str:
    """The anonymised post for a closed ticket; `names` are people, `shops` retailers' shops,
    to scrub from the text."""
    line = next((ln.name for ln in cfg.service_lines if ln.id == ticket.line), "")
    # A complaint's town is its complainant's own, from their registration: on a wall the
    # people complained about read, it would point at who complained (`core.team_card.place`).
    shown = ticket.area if withheld(cfg, ticket) is None else None
    area = cfg.area(shown) if shown else None
    places = [site.name for site in cfg.sites]
    # The bureau's own names (白石乡, 龙潭镇烘烤110服务队) are no one's name to hide.
    ours = [
        *(each.name for each in cfg.areas),
        *(each.name for each in cfg.teams),
        *(each.name for each in cfg.service_lines),
    ]
    asked = _clip(scrub(ticket.text, names, places, shops, ours))
    # What the oversight team found about the staff complained about (a name the scrubber
    # does not know, a penalty) and how the complainant rated it are kept even from those
    # staff's own team (`core.investigated`): not published to everyone either.
    kept = investigated(cfg, ticket)
    if kept:
        done = FOUND_WITHHELD
    elif ticket.kind is Kind.COMPLAINT:
        done = DONE_WITHHELD
    else:
        done = _clip(scrub(ticket.resolution_note, names, places, shops, ours)) or "已办结"
    # A wish answered without being granted in full says so: not posted as work done.
    outcome = f"（{ended}）" if (ended := not_granted_in_full(ticket)) else ""
    took = (
        duration_text((ticket.resolved_at - started_at).total_seconds())
        if ticket.resolved_at
        else "—"
    )
    lines = [
        f"【回音壁】{line}" + (f" · {area.name}" if area else ""),
        f"诉求：{asked}",
        f"办理{outcome}：{done}",
        f"用时：{took}",
    ]
    if ticket.rating is not None and not kept:
        lines.append(f"评价：{rating_name(ticket.rating)}")
    return "\n".join(lines)


async def _names_in(session: AsyncSession, texts: list[str], ids: list[int]) -> list[str]:
    """Names of known people who appear in the texts, and of the people on the ticket."""
    return await _known_in(session, users.c.name, texts, ids)


async def staff_names(session: AsyncSession) -> list[str]:
    """The names of everyone with a staff role (a team's member or leader, a supervisor):
    a request may name any of them by the given name alone (建华来修过), a complaint
    another team's. Read once for all the posts a run makes."""
    query = (
        select(users.c.name)
        .where(users.c.id.in_(select(memberships.c.user_id)), func.length(users.c.name) >= 2)
        .distinct()
    )
    return [name for name in (await session.execute(query)).scalars() if name]


async def _shops_in(session: AsyncSession, texts: list[str], ids: list[int]) -> list[str]:
    """Shop names of known retailers that appear in the texts, and of the requester's."""
    return await _known_in(session, users.c.shop_name, texts, ids)


async def _known_in(
    session: AsyncSession, column: ColumnElement[str | None], texts: list[str], ids: list[int]
) -> list[str]:
    """The values of a users' `column` (a name, a shop's name) that appear in the texts in
    either script, the registered one or not (福滿多超市 in 已给福满多超市补送), and those of
    the users `ids`. The database cannot tell scripts apart: it narrows the users down to
    those whose value starts with one of the texts' characters in either script, and the
    rest is compared here."""
    said = [folded(text) for text in texts if text]
    starts = literal(forms_of("".join(said))).contains(func.substr(column, 1, 1))
    query = select(users.c.id, column).where(
        func.length(column) >= 2, or_(users.c.id.in_(ids), starts)
    )
    return [
        value
        for user_id, value in (await session.execute(query)).all()
        if value and (user_id in ids or any(folded(value) in text for text in said))
    ]


async def post_for(
    session: AsyncSession, cfg: Config, ticket_id: int, *, staff: Sequence[str] | None = None
) -> EchoPost | None:
    """The post for a ticket just closed, or None: not closed after a resolution, an
    anonymous complaint, the requester opted out, or no echo channel is configured.
    `staff`: `staff_names`, read here unless given (a run posting many tickets reads them
    once)."""
    if cfg.echo_wall_chat is None:
        return None
    ticket = (await session.execute(select(Ticket).where(tickets.c.id == ticket_id))).scalar()
    if ticket is None or ticket.status is not Status.CLOSED or ticket.resolved_at is None:
        return None
    if ticket.anonymous:
        # Its complainant asked not to be known: its words may point at them all the same
        # (which shop, which day), and the wall is read by those complained about.
        return None
    opted_out = await session.scalar(
        select(users.c.echo_opt_out).where(users.c.id == ticket.requester_id)
    )
    if opted_out:
        return None
    last_reopen = await session.scalar(
        select(func.max(ticket_events.c.at)).where(
            ticket_events.c.ticket_id == ticket_id, ticket_events.c.action == "reopen"
        )
    )
    # Whose given name said alone is hidden: the requester, everyone who acted on the
    # ticket, and all staff, besides anyone whose full name is said.
    acted = await session.scalars(
        select(ticket_events.c.actor_id)
        .where(ticket_events.c.ticket_id == ticket_id, ticket_events.c.actor_id.is_not(None))
        .distinct()
    )
    people = {ticket.requester_id, ticket.accepted_by, ticket.resolved_by, *acted}
    said = [ticket.text, ticket.resolution_note]
    names = await _names_in(session, said, [int(p) for p in people if p])
    names += await staff_names(session) if staff is None else staff
    shops = await _shops_in(session, said, [ticket.requester_id])
    started = last_reopen or ticket.created_at
    text = post_text(cfg, ticket, started_at=started, names=names, shops=shops)
    return EchoPost(ticket_id, ticket.reopen_count, text)


def outbox_message(cfg: Config, post: EchoPost, now: datetime) -> OutboxMessage | None:
    """The post as an outbox row for the echo channel (bulk priority, once per ticket)."""
    if cfg.echo_wall_chat is None:
        return None
    return OutboxMessage(
        chat_id=cfg.echo_wall_chat,
        method="send_message",
        payload={"text": post.text},
        created_at=now,
        not_before=now,
        priority=2,
        ticket_id=post.ticket_id,
        purpose=ECHO_POST,
        dedup_key=f"echo:{post.ticket_id}:{post.cycle}",
    )


async def weekly_summary(session: AsyncSession, cfg: Config, window: Window, now: datetime) -> str:
    """Counts per service line of the tickets closed after a resolution in the window."""
    report = await compute(session, cfg, window, now, "line")
    total = report.total
    lines = [f"【回音壁·周报】{window.label}"]
    if not total.resolved:
        lines.append("这一周没有办结的诉求。")  # sent on Monday: last week, not this one
        return "\n".join(lines)
    parts = [f"{g.label} {g.resolved} 件" for g in report.groups if g.resolved]
    lines.append(f"共办结 {total.resolved} 件：" + "，".join(parts))
    lines.append(
        f"新收诉求 {total.created} 件；办结用时中位数 {duration_text(total.resolve_median)}"
    )
    if total.rated:
        lines.append(f"满意率 {percent(total.satisfaction_rate)}（{total.rated} 次评价）")
    return "\n".join(lines)
