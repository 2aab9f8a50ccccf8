"""The alerts that said a ticket waits (仍未接单, 仍未办结: a supervisor's 超时督办, a leader's
alert, the team's reminder, a 催办 page) and no longer hold, found for their news to be
written: by the desk when the ticket is answered or moved (handlers/overdue_alerts.py), by
the sweep when it closes the ticket unanswered (scheduler/closed_alerts.py). Both must find
the same ones, sent or on their way, so both ask here."""

from __future__ import annotations

from datetime import datetime

from core.lifecycle import NEWS_ALERTS
from core.model import Ticket, TicketMessage
from core.overdue_news import kept_after_news, on_its_way
from core.ports import UnitOfWork
from core.services import prompt_applies_to

# Where an alert's edit goes: its sent message's id, or the outbox row sending it (the
# edit waits until that row is recorded sent).
Target = dict[str, object]


async def alerts_past(
    uow: UnitOfWork, ticket: Ticket, now: datetime
) -> list[tuple[TicketMessage, Target]]:
    """Each alert kept as sent whose buttons no longer act on `ticket`, forgotten as it is
    found (a 超时督办 still of use kept on, `kept_after_news`), and each one a sender holds at
    `now`, on its way to Telegram, as it will be once sent (`on_its_way`); each with where
    its edit goes. One not sent yet that no sender holds is not among them: it is withdrawn
    (superseded) by `withdraw_stale_prompts`."""
    assert ticket.id is not None
    found: list[tuple[TicketMessage, Target]] = []
    for alert in await uow.ticket_messages.of_ticket(ticket.id, *NEWS_ALERTS):
        if prompt_applies_to(ticket, alert.purpose, alert.team_id):
            continue  # still true: nobody has accepted it, or resolved it
        await uow.ticket_messages.forget(alert)
        kept = kept_after_news(alert, ticket)
        if kept is not None:
            await uow.ticket_messages.add(kept)
        found.append((alert, {"message_id": alert.message_id}))
    for row in await uow.outbox.waiting(ticket.id, NEWS_ALERTS):
        if row.locked_until is None or row.locked_until < now or row.id is None:
            continue
        if prompt_applies_to(ticket, row.purpose, row.payload.get("team")):
            continue
        found.append((on_its_way(row, ticket.id), {"ref_row": row.id}))
    return found
