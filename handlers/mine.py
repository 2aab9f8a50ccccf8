"""/my: a requester's tickets, their timelines, and what the requester can do with them."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from core.callback import callback_owner
from core.enums import Action, Kind, Role, Status
from core.errors import IllegalTransition, PermissionDenied
from core.lifecycle import OVERSIGHT_PROMPT, RESOLUTION_NOTICE
from core.model import Ticket
from core.numbers import ticket_id_of
from core.services import note_event, perform
from core.texts import clip, confirm_key, dispute_key, is_an_answer, typed_phone
from handlers import callback, intake, notify
from handlers.cards import DETAIL_TEXT, gist, oversight_buttons, ticket_status, timeline
from handlers.context import Ctx
from handlers.i18n import MESSAGES, in_script, quoted, t
from handlers.rating_words import asks_anew, judged_score
from handlers.replies import Button, rows
from handlers.ticket_info import add_info
from handlers.tickets import (
    Gathered,
    another_question,
    attach,
    is_greeting,
    routed,
    says_something,
    typed_alarm,
)
from handlers.typed_menu import calls_off
from routing import Decision, bare, to_simplified

ADD_INFO, RATE, REOPEN = "addinfo", "rate", "reopen"
# A step of REOPEN: words replied to the resolution notice are kept while the person is
# asked whether they say it is not solved (「❌ 没解决，重新办理」 takes them as the reason).
SURE = "sure"
# The steps of RATE: the score asked for (「✅ 已解决，评价」, "解决了"), then a comment on it.
SCORE, COMMENT = "score", "comment"
# A comment comes right after the score, or not at all: later words are a message of their
# own ("希望工会组织一次篮球赛" an hour later is a new wish, not a comment on the last one).
COMMENT_WAIT = timedelta(minutes=30)

# What people type back to a resolution notice instead of pressing its buttons: a score
# ("5", "五星", "4分"), the problem is still there ("没修好"), it is solved ("解决了，谢谢"),
# or a few words that say neither ("收到"). Only words about the resolved ticket's own
# matter count (see `typed_verdict`): "请问收购什么时候开始，谢谢" is a new request.
_TYPED_SCORE = re.compile(r"(?:给|打)?([1-5一二三四五])(?:分|星|颗星)?")
_SCORES = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_NOT_SOLVED = (
    "没解决", "没有解决", "未解决", "没修好", "没有修好", "没好", "还是不行", "又坏", "还是坏",
    "还是没",  # 还是没来道歉, 钱还是没到账: still not done
)  # fmt: skip
# A judgement of the service, not a new complaint: asks for the score.
_DISSATISFIED = ("不满意", "很不满意")  # a suggestion's 「❌ 不满意」, typed
_JUDGEMENTS = ("不满意", "很不满意", "一般", "还行", "凑合", "马马虎虎")
_SOLVED = ("解决了", "已解决", "修好了", "好了", "可以了", "行了", "满意", "谢谢", "感谢", "好评")
_OTHER_VERDICTS = ("解决", "修好", "差评", "收到")
# The notice acknowledged, alone: its buttons again, not a new matter (a draft "了解").
_ACKNOWLEDGED = frozenset((
    "了解", "了解了", "明白", "明白了", "好的", "好", "好滴", "知道了", "知道", "ok", "okay", "嗯",
    "嗯嗯",
))  # fmt: skip
_VERDICT_MAX = 12  # longer text is a new matter, and is routed as one...
_NOT_SOLVED_MAX = 30  # ...unless it says the old one is not solved
# Typed in place of the comment prompt's 「跳过」: no comment, not a comment saying "skip".
_NO_COMMENT = frozenset(
    ("跳过", "没有", "没有了", "没了", "无", "不用", "不用了", "没什么", "没啥")
)


def says_solved(text: str) -> bool:
    """Words saying a fault is fixed ("停电的问题解决了，谢谢"), not that it is not."""
    plain = bare(text)
    return any(w in plain for w in _SOLVED) and not any(w in plain for w in _NOT_SOLVED)


_RECENT = 10  # the newest tickets /my lists, whatever their state
_OPEN_MAX = 30  # and every one still open beside them, up to this many


async def list_mine(ctx: Ctx) -> None:
    # Every ticket still being worked on is listed, not only the newest: a staff member's
    # wish list (心愿清单) is crossed off item by item over weeks, and an open wish must
    # not drop out of sight behind ten newer ones.
    recent = await ctx.uow.tickets.of_requester(ctx.user.id, limit=_RECENT)
    still_open = await ctx.uow.tickets.of_requester(ctx.user.id, limit=_OPEN_MAX, open_only=True)
    by_id = {t.id: t for t in [*recent, *still_open]}
    mine = sorted(by_id.values(), key=lambda t: -(t.id or 0))
    if not mine:
        ctx.say("my_none")
        return
    buttons = [
        Button(f"{t.label} {ticket_status(t, ctx.script)} {_gist(ctx, t)}", f"my:v:{t.id}")
        for t in mine
    ]
    ctx.say("my_list", rows(*buttons, per_row=1))


def _gist(ctx: Ctx, ticket: Ticket) -> str:
    return in_script(gist(ticket), ctx.script)


def _theirs(text: str, own: bool) -> str:
    return quoted(text) if own else text


async def own_ticket(ctx: Ctx, raw_id: str) -> Ticket | None:
    """The user's own ticket by id from callback data; None (and a reply) otherwise."""
    ticket_id = ticket_id_of(raw_id)
    ticket = await ctx.uow.tickets.get(ticket_id) if ticket_id is not None else None
    if ticket is None or ticket.requester_id != ctx.user.id:
        ctx.toast("not_your_ticket")
        return None
    return ticket


