"""A team's button pressed on a ticket already resolved (an older copy of its card, a
colleague's card, the oversight team's 接管): what was done, by whom and when, and what
may still come of it, rather than the bare status the press cannot act on."""

from __future__ import annotations

from core.model import Ticket
from core.team_card import local
from handlers import notify
from handlers.context import Ctx
from handlers.i18n import in_script

# What each press would have done, named in the popup (…，不用再「上门」).
_PRESSED = {
    "acc": "接单",
    "accme": "接单",
    "vis": "上门",
    "ask": "需补充",
    "xfer": "转派",
    "xto": "转派",
    "take": "接管",
    "res": "办结",
}


async def say_resolved(ctx: Ctx, ticket: Ticket, verb: str, *, on_team: bool = True) -> None:
    """The popup for `verb` pressed on `ticket`, which is resolved and awaits its
    requester's word: 办结 needs doing no more; anything else has nothing left to act on,
    unless the requester says it is not mended and it comes back to the team. One not
    `on_team` (a supervisor, the triage desk) has no 本队: the team is named."""
    who = await _resolver(ctx, ticket)
    when = local(ctx.cfg, ticket.resolved_at)
    # Nothing is done: a prompt open for another card's note waits on (`left_or_kept`).
    if verb == "res" and on_team:
        ctx.refuse("t_already_resolved", number=ticket.label, who=who, when=when)
        return
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
    button = in_script(_PRESSED.get(verb, ""), ctx.script)
    if verb == "take":
        key = "ov_resolved_no_take"
    else:
        key = "t_resolved_no_more" if on_team else "sv_resolved_no_more"
    ctx.refuse(key, number=ticket.label, who=who, when=when, button=button, team=team)


async def _resolver(ctx: Ctx, ticket: Ticket) -> str:
    """Who resolved it, as colleagues are told (您, to the one who did)."""
    if ticket.resolved_by == ctx.user.id:
        return ctx.text("t_resolved_by_you")
    return await notify.name_of(ctx, ticket.resolved_by)
