"""Chasing a call-back owed (回访) after a low rating: the leaders who owe it at its due
time, the supervisors a day later, then daily, until it is recorded. Part of the sweep's
transaction, like the ladder's steps."""

from __future__ import annotations

from datetime import datetime

from core import sla
from core.callback import callback_owner
from core.complainant import team_keeps
from core.config import Config, LadderAction
from core.lifecycle import CALLBACK_NOTICE
from core.model import Ticket
from core.ranks import unique
from core.team_card import alert_card
from core.texts import lateness
from scheduler import texts
from scheduler.enqueue import NORMAL, Buttons, Pending, Row, button
from scheduler.ladder_record import record_step
from scheduler.people import People
from scheduler.plan import ChaseCallback, Taken
from storage.uow import SqlUnitOfWork

PURPOSE = CALLBACK_NOTICE  # the outbox purpose of what asks for the call-back
_NOTES = {
    "alert_leader": "回访时限已到，提醒队长回访",
    "alert_supervisors": "回访超过时限，报督办",
}


async def chase(
    uow: SqlUnitOfWork,
    cfg: Config,
    people: People,
    out: Pending,
    ticket: Ticket,
    step: ChaseCallback,
    now: datetime,
) -> Taken:
    """Remind those who owe the call-back, with 「📞 已回访」 to record it."""
    assert ticket.id is not None
    tid, team_id = ticket.id, callback_owner(ticket)
    values: dict[str, object] = {
        "number": ticket.label,
        "score": ticket.rating,
        "team": texts.team_name(cfg, team_id),
        "due": texts.local(cfg, step.due),
        "late": lateness(sla.calendar_for(cfg, ticket), step.due, now),
    }
    # The leaders who owe the call-back and the supervisors phone the complainant: theirs
    # to read when their team keeps a complainant's details (作风监督 does).
    requester = await people.user(ticket.requester_id)
    card = alert_card(cfg, ticket, requester, keeper=team_keeps(cfg, team_id))
    said = [
        await _rung(people, team_id, rung.action, values, anonymous=ticket.anonymous)
        for rung in step.rungs
    ]
    # After downtime both rungs may be taken at once: each person hears once, the newest
    # rung that reaches them (the leaders, reached by both, the supervisors' 回访督办).
    hears = {chat_id: i for i, (_, targets) in enumerate(said) for chat_id in targets}
    buttons: Buttons = [[button(texts.staff("btn_callback"), f"tk:cb:{tid}")]]
    messages = 0
    for i, (rung, (headline, targets)) in enumerate(zip(step.rungs, said, strict=True)):
        told = [chat_id for chat_id in targets if hears[chat_id] == i]
        key = f"cb:{tid}:{int(step.due.timestamp())}:{rung.step}"
        for chat_id in told:
            text = f"{headline}\n{card}"
            out.add(Row(chat_id, text, f"{key}:{chat_id}", PURPOSE, NORMAL, tid, buttons), now)
        messages += len(told)
        # Every rung is in the audit trail, in order, with whom it reached itself.
        action = "remind" if rung.action == "alert_leader" else "escalate"
        note = _NOTES[rung.action]
        await record_step(
            uow,
            cfg,
            ticket,
            rung,
            action=action,
            phase="callback",
            note=note,
            targets=told,
            now=now,
        )
    return Taken(f"callback_{step.action}", messages)


async def _rung(
    people: People,
    team_id: str,
    action: LadderAction,
    values: dict[str, object],
    *,
    anonymous: bool,
) -> tuple[str, list[int]]:
    """What the call-back ladder's `action` says, and to whom. The leaders owe it, and hear
    of it until it is done; from the second step the supervisors too. Nobody reachable to
    lead: the supervisors at once. An anonymous complaint's is a review: nobody to phone."""
    leaders = await people.leaders(team_id)
    review = "_anonymous" if anonymous else ""
    if action == "alert_leader":
        headline = texts.staff(f"callback_due{review}", **values)
        return headline, leaders or await people.supervisors_or_up()
    targets = unique([*await people.supervisors_or_up(), *leaders])
    return texts.staff(f"callback_overdue{review}", **values), targets
