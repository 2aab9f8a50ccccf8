"""The requester's side of chasing: a reminder to answer or to confirm, then the close
(expire / 销号) with a notice. Part of the sweep's transaction, like the ladder's steps."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from core import sla
from core.asked import overtaken
from core.complainant import team_keeps, withheld
from core.config import Config
from core.enums import Role
from core.left_behind import places_left, supersede_card_edits
from core.lifecycle import (
    QUESTION_NOTICE,
    RESOLUTION_NOTICE,
)
from core.model import Ticket, reply_script
from core.ranks import unique
from core.services import may_work_on, note_event, perform, roles_of, withdraw_stale_prompts
from core.team_card import alert_card, cards_by_place
from core.texts import TYPED_UNVERIFIED, answered_as, called, confirm_key, dispute_key, span
from routing.reader import staff_words
from scheduler import texts
from scheduler.closed_alerts import tell_closed
from scheduler.enqueue import NORMAL, Buttons, Pending, Row, button, priority_of
from scheduler.people import People
from scheduler.plan import Close, RemindRequester, Taken
from scheduler.wish_list_news import list_news, number_told_of
from storage.uow import SqlUnitOfWork


async def _last_question(uow: SqlUnitOfWork, ticket: Ticket) -> str:
    assert ticket.id is not None
    asks = [e for e in await uow.tickets.events(ticket.id) if e.action == "ask" and e.note]
    return staff_words(asks[-1].note[:200]) if asks else ""


async def remind(
    uow: SqlUnitOfWork,
    cfg: Config,
    people: People,
    out: Pending,
    ticket: Ticket,
    step: RemindRequester,
    now: datetime,
) -> Taken:
    """Ask the requester to answer the team's question, or to confirm and rate."""
    assert ticket.id is not None
    close_at = texts.local(cfg, step.close_at)
    script = reply_script(ticket, await people.user(ticket.requester_id))
    buttons: Buttons = []
    number = await number_told_of(uow, ticket)  # which one, when others are open
    if step.wait == "waiting":
        question = await _last_question(uow, ticket)
        text = texts.requester(
            "waiting_remind",
            number=number,
            what=called(ticket),
            question=f"（{question}）" if question else "",
            close_at=close_at,
        )
    else:
        said = f"resolved_remind{answered_as(ticket)}"
        text = texts.requester(said, number=number, close_at=close_at)
        buttons = _confirm_buttons(ticket)
    sent = 0
    key = f"req:{ticket.id}:{step.wait}:{int(step.anchor.timestamp())}:remind"
    if await people.reachable([ticket.requester_id]):
        # A reminder invites a reply as the question or the resolution notice does.
        purpose = QUESTION_NOTICE if step.wait == "waiting" else RESOLUTION_NOTICE
        row = Row(
            ticket.requester_chat_id, text, key, purpose, priority_of(ticket), ticket.id, buttons
        )
        out.add(replace(row, script=script), now)
        sent = 1
        # It asks again, as the notice did: a yes typed now answers it, never an older
        # question of another ticket (是说问题还没解决吗？) kept in their conversation.
        # Marked with the batch's rows, and only if the person has not moved on meanwhile.
        conv = await uow.conversations.get(ticket.requester_chat_id, ticket.requester_id)
        anew = overtaken(conv, ticket.id, now)
        if anew is not None:
            assert conv is not None
            out.overtake(conv, anew)
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
    if step.wait == "waiting" and ticket.urgent:
        sent += await _ask_team_to_phone(uow, cfg, people, out, ticket, key, now)
    ticket.escalation_step = 1
    sla.schedule_next(cfg, ticket)
    return Taken("remind_requester", sent)


async def _ask_team_to_phone(
    uow: SqlUnitOfWork,
    cfg: Config,
    people: People,
    out: Pending,
    ticket: Ticket,
    key: str,
    now: datetime,
) -> int:
    """A farmer silent during a 110 call may be at the barn, away from the chat: the team's
    question needs a phone call, not another day of waiting. The team's chat hears it, and
    the member who asked (who may be on the road); a team without a chat, its leaders. Not
    for a complainant the team may not know (匿名, or one 作风监督 keeps): their phone is
    not the team's to call, and the bot's reminder is how they are reached."""
    if withheld(cfg, ticket, keeper=team_keeps(cfg, ticket.team_id)) is not None:
        return 0
    chat = await people.team_chat(ticket.team_id)
    targets = [chat.chat_id] if chat is not None else []
    taker = ticket.accepted_by
    if taker is not None and await may_work_on(uow, cfg, taker, ticket):
        targets += await people.reachable([taker])
    # Asked before anyone took the call (from the on-duty member's page, at night), the one
    # who asked is waiting for the answer as a taker would, away from the muted group.
    asker = await _asker(uow, ticket)
    if taker is None and asker is not None and await _of_the_team(uow, cfg, asker, ticket):
        targets += await people.reachable([asker])
    if not targets:
        targets = await people.leaders(ticket.team_id)
    farmer = await people.user(ticket.requester_id)
    waited = span(cfg.auto_close.urgent_waiting_remind_after)
    if farmer is not None and farmer.phone:
        # A number typed, not shared, is said to be so, as on the card: it may be mistyped.
        typed = f"，{TYPED_UNVERIFIED}" if farmer.phone_typed else ""
        phone = f"（{farmer.phone}{typed}）"
        text = texts.staff("urgent_unanswered", number=ticket.label, waited=waited, phone=phone)
    else:
        placed = ticket.site_code is not None or ticket.lat is not None
        said = "urgent_unanswered_no_phone" if placed else "urgent_unanswered_nowhere"
        text = texts.staff(said, number=ticket.label, waited=waited)
    for target in unique(targets):
        topic = chat.thread_id if chat is not None and target == chat.chat_id else None
        row = Row(
            target,
            text,
            f"{key}:team:{target}",
            "notify",
            priority_of(ticket),
            ticket.id,
            thread_id=topic,
        )
        out.add(row, now)
    return len(unique(targets))


