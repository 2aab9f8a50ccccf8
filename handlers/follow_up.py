"""More of an answer: what a requester sends just after answering the team's question.

People answer in pieces, a photo and then the words that go with it (or the other way
round), each its own message. The first is the answer; the rest, sent within minutes, are
more of it, not a new matter to file. Words plainly for another service are a new matter
all the same, asked or told ("我想再订五条中华" after an answer about a delivery).
"""

from __future__ import annotations

from datetime import timedelta

from core.enums import Status
from core.model import Ticket
from handlers.context import Ctx
from routing import Decision

FOLLOW_UP = timedelta(minutes=10)  # since the answer, and since the last piece of it
_ANSWERED_AMONG = 3  # the person's newest open tickets, where the answered one is


async def just_answered(ctx: Ctx) -> Ticket | None:
    """The open ticket whose team the person answered within FOLLOW_UP, when nothing but
    more of that answer (their own additions) has happened to it since."""
    since = ctx.now - FOLLOW_UP
    still_open = await ctx.uow.tickets.of_requester(
        ctx.user.id, limit=_ANSWERED_AMONG, open_only=True
    )
    for ticket in still_open:
        if ticket.status is Status.RESOLVED or ticket.id is None:
            continue
        events = list(await ctx.uow.tickets.events(ticket.id))
        last = events[-1] if events else None
        if last is None or last.actor_id != ctx.user.id or last.at < since:
            continue
        if last.action in ("answer", "info") and any(
            e.action == "answer" and e.at >= since for e in events
        ):
            return ticket
    return None


def more_of_it(ctx: Ctx, decision: Decision | None, answered: Ticket) -> bool:
    """Whether words sent after an answer are more of it: not when the router plainly sends
    them to another service than the answered ticket's. A ticket at the triage desk has no
    service yet: naming one is what its answer is for."""
    if decision is None or decision.triage or decision.line == answered.line:
        return True
    triage = ctx.cfg.triage_line()
    return triage is not None and answered.line == triage.id
