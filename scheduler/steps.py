"""Carry out one ticket's plan inside the sweep's transaction: outbox rows, audit event,
and the ticket's next step and next action, all committed together."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from core import sla
from core.config import Config
from core.enums import Role
from core.model import Ticket
from core.services import note_event, perform
from scheduler import texts
from scheduler.enqueue import NORMAL, URGENT, Buttons, Pending, Row, button
from scheduler.people import People, unique
from scheduler.plan import Close, Escalate, Postpone, RemindRequester, Reschedule, plan
from storage.uow import SqlUnitOfWork

log = logging.getLogger(__name__)

# A ticket must leave the sweep due later than now, or the sweep would take it again.
_MIN_GAP = timedelta(minutes=1)
_PHASE = {"accept": "接单", "resolve": "办结"}
_NOTES = {
    "remind_team": "已到{phase}时限，提醒服务队",
    "alert_leader": "超过{phase}时限，报告队长",
    "alert_supervisors": "超过{phase}时限，报督办",
}


@dataclass(frozen=True, slots=True)
class Taken:
    kind: str  # remind_team | alert_leader | alert_supervisors | remind_requester | ...
    messages: int


async def take_step(
    uow: SqlUnitOfWork, cfg: Config, people: People, out: Pending, ticket: Ticket, now: datetime
) -> Taken:
    """Do what is due for `ticket` now: its rows go to `out`; the caller writes and commits.

    `Taken.messages` counts the rows meant; the dedup key may still drop one on writing.
    """
    decided = plan(cfg, ticket, now)
    if isinstance(decided, Escalate):
        taken = await _escalate(uow, cfg, people, out, ticket, decided, now)
    elif isinstance(decided, RemindRequester):
        taken = await _remind_requester(uow, cfg, people, out, ticket, decided, now)
    elif isinstance(decided, Close):
        taken = await _close(uow, cfg, people, out, ticket, decided, now)
    elif isinstance(decided, Postpone):
        ticket.next_action_at = decided.until
        taken = Taken("postpone", 0)
    else:
        assert isinstance(decided, Reschedule)
        sla.schedule_next(cfg, ticket)
        taken = Taken("reschedule", 0)
    if ticket.next_action_at is not None and ticket.next_action_at <= now:
        log.warning("ticket %s scheduled in the past after %s", ticket.label, taken.kind)
        ticket.next_action_at = now + _MIN_GAP
    return taken


def _priority(ticket: Ticket) -> int:
    return URGENT if ticket.urgent else NORMAL


async def _escalate(
    uow: SqlUnitOfWork,
    cfg: Config,
    people: People,
    out: Pending,
    ticket: Ticket,
    step: Escalate,
    now: datetime,
) -> Taken:
    assert ticket.id is not None
    tid, phase = ticket.id, step.phase
    values = {
        "number": ticket.label,
        "due": texts.local(cfg, step.deadline),
        "late": texts.span(now - step.deadline),
        "team": texts.team_name(cfg, ticket.team_id),
    }
    act = texts.staff("btn_accept" if phase == "accept" else "btn_resolve")
    team_button: Buttons = [[button(act, f"tk:{'acc' if phase == 'accept' else 'res'}:{tid}")]]
    if step.action == "remind_team":
        headline = texts.staff(f"remind_{phase}", **values)
        chat = await people.team_chat(ticket.team_id)
        if phase == "accept":
            direct = await people.on_duty(ticket.team_id)
        else:
            direct = await people.reachable([ticket.accepted_by] if ticket.accepted_by else [])
        targets = unique([*([chat] if chat is not None else []), *direct])
        targets = targets or await people.leaders_or_up(ticket.team_id)
        buttons, purpose = team_button, "remind"
    elif step.action == "alert_leader":
        headline = texts.staff(f"leader_{phase}", **values)
        targets = await people.leaders_or_up(ticket.team_id)
        buttons, purpose = team_button, "alert"
    else:
        headline = texts.staff(f"supervise_{phase}", **values)
        targets = await people.supervisors_or_up()
        buttons = [
            [
                button(texts.staff("btn_remind"), f"sv:remind:{tid}"),
                button(texts.staff("btn_reassign"), f"sv:reassign:{tid}"),
            ]
        ]
        purpose = "alert"
    text = headline + "\n" + texts.card(cfg, ticket, await people.user(ticket.requester_id))
    # The deadline is part of the key: a transfer or reopen starts a new ladder whose
    # step 0 must not be mistaken for the old one's.
    key = f"esc:{tid}:{phase}:{int(step.deadline.timestamp())}:{step.step}"
    for chat_id in targets:
        out.add(
            Row(chat_id, text, f"{key}:{chat_id}", purpose, _priority(ticket), tid, buttons), now
        )
    await note_event(
        uow,
        ticket,
        "remind" if step.action == "remind_team" else "escalate",
        actor_id=None,
        role=Role.SYSTEM,
        now=now,
        note=_NOTES[step.action].format(phase=_PHASE[phase]),
        data={
            "phase": phase,
            "step": step.step,
            "ladder_action": step.action,
            "missed": step.missed,
            "to": targets,
        },
    )
    ticket.escalation_step = step.step + 1
    sla.schedule_next(cfg, ticket)
    return Taken(step.action, len(targets))


async def _last_question(uow: SqlUnitOfWork, ticket: Ticket) -> str:
    assert ticket.id is not None
    asks = [e for e in await uow.tickets.events(ticket.id) if e.action == "ask" and e.note]
    return asks[-1].note[:200] if asks else ""


async def _remind_requester(
    uow: SqlUnitOfWork,
    cfg: Config,
    people: People,
    out: Pending,
    ticket: Ticket,
    step: RemindRequester,
    now: datetime,
) -> Taken:
    assert ticket.id is not None
    close_at = texts.local(cfg, step.close_at)
    buttons: Buttons = []
    if step.wait == "waiting":
        question = await _last_question(uow, ticket)
        text = texts.requester(
            "waiting_remind",
            ticket.script,
            number=ticket.label,
            question=f"（{question}）" if question else "",
            close_at=close_at,
        )
    else:
        text = texts.requester(
            "resolved_remind", ticket.script, number=ticket.label, close_at=close_at
        )
        buttons = _confirm_buttons(ticket)
    sent = 0
    if await people.reachable([ticket.requester_id]):
        key = f"req:{ticket.id}:{step.wait}:{int(step.anchor.timestamp())}:remind"
        row = Row(
            ticket.requester_chat_id, text, key, "remind", _priority(ticket), ticket.id, buttons
        )
        out.add(row, now)
        sent = 1
    await note_event(
        uow,
        ticket,
        "remind",
        actor_id=None,
        role=Role.SYSTEM,
        now=now,
        note="提醒报告人补充" if step.wait == "waiting" else "请报告人确认办结并评价",
        data={"to": "requester", "wait": step.wait, "delivered": bool(sent)},
    )
    ticket.escalation_step = 1
    sla.schedule_next(cfg, ticket)
    return Taken("remind_requester", sent)


def _confirm_buttons(ticket: Ticket) -> Buttons:
    label = texts.requester
    return [
        [
            button(label("btn_confirm", ticket.script), f"my:ok:{ticket.id}"),
            button(label("btn_not_resolved", ticket.script), f"my:bad:{ticket.id}"),
        ]
    ]


async def _close(
    uow: SqlUnitOfWork,
    cfg: Config,
    people: People,
    out: Pending,
    ticket: Ticket,
    step: Close,
    now: datetime,
) -> Taken:
    assert ticket.id is not None
    auto = cfg.auto_close
    waited = texts.span(
        auto.waiting_close_after if step.wait == "waiting" else auto.resolved_close_after
    )
    note = (
        f"报告人{waited}未补充，自动关闭"
        if step.wait == "waiting"
        else (f"报告人{waited}未确认，自动销号")
    )
    await perform(
        uow, cfg, ticket, step.action, actor_id=None, role=Role.SYSTEM, now=now, note=note
    )
    key = f"req:{ticket.id}:{step.wait}:{int(step.anchor.timestamp())}:close"
    sent = 0
    if await people.reachable([ticket.requester_id]):
        if step.wait == "waiting":
            text = texts.requester("waiting_closed", ticket.script, number=ticket.label)
            buttons: Buttons = []
        else:
            text = texts.requester("resolved_closed", ticket.script, number=ticket.label)
            buttons = [
                [button(texts.requester("btn_not_resolved", ticket.script), f"my:bad:{ticket.id}")]
            ]
        row = Row(
            ticket.requester_chat_id, text, f"{key}:requester", "notify", NORMAL, ticket.id, buttons
        )
        out.add(row, now, not_before=step.notify_at)
        sent += 1
    chat = await people.team_chat(ticket.team_id)
    if step.wait == "waiting" and chat is not None:
        # The team asked the question; it should know the ticket left its queue.
        text = texts.staff("expired_team", number=ticket.label, waited=waited)
        out.add(Row(chat, text, f"{key}:team", "notify", NORMAL, ticket.id), now)
        sent += 1
    return Taken(step.action.value, sent)