def _actions(ctx: Ctx, ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    tid, status = ticket.id, ticket.status
    buttons = []
    if status.is_open and status is not Status.RESOLVED:
        buttons.append(Button(ctx.text("btn_add_info"), f"my:add:{tid}"))
    if status in (Status.NEW, Status.DISPATCHED):
        buttons.append(Button(ctx.text("btn_cancel_ticket"), f"my:x:{tid}"))
    if status is Status.RESOLVED:
        buttons.append(Button(ctx.text(confirm_key(ticket)), f"my:ok:{tid}"))
    if may_send_back(ticket, ctx.now):
        # Closed unanswered before anyone resolved it: there is nothing to call unsolved,
        # but it may be taken up again.
        label = dispute_key(ticket) if ticket.resolved_at else "btn_take_up_again"
        buttons.append(Button(ctx.text(label), f"my:bad:{tid}"))
    return rows(*buttons, per_row=2)


async def show(
    ctx: Ctx, ticket: Ticket, staff_buttons: tuple[tuple[Button, ...], ...] = ()
) -> None:
    """The ticket's detail and timeline: the requester's own, with their buttons, or a
    member's, leader's or supervisor's /ticket, with `staff_buttons` (a team's card's)."""
    assert ticket.id is not None
    events = list(await ctx.uow.tickets.events(ticket.id))
    own = ticket.requester_id == ctx.user.id  # else a supervisor's /ticket
    ctx.say(
        "detail",
        _actions(ctx, ticket) if own else staff_buttons,  # the requester's are theirs alone
        number=ticket.label,
        kind=ctx.text(f"kind_{ticket.kind.value}"),
        status=ticket_status(ticket, ctx.script, for_staff=not own),
        team=in_script(ctx.cfg.team(ticket.team_id).name, ctx.script),
        # The requester reads their words as they wrote them, as the summary showed them
        # before they sent them; a supervisor's /ticket, like the card, in the reader's script.
        text=in_script(_theirs(clip(ticket.text, DETAIL_TEXT), own), ctx.script),
        timeline=timeline(ctx.cfg, events, ctx.script, for_requester=own),
    )


def withdrawable(ticket: Ticket) -> bool:
    """Whether its requester may still withdraw it: nobody has taken it up yet."""
    return ticket.status in (Status.NEW, Status.DISPATCHED)


def withdraw_buttons(ctx: Ctx, ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    """确定撤回 and 不撤回: the withdrawal asked for, confirmed with a second tap."""
    return rows(
        Button(ctx.text("btn_withdraw_sure"), f"my:xx:{ticket.id}"),
        Button(ctx.text("btn_withdraw_keep"), f"my:v:{ticket.id}"),
    )


async def on_button(ctx: Ctx, data: str) -> None:
    """my:v|add|x|xx|ok|bad|new:<id> and my:r:<id>:<score> (xx: a 110 withdrawal confirmed;
    new: words kept at 没解决吗？ filed as a request)."""
    parts = data.split(":")
    if len(parts) < 3:
        ctx.toast("stale_button")
        return
    verb, raw_id = parts[1], parts[2]
    ticket = await own_ticket(ctx, raw_id)
    if ticket is None:
        return
    if verb == "v":
        await show(ctx, ticket)
    elif verb == "add" and ticket.status.is_open:
        await ctx.start_flow(ADD_INFO, "info", {"ticket_id": ticket.id})
        ctx.say("add_info_ask")
    elif verb == "x" and withdrawable(ticket):
        # Nothing is called off by a slip of the thumb: the team may be setting out, and a
        # withdrawn ticket cannot be taken back.
        ask = "e_withdraw_ask" if ticket.urgent else "withdraw_ask"
        ctx.say(ask, withdraw_buttons(ctx, ticket), number=ticket.label)
    elif verb in ("x", "xx") and ticket.status.is_open and ticket.accepted_by is not None:
        # Taken up meanwhile (确定撤回 pressed late): the team is on it, and is the one to
        # tell that it is no longer needed.
        await _taken_already(ctx, ticket)
    elif verb in ("x", "xx"):
        # A second press finds it withdrawn already: it says so, and the team, told once,
        # is not told again.
        if await _transition(ctx, ticket, Action.CANCEL):
            ctx.say("ticket_cancelled", number=ticket.label)
            await _tell_team_withdrawn(ctx, ticket)
    elif verb == "ok" and ticket.rating is not None:
        ctx.say("already_rated", number=ticket.label, score=ticket.rating)
    elif verb == "ok" and _awaits_rating(ticket, ctx.now):
        await _ask_score(ctx, ticket)
    elif verb in ("ok", "r") and ticket.status.is_open and ticket.status is not Status.RESOLVED:
        # An old resolution notice pressed after 没解决 sent it back: it is being done again,
        # and its next resolution asks for the verdict anew.
        status = ticket_status(ticket, ctx.script)
        ctx.say("verdict_not_yet", number=ticket.label, status=status)
    elif verb == "r" and len(parts) == 4 and parts[3] in {"1", "2", "3", "4", "5"}:
        await _rate(ctx, ticket, int(parts[3]))
    elif verb == "new" and (kept := _kept_reason(ctx, ticket)):
        # Not about the resolved ticket after all: the words kept are filed as a request.
        await ctx.end_flow()
        await intake.start_ticket(ctx, Kind.REQUEST, kept)
    elif verb == "bad" and may_send_back(ticket, ctx.now) and (kept := _kept_reason(ctx, ticket)):
        await ctx.end_flow()
        await _reopen(ctx, ticket, kept)
    elif verb == "bad" and may_send_back(ticket, ctx.now):
        await ctx.start_flow(REOPEN, "reason", {"ticket_id": ticket.id})
        ctx.say(_reopen_ask(ticket) if ticket.resolved_at else "take_up_again_ask")
    elif verb == "bad" and ticket.status is Status.CLOSED:
        # Confirmed and rated, or closed long ago: its rating and its place in reports
        # already made stand; trouble now is a matter of its own.
        rated = ticket.rating is not None
        ctx.say("send_back_rated" if rated else "send_back_too_late", number=ticket.label)
    else:
        ctx.say("not_allowed_now", status=ticket_status(ticket, ctx.script))


def _kept_reason(ctx: Ctx, ticket: Ticket) -> str:
    """The words replied to `ticket`'s resolution notice, kept while 没解决 is asked."""
    conv = ctx.conv
    if conv is None or conv.flow != REOPEN or conv.step != SURE:
        return ""
    return str(conv.data.get("reason") or "") if conv.data.get("ticket_id") == ticket.id else ""


async def about_resolution(ctx: Ctx, text: str, decision: Decision | None) -> bool:
    """Words about the person's ticket awaiting their verdict that no verdict word reads
    ("还是少一条", "今天也没送来"): sent as Telegram's reply (回复) to its resolution notice,
    or typed while it is the only one awaiting their word, in a few words that name its
    service or none. Asked whether it is not solved, the words kept as the reason for
    「❌ 没解决，重新办理」, with 「✅ 已解决，评价」 and 「📝 不是，作为新的求助」 beside it.
    Words plainly about another matter go their own way (False), replied or typed: a
    question ("请问下周几送货？"), an ask of something new ("我想改一下送货时间"), a
    greeting or a phone number."""
    if not bare(text):
        return False
    replied = await _resolution_replied_to(ctx)
    if not _may_be_a_verdict(text, replied=replied is not None):
        return False
    still_wrong = replied is not None and _STILL_WRONG.search(to_simplified(bare(text)))
    if not still_wrong and asks_anew(decision, text):
        return False
    ticket = replied
    if ticket is None and ctx.msg.reply_to is None:
        in_hand = await ctx.uow.tickets.of_requester(ctx.user.id, limit=_OPEN_MAX, open_only=True)
        awaiting = [t for t in in_hand if t.status is Status.RESOLVED]
        # Typed, not replied: only words naming its own service are taken to be about it
        # ("送货还是少一条"); others ("化肥款还没到账" after a barn repair), and words asking
        # it for something new ("我想改一下送货时间"), are a new matter.
        named = decision.line if decision is not None and not decision.triage else None
        ticket = awaiting[0] if len(awaiting) == 1 and awaiting[0].line == named else None
    if ticket is None or ticket.status is not Status.RESOLVED:
        return False
    if _another_matter(decision, ticket, False):
        return False
    await ctx.start_flow(REOPEN, SURE, {"ticket_id": ticket.id, "reason": text.strip()})
    buttons = [
        Button(ctx.text(_as_answered("btn_not_resolved_reopen", ticket)), f"my:bad:{ticket.id}"),
        Button(ctx.text(confirm_key(ticket)), f"my:ok:{ticket.id}"),
        Button(ctx.text("btn_new_matter"), f"my:new:{ticket.id}"),
    ]
    ask = "replied_not_solved_ask" if replied is not None else "typed_not_solved_ask"
    ask = _as_answered(ask, ticket)
    confirm = ctx.text(confirm_key(ticket))
    ctx.say(ask, rows(*buttons), number=ticket.label, words=quoted(text.strip()), confirm=confirm)
    return True


def _may_be_a_verdict(text: str, *, replied: bool) -> bool:
    """Words that could say how the ticket ended: never a greeting, a phone number or
    digits. Replied to its notice, any words saying the problem remains ("怎么还是不对？",
    "下周再送也还是少一条"), and, in doubt, any other words but a polite new question
    ("请问下周几送货？") or an ask of something new ("我想改一下送货时间"): the third button
    (「📝 不是，作为新的求助」) is there for the rest. Typed without the reply, a few words
    that neither ask (a new matter, as in `_another_matter`) nor want something new."""
    plain = bare(text)
    simplified = to_simplified(plain)
    if plain.isdigit() or is_greeting(plain) or typed_phone(text) is not None:
        return False
    if replied and _STILL_WRONG.search(simplified):
        return True
    if _WANTS_ANEW.search(simplified):
        return False
    if replied:
        return _POLITE_QUESTION.search(simplified) is None
    return len(plain) <= _NOT_SOLVED_MAX and not _ASKS.search(simplified)


async def _resolution_replied_to(ctx: Ctx) -> Ticket | None:
    """The person's ticket whose resolution notice (or its reminder) the message replies to."""
    reply_to = ctx.msg.reply_to
    if reply_to is None:
        return None
    for sent in await ctx.uow.ticket_messages.of_message(ctx.msg.chat_id, reply_to):
        if sent.purpose != RESOLUTION_NOTICE:
            continue
        ticket = await ctx.uow.tickets.get(sent.ticket_id)
        if ticket is not None and ticket.requester_id == ctx.user.id:
            return ticket
    return None


async def _taken_already(ctx: Ctx, ticket: Ticket) -> None:
    """Withdrawing a ticket a member has accepted: not done; who has it, and how to reach
    them."""
    member = await ctx.uow.users.get(ticket.accepted_by) if ticket.accepted_by else None
    who = member.name if member is not None and member.name else ""
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
    ctx.say(
        "withdraw_taken",
        rows(Button(ctx.text("btn_add_info"), f"my:add:{ticket.id}")),
        number=ticket.label,
        who=f"{team} {who}".strip(),
    )


async def _rated_lately(ctx: Ctx) -> Ticket | None:
    """Their newest closed ticket, when they rated it and its verdict window is still
    open (`REOPEN_AFTER_CLOSE`): a score typed again is most likely for it."""
    for ticket in await ctx.uow.tickets.of_requester(ctx.user.id, limit=5):
        if ticket.status is Status.CLOSED:
            closed = ticket.closed_at
            lately = closed is not None and ctx.now - closed <= REOPEN_AFTER_CLOSE
            return ticket if ticket.rating is not None and lately else None
    return None


async def typed_verdict(ctx: Ctx, text: str, decision: Decision | None) -> bool:
    """A verdict typed back to the person's ticket awaiting confirmation, acted on.

    A score rates it (which confirms it, as the buttons do). Words saying it is not solved
    reopen it, as does a barn emergency when it was a 110 call (the same fault back, not a
    new alarm beside the old one). Words saying it is solved ask for the score, as 「已解决，
    评价」 does, even when they name the fault ("停电的问题解决了"); other short words bring
    the notice's buttons back. Words that plainly concern another matter (another service,
    a complaint) are never a verdict. False when the text is none of these, or no ticket
    awaits the person's verdict.
    """
    plain = bare(text)
    score = _TYPED_SCORE.fullmatch(plain)
    alarm = decision is not None and decision.emergency
    not_solved = len(plain) <= _NOT_SOLVED_MAX and any(w in plain for w in _NOT_SOLVED)
    solved = (len(plain) <= _NOT_SOLVED_MAX and says_solved(text)) or plain in _JUDGEMENTS
    other = 0 < len(plain) <= _VERDICT_MAX and any(w in plain for w in _OTHER_VERDICTS)
    # 取消 or 返回 typed while the notice waits: its buttons again, never a request of them.
    other = other or plain in _ACKNOWLEDGED or calls_off(text)
    if not (score or not_solved or solved or other or alarm):
        return False
    # The ticket whose notice the words reply to (回复), or the newest one awaiting their
    # verdict, however many newer ones came after it.
    replied = await _resolution_replied_to(ctx)
    if replied is not None and replied.status is not Status.RESOLVED:
        return await _verdict_on_one_moved_on(
            ctx, replied, text, score, not_solved=not_solved, alarm=alarm
        )
    if replied is not None:
        awaiting = [replied]
    else:
        in_hand = await ctx.uow.tickets.of_requester(ctx.user.id, limit=_OPEN_MAX, open_only=True)
        awaiting = [t for t in in_hand if t.status is Status.RESOLVED]
    ticket = awaiting[0] if awaiting else None
    judged = score is not None or plain in _JUDGEMENTS  # never a new matter
    if len(awaiting) > 1 and not alarm:
        if score is not None:
            verdict = f"r:{_score_of(score)}"
        else:
            verdict = "bad" if not_solved else "ok" if solved else "v"
        ask = "verdict_which_judged" if plain in _JUDGEMENTS else _WHICH_ASK.get(verdict)
        return _which_verdict(ctx, awaiting, decision, judged=judged, verdict=verdict, ask=ask)
    if ticket is None and not_solved:
        # Closed without the requester's word (auto-closed) lately: its notice offers 没解决,
        # and typing it means the same.
        recent = await ctx.uow.tickets.of_requester(ctx.user.id, limit=5)
        ticket = next((t for t in recent if _closed_lately_unconfirmed(t, ctx.now)), None)
    if ticket is None and score is not None and (rated := await _rated_lately(ctx)):
        # "5" typed again after the score buttons: the first score stands, and says so.
        ctx.say("already_rated", number=rated.label, score=rated.rating)
        return True
    if ticket is None or (not judged and _another_matter(decision, ticket, not_solved)):
        return False
    if score is not None:
        await _rate(ctx, ticket, _score_of(score))
    elif (
        ticket.kind is Kind.SUGGESTION and plain in _DISSATISFIED and may_send_back(ticket, ctx.now)
    ):
        # A suggestion's answer offers 「❌ 不满意」: typing it means that button, which
        # asks what is unsatisfying and sends the suggestion back, not a score.
        await ctx.start_flow(REOPEN, "reason", {"ticket_id": ticket.id})
        ctx.say(_reopen_ask(ticket))
    elif solved:
        await _ask_score(ctx, ticket)
    elif not_solved or (alarm and ticket.kind is Kind.EMERGENCY):
        await _reopen(ctx, ticket, text.strip())
    elif alarm:
        return False  # an emergency beside a resolved request: a new 110 call
    elif len(plain) <= _VERDICT_MAX:
        ctx.say(
            _as_answered("verdict_buttons", ticket),
            _actions(ctx, ticket),
            number=ticket.label,
            confirm=ctx.text(confirm_key(ticket)),
        )
    else:
        return False
    return True


async def _verdict_on_one_moved_on(
    ctx: Ctx,
    ticket: Ticket,
    text: str,
    score: re.Match[str] | None,
    *,
    not_solved: bool,
    alarm: bool,
) -> bool:
    """A verdict replied to the notice of a ticket that has moved on since (rated, closed,
    sent back): about that ticket, as its notice's buttons would be, never another one
    awaiting a verdict. False for words that are no verdict on it (a barn failing again
    after the close is a new call)."""
    if score is not None:
        await _rate(ctx, ticket, _score_of(score))  # says it is rated already, or cannot be
    elif alarm and not may_send_back(ticket, ctx.now):
        return False  # 烤房又坏了 after the close: a new call
    elif not_solved and may_send_back(ticket, ctx.now):
        await _reopen(ctx, ticket, text.strip())
    elif not_solved and ticket.status is Status.CLOSED:
        rated = ticket.rating is not None
        ctx.say("send_back_rated" if rated else "send_back_too_late", number=ticket.label)
    elif ticket.rating is not None:
        ctx.say("already_rated", number=ticket.label, score=ticket.rating)
    else:
        return False
    return True


def _which_verdict(
    ctx: Ctx,
    awaiting: list[Ticket],
    decision: Decision | None,
    *,
    judged: bool,
    verdict: str,
    ask: str | None,
) -> bool:
    """A score or a verdict typed while several tickets await the person's word (the items
    of a wish list, say): which one it is for is asked, with a button each, rather than
    guessed. Each button carries what was typed (`verdict`: r:<score> rates the ticket
    pressed, ok asks its score, bad what is not solved, v shows it), so it is not asked
    again; `ask` is the question put (a judgement such as 不满意 is asked which ticket it
    is about, not which was solved). False when the words plainly concern another matter
    than all of them."""
    not_solved = verdict == "bad"
    if not judged and all(_another_matter(decision, t, not_solved) for t in awaiting):
        return False
    shown = awaiting[:_WHICH_MAX]
    buttons = rows(
        *(Button(f"{t.label} {_gist(ctx, t)}", _which_data(verdict, t)) for t in shown),
        per_row=1,
    )
    if verdict.startswith("r:"):
        ctx.say("verdict_which_score", buttons, count=len(awaiting), score=verdict[2:])
    else:
        ctx.say(ask or "verdict_which", buttons, count=len(awaiting))
    return True


_WHICH_ASK = {"bad": "verdict_which_not_solved", "ok": "verdict_which_solved"}


def _which_data(verdict: str, ticket: Ticket) -> str:
    """my:<verb>:<id>, or my:r:<id>:<score> for a score."""
    verb, _, score = verdict.partition(":")
    return f"my:{verb}:{ticket.id}" + (f":{score}" if score else "")


_WHICH_MAX = 8  # buttons; more wait in /my


REOPEN_AFTER_CLOSE = timedelta(days=7)
# A voice note this soon after a resolution is most likely said to its notice ("修好了",
# or "又坏了"): the ticket's, with the notice's buttons, not a new 110 call.
VOICE_VERDICT_WITHIN = timedelta(hours=12)


async def voice_to_resolved(ctx: Ctx, voice: str) -> bool:
    """A voice note to the person's ticket resolved lately, awaiting their word: it goes to
    that ticket (the team hears it) and the notice's buttons come back, since a voice note
    cannot be read as the verdict. False when no ticket was resolved that lately."""
    in_hand = await ctx.uow.tickets.of_requester(ctx.user.id, limit=_OPEN_MAX, open_only=True)
    ticket = next(
        (
            t
            for t in in_hand
            if t.status is Status.RESOLVED
            and t.resolved_at is not None
            and ctx.now - t.resolved_at <= VOICE_VERDICT_WITHIN
        ),
        None,
    )
    if ticket is None:
        return False
    await add_info(ctx, ticket, "", None, voice=voice)
    ctx.say(
        _as_answered("verdict_voice", ticket),
        _actions(ctx, ticket),
        number=ticket.label,
        confirm=ctx.text(confirm_key(ticket)),
    )
    return True


def may_send_back(ticket: Ticket, now: datetime) -> bool:
    """Whether the requester may still call the ticket not solved (or take it up again if
    it closed unanswered): while it awaits their confirmation, or within a week of a close
    they did not confirm. Not once they confirmed and rated it, which the reports of its
    period count, nor weeks later."""
    if ticket.status is Status.RESOLVED:
        return True
    return (
        ticket.status is Status.CLOSED
        and ticket.rating is None
        and ticket.closed_at is not None
        and now - ticket.closed_at <= REOPEN_AFTER_CLOSE
    )


def _closed_lately_unconfirmed(ticket: Ticket, now: datetime) -> bool:
    """Resolved, then closed without a rating (auto-closed), within the last week."""
    closed = ticket.status is Status.CLOSED and ticket.resolved_at is not None
    return closed and may_send_back(ticket, now)


def _another_matter(decision: Decision | None, ticket: Ticket, not_solved: bool) -> bool:
    """Words that plainly concern another matter than `ticket`: routed with confidence to a
    service it is not about, or a complaint or a suggestion of their own.

    A complaint is about the service it names as well as the line that has it (投诉收购站
    的人 is with 作风监督), and a refusal of its result names that service again ("还是没
    解决，收购站的人也没来道歉", "还是没解决，钱没到账"): words saying a complaint is not
    solved are about it, whatever service they name, but for a barn failing now (a new 110
    call, which cannot wait for the complaint to be looked into again)."""
    if decision is None:
        return False
    complaint = ticket.kind is Kind.COMPLAINT
    if not_solved and complaint:
        return decision.emergency
    if decision.kind in (Kind.COMPLAINT, Kind.SUGGESTION):
        return True
    # "收购站的人来道歉了，谢谢" is about the complaint; "请问收购站什么时候开秤，谢谢" asks
    # something new of that service, and is no score.
    widened = complaint and not _ASKS.search(decision.normalized)
    about = {ticket.line, *(ticket.route_candidates if widened else ())}
    return not decision.triage and decision.line not in about


# Words that ask a question: a new matter, whatever it names.
_ASKS = re.compile(r"请问|什么时候|几号|几点|多少|怎么|哪里|哪儿|能不能|可不可以|吗|[?？]")
# Words replied to a resolution notice that say the problem remains, asked or not ("怎么
# 还是不对？", "为啥又坏了？"): about that ticket, whatever else they say (下周再送也还是少一条).
_STILL_WRONG = re.compile(
    r"还没|还少|还差|还是[不没少差坏]|又[坏少差停断没不出漏掉]|不对|不行|没用|没解决|没修好|没好"
    r"|为啥|为什么|咋|怎么回事|怎么搞|怎么又|怎么还"
)
# A new question, politely put, replied to a notice: its own matter ("请问下周几送货？").
_POLITE_QUESTION = re.compile(r"请问|问一下|问下|咨询")
# Words that want something new, of any service or none (下个月想多要点烟): no verdict on
# what was done, though replied to its notice.
_WANTS_ANEW = re.compile(r"我想|想要|想多|想再|想改|想换|想订|想加|下个?月|下个?星期|下周")


async def _ask_score(ctx: Ctx, ticket: Ticket) -> None:
    """The score buttons; the score may be typed too, in figures or in words (`SCORE`)."""
    await ctx.start_flow(RATE, SCORE, {"ticket_id": ticket.id})
    ctx.say("rate_ask", _score_buttons(ticket))


def _score_buttons(ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    return rows(*(Button(str(n), f"my:r:{ticket.id}:{n}") for n in (5, 4, 3, 2, 1)), per_row=5)


def _as_answered(key: str, ticket: Ticket) -> str:
    """`key`, or its form for an answer where there is one: a suggestion's answer satisfies
    its requester or not, and a wish not granted in full is an answer they may dispute
    (有异议); neither left a problem unsolved."""
    if ticket.kind is Kind.SUGGESTION:
        answered = f"{key}_suggestion"
    elif is_an_answer(ticket):
        answered = f"{key}_wish"
    else:
        return key
    return answered if answered in MESSAGES else key


def _reopen_ask(ticket: Ticket) -> str:
    return _as_answered("reopen_ask", ticket)


async def _reopen(ctx: Ctx, ticket: Ticket, reason: str, *, voice: str | None = None) -> None:
    """Back to the team with the requester's reason, on a fresh card."""
    reason = reason[: ctx.cfg.limits.max_text]
    if await _transition(ctx, ticket, Action.REOPEN, note=reason):
        await ctx.end_flow()
        if voice is not None:
            await attach(ctx, ticket, "voice", voice, caption=reason)
        await notify.post_card(
            ctx, ticket, with_history=True
        )  # the one live card; the old ones keep 已办结
        chat = await notify.team_chat(ctx, ticket.team_id)
        if chat is not None:
            told = t(_as_answered("reopen_to_team", ticket), number=ticket.label, text=reason)
            await ctx.enqueue(chat, told, urgent=ticket.urgent, ticket_id=ticket.id)
        await _escalate_reopens(ctx, ticket, reason)
        team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
        ctx.say("reopened", number=ticket.label, team=team)


# A score this low (of 5) is dissatisfaction (不满意, as the 满意率 counts it: docs/rates.md):
# the ticket owes a call-back (回访), chased until it is recorded (handlers/callback.py); what
# the requester adds as a comment follows.
LOW_RATING = 3

# A ticket sent back as not solved this many times is no longer the team's alone: its
# leaders are told from the second time, the supervisors (with 催办 / 改派) from the third.
REOPENS_TO_LEADERS, REOPENS_TO_SUPERVISORS = 2, 3


async def _escalate_reopens(ctx: Ctx, ticket: Ticket, reason: str) -> None:
    times = ticket.reopen_count
    if times < REOPENS_TO_LEADERS:
        return
    team = ctx.cfg.team(ticket.team_id).name
    text = t("reopen_escalated", number=ticket.label, team=team, times=times, text=reason)
    # From the third time a leader who is also a supervisor is told once, as a supervisor:
    # with 催办 and 改派, which the leaders' copy has not.
    overseers = await notify.overseers(ctx) if times >= REOPENS_TO_SUPERVISORS else []
    buttons = rows(*oversight_buttons(ticket))
    await _tell_above_the_team(ctx, ticket, text, overseers=overseers, buttons=buttons)


async def _tell_above_the_team(
    ctx: Ctx,
    ticket: Ticket,
    text: str,
    *,
    overseers: list[int],
    buttons: tuple[tuple[Button, ...], ...] = (),
) -> int:
    """`text` to the team's leaders and to `overseers` (with `buttons`, 催办 / 改派); a
    leader who is also a supervisor is told once, as a supervisor. A ticket that owes a
    call-back tells the leaders who owe it (the oversight team's, for a complaint it had),
    not the team complained about. How many were told."""
    told = 0
    for leader in await notify.leaders(ctx, callback_owner(ticket)):
        if leader not in overseers:
            await ctx.enqueue(leader, text, urgent=ticket.urgent, ticket_id=ticket.id)
            told += 1
    purpose = OVERSIGHT_PROMPT if buttons else "notify"
    for overseer in overseers:
        await ctx.enqueue(
            overseer,
            text,
            buttons=buttons,
            urgent=ticket.urgent,
            ticket_id=ticket.id,
            purpose=purpose,
        )
    return told + len(overseers)


async def _tell_team_withdrawn(ctx: Ctx, ticket: Ticket) -> None:
    """The team stops working on it: its cards lose their buttons, and its chat is told."""
    await notify.update_cards(ctx, ticket)
    await notify.tell(ctx, ticket, t("t_withdrawn", number=ticket.label))  # paged ones too


async def _transition(ctx: Ctx, ticket: Ticket, action: Action, note: str = "") -> bool:
    try:
        await perform(
            ctx.uow, ctx.cfg, ticket, action, actor_id=ctx.user.id, now=ctx.now, note=note
        )
    except (IllegalTransition, PermissionDenied):
        ctx.say("not_allowed_now", status=ticket_status(ticket, ctx.script))
        return False
    return True


def _awaits_rating(ticket: Ticket, now: datetime) -> bool:
    """Resolved and waiting for the requester's word, or closed lately without it: a
    requester who confirms after the 销号 is still asked for the score."""
    return ticket.status is Status.RESOLVED or _closed_lately_unconfirmed(ticket, now)


async def _rate(ctx: Ctx, ticket: Ticket, score: int, *, judged: str = "") -> None:
    """Rate and close the ticket, and ask for a comment; `judged` is the judgement in words
    the score was read from ("一般吧"), which the person is told the score of."""
    if ticket.rating is not None:
        # A score button pressed again (or an older copy of it): the first score stands.
        ctx.say("already_rated", number=ticket.label, score=ticket.rating)
        return
    if not _awaits_rating(ticket, ctx.now):
        ctx.say("not_allowed_now", status=ticket_status(ticket, ctx.script))
        return
    if ticket.status is Status.RESOLVED and not await _transition(ctx, ticket, Action.CONFIRM):
        return
    said = _said_at_the_prompt(ctx, ticket)
    ticket.rate(score, "", ctx.now)
    await note_event(
        ctx.uow,
        ticket,
        "rate",
        actor_id=ctx.user.id,
        role=Role.REQUESTER,
        now=ctx.now,
        data={"rating": score},
    )
    await notify.update_cards(ctx, ticket)  # the team's cards: 已销号, and the score
    if judged:
        ctx.say("rate_from_words", words=quoted(judged), score=score)
    # Not satisfied: closed, but not the end of it. Someone above the team calls them back.
    # A call back is promised only when someone was asked to make it.
    told = score <= LOW_RATING and await callback.owe(ctx, ticket, score, remark=said) > 0
    if said:
        await _keep_comment(ctx, ticket, said, told_above=True)  # with the call-back's alert
        await ctx.end_flow()
        if score > LOW_RATING:
            ctx.say("rated_with_words", words=quoted(said), number=ticket.label)
        else:
            kept = _low_rating_key(ticket, "rate_low_kept", told=told)
            ctx.say(kept, words=quoted(said))
        return
    await ctx.start_flow(RATE, COMMENT, {"ticket_id": ticket.id}, ttl=COMMENT_WAIT)
    skip = rows(Button(ctx.text("skip"), "f:skip"))
    if score > LOW_RATING:
        ctx.say("rate_comment_ask", skip, number=ticket.label)
    else:
        ctx.say(_low_rating_key(ticket, "rate_low_comment_ask", told=told), skip)


def _low_rating_key(ticket: Ticket, key: str, *, told: bool) -> str:
    """What a low rating's requester is told: someone will call them back, or, for an
    anonymous complaint nobody can call, that the leaders review it; or only that it is
    kept, when nobody could be asked."""
    if not told:
        return f"{key}_alone"
    return f"{key}_anonymous" if ticket.anonymous else key


def _said_at_the_prompt(ctx: Ctx, ticket: Ticket) -> str:
    """The words typed at this ticket's score prompt and kept for its score (`_score_step`)."""
    conv = ctx.conv
    if conv is None or conv.flow != RATE or conv.step != SCORE:
        return ""
    if str(conv.data.get("ticket_id", "")) != str(ticket.id):
        return ""
    return str(conv.data.get("said", ""))


async def flow_step(ctx: Ctx) -> bool:
    """The text (or photo) that follows 没解决, the score prompt or a rating. False when it
    is not what was asked for but a message of its own, to be read afresh (a score given
    stands)."""
    assert ctx.conv is not None
    ticket = await own_ticket(ctx, str(ctx.conv.data.get("ticket_id", "")))
    flow, msg = ctx.conv.flow, ctx.msg
    if ticket is None:
        await ctx.end_flow()
        return True
    text = msg.text.strip()
    if flow == RATE and ctx.conv.step == SCORE:
        return await _score_step(ctx, ticket, text)
    if flow == RATE and typed_alarm(ctx) and not says_solved(text):
        # Not a comment: the barn is in trouble again. The score stands; the alarm goes out.
        await ctx.end_flow()
        await intake.start_emergency(ctx, Gathered(kind=Kind.EMERGENCY, text=text))
        return True
    if flow == RATE and _new_matter(ctx, text, ticket):
        # A question about another service, or a request of its own, is not a comment on
        # this ticket: the score stands, and the words go their own way like any others.
        await ctx.end_flow()
        ctx.say("rated", number=ticket.label)
        return False
    if flow == RATE:
        await _comment(ctx, ticket, text)
        return True
    if flow == REOPEN and ctx.conv.step == SURE:
        # Typed instead of pressing 没解决 or 已解决: read afresh, as any message.
        await ctx.end_flow()
        return False
    if not _something_to_add(ctx):
        return True
    if flow == REOPEN:
        if msg.voice_file_id:
            # Said aloud: the voice note is the reason, and goes to the team with the card.
            await _reopen(ctx, ticket, text or ctx.text("voice_only"), voice=msg.voice_file_id)
        elif not text:
            ctx.say(_reopen_ask(ticket))
        else:
            await _reopen(ctx, ticket, text)
    return True


def _new_matter(ctx: Ctx, text: str, ticket: Ticket) -> bool:
    """Words at a rating prompt that are a matter of their own: a question about another
    service, or a request of their own ("希望工会组织一次篮球赛", `asks_anew`)."""
    decision = routed(ctx)
    return another_question(ctx, decision, text, ticket) or asks_anew(decision, text)


async def _score_step(ctx: Ctx, ticket: Ticket, text: str) -> bool:
    """Typed at the score prompt: a score in figures ("4", "四星") or a judgement in words
    ("一般吧" is 3, and the person is told so) rates the ticket. Other words ask again, once,
    with the buttons; what follows that, and what is plainly something else (an alarm, 没解决,
    a matter of its own, a photo or a voice note), is read afresh (False)."""
    msg = ctx.msg
    if msg.is_button:
        ctx.toast("stale_button")  # 跳过 on an earlier comment prompt
        return True
    if ticket.rating is not None or not _awaits_rating(ticket, ctx.now):
        await ctx.end_flow()  # rated or sent back meanwhile: the prompt no longer stands
        return False
    plain = bare(text)
    typed = _TYPED_SCORE.fullmatch(plain)
    score = _score_of(typed) if typed else judged_score(text)
    if score is not None:
        await _rate(ctx, ticket, score, judged="" if typed else text)
        return True
    assert ctx.conv is not None
    elsewhere = (
        msg.photo_file_id
        or msg.voice_file_id
        or msg.location is not None
        or typed_alarm(ctx)
        or any(w in plain for w in _NOT_SOLVED)
        or _a_question_of_its_own(ctx, plain)
        or _new_matter(ctx, text, ticket)
    )
    kept = str(ctx.conv.data.get("said", ""))
    if elsewhere or (ctx.conv.data.get("asked_again") and not kept):
        await ctx.end_flow()
        return False
    # A judgement in words of its own ("你们这个服务真是太差劲了") goes with the score
    # pressed next, as its comment: what was said is not asked for again. Whatever more is
    # said of the service meanwhile ("太慢") is added to it; 好的 or 谢谢 keeps it and asks
    # again.
    said = kept
    if kept and says_something(text) and plain not in _ACKNOWLEDGED:
        said = f"{kept}\n{text}"[:500]
    elif not kept and _a_remark(plain):
        said = text[:500]
    await ctx.goto(SCORE, asked_again=True, said=said)
    ctx.say(
        "rate_ask_again_kept" if said else "rate_ask_again",
        _score_buttons(ticket),
        number=ticket.label,
    )
    return True


_REMARK_MIN = 4  # characters: "好的", "嗯嗯" or "收到了" say nothing of the service


def _a_remark(plain: str) -> bool:
    """Words at the score prompt that say something of the service, not a question about
    the scores ("怎么打分？") nor a mere acknowledgement."""
    return len(plain) >= _REMARK_MIN and plain not in _ACKNOWLEDGED and not _ASKS.search(plain)


def _a_question_of_its_own(ctx: Ctx, plain: str) -> bool:
    """A question, or more words than a score says, that the router sends to a service with
    confidence (另外想问一下，温度一般设多少度): a matter of its own. 怎么打分？ is not."""
    if _ASKS.search(plain) is None and len(plain) <= _VERDICT_MAX:
        return False
    decision = routed(ctx)
    return decision is not None and not decision.triage


def _score_of(typed: re.Match[str]) -> int:
    """The score of a typed "4", "四星" or "给5分"."""
    digit = typed.group(1)
    return _SCORES.get(digit) or int(digit)


async def _comment(ctx: Ctx, ticket: Ticket, text: str) -> None:
    """What follows the score: kept as the rating's comment (the team's card shows it, and
    after a low score the team's leaders and the supervisors read it), unless it is 跳过."""
    # 算了 or 返回 typed at the prompt leaves it: no comment to show the team as said.
    typed = ctx.msg.callback_data is None and bare(text) not in _NO_COMMENT
    typed = typed and not calls_off(text)
    if text and typed:  # a typed comment, not the 跳过 button or the word
        await _keep_comment(ctx, ticket, text)
    await ctx.end_flow()
    ctx.say("rated", number=ticket.label)


async def _keep_comment(ctx: Ctx, ticket: Ticket, text: str, *, told_above: bool = False) -> None:
    """The rating's comment: on the team's cards, and after a low score told to the team's
    leaders and the supervisors (unless `told_above` already)."""
    ticket.rating_comment = text[:500]
    await note_event(
        ctx.uow,
        ticket,
        "rate",
        actor_id=ctx.user.id,
        role=Role.REQUESTER,
        now=ctx.now,
        note=text[:500],
    )
    await notify.update_cards(ctx, ticket)  # the team reads what was said of its work
    if ticket.rating is not None and ticket.rating <= LOW_RATING and not told_above:
        said = t("low_rating_comment", number=ticket.label, text=text[:500])
        overseers = await notify.overseers(ctx)
        await _tell_above_the_team(ctx, ticket, said, overseers=overseers)


def _something_to_add(ctx: Ctx) -> bool:
    """Whether the message holds words, a file or a pin within the limit; else the reply
    says what is wanted."""
    msg = ctx.msg
    text = msg.text.strip()
    if not text and not (msg.photo_file_id or msg.voice_file_id or msg.location):
        ctx.say("need_text")
        return False
    return not ctx.too_long(text)


async def info_step(ctx: Ctx) -> bool:
    """What follows ➕ 补充: added to the ticket, as the answer when the team's question
    waits for one (so the ticket goes back to the team, not closed as unanswered). False
    when the ticket was resolved or closed meanwhile: the words are then read afresh (a
    verdict on the resolution, or a matter of their own), after saying so."""
    assert ctx.conv is not None
    ticket = await own_ticket(ctx, str(ctx.conv.data.get("ticket_id", "")))
    if ticket is None:
        await ctx.end_flow()
        return True
    if not _something_to_add(ctx):
        return True
    msg = ctx.msg
    if not (msg.photo_file_id or msg.voice_file_id) and calls_off(msg.text):
        # 算了, 取消 typed instead of /cancel: nothing is added, nor sent to the team.
        await ctx.end_flow()
        ctx.say("add_info_called_off", number=ticket.label)
        return True
    text = msg.text.strip()
    pin = (msg.location.lat, msg.location.lon) if msg.location is not None else None
    if ticket.status is Status.RESOLVED or not ticket.status.is_open:
        await ctx.end_flow()
        status = ticket_status(ticket, ctx.script)
        ctx.say("add_info_too_late", number=ticket.label, status=status)
        return False
    answer = ticket.status is Status.WAITING_REQUESTER
    await add_info(
        ctx, ticket, text, msg.photo_file_id, voice=msg.voice_file_id, pin=pin, answer=answer
    )
    await ctx.end_flow()
    ctx.say("answer_added" if answer else "add_info_done", number=ticket.label)
    return True


async def answer_after_resolution(
    ctx: Ctx, ticket: Ticket, text: str, photo: str | None, voice: str | None
) -> None:
    """The answer to a question the team resolved the ticket without waiting for: it reaches
    the team, and the person is told the ticket is done and asked for their verdict."""
    await add_info(ctx, ticket, text, photo, voice=voice)
    ctx.say(
        _as_answered("answer_after_resolution", ticket),
        _actions(ctx, ticket),
        number=ticket.label,
        confirm=ctx.text(confirm_key(ticket)),
    )
