"""The oversight team (作风监督) takes over a complaint it was copied on.

A complaint about a team's own people can be routed to that team by its domain words; the
oversight team gets a copy of its card to watch (`notify.post_card`). When what it sees
is the team handling a complaint about itself, its 接管 button sends the ticket to the
oversight team, with its history, in one press. Before, only a supervisor's /reassign
could.
"""

from __future__ import annotations

from core.config import Team
from core.enums import Action, Kind, Role, Status
from core.errors import IllegalTransition, InvalidInput, PermissionDenied
from core.model import ChatPlace
from core.numbers import ticket_id_of
from core.services import perform
from handlers import notify
from handlers.cards import TAKE_OVER, ticket_status
from handlers.context import Ctx
from handlers.i18n import in_script, t
from handlers.resolved_presses import say_resolved
from handlers.staff import is_oversight, serves_a_team
from handlers.team_access import refresh_cards, tell_requester_moved

NOTE = "作风监督接管"


async def on_button(ctx: Ctx, data: str) -> None:
    """ov:take:<id>: the oversight team takes the complaint over from the team handling it."""
    if not (await serves_a_team(ctx) or await is_oversight(ctx)):
        # A forged press by someone outside the bureau's staff (a requester): whether the
        # ticket is a complaint, and whose, is not theirs to learn.
        ctx.refuse("t_not_member")
        return
    ticket_id = ticket_id_of(data.removeprefix(TAKE_OVER))
    ticket = await ctx.uow.tickets.get(ticket_id) if ticket_id is not None else None
    line = ctx.cfg.oversight_line()
    if ticket is None or line is None or ticket.kind is not Kind.COMPLAINT:
        ctx.refuse("stale_button")
        return
    oversight = ctx.cfg.default_team(line.id)
    role = await _role_for(ctx, oversight)
    if role is None:
        ctx.refuse("ov_members_only", team=in_script(oversight.name, ctx.script_here))
        return
    if ticket.team_id == oversight.id:
        # Pressed twice, or by two members at once: it is theirs already.
        ctx.toast("ov_taken_already", number=ticket.label)
        return
    if ticket.status is Status.RESOLVED:
        # Mended, in the team's word, and awaiting the complainant's: nothing to take over
        # unless they say it was not put right, and the ticket comes back to the team.
        await say_resolved(ctx, ticket, "take")
        return
    from_team, taker = ctx.cfg.team(ticket.team_id), ticket.accepted_by
    try:
        await perform(
            ctx.uow,
            ctx.cfg,
            ticket,
            Action.TRANSFER,
            actor_id=ctx.user.id,
            role=role,
            now=ctx.now,
            note=NOTE,
            to_team=oversight.id,
            taking_over=True,
        )
        await ctx.uow.flush()
    except (IllegalTransition, PermissionDenied, InvalidInput):
        status = ticket_status(ticket, ctx.script_here, for_staff=True)
        ctx.toast("not_allowed_now", status=status)
        return
    await refresh_cards(ctx, ticket, reposting=True, moved_from=from_team.id)
    await notify.post_card(ctx, ticket, with_history=True)
    text = t("ov_taken_team", number=ticket.label, team=oversight.name)
    handing_team = await notify.team_chat(ctx, from_team.id)
    if handing_team is not None:
        await ctx.enqueue(handing_team, text, urgent=ticket.urgent, ticket_id=ticket.id)
    if taker is not None and taker != ctx.user.id:
        # The member who had accepted it may be on the road to the complainant, not reading
        # the group: told in their own chat, as after a supervisor's 改派 (`moved_away`).
        await ctx.enqueue(ChatPlace(taker), text, urgent=ticket.urgent, ticket_id=ticket.id)
    await tell_requester_moved(ctx, ticket, oversight.name)
    ctx.toast("ov_taken", number=ticket.label)


async def _role_for(ctx: Ctx, oversight: Team) -> Role | None:
    """The presser's place for this press: on the oversight team, or a supervisor's."""
    uid = ctx.user.id
    if uid in oversight.leaders:
        return Role.LEADER
    if uid in oversight.members:
        return Role.MEMBER
    for membership in await ctx.uow.memberships.of_user(uid):
        if membership.team_id == oversight.id:
            return membership.role
    return Role.SUPERVISOR if await is_oversight(ctx) else None
