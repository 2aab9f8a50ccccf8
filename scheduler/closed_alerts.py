"""The alerts that said the ticket waits (a supervisor's 仍未办结, its leaders' and the
team's reminders, a 催办 page), told by the sweep that it closed the ticket unanswered:
each sent one is edited to that, as the desk edits them (handlers/overdue_alerts.py), and
so is one a sender holds (on its way to Telegram), by an edit that waits until its row is
recorded sent (`ref_row`). Part of the close's transaction."""

from __future__ import annotations

from datetime import datetime

from core.complainant import card_shown_at
from core.config import Config
from core.lifecycle import NUDGES
from core.model import Ticket, TicketMessage
from core.nudge_news import nudge_news
from core.overdue_news import resolved_news
from core.stale_alerts import alerts_past
from core.team_card import shown_name
from scheduler.enqueue import Pending, Row, priority_of
from storage.uow import SqlUnitOfWork


async def tell_closed(
    uow: SqlUnitOfWork,
    cfg: Config,
    out: Pending,
    ticket: Ticket,
    *,
    key: str,
    summary: str,
    named_summary: str,
    now: datetime,
) -> None:
    """Edit each alert that no longer holds for the closed `ticket` to its news, with
    `summary` (its card and the close's note) below, or `named_summary`, naming its
    complainant, where they may be read (`core.complainant.card_shown_at`); `key` is the
    close's dedup key. Before the rest lose their buttons (`withdraw_stale_prompts`), so
    that each is edited once."""
    assert ticket.id is not None
    taker = await shown_name(uow, ticket.accepted_by)
    summary_at = await card_shown_at(uow, cfg, ticket, summary, named_summary)
    for alert, target in await alerts_past(uow, ticket, now):
        news = _news(cfg, ticket, alert, taker, now)
        text = f"{news}\n{summary_at(alert.place)}"
        row = target.get("ref_row")  # one on its way is known by its outbox row
        where = f"row:{row}" if row is not None else f"{alert.chat_id}:{alert.message_id}"
        out.add(_edit(ticket, alert, text, f"{key}:alert:{where}", target), now)


def _news(cfg: Config, ticket: Ticket, alert: TicketMessage, taker: str, now: datetime) -> str:
    if alert.purpose in NUDGES:
        return nudge_news(cfg, ticket, alert.purpose, alert.team_id, now, taker)
    return resolved_news(cfg, ticket, alert.purpose, now)


def _edit(
    ticket: Ticket, alert: TicketMessage, text: str, dedup_key: str, target: dict[str, object]
) -> Row:
    """An edit of `alert` to `text`, without buttons; `target`: its sent message's id, or
    the outbox row sending it."""
    assert ticket.id is not None
    return Row(
        alert.chat_id,
        text,
        dedup_key,
        "alert_edit",
        priority_of(ticket),
        ticket.id,
        method="edit_message",
        extra=target,
        thread_id=alert.thread_id,
        script=alert.shown_in,  # the script it was sent in
    )
