"""The supervisors' 超时督办, kept true: once the ticket is answered or moved, the sent
alert says so instead of 仍未接单 (its 催办 / 改派 stay while the ticket is open), and once it
is resolved or closed, instead of 仍未办结 (docs/scheduler.md)."""

from __future__ import annotations

from dataclasses import replace

from core import sla
from core.enums import Script, Status
from core.lifecycle import (
    OVERSIGHT_ACCEPT_PROMPT,
    OVERSIGHT_PROMPT,
    OVERSIGHT_RESOLVE_PROMPT,
    oversight_applies,
)
from core.model import ChatPlace, Ticket
from core.texts import lateness
from handlers.cards import local, ticket_status
from handlers.context import Ctx
from handlers.i18n import as_written, t
from handlers.replies import Button, rows


def progress(ctx: Ctx, ticket: Ticket, script: Script) -> str:
    """Where the ticket stands now: its status and the deadline of its phase, passed or not."""
    status = ticket_status(ticket, script, for_staff=True)
    deadline = sla.phase_deadline(ticket)
    if deadline is None:
        return status
    phase = t(
        "sv_phase_accept" if ticket.status is Status.DISPATCHED else "sv_phase_resolve", script
    )
    key = "sv_state_late" if ctx.now > deadline else "sv_state_due"
    return t(key, script, status=status, phase=phase, due=local(ctx.cfg, deadline))


async def retell_answered_alerts(ctx: Ctx, ticket: Ticket, card: str) -> None:
    """Each sent 超时督办 saying the ticket waits for a team that has since answered it (or
    no longer has it) is edited to the news, with `card` (the ticket as it is now) below.
    Each news is said as what happened when, so that it stays true. An alert of a ticket
    moved on to another team, still waiting, waits with it for that team's answer; one
    answered is kept on as a plain alert, its buttons staying while the ticket is open."""
    assert ticket.id is not None
    for alert in await ctx.uow.ticket_messages.of_ticket(ticket.id, OVERSIGHT_ACCEPT_PROMPT):
        waiting = ticket.status is Status.DISPATCHED
        if waiting and ticket.team_id == alert.team_id:
            continue  # still true: nobody has accepted it
        await ctx.uow.ticket_messages.forget(alert)
        buttons: tuple[tuple[Button, ...], ...] = ()
        if oversight_applies(ticket.status):
            buttons = rows(
                Button(t("btn_sv_remind"), f"sv:remind:{ticket.id}"),
                Button(t("btn_sv_reassign"), f"sv:reassign:{ticket.id}"),
            )
            kept = (
                replace(alert, id=None, team_id=ticket.team_id)
                if waiting
                else replace(alert, id=None, purpose=OVERSIGHT_PROMPT)
            )
            await ctx.uow.ticket_messages.add(kept)
        await ctx.enqueue(
            ChatPlace(alert.chat_id, alert.thread_id),
            f"{await _news(ctx, ticket)}\n{card}",
            buttons=buttons,
            urgent=ticket.urgent,
            ticket_id=ticket.id,
            purpose="alert_edit",
            method="edit_message",
            extra={"message_id": alert.message_id},
            script=alert.shown_in,  # the script it was sent in
        )
    if oversight_applies(ticket.status):
        return  # 仍未办结 still holds
    for alert in await ctx.uow.ticket_messages.of_ticket(ticket.id, OVERSIGHT_RESOLVE_PROMPT):
        # Its buttons go with this edit: nothing is left to chase.
        await ctx.uow.ticket_messages.forget(alert)
        await ctx.enqueue(
            ChatPlace(alert.chat_id, alert.thread_id),
            f"{_resolved_news(ctx, ticket)}\n{card}",
            urgent=ticket.urgent,
            ticket_id=ticket.id,
            purpose="alert_edit",
            method="edit_message",
            extra={"message_id": alert.message_id},
            script=alert.shown_in,
        )


def _resolved_news(ctx: Ctx, ticket: Ticket) -> str:
    """The first line of a 仍未办结 alert once the ticket is resolved: when, and how late;
    or what became of a ticket closed or withdrawn without being resolved."""
    resolved_at, deadline = ticket.resolved_at, ticket.resolve_due_at
    if resolved_at is None or ticket.closed_unresolved or ticket.status is Status.CANCELLED:
        status = ticket_status(ticket, Script.HANS, for_staff=True)
        phase = t("sv_phase_resolve")
        at = local(ctx.cfg, ctx.now)
        return t("sv_alert_answered", number=ticket.label, phase=phase, at=at, status=status)
    at = local(ctx.cfg, resolved_at)
    if deadline is None or resolved_at <= deadline:
        return t("sv_alert_resolved_since", number=ticket.label, at=at)
    late = lateness(sla.calendar_for(ctx.cfg, ticket), deadline, resolved_at)
    return t("sv_alert_resolved", number=ticket.label, at=at, late=late)


async def _news(ctx: Ctx, ticket: Ticket) -> str:
    """The alert's first line, now: who accepted it and how late, where it went, or what
    became of it."""
    number, now = ticket.label, local(ctx.cfg, ctx.now)
    if ticket.status is Status.DISPATCHED:
        team = ctx.cfg.team(ticket.team_id).name
        due = ticket.accept_due_at
        if due is not None and ctx.now <= due:
            shown = local(ctx.cfg, due)
            return t("sv_alert_moved", number=number, at=now, team=team, due=shown)
        return t("sv_alert_moved_late", number=number, at=now, team=team)
    taker, accepted_at = ticket.accepted_by, ticket.accepted_at
    if taker is None or accepted_at is None:
        status = ticket_status(ticket, Script.HANS, for_staff=True)
        phase = t("sv_phase_accept")
        return t("sv_alert_answered", number=number, phase=phase, at=now, status=status)
    user = await ctx.uow.users.get(taker)
    who = as_written(user.name) if user is not None and user.name else str(taker)
    at, team = local(ctx.cfg, accepted_at), ctx.cfg.team(ticket.team_id).name
    deadline = ticket.response_due_at or ticket.accept_due_at
    if deadline is None or accepted_at <= deadline:
        # Taken in time by the team it was moved to.
        return t("sv_alert_taken", number=number, at=at, who=who, team=team)
    # How late the acceptance came, on the clock and in working time, as the alert said it.
    late = lateness(sla.calendar_for(ctx.cfg, ticket), deadline, accepted_at)
    return t("sv_alert_accepted", number=number, at=at, who=who, late=late)
