"""A ticket's record of a message that never arrived, as the staff read it on /ticket.

The outbox sender notes each refusal on the ticket (`unreachable`, `delivery_failed`) with
Telegram's own words ("Forbidden: bot was blocked by the user"), which the logs and the
alerts' quoting rely on. A member reads who could not be reached and why, in Chinese, as the
alert about it said it (`core.unreached.why_refused`); a colleague's name as written, for a
reader of 繁體 too (`core.team_card.shown_name`)."""

from __future__ import annotations

from dataclasses import replace

from core.model import Ticket, TicketEvent
from core.ports import UnitOfWork
from core.team_card import shown_name
from core.unreached import why_refused

UNDELIVERED = frozenset(("unreachable", "delivery_failed"))


async def undelivered_said(
    uow: UnitOfWork, ticket: Ticket, events: list[TicketEvent]
) -> list[TicketEvent]:
    """`events`, each undelivered message's note put as whom it missed and why."""
    return [await _said(uow, ticket, e) if e.action in UNDELIVERED else e for e in events]


async def _said(uow: UnitOfWork, ticket: Ticket, event: TicketEvent) -> TicketEvent:
    raw = event.data.get("chat_id")
    chat_id = int(raw) if isinstance(raw, int) else 0
    forbidden = event.action == "unreachable"
    why = why_refused(event.note, forbidden=forbidden, group=chat_id < 0)
    if chat_id < 0:
        who = "服务队群"
    elif chat_id == ticket.requester_chat_id:
        who = "报告人"
    else:
        who = await shown_name(uow, chat_id or None)
    return replace(event, note=f"{who}（{why}）")
