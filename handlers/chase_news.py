"""What a requester who chases a ticket nobody has accepted yet ("怎么还没人处理") reads
first: that nobody has (its status as /my names it, 待接单) and what the desk has done about
it, not that the ticket is being handled. The summary under it still offers to add the words
to the ticket, where its team reads them, or to file them as a new request."""

from __future__ import annotations

from datetime import datetime

from core.enums import Action, Status
from core.model import Ticket
from core.team_card import local
from core.texts import status_name
from handlers.context import Ctx
from handlers.tickets import is_chasing

_NOBODY_YET = (Status.NEW, Status.DISPATCHED)
# The ladder's steps while a ticket waits to be accepted (`scheduler.steps`): the team
# reminded, then its leader and the supervisors alerted.
_LADDER_ACTIONS = ("remind", "escalate")
# What gives the ticket to a team (its current one, last): the ladder's steps before it
# chased another team, or an earlier turn, and the team now has its own time to accept.
_HANDED_OVER = (Action.DISPATCH, Action.TRANSFER, Action.REASSIGN, Action.REOPEN)


async def unaccepted_news(ctx: Ctx, text: str, about: list[Ticket]) -> str | None:
    """The lead for words chasing the one ticket offered when nobody has accepted it; None
    for other words, or when several tickets are offered (which is chased is theirs to say)
    or the one offered is in a team's hands."""
    if len(about) != 1:
        return None
    [ticket] = about
    if not is_chasing(text, goods=ticket.line in ctx.cfg.goods_lines()):
        return None
    if ticket.status not in _NOBODY_YET or ticket.accepted_by is not None:
        return None
    events = await ctx.uow.tickets.events(ticket.id) if ticket.id is not None else []
    chased: list[datetime] = []
    for event in events:
        if event.action in _HANDED_OVER:
            chased = []
        elif event.action in _LADDER_ACTIONS and event.data.get("phase") == "accept":
            chased.append(event.at)
    team = ctx.cfg.team(ticket.team_id).name
    due = ticket.accept_due_at
    if chased:
        # One sweep reminds the team and alerts its leader in the same minute: chased once
        # then, as the requester counts, not once per step of the ladder.
        times = len({at.replace(second=0, microsecond=0) for at in chased})
        done = ctx.text("chase_reminded", count=times, at=local(ctx.cfg, max(chased)))
    elif due is not None and due <= ctx.now:
        # Past the time, before the sweep has run: not told as a time still to come.
        done = ctx.text("chase_due_passed", due=local(ctx.cfg, due))
    elif due is not None:
        done = ctx.text("chase_will_remind", due=local(ctx.cfg, due))
    else:
        done = ""
    return ctx.text(
        "chase_unaccepted",
        number=ticket.label,
        status=status_name(ticket.status),
        team=team,
        done=done,
    )
