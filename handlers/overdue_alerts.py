"""The ladder's alerts, kept true: once the ticket is answered or moved, a supervisor's
超时督办 says so instead of 仍未接单 (its 催办 / 改派 stay while the ticket is open), and once
it is resolved or closed, instead of 仍未办结; the team's reminders and its leaders' alerts
alike, once the team has answered them or no longer has the ticket, and the 催办 pages a
supervisor or a leader sent the team (docs/scheduler.md)."""

from __future__ import annotations

from collections.abc import Callable

from core import overdue_news, sla
from core.enums import Script, Status
from core.lifecycle import (
    NUDGES,
    OVERSIGHT_ACCEPT_PROMPT,
    OVERSIGHT_RESOLVE_PROMPT,
    TEAM_ACCEPT_ALERTS,
)
from core.model import ChatPlace, Ticket, TicketMessage
from core.nudge_news import nudge_news
from core.overdue_news import (
    answered_news,
    in_time,
    kept_after_news,
    resolved_news,
)
from core.stale_alerts import alerts_past
from core.team_card import local
from core.texts import lateness
from handlers.cards import oversight_buttons, ticket_status
from handlers.context import Ctx
from handlers.i18n import t
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


async def retell_answered_alerts(
    ctx: Ctx, ticket: Ticket, card_at: Callable[[ChatPlace], str], taker: str
) -> None:
    """Each sent alert saying the ticket waits (仍未接单, 仍未办结: a supervisor's 超时督办,
    a leader's alert, the team's reminder; a 催办 page, `core.nudge_news`) that no longer
    holds is edited to the news, with the ticket's card as it is now below, as the alert's
    place may read it (`card_at`, `core.team_card.cards_by_place`), and `taker`
    whoever accepted it as messages name them (`core.team_card.shown_name`). Each news is
    said as what happened when, so that it stays true. A 超时督办 of a ticket moved on to
    another team, still waiting, waits with it for that team's answer; one answered is kept
    on as a plain alert, its buttons staying while the ticket is open
    (`core.overdue_news.kept_after_news`). A team's and its leaders' lose theirs with the
    news: 接单 or 办结 no longer acts on the ticket for that team. One a sender holds (on its
    way to Telegram) arrives saying the ticket waits: its edit is written now, and goes once
    the sent message's id is recorded (`ref_row`)."""
    for alert, target in await alerts_past(ctx.uow, ticket, ctx.now):
        told = _told(ctx, ticket, alert, taker)
        await _edit(ctx, ticket, alert, told, card_at(alert.place), target)


async def _edit(
    ctx: Ctx,
    ticket: Ticket,
    alert: TicketMessage,
    news: str,
    card: str,
    target: dict[str, object],
) -> None:
    """Write `news` and the card into the sent `alert` (`target`: its message id, or the
    outbox row sending it), with 催办/改派 while it is kept on, else no buttons."""
    buttons: tuple[tuple[Button, ...], ...] = ()
    if kept_after_news(alert, ticket) is not None:
        buttons = rows(*oversight_buttons(ticket))
    await ctx.enqueue(
        ChatPlace(alert.chat_id, alert.thread_id),
        f"{news}\n{card}",
        buttons=buttons,
        urgent=ticket.urgent,
        ticket_id=ticket.id,
        purpose="alert_edit",
        method="edit_message",
        extra=target,
        script=alert.shown_in,  # the script it was sent in
    )


def _told(ctx: Ctx, ticket: Ticket, alert: TicketMessage, taker: str) -> str:
    """The first line of an alert that no longer holds, by whom it was sent to."""
    if alert.purpose in NUDGES:
        return nudge_news(ctx.cfg, ticket, alert.purpose, alert.team_id, ctx.now, taker)
    if alert.purpose == OVERSIGHT_ACCEPT_PROMPT:
        return _news(ctx, ticket, alert, taker)
    if alert.purpose == OVERSIGHT_RESOLVE_PROMPT:
        return resolved_news(ctx.cfg, ticket, alert.purpose, ctx.now)
    return _team_news(ctx, ticket, alert, taker)


def _team_news(ctx: Ctx, ticket: Ticket, alert: TicketMessage, taker: str) -> str:
    """The first line of a team's reminder or its leaders' alert, now: sent on to another
    team (no longer theirs), accepted (by whom, how late), resolved, or what became of it."""
    if ticket.status is Status.DISPATCHED:
        return t(
            "alert_moved_away",
            head=overdue_news.head(alert.purpose),
            number=ticket.label,
            phase=overdue_news.phase(alert.purpose),
            at=local(ctx.cfg, ctx.now),
            team=ctx.cfg.team(ticket.team_id).name,
        )
    if alert.purpose in TEAM_ACCEPT_ALERTS:
        return _news(ctx, ticket, alert, taker)
    return resolved_news(ctx.cfg, ticket, alert.purpose, ctx.now)


def _news(ctx: Ctx, ticket: Ticket, alert: TicketMessage, taker: str) -> str:
    """The alert's first line, now: who accepted it (`taker`, named as the card names them)
    and how late, where it went, or what became of it."""
    number, now = ticket.label, local(ctx.cfg, ctx.now)
    head = overdue_news.head(alert.purpose)
    team = ctx.cfg.team(ticket.team_id).name
    if ticket.status is Status.DISPATCHED:
        due = ticket.accept_due_at
        if due is not None and ctx.now <= due:
            shown = local(ctx.cfg, due)
            return t("alert_moved", head=head, number=number, at=now, team=team, due=shown)
        return t("alert_moved_late", head=head, number=number, at=now, team=team)
    accepted_at = ticket.accepted_at
    if ticket.accepted_by is None or accepted_at is None:
        return answered_news(ctx.cfg, ticket, alert.purpose, ctx.now)
    at, who = local(ctx.cfg, accepted_at), taker
    # The deadline the ladder chased, and the alert counted from: the team's own after a
    # move, one given back the time a question to the requester held it. Not the response
    # deadline, which a question asked before that wait settled.
    deadline = ticket.accept_due_at
    if deadline is None or in_time(deadline, accepted_at):
        # Taken in time by the team it was moved to, or at once on the team's reminder.
        return t("alert_taken", head=head, number=number, at=at, who=who, team=team)
    # How late the acceptance came, on the clock and in working time, as the alert said it.
    late = lateness(sla.calendar_for(ctx.cfg, ticket), deadline, accepted_at)
    # Moved on since the alert went out (a transfer, a reassignment): the lateness is the
    # new team's, past the deadline it was given, not the first team's. (An alert for the
    # team that has it now went out past its deadline, well after it was dispatched; a call
    # the desk moved to the farmer's town keeps its first dispatch and deadline.)
    moved = ticket.dispatched_at is not None and ticket.dispatched_at >= alert.created_at
    key = "alert_accepted_moved" if moved else "alert_accepted"
    return t(key, head=head, number=number, at=at, who=who, team=team, late=late)