async def _asker(uow: SqlUnitOfWork, ticket: Ticket) -> int | None:
    """Who asked the requester the question the ticket waits on."""
    assert ticket.id is not None
    asks = [e for e in await uow.tickets.events(ticket.id) if e.action == "ask"]
    return asks[-1].actor_id if asks else None


async def _of_the_team(uow: SqlUnitOfWork, cfg: Config, user_id: int, ticket: Ticket) -> bool:
    """A member or leader of the ticket's team (a supervisor who asked from the triage desk
    leaves the phoning to the team)."""
    return bool(await roles_of(uow, cfg, user_id, ticket) & {Role.MEMBER, Role.LEADER})


def _confirm_buttons(ticket: Ticket) -> Buttons:
    label = texts.requester
    return [
        [
            button(label(confirm_key(ticket)), f"my:ok:{ticket.id}"),
            button(label(dispute_key(ticket)), f"my:bad:{ticket.id}"),
        ]
    ]


async def close(
    uow: SqlUnitOfWork,
    cfg: Config,
    people: People,
    out: Pending,
    ticket: Ticket,
    step: Close,
    now: datetime,
) -> Taken:
    """Close a ticket its requester left unanswered; tell them (after the quiet hours)."""
    assert ticket.id is not None
    auto = cfg.auto_close
    waited = span(auto.waiting_close_after if step.wait == "waiting" else auto.resolved_close_after)
    note = (
        f"报告人{waited}未补充，自动关闭"
        if step.wait == "waiting"
        else (f"报告人{waited}未确认，自动销号")
    )
    await perform(
        uow, cfg, ticket, step.action, actor_id=None, role=Role.SYSTEM, now=now, note=note
    )
    key = f"req:{ticket.id}:{step.wait}:{int(step.anchor.timestamp())}:close"
    requester = await people.user(ticket.requester_id)
    closed_summary = f"{alert_card(cfg, ticket, requester)}\n{note}"  # as alerts show it
    named_summary = f"{alert_card(cfg, ticket, requester, keeper=True)}\n{note}"
    # The supervisors' 仍未办结, its leaders' and the team's reminders, a 催办 page no longer
    # hold: each says what became of the ticket as its buttons go.
    await tell_closed(
        uow,
        cfg,
        out,
        ticket,
        key=key,
        summary=closed_summary,
        named_summary=named_summary,
        now=now,
    )
    await withdraw_stale_prompts(uow, ticket, now)
    sent = 0
    if await people.reachable([ticket.requester_id]):
        person = await people.user(ticket.requester_id)
        script = reply_script(ticket, person)
        number = await number_told_of(uow, ticket)
        if step.wait == "waiting":
            text = texts.requester("waiting_closed", number=number, what=called(ticket))
            if person is None or person.may_have_barn:
                text += texts.requester("waiting_closed_barn")
            if news := await list_news(uow, cfg, ticket, now, done_only=True):
                text += f"\n{news}"  # the last of a wish list: the list is done
            # The same 🔁 重新办理 as /my offers for it (my:bad), within a week of the close.
            again = texts.requester("btn_take_up_again")
            buttons: Buttons = [[button(again, f"my:bad:{ticket.id}")]]
        else:
            text = texts.requester(f"resolved_closed{answered_as(ticket)}", number=number)
            if news := await list_news(uow, cfg, ticket, now):
                text += f"\n{news}"
            buttons = [[button(texts.requester(dispute_key(ticket)), f"my:bad:{ticket.id}")]]
        row = Row(
            ticket.requester_chat_id, text, f"{key}:requester", "notify", NORMAL, ticket.id, buttons
        )
        out.add(replace(row, script=script), now, not_before=step.notify_at)
        sent += 1
    left = await places_left(uow, cfg, ticket)  # told where it went, once: no more
    # The team's cards stop offering buttons for a ticket that is closed now. The edit says
    # the whole card: one still waiting (from the last press) would only be said over; but
    # not one telling a team the ticket left where it went, which nothing says again.
    await supersede_card_edits(uow, ticket, now, behind=left)
    # The card as the team last read it (who accepted, went there, resolved it and how),
    # closed: the same card the desk writes, not an alert's summary, each copy as its place
    # may read it (a complainant named only where they may be, `core.team_card`).
    card_at = await cards_by_place(uow, cfg, ticket, note=note)
    for copy in await uow.ticket_messages.of_ticket(ticket.id, "card"):
        if copy.place in left:
            continue
        shown = card_at(copy.place)
        edit = Row(
            copy.chat_id,
            shown,
            f"{key}:card:{copy.chat_id}:{copy.message_id}",
            "card_edit",
            NORMAL,
            ticket.id,
            method="edit_message",
            extra={"message_id": copy.message_id},
            script=copy.shown_in,  # the script it was sent in, whatever its reader's now
        )
        out.add(edit, now)
    chat = await people.team_chat(ticket.team_id)
    if step.wait == "waiting" and chat is not None:
        # The team asked the question; it should know the ticket left its queue.
        text = texts.staff("expired_team", number=ticket.label, waited=waited)
        row = Row(chat.chat_id, text, f"{key}:team", "notify", NORMAL, ticket.id)
        out.add(replace(row, thread_id=chat.thread_id), now)
        sent += 1
    return Taken(step.action.value, sent)
