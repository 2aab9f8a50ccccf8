"""Chasing a call-back owed (回访) after a low rating: the leaders who owe it at its due
time, the supervisors a day later, then daily, until it is recorded. Part of the sweep's
transaction, like the ladder's steps."""

from __future__ import annotations

from datetime import datetime

from core import sla
from core.callback import callback_owner
from core.config import Config
from core.lifecycle import CALLBACK_NOTICE
from core.model import Ticket
from core.ranks import unique
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
    team_id = callback_owner(ticket)
    values = {
        "number": ticket.label,
        "score": ticket.rating,
        "team": texts.team_name(cfg, team_id),
        "due": texts.local(cfg, step.due),
        "late": lateness(sla.calendar_for(cfg, ticket), step.due, now),
    }
    # The leaders owe it, and hear of it until it is done; from the second step the
    # supervisors too. Nobody reachable to lead: the supervisors at once.
    leaders = await people.leaders(team_id)
    if step.action == "alert_leader":
        headline = texts.staff("callback_due", **values)
        targets = leaders or await people.supervisors_or_up()
    else:
        headline = texts.staff("callback_overdue", **values)
        targets = unique([*await people.supervisors_or_up(), *leaders])
    text = headline + "\n" + texts.card(cfg, ticket, await people.user(ticket.requester_id))
    buttons: Buttons = [[button(texts.staff("btn_callback"), f"tk:cb:{ticket.id}")]]
    key = f"cb:{ticket.id}:{int(step.due.timestamp())}:{step.step}"
    for chat_id in targets:
        out.add(Row(chat_id, text, f"{key}:{chat_id}", PURPOSE, NORMAL, ticket.id, buttons), now)
    action = "remind" if step.action == "alert_leader" else "escalate"
    note = _NOTES[step.action]
    await record_step(
        uow, cfg, ticket, step, action=action, phase="callback", note=note, targets=targets, now=now
    )
    return Taken(f"callback_{step.action}", len(targets))
