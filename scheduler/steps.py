"""Carry out one ticket's plan inside the sweep's transaction: outbox rows, audit event,
and the ticket's next step and next action, all committed together. The ladder's steps
are here; the requester's reminders and closes are in scheduler/requester.py, the chase
of a call-back owed in scheduler/callback.py."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core import sla
from core.complainant import card_shown_at, team_keeps
from core.config import Config, LadderAction
from core.lifecycle import (
    LEADER_ACCEPT_PROMPT,
    LEADER_RESOLVE_PROMPT,
    OVERSIGHT_ACCEPT_PROMPT,
    OVERSIGHT_RESOLVE_PROMPT,
    REMIND_ACCEPT_PROMPT,
    REMIND_RESOLVE_PROMPT,
)
from core.model import ChatPlace, Ticket, User, reply_script
from core.ranks import unique
from core.services import may_work_on
from core.team_card import alert_card
from core.texts import lateness
from core.triage import at_triage, dispatch_buttons
from core.unreached import group_instead, not_reached_note
from scheduler import callback, requester, texts
from scheduler.enqueue import Buttons, Pending, Row, button, priority_of
from scheduler.ladder_record import record_step
from scheduler.people import People
from scheduler.plan import (
    ChaseCallback,
    Close,
    Escalate,
    Phase,
    Postpone,
    RemindRequester,
    Reschedule,
    Rung,
    Taken,
    plan,
)
from storage.outbox_queries import OutboxQueries
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
        taken = await requester.remind(uow, cfg, people, out, ticket, decided, now)
    elif isinstance(decided, Close):
        taken = await requester.close(uow, cfg, people, out, ticket, decided, now)
    elif isinstance(decided, ChaseCallback):
        taken = await callback.chase(uow, cfg, people, out, ticket, decided, now)
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


async def _reassure_requester(
    people: People,
    out: Pending,
    ticket: Ticket,
    ladder_key: str,
    values: dict[str, str],
    now: datetime,
    *,
    key: str,
) -> None:
    """A 110 caller nobody has answered yet is told, once a ladder (its key is the same
    on every step: the outbox keeps the first), that the team is chased and who else was
    told or will be: at night, too, since they are up waiting for help. `key` is the
    notice's text: whom the ladder reached above the team when it has gone past it already
    (caught up after downtime, `_told_above_team`), else whom its next rung would reach
    (`_next_up`), so that it never promises leaders nobody can reach."""
    assert ticket.id is not None
    if not await people.reachable([ticket.requester_id]):
        return
    script = reply_script(ticket, await people.user(ticket.requester_id))
    text = texts.requester(key, number=values["number"], team=values["team"])
    row = Row(
        ticket.requester_chat_id,
        text,
        f"{ladder_key}:requester",
        "notify",
        priority_of(ticket),
        ticket.id,
        script=script,
    )
    out.add(row, now)


# The caller's notice by whom the ladder reached above the team (`_told_above_team`).
_CHASED_KEYS = {
    "leaders": "accept_chased_up",
    "supervisors": "accept_chased_supervised",
    "nobody": "accept_chased_team_only",
}
# While it has not gone past the team: by whom its next rung would reach (`_next_up`).
_PROMISE_KEYS = {
    "leaders": "accept_chased",
    "supervisors": "accept_chased_supervisors_next",
    "nobody": "accept_chased_team_only",
}
# The team's reminder reached nobody of the team (no chat, nobody on duty) and went to its
# leaders instead, and whom the next rung would reach beyond them (`_next_up`).
_STOOD_IN_KEYS = {
    "supervisors": "accept_reported_leaders_supervisors_next",
    "nobody": "accept_reported_leaders",
}
# The team's reminder reached its chat and paged its leaders too (`_Said.leaders_paged`),
# and whom the next rung would reach beyond them (`_next_up`).
_LEADERS_PAGED_KEYS = {
    "supervisors": "accept_chased_leaders_supervisors_next",
    "nobody": "accept_chased_up",
}
# Whom the rungs taken reached in the team's stead, with no promise (`_told_above_team`).
_STOOD_IN_TOLD_KEYS = {
    "leaders": "accept_reported_leaders",
    "supervisors": "accept_reported_supervisors",
    "nobody": "accept_unreached",
}


@dataclass(frozen=True, slots=True)
class _Said:
    """What one rung says, to whom, with which buttons, kept under which purpose."""

    headline: str
    targets: list[int]
    buttons: Buttons
    purpose: str
    extra: dict[str, str]
    # The team's reminder went to its leaders (or those above) instead: it has no chat
    # and nobody on duty could be reached.
    stood_in: bool = False
    # The team's reminder paged its leaders beside its chat (an urgent call, nobody on duty),
    # or a leader of it on duty heard it as the one to take the call.
    leaders_paged: bool = False


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
        "late": lateness(sla.calendar_for(cfg, ticket), step.deadline, now),
        "team": texts.team_name(cfg, ticket.team_id),
    }
    chat = await people.team_chat(ticket.team_id)
    rungs = step.rungs
    said = [await _rung(uow, people, ticket, phase, rung.action, values, chat) for rung in rungs]
    # The deadline is part of the key: a transfer or reopen starts a new ladder whose
    # step 0 must not be mistaken for the old one's.
    # The team too: a call moved to the town the farmer named keeps its deadline
    # (`core.services.redirect`), and the new team's ladder must not be taken for the old.
    ladder = f"esc:{tid}:{ticket.team_id}:{phase}:{int(step.deadline.timestamp())}"
    # A rung that reaches nobody privately is posted in a group its people are in instead.
    instead = [
        await _group_instead(people, ticket, rung.action, s, ladder)
        for rung, s in zip(rungs, said, strict=True)
    ]
    # After downtime several rungs are taken at once: each audience hears once, the newest
    # rung that reaches it (a chat reached twice, leaders standing in for the team, say,
    # hears only the later), each saying how late it is now.
    hears = {
        chat_id: i
        for i, (rung, group) in enumerate(zip(said, instead, strict=True))
        for chat_id in [*rung.targets, *([group.place.chat_id] if group else [])]
    }
    card_at = await _cards_at(uow, cfg, ticket, await people.user(ticket.requester_id))
    messages = 0
    for i, (rung, rung_said) in enumerate(zip(rungs, said, strict=True)):
        told = [chat_id for chat_id in rung_said.targets if hears[chat_id] == i]
        for chat_id in told:
            thread = chat.thread_id if chat is not None and chat_id == chat.chat_id else None
            out.add(
                Row(
                    chat_id,
                    rung_said.headline + "\n" + card_at(ChatPlace(chat_id, thread)),
                    f"{ladder}:{rung.step}:{chat_id}",
                    rung_said.purpose,
                    priority_of(ticket),
                    tid,
                    rung_said.buttons,
                    extra=rung_said.extra,
                    thread_id=thread,
                ),
                now,
            )
        group = instead[i]
        if group is not None and hears[group.place.chat_id] == i:
            out.add(
                Row(
                    group.place.chat_id,
                    "\n".join(filter(None, [rung_said.headline, group.note, card_at(group.place)])),
                    group.key,
                    rung_said.purpose,
                    priority_of(ticket),
                    tid,
                    rung_said.buttons,
                    extra=rung_said.extra,
                    thread_id=group.place.thread_id,
                ),
                now,
            )
            told = [*told, group.place.chat_id]
        messages += len(told)
        # Every rung is in the audit trail, in order, with whom it reached itself.
        action = "remind" if rung.action == "remind_team" else "escalate"
        note = _NOTES[rung.action].format(phase=_PHASE[phase])
        await record_step(
            uow, cfg, ticket, rung, action=action, phase=phase, note=note, targets=told, now=now
        )
    if phase == "accept" and ticket.urgent:
        key = await _caller_notice(cfg, people, ticket, step, said)
        await _reassure_requester(people, out, ticket, ladder, values, now, key=key)
    return Taken(step.action, messages)


@dataclass(frozen=True, slots=True)
class _Instead:
    """The group a rung that reached nobody privately is posted in, and the line naming
    who could not be reached (`core.unreached`)."""

    place: ChatPlace
    note: str
    key: str


async def _group_instead(
    people: People, ticket: Ticket, action: LadderAction, said: _Said, ladder: str
) -> _Instead | None:
    """Where a rung that reached nobody goes instead: the leaders' alert (or the team's
    reminder standing in for a team without a chat) to the team's group, else the
    supervisors' desk; the supervisors' alert to their desk, else the team's group. None
    when the rung reached someone, there is no group to post in, or the group was told
    already: once a ladder (`ladder`, its key) and rung, not at each of its repeats."""
    if said.targets:
        return None
    uow, cfg = people.uow, people.cfg
    supervisors_first = action == "alert_supervisors"
    place = await group_instead(uow, cfg, ticket.team_id, supervisors_first=supervisors_first)
    key = f"{ladder}:{action}:group:{place.chat_id}" if place is not None else ""
    if place is None or await OutboxQueries.on(uow).has_key(key):
        return None
    missed = await people.unreachable_above(None if supervisors_first else ticket.team_id)
    return _Instead(place, await not_reached_note(uow, missed), key)


async def _cards_at(
    uow: SqlUnitOfWork, cfg: Config, ticket: Ticket, requester_user: User | None
) -> Callable[[ChatPlace], str]:
    """The alert's card as each of its places may read it (`core.complainant.card_shown_at`):
    a complainant is named where their details may be read, in the supervisors' own chats
    whichever team has the complaint, and in every place of a team that keeps them."""
    unnamed = alert_card(cfg, ticket, requester_user, keeper=team_keeps(cfg, ticket.team_id))
    named = alert_card(cfg, ticket, requester_user, keeper=True)
    return await card_shown_at(uow, cfg, ticket, unnamed, None if named == unnamed else named)


async def _caller_notice(
    cfg: Config, people: People, ticket: Ticket, step: Escalate, said: list[_Said]
) -> str:
    """The key of the caller's notice: whom the rungs taken now reached, and whom the next
    would. The team's reminder that reached its leaders or the supervisors instead (no
    chat, nobody on duty) names them, never "已再次催促{team}", which nobody heard."""
    rungs = step.rungs
    told_above = await _told_above_team(people, ticket, rungs, said)
    if any(s.stood_in for s in said):
        assert told_above is not None  # a reminder stood in for counts as above the team
        past_team = any(rung.action != "remind_team" for rung in rungs)
        if told_above == "leaders" and not past_team:
            return _STOOD_IN_KEYS[await _next_up(cfg, people, ticket, step, told="leaders")]
        return _STOOD_IN_TOLD_KEYS[told_above]
    if told_above is not None:
        return _CHASED_KEYS[told_above]
    if any(s.leaders_paged for s in said):
        # The leaders heard with the team: promised only what would tell anyone new.
        return _LEADERS_PAGED_KEYS[await _next_up(cfg, people, ticket, step, told="leaders")]
    return _PROMISE_KEYS[await _next_up(cfg, people, ticket, step)]


async def _told_above_team(
    people: People, ticket: Ticket, rungs: tuple[Rung, ...], said: list[_Said]
) -> str | None:
    """Who above the team the rungs taken now reached, as the caller is told it: "leaders"
    when one of the team's own leaders heard, "supervisors" when only those standing in
    for them did (no leader, or none reachable), "nobody" when the ladder went past the
    team and reached nobody above it; None while it has not gone past the team. A team's
    reminder that went to those above it (`_Said.stood_in`) counts as gone past it."""
    above = [
        s for rung, s in zip(rungs, said, strict=True) if rung.action != "remind_team" or s.stood_in
    ]
    if not above:
        return None
    leaders = set(await people.leaders(ticket.team_id))
    if any(uid in leaders for s in above for uid in s.targets):
        return "leaders"
    return "supervisors" if any(s.targets for s in above) else "nobody"


async def _next_up(
    cfg: Config, people: People, ticket: Ticket, step: Escalate, *, told: str | None = None
) -> str:
    """Whom the ladder's next rung above the team would reach, as the caller is promised:
    "leaders" (one of the team's own reachable), "supervisors" standing in for them or
    next on the ladder, "nobody" when no rung above the team is left or none can be
    reached: then nothing is promised. `told`="leaders": they have heard already (the
    team's reminder went to them), so only the supervisors' rung would tell anyone new."""
    ladder = cfg.ladder(sla.policy_for(cfg, ticket).ladder)
    later = {sla.escalation_action(ladder, s) for s in range(step.step + 1, len(ladder.steps))}
    if told is None and "alert_leader" in later and await people.leaders(ticket.team_id):
        return "leaders"
    beyond = later - {"remind_team"} if told is None else later & {"alert_supervisors"}
    if beyond and await people.supervisors_or_up():
        return "supervisors"
    return "nobody"


async def _rung(
    uow: SqlUnitOfWork,
    people: People,
    ticket: Ticket,
    phase: Phase,
    action: LadderAction,
    values: dict[str, str],
    chat: ChatPlace | None,
) -> _Said:
    """What the ladder's `action` says for `ticket`, and to whom."""
    assert ticket.id is not None
    tid = ticket.id
    act = texts.staff("btn_accept" if phase == "accept" else "btn_resolve")
    team_button: Buttons = [[button(act, f"tk:{'acc' if phase == 'accept' else 'res'}:{tid}")]]
    # The triage desk answers by sending the ticket to a team, as its card offers, not by
    # taking it: its reminders ask for that and carry the card's 派给 and 转派.
    dispatching = phase == "accept" and at_triage(people.cfg, ticket)
    if dispatching:
        choices = [button(label, data) for label, data in dispatch_buttons(people.cfg, ticket)]
        team_button = [choices[i : i + 2] for i in range(0, len(choices), 2)]
    wording = "dispatch" if dispatching else phase
    # The purpose names the buttons, so that they are taken away once they no longer apply
    # (`core.services.withdraw_stale_prompts`), and what the text says, so that it is told
    # the news once that no longer holds (handlers/overdue_alerts.py); a team's are for
    # that team only.
    extra = {"team": ticket.team_id}
    if action == "remind_team":
        headline = texts.staff(f"remind_{wording}", **values)
        if phase == "accept":
            # Not the on-duty member whose own ticket it is: they may not accept it.
            on_duty = await people.on_duty(ticket.team_id)
            direct = [uid for uid in on_duty if uid != ticket.requester_id]
        else:
            taker = ticket.accepted_by
            still_on = taker is not None and await may_work_on(uow, people.cfg, taker, ticket)
            direct = await people.reachable([taker] if taker is not None and still_on else [])
        targets = unique([*([chat.chat_id] if chat is not None else []), *direct])
        stood_in = not targets
        if stood_in:
            targets = await people.leaders_or_up(ticket.team_id)
        elif phase == "accept" and not direct and ticket.urgent:
            # Nobody on duty for an urgent ticket of a team that keeps a duty roster: its
            # leaders are paged (`People.stand_in_pagers`), as its card paged them, not only
            # the team's group, muted at night. An ordinary one's card went to the group
            # alone; so does its reminder, and its leaders hear of it on the next rung.
            pagers = await people.stand_in_pagers(ticket)
            targets = unique([*targets, *pagers])
            purpose = REMIND_ACCEPT_PROMPT
            return _Said(headline, targets, team_button, purpose, extra, leaders_paged=bool(pagers))
        purpose = REMIND_ACCEPT_PROMPT if phase == "accept" else REMIND_RESOLVE_PROMPT
        # A leader on duty was paged and reminded already: the caller is not promised that
        # the leaders will be told next, as if they had not heard.
        leader_on_duty = bool(set(direct) & set(await people.leaders(ticket.team_id)))
        paged = phase == "accept" and leader_on_duty
        return _Said(headline, targets, team_button, purpose, extra, stood_in, paged)
    if action == "alert_leader":
        headline = texts.staff(f"leader_{wording}", **values)
        targets = await people.leaders_or_up(ticket.team_id)
        # The leader is asked to urge the team: 催办 pages it (handlers/team_nudges.py), beside
        # the phase's own button for a leader who takes the ticket themselves.
        nudge = button(texts.staff("btn_remind"), f"tk:nudge:{tid}")
        purpose = LEADER_ACCEPT_PROMPT if phase == "accept" else LEADER_RESOLVE_PROMPT
        with_nudge = [*team_button[:-1], [*team_button[-1], nudge]]
        return _Said(headline, targets, with_nudge, purpose, extra)
    headline = texts.staff(f"supervise_{wording}", **values)
    targets = await people.supervisors_or_up()
    buttons = [
        [
            button(texts.staff("btn_remind"), f"sv:remind:{tid}"),
            button(texts.staff("btn_reassign"), f"sv:reassign:{tid}"),
        ]
    ]
    # One that says 仍未接单 is told the ticket's news once it is answered or moved,
    # one that says 仍未办结 once it is resolved (handlers/overdue_alerts.py).
    if phase == "accept":
        return _Said(headline, targets, buttons, OVERSIGHT_ACCEPT_PROMPT, extra)
    return _Said(headline, targets, buttons, OVERSIGHT_RESOLVE_PROMPT, {})
