"""The requester's answer to a team's question (需补充), when more than one ticket may be
waiting for it (the items of a wish list, each asked about): it goes to the ticket whose
question they replied to with Telegram's reply, else they are asked which, with a button
each, and the answer (words, a photo, a voice note, a location) is kept until they press
one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.enums import Kind, Status
from core.lifecycle import PROGRESS_NOTICE, QUESTION_NOTICE
from core.model import Ticket
from handlers import alarm_check, alarm_when, mine
from handlers.alarm_intake import ANOTHER_BARN
from handlers.cards import called_here, gist, ticket_status
from handlers.context import Ctx
from handlers.follow_up import just_answered, more_of_it
from handlers.i18n import in_script
from handlers.rating import taken_by
from handlers.replies import Button, rows
from handlers.ticket_info import add_info
from handlers.tickets import said_of_the_service
from handlers.typed_menu import asks_to_withdraw
from handlers.verdict_words import another_matter, typed_score
from handlers.wish_lists import item_answered, item_of, wish_lists
from routing import Decision

ANSWER_WHICH = "answer_which"  # the flow that keeps the answer while the question stands
PRESSED = "my:ans:"  # the button of one ticket: my:ans:<id>
_WHICH_MAX = 8  # buttons; more wait in /my


async def answer(ctx: Ctx, waiting: Sequence[Ticket], decision: Decision | None) -> None:
    """The message is the answer to one of `waiting` (the latest asked first): added to the
    one it replies to, or to the only one it may be for; else which one is asked. A ticket
    answered minutes ago may be what more of an answer is for (a photo, then its words)."""
    candidates = list(waiting)
    answered = await just_answered(ctx)
    asked = {t.id for t in candidates}
    if answered is not None and answered.id not in asked and more_of_it(ctx, decision, answered):
        candidates.append(answered)
    target = await notice_replied_to(ctx, decision)
    if target is None and len(candidates) == 1:
        target = candidates[0]
    if target is None and len(candidates) > 1:
        target = await _item_named(ctx, candidates)
    alarm = target is None and _barn_failing(ctx, decision)
    if alarm:
        # A barn failing now never waits for a button: it is news of the 110 call waiting
        # for an answer.
        target = next((t for t in candidates if t.kind is Kind.EMERGENCY), None)
    if target is None:
        await _ask_which(ctx, candidates)
        return
    kept = _kept(ctx)
    if kept and not alarm and not any(p["text"] for p in kept):
        # A photo kept for the question, then its words replied to a notice: one answer.
        await ctx.end_flow()
        await _add(ctx, target, [*kept, _piece(ctx)], several=len(candidates) > 1)
        return
    # Words kept for the question stay kept for its buttons: they may be another ticket's.
    await _add(ctx, target, [_piece(ctx)], several=len(candidates) > 1)


async def _item_named(ctx: Ctx, candidates: Sequence[Ticket]) -> Ticket | None:
    """The item of a wish list the answer names first by its number (第2项：要有粥), when
    it is one of the `candidates` asked about, and of one list only."""
    number = item_answered(ctx.msg.text)
    if number is None:
        return None
    asked = {t.id for t in candidates}
    named = [
        item
        for items in await wish_lists(ctx, candidates)
        if (item := item_of(items, number)) is not None and item.id in asked
    ]
    return named[0] if len(named) == 1 else None


def _barn_failing(ctx: Ctx, decision: Decision | None) -> bool:
    """Words of a barn failing now: not a complaint or a suggestion about a call, nor words
    that say it is past (`alarm_check`)."""
    if decision is None or not decision.emergency:
        return False
    text = ctx.msg.text
    if decision.danger or alarm_when.says_now(text):
        return True  # 烤房又停电了…我要投诉: the barn first
    return not alarm_when.may_not_be_now(text) and said_of_the_service(ctx, text) is None


async def answered_by_alarm(
    ctx: Ctx, waiting: Sequence[Ticket], decision: Decision | None
) -> Ticket | None:
    """The waiting ticket whose team's question words raising a new 110 call answer too: the
    one whose question notice they reply to, else the only one waiting that may be asking of
    a barn (at the triage desk, where the answer says which team it needs, or one the 110
    line was a candidate for: 烟苗长得不好，烤房也漏风 asked 是烘烤中出问题了吗？). None beside
    a question about another matter (which 规格 was short), which a barn failing answers not."""
    asked = [ticket for ticket in waiting if ticket.kind is not Kind.EMERGENCY]
    replied = await notice_replied_to(ctx, decision)
    if replied is not None:
        # A reply names the question, not its matter: 烤房停电了 replied to 少的是哪种化肥？
        # raises the call and leaves the fertiliser's question waiting.
        ticket = next((ticket for ticket in asked if ticket.id == replied.id), None)
    else:
        ticket = asked[0] if len(asked) == 1 else None
    return ticket if ticket is not None and _may_ask_of_a_barn(ctx, ticket) else None


def _may_ask_of_a_barn(ctx: Ctx, ticket: Ticket) -> bool:
    """At the triage desk (where the answer says which team it needs), or a ticket the 110
    line was a candidate for."""
    triage, emergency = ctx.cfg.triage_line(), ctx.cfg.emergency_line()
    at_the_desk = triage is not None and ticket.line == triage.id
    return at_the_desk or (
        emergency is not None and emergency.id in (ticket.line, *ticket.route_candidates)
    )


async def pressed(ctx: Ctx, data: str) -> None:
    """my:ans:<id>: the kept answer goes to that ticket."""
    ticket = await mine.own_ticket(ctx, data.removeprefix(PRESSED))
    if ticket is None:
        return
    pieces = _kept(ctx)
    if not pieces:
        ctx.toast("answer_which_gone")  # pressed again, or after the flow was left
        return
    if not ticket.status.is_open:
        # Closed meanwhile: the answer stays kept for another of the buttons.
        status = ticket_status(ticket, ctx.script)
        ctx.say(
            "add_info_too_late", number=ticket.label, status=status, what=called_here(ctx, ticket)
        )
        return
    await ctx.end_flow()
    await _add(ctx, ticket, pieces, several=True)


async def _add(ctx: Ctx, ticket: Ticket, pieces: list[dict[str, Any]], *, several: bool) -> None:
    """The pieces of the answer, in order, on `ticket`: the first as the answer to its
    question when it waits for one, the rest as more of it. With several tickets it might
    have been for, the confirmation names this one by its words too."""
    # Their words marked as written, which the reply keeps as they wrote them (`i18n.t`).
    number = f"{ticket.label}（{gist(ticket)}）" if several else ticket.label
    if ticket.status is Status.RESOLVED:
        # Resolved while the answer waited for a press: it reaches the team, late.
        for piece in pieces[:-1]:
            await add_info(
                ctx, ticket, piece["text"], piece["photo"], voice=piece["voice"], pin=_pin(piece)
            )
        last = pieces[-1]
        await mine.answer_after_resolution(
            ctx, ticket, last["text"], last["photo"], last["voice"], pin=_pin(last)
        )
        return
    waited = ticket.status is Status.WAITING_REQUESTER
    for n, piece in enumerate(pieces):
        await add_info(
            ctx,
            ticket,
            piece["text"],
            piece["photo"],
            voice=piece["voice"],
            pin=_pin(piece),
            answer=waited and n == 0,
        )
    said = " ".join(piece["text"] for piece in pieces if piece["text"])
    another = ticket.kind is Kind.EMERGENCY and alarm_check.names_another_barn(ctx, ticket, said)
    # 大坪没事，松林着火了 as the answer: which barn fails is the farmer's to say, and an
    # alarm for the other is one tap away, as for news of the call.
    buttons = rows(Button(ctx.text("btn_another_barn"), ANOTHER_BARN)) if another else ()
    if waited and not another and asks_to_withdraw(said):
        await _withdrawal_answered(ctx, ticket, number)
        return
    key = "answer_added" if waited else "add_info_done"
    ctx.say(key, buttons, number=number, what=called_here(ctx, ticket))


async def _withdrawal_answered(ctx: Ctx, ticket: Ticket, number: str) -> None:
    """撤回 or 不用办了 as the answer: the team has the words, and the reply does not say it
    will go on. The ticket is withdrawn only as /my's 撤回 withdraws it, asked first, while
    nobody has taken it up; one a member has taken is theirs to close."""
    what = called_here(ctx, ticket)
    if mine.withdrawable(ticket):
        ctx.say("answer_added_seen", number=number, what=what)
        await mine.withdrawal_typed(ctx, [ticket])
        return
    ctx.say("answer_added_taken", number=number, what=what, who=await taken_by(ctx, ticket))


async def _ask_which(ctx: Ctx, candidates: list[Ticket]) -> None:
    """Which ticket the answer is for, a button each; the answer is kept meanwhile, with
    any earlier pieces kept while the same question stood."""
    earlier = _kept(ctx)
    await ctx.start_flow(ANSWER_WHICH, "which", {"pieces": [*earlier, _piece(ctx)]})
    shown = candidates[:_WHICH_MAX]
    buttons = rows(
        *(Button(f"{t.label} {in_script(gist(t), ctx.script)}", f"{PRESSED}{t.id}") for t in shown),
        per_row=1,
    )
    what = called_here(ctx, *candidates)
    ctx.say(
        "answer_which_more" if earlier else "answer_which",
        buttons,
        count=len(candidates),
        what=what,
    )


async def to_the_question_replied(ctx: Ctx, ticket: Ticket, *, also_new: bool) -> None:
    """Words sent with Telegram's reply to `ticket`'s question notice: they join it, as the
    answer while it waits for one, since the reply says what they answer. `also_new`: they
    ask about another service too ("软玉溪，另外我想问下下周能订中华吗？"), which that team
    never hears of on this ticket: filing them as a new request as well is one tap away."""
    assert ticket.id is not None
    msg = ctx.msg
    waited = ticket.status is Status.WAITING_REQUESTER
    text = msg.text.strip()
    pin = _pin(_piece(ctx))  # a location shared as the reply: the answer where
    await add_info(
        ctx, ticket, text, msg.photo_file_id, voice=msg.voice_file_id, pin=pin, answer=waited
    )
    what = called_here(ctx, ticket)
    if not also_new and waited and asks_to_withdraw(text):
        await _withdrawal_answered(ctx, ticket, ticket.label)
        return
    if not also_new:
        ctx.say("answer_added", number=ticket.label, what=what)
        return
    added = list(await ctx.uow.tickets.events(ticket.id))[-1]  # the answer just recorded
    assert added.id is not None
    ctx.say(
        "answer_added_also_new",
        mine.also_new_button(ctx, ticket, added.id),
        number=ticket.label,
        what=what,
    )


# The notices of a ticket being worked on that words replied to are about: its team's
# question (需补充), that it was taken up (接单), a member is going there (上门) or another
# team has it now (转派).
_ABOUT_WORK = frozenset({QUESTION_NOTICE, PROGRESS_NOTICE})


async def notice_replied_to(ctx: Ctx, decision: Decision | None) -> Ticket | None:
    """The person's ticket still being worked on whose question, 接单, 上门 or 转派 notice
    the message replies to (Telegram's reply), if it does and the words (read as
    `decision`) may be about it: a notice that asked nothing is no question they answer."""
    msg = ctx.msg
    if msg.reply_to is None:
        return None
    for sent in await ctx.uow.ticket_messages.of_message(msg.chat_id, msg.reply_to):
        if sent.purpose not in _ABOUT_WORK:
            continue
        ticket = await ctx.uow.tickets.get(sent.ticket_id)
        if ticket is None or ticket.requester_id != ctx.user.id or not _in_work(ticket):
            continue
        if sent.purpose == PROGRESS_NOTICE and _of_its_own(decision, msg.text, ticket):
            continue
        return ticket
    return None


def _of_its_own(decision: Decision | None, text: str, ticket: Ticket) -> bool:
    """Words replied to a notice that asked nothing (接单, 上门, 转派) that are a matter of
    their own, as they are replied to a resolution notice (`another_matter`): a complaint
    (你们送货员态度太差了) or a suggestion, another service's matter (我想办理许可证延续,
    再帮我订两条中华); or a withdrawal (撤回) or a score (5分), answered as typed. Words of the
    ticket (什么时候到, 我下午不在家, 电话打不通) join it."""
    if asks_to_withdraw(text) or typed_score(text) is not None:
        return True
    return another_matter(decision, ticket, False)


def _in_work(ticket: Ticket) -> bool:
    return ticket.status.is_open and ticket.status is not Status.RESOLVED


def _piece(ctx: Ctx) -> dict[str, Any]:
    msg = ctx.msg
    pin = [msg.location.lat, msg.location.lon] if msg.location is not None else None
    return {
        "text": msg.text.strip(),
        "photo": msg.photo_file_id,
        "voice": msg.voice_file_id,
        "pin": pin,
    }


def _pin(piece: dict[str, Any]) -> tuple[float, float] | None:
    """The location a piece holds (kept as a list while the which-ticket question stands)."""
    pin = piece.get("pin")
    return (float(pin[0]), float(pin[1])) if pin else None


def _kept(ctx: Ctx) -> list[dict[str, Any]]:
    """The pieces of an answer kept while the which-ticket question stands."""
    if ctx.conv is None or ctx.conv.flow != ANSWER_WHICH:
        return []
    return [dict(p) for p in ctx.conv.data.get("pieces") or []]
