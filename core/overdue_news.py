"""What the ladder's alerts say once the ticket has moved on: the sent alert said 仍未接单 or
仍未办结 (the team's reminder 还没有人接单 or 请尽快办结), and is edited to what happened
when, which stays true. The desk (a press) and the sweep (closing a ticket its requester
left unanswered) edit those alerts alike, so both ask here. Written in Simplified; callers
show it in the script the alert was sent in."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from core import sla
from core.config import Config
from core.enums import Status
from core.lifecycle import (
    LEADER_ACCEPT_PROMPT,
    LEADER_RESOLVE_PROMPT,
    OVERSIGHT_ACCEPT_PROMPT,
    OVERSIGHT_PROMPT,
    OVERSIGHT_RESOLVE_PROMPT,
    REMIND_ACCEPT_PROMPT,
    REMIND_RESOLVE_PROMPT,
    TEAM_RESOLVE_ALERTS,
    oversight_applies,
)
from core.model import OutboxMessage, Ticket, TicketMessage
from core.texts import lateness, status_name

ACCEPT_PHASE, RESOLVE_PHASE = "接单", "办结"
# How each alert that tells the news begins (scheduler/texts.py), and so its news: the
# reader sees the same message, now saying what became of the ticket.
_HEADS = {
    REMIND_ACCEPT_PROMPT: "⏰ ",
    REMIND_RESOLVE_PROMPT: "⏰ ",
    LEADER_ACCEPT_PROMPT: "⚠️ ",
    LEADER_RESOLVE_PROMPT: "⚠️ ",
    OVERSIGHT_ACCEPT_PROMPT: "🔴【超时督办】",
    OVERSIGHT_RESOLVE_PROMPT: "🔴【超时督办】",
}
_RESOLVE_ALERTS = (*TEAM_RESOLVE_ALERTS, OVERSIGHT_RESOLVE_PROMPT)
_ANSWERED = "{head}工单 {number} 曾超过{phase}时限，{at} 已处理：{status}。"
_RESOLVED_LATE = "{head}工单 {number} 超过办结时限 {late}，{at} 已办结。"
_RESOLVED_SINCE = "{head}工单 {number} 曾超过办结时限，{at} 已办结。"


def head(purpose: str) -> str:
    """The first words of the alert kept as `purpose`, which its news keeps."""
    return _HEADS.get(purpose, "")


def phase(purpose: str) -> str:
    """The deadline (接单 or 办结) the alert kept as `purpose` chased."""
    return RESOLVE_PHASE if purpose in _RESOLVE_ALERTS else ACCEPT_PHASE


def _local(cfg: Config, at: datetime) -> str:
    return at.astimezone(cfg.zone).strftime("%m-%d %H:%M")


def answered_news(cfg: Config, ticket: Ticket, purpose: str, at: datetime) -> str:
    """The first line of an alert kept as `purpose` whose ticket left the phase it chased at
    `at` other than by the step it waited for: withdrawn, asked about, closed unanswered."""
    status = status_name(ticket.status, closed_unresolved=ticket.closed_unresolved)
    return _ANSWERED.format(
        head=head(purpose),
        number=ticket.label,
        phase=phase(purpose),
        at=_local(cfg, at),
        status=status,
    )


def in_time(deadline: datetime, at: datetime) -> bool:
    """Whether `at` kept `deadline`, or missed it by less than the minute the news counts in:
    the team's reminder goes out at the deadline itself, and a team that acts on it at once
    is not told it was 0分钟 late."""
    return at - deadline < _A_MINUTE


_A_MINUTE = timedelta(minutes=1)


def resolved_news(cfg: Config, ticket: Ticket, purpose: str, now: datetime) -> str:
    """The first line of a 仍未办结 alert kept as `purpose` once the ticket is resolved: when,
    and how late past the deadline the alert counted from; or what became of a ticket
    closed or withdrawn without being resolved, and when."""
    resolved_at = ticket.resolved_at
    if resolved_at is None or ticket.closed_unresolved or ticket.status is Status.CANCELLED:
        ended = ticket.closed_at or ticket.cancelled_at or now
        return answered_news(cfg, ticket, purpose, ended)
    at = _local(cfg, resolved_at)
    # The team's own deadline when it got the ticket too late to keep the promise: the one
    # the ladder chased, and its alerts counted from (`sla.chase_deadline`).
    deadline = sla.team_resolve_deadline(ticket)
    if deadline is None or in_time(deadline, resolved_at):
        return _RESOLVED_SINCE.format(head=head(purpose), number=ticket.label, at=at)
    late = lateness(sla.calendar_for(cfg, ticket), deadline, resolved_at)
    return _RESOLVED_LATE.format(head=head(purpose), number=ticket.label, at=at, late=late)


def kept_after_news(alert: TicketMessage, ticket: Ticket) -> TicketMessage | None:
    """What is kept of an alert told the news (by the desk, or by the outbox's recorder for
    one that was on its way): a 超时督办 of a ticket moved on to another team, still waiting,
    waits with it for that team's answer; one answered is kept on as a plain alert while
    the ticket is open, its 催办/改派 staying. The others lost their buttons with the news."""
    if alert.purpose != OVERSIGHT_ACCEPT_PROMPT or not oversight_applies(ticket.status):
        return None
    if ticket.status is Status.DISPATCHED:
        return replace(alert, id=None, team_id=ticket.team_id)
    return replace(alert, id=None, purpose=OVERSIGHT_PROMPT)


def on_its_way(row: OutboxMessage, ticket_id: int) -> TicketMessage:
    """The alert an outbox row a sender holds (on its way to Telegram) will be once sent,
    for its news to be written now: the desk and the sweep edit it by the row (`ref_row`)."""
    team, thread = row.payload.get("team"), row.payload.get("thread_id")
    return TicketMessage(
        ticket_id,
        row.chat_id,
        0,  # not sent yet
        row.purpose,
        row.created_at,
        team_id=team if isinstance(team, str) else None,
        thread_id=None if thread is None else int(thread),
        script=row.shown_in,
    )
