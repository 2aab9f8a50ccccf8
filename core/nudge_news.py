"""What a 催办 page says once the ticket has moved on. A supervisor's ⏰ 督办提醒 or a leader's
⏰ 队长提醒 told the team where the ticket stood then (已超过接单时限 …, 请尽快处理) with its
接单 or 办结; once that no longer holds, the page is edited to what happened when, which
stays true. Unlike the ladder's alerts (`core.overdue_news`) a page may have gone out before
any deadline passed, so it says a deadline was missed only when it was. The desk (a press)
and the sweep (closing a ticket its requester left unanswered) edit the pages alike, so both
ask here. Written in Simplified; callers show it in the script the page was sent in."""

from __future__ import annotations

from datetime import datetime

from core import sla
from core.config import Config
from core.enums import Status
from core.lifecycle import ACCEPT_NUDGES, LEADER_NUDGES, WAITING_ACCEPT_NUDGES
from core.model import Ticket
from core.overdue_news import in_time
from core.team_card import local
from core.texts import lateness, status_name

_SUPERVISOR_HEAD, _LEADER_HEAD = "⏰ 督办提醒：", "⏰ 队长提醒："
_MOVED = "{head}工单 {number} {at} 已转给 {team}，本队无需再处理。"
_TAKEN = "{head}工单 {number} {at} 已由 {team} {who} 接单。"
_TAKEN_LATE = "{head}工单 {number} 超过接单时限 {late}，{at} 已由 {team} {who} 接单。"
_RESOLVED = "{head}工单 {number} {at} 已办结。"
_RESOLVED_LATE = "{head}工单 {number} 超过办结时限 {late}，{at} 已办结。"
_ANSWERED = "{head}工单 {number} {at} 已处理：{status}。"
# Those that carried 接单: sent while nobody had the ticket, asked about (需补充) or not.
_ACCEPTING = (*ACCEPT_NUDGES, *WAITING_ACCEPT_NUDGES)


def nudge_news(
    cfg: Config, ticket: Ticket, purpose: str, sent_for: str | None, now: datetime, taker: str
) -> str:
    """The first line of a 催办 page kept as `purpose`, sent to team `sent_for`, once its
    button no longer acts on `ticket` (at `now`): sent on to another team, accepted (by
    `taker`, named as messages name them) or resolved, and how late if it was, or what else
    became of it."""
    head = _LEADER_HEAD if purpose in LEADER_NUDGES else _SUPERVISOR_HEAD
    number = ticket.label
    if sent_for is not None and sent_for != ticket.team_id:
        team = cfg.team(ticket.team_id).name
        return _MOVED.format(head=head, number=number, at=local(cfg, now), team=team)
    calendar = sla.calendar_for(cfg, ticket)
    accepted_at = ticket.accepted_at
    if purpose in _ACCEPTING and ticket.accepted_by is not None and accepted_at is not None:
        at, team = local(cfg, accepted_at), cfg.team(ticket.team_id).name
        deadline = ticket.accept_due_at
        if deadline is None or in_time(deadline, accepted_at):
            return _TAKEN.format(head=head, number=number, at=at, team=team, who=taker)
        late = lateness(calendar, deadline, accepted_at)
        return _TAKEN_LATE.format(head=head, number=number, at=at, team=team, who=taker, late=late)
    resolved_at = ticket.resolved_at
    if (
        purpose not in _ACCEPTING
        and resolved_at is not None
        and not ticket.closed_unresolved
        and ticket.status is not Status.CANCELLED
    ):
        at = local(cfg, resolved_at)
        # The team's own deadline, the one a page to it counted from (`sla.chase_deadline`).
        deadline = sla.team_resolve_deadline(ticket)
        if deadline is None or in_time(deadline, resolved_at):
            return _RESOLVED.format(head=head, number=number, at=at)
        late = lateness(calendar, deadline, resolved_at)
        return _RESOLVED_LATE.format(head=head, number=number, at=at, late=late)
    ended = {Status.CLOSED: ticket.closed_at, Status.CANCELLED: ticket.cancelled_at}.get(
        ticket.status
    )
    status = status_name(ticket.status, closed_unresolved=ticket.closed_unresolved)
    return _ANSWERED.format(head=head, number=number, at=local(cfg, ended or now), status=status)
