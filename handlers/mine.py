"""/my: a requester's tickets, their timelines, and what the requester can do with them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.complainant import NotesHidden
from core.enums import Action, Kind, Status
from core.model import Ticket
from core.numbers import ticket_id_of
from core.texts import clip, confirm_key
from handlers import alarm_check, alarm_intake, alarm_when, callback, intake
from handlers.cards import (
    DETAIL_TEXT,
    called_here,
    gist,
    notes_hidden,
    ticket_status,
    timeline,
)
from handlers.context import Ctx
from handlers.drafts import calls_off_the_draft
from handlers.i18n import in_script, quoted
from handlers.rating import (
    ASKED_ANEW,
    LOW_RATING,
    OPEN_MAX,
    RATE,
    REOPEN,
    SCORE,
    SURE,
    Files,
    as_answered,
    ask_score,
    awaits_rating,
    comment_on,
    files_sent,
    gist_of,
    may_send_back,
    new_matter,
    rate_ticket,
    reopen_ask,
    reopen_ticket,
    say_not_sent_back,
    score_step,
    stand_in,
    taken_already,
    tell_team_withdrawn,
    ticket_actions,
    transition,
    words_of_comment,
)
from handlers.replies import Button, rows
from handlers.ticket_info import add_info
from handlers.tickets import Gathered, attach, routed, says_something, typed_alarm
from handlers.trouble_again import call_again, file_again
from handlers.trouble_words import RECURRING, says_barn_failing, says_trouble_back
from handlers.typed_answers import bare_yes_no
from handlers.typed_menu import calls_off, presses_a_prompt
from handlers.undelivered import undelivered_said
from handlers.verdict_words import says_solved, typed_score
from handlers.verdicts import DRAFT_KEPT, SOLE_ASKED
from handlers.wish_list_verdicts import names_another_item, scores_another_item
from handlers.wish_lists import in_list_order, item_button_text, say_list_done_withdrawing
from routing import bare, to_simplified

ADD_INFO = "addinfo"
# 确定撤回…吗？ asked: a yes or a no typed alone answers it as its buttons do.
WITHDRAW = "withdraw"


_RECENT = 10  # the newest tickets /my lists, whatever their state


async def list_mine(ctx: Ctx) -> None:
    # Every ticket still being worked on is listed, not only the newest: a staff member's
    # wish list (心愿清单) is crossed off item by item over weeks, and an open wish must
    # not drop out of sight behind ten newer ones.
    recent = await ctx.uow.tickets.of_requester(ctx.user.id, limit=_RECENT)
    still_open = await ctx.uow.tickets.of_requester(ctx.user.id, limit=OPEN_MAX, open_only=True)
    by_id = {t.id: t for t in [*recent, *still_open]}
    mine = sorted(by_id.values(), key=lambda t: -(t.id or 0))
    if not mine:
        ctx.say("my_none")
        return
    buttons = [
        Button(
            item_button_text(
                ctx, t, n, f"{t.label} {ticket_status(t, ctx.script_here)} {gist_of(ctx, t)}"
            ),
            f"my:v:{t.id}",
        )
        for t, n in await in_list_order(ctx, mine)
    ]
    # A call-back a low rating owes is news of a closed ticket: said above the buttons,
    # which name only its status (已销号).
    owed = [line for t in mine if (line := callback.owed_to_requester(ctx, t))]
    said = "\n".join([ctx.text("my_list"), *owed])
    ctx.reply(said, rows(*buttons, per_row=1))


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


async def show(
    ctx: Ctx,
    ticket: Ticket,
    staff_buttons: tuple[tuple[Button, ...], ...] = (),
    requester: Sequence[str] = (),
    words: str | None = None,
    hide: NotesHidden | None = None,
) -> None:
    """The ticket's detail and timeline: the requester's own, with their buttons, or a
    member's, leader's or supervisor's /ticket, with `staff_buttons` (a team's card's), the
    `requester` lines (whom to call, or why not) under its header, and its `words` as the
    reader may see them (`core.complainant.shown_words`), in one message; `hide` does the
    same for the notes on its timeline (补充, answers, a team's question), by who wrote them."""
    assert ticket.id is not None
    events = notes_hidden(list(await ctx.uow.tickets.events(ticket.id)), hide)
    own = ticket.requester_id == ctx.user.id  # else a supervisor's /ticket
    if not own:
        events = await undelivered_said(ctx.uow, ticket, events)
    shown = ticket.text if words is None else words
    if own and (owed := callback.owed_to_requester(ctx, ticket)):
        requester = [*requester, owed]  # under the header: what is still to come of it
    ctx.say(
        "detail",
        ticket_actions(ctx, ticket) if own else staff_buttons,  # the requester's are theirs alone
        number=ticket.label,
        kind=ctx.text(f"kind_{ticket.kind.value}"),
        status=ticket_status(ticket, ctx.script_here, for_staff=not own),
        team=ctx.cfg.team(ticket.team_id).name,
        # Converted for the reader with the rest (`i18n.t`), but for what is marked as
        # written: a name in the requester lines, and the requester's words read by
        # themselves, as the summary showed them before they sent them; a supervisor's
        # /ticket reads them, like the card, in the reader's script.
        who="".join(f"{line}\n" for line in requester),
        text=_theirs(clip(shown, DETAIL_TEXT), own),
        timeline=timeline(ctx.cfg, events, ctx.script_here, for_requester=own, kind=ticket.kind),
    )


def withdrawable(ticket: Ticket) -> bool:
    """Whether its requester may still withdraw it: nobody has taken it up yet."""
    return ticket.withdrawable


def withdraw_buttons(ctx: Ctx, ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    """确定撤回 and 不撤回: the withdrawal asked for, confirmed with a second tap."""
    return rows(
        Button(ctx.text("btn_withdraw_sure"), f"my:xx:{ticket.id}"),
        Button(ctx.text("btn_withdraw_keep"), f"my:v:{ticket.id}"),
    )


def also_new_button(ctx: Ctx, ticket: Ticket, event_id: int) -> tuple[tuple[Button, ...], ...]:
    """「📝 也作为新的求助」: the words of `ticket`'s event `event_id` (what the requester
    added, asking about another service too) offered as a new request. The event keeps
    them, so the button holds no conversation open meanwhile."""
    return rows(Button(ctx.text("btn_also_new"), f"my:also:{ticket.id}:{event_id}"))


async def _words_added(ctx: Ctx, ticket: Ticket, event_id: str) -> str:
    """The words the requester added to `ticket` in its event `event_id`; "" for another's."""
    assert ticket.id is not None
    for event in await ctx.uow.tickets.events(ticket.id):
        if str(event.id) == event_id and event.actor_id == ctx.user.id:
            if event.action == "rate":
                # A rating's comment, when words typed after it were taken for one: only
                # those words, not the comment typed before them that it keeps too.
                return words_of_comment(event)
            return event.note if event.action in ("answer", "info") else ""
    return ""


async def _ask_withdrawal(ctx: Ctx, ticket: Ticket, number: str) -> None:
    # Nothing is called off by a slip of the thumb: the team may be setting out, and a
    # withdrawn ticket cannot be taken back.
    ask = "e_withdraw_ask" if ticket.urgent else "withdraw_ask"
    what = called_here(ctx, ticket)
    ctx.say(ask, withdraw_buttons(ctx, ticket), number=number, what=what)
    if ctx.conv is None:  # a draft or a question going on keeps what is typed
        await ctx.start_flow(WITHDRAW, SURE, {"ticket_id": ticket.id})


_WHICH_MAX = 8  # buttons; more wait in /my


async def which_buttons(
    ctx: Ctx, tickets: Sequence[Ticket], verb: str
) -> tuple[tuple[Button, ...], ...]:
    """For words typed of several tickets (撤回, 补充), which one: a button a ticket, in
    their lists' order and named by number and words, pressing /my's `verb` on it."""
    shown = (await in_list_order(ctx, tickets))[:_WHICH_MAX]
    return rows(
        *(
            Button(item_button_text(ctx, t, n, f"{t.label} {gist_of(ctx, t)}"), f"my:{verb}:{t.id}")
            for t, n in shown
        ),
        per_row=1,
    )


async def withdrawal_typed(ctx: Ctx, tickets: Sequence[Ticket]) -> None:
    """撤回, 取消工单 or 不用办了 typed, of `tickets` (those being worked on that the words
    may be about): asked as /my's 撤回 asks, named by its words too, since nothing was
    pressed on it; with several, which one first, a button each; one a member has taken
    up cannot be withdrawn, and who has it is said. None: there is nothing to withdraw."""
    if not tickets:
        ctx.say("nothing_in_hand")
        await list_mine(ctx)
        return
    if len(tickets) > 1:
        buttons = await which_buttons(ctx, tickets, "x")
        what = called_here(ctx, *tickets)
        ctx.say("withdraw_which", buttons, count=len(tickets), what=what)
        return
    [ticket] = tickets
    if withdrawable(ticket):
        # Their words marked as written (`gist`): the reply quotes them as they typed them.
        await _ask_withdrawal(ctx, ticket, f"{ticket.label}（{gist(ticket)}）")
    elif ticket.accepted_by is not None:
        await taken_already(ctx, ticket)
    else:
        status = ticket_status(ticket, ctx.script_here)
        ctx.say("mine_not_allowed_now", status=status, what=called_here(ctx, ticket))


async def on_button(ctx: Ctx, data: str) -> None:
    """my:v|add|x|xx|ok|bad|new|again:<id>, my:r:<id>:<score> and my:also:<id>:<event> (xx:
    a 110 withdrawal confirmed; new: words kept at 没解决吗？ filed as a request; again:
    words kept filed as a new request naming the ticket whose trouble is back; also: words
    added to the ticket filed as a new request as well)."""
    parts = data.split(":")
    if len(parts) < 3:
        ctx.toast("stale_button")
        return
    verb, raw_id = parts[1], parts[2]
    if ctx.conv is not None and ctx.conv.flow == WITHDRAW:
        await ctx.end_flow()  # a button answers 确定撤回…吗？ or leaves it
    ticket = await own_ticket(ctx, raw_id)
    if ticket is None:
        return
    if verb == "v":
        await show(ctx, ticket)
    elif verb == "also":
        words = await _words_added(ctx, ticket, parts[3]) if len(parts) == 4 else ""
        if words:
            await intake.start_ticket(ctx, Kind.REQUEST, words)  # at its summary, to confirm
        else:
            ctx.toast("stale_button")
    elif verb == "add" and ticket.status.is_open:
        await ctx.start_flow(ADD_INFO, "info", {"ticket_id": ticket.id})
        ctx.say("add_info_ask")
    elif verb == "x" and withdrawable(ticket):
        await _ask_withdrawal(ctx, ticket, ticket.label)
    elif verb in ("x", "xx") and ticket.status.is_open and ticket.accepted_by is not None:
        # Taken up meanwhile (确定撤回 pressed late): the team is on it, and is the one to
        # tell that it is no longer needed.
        await taken_already(ctx, ticket)
    elif verb in ("x", "xx"):
        # A second press finds it withdrawn already: it says so, and the team, told once,
        # is not told again.
        if await transition(ctx, ticket, Action.CANCEL):
            ctx.say("ticket_cancelled", number=ticket.label, what=called_here(ctx, ticket))
            await say_list_done_withdrawing(ctx, ticket)
            await tell_team_withdrawn(ctx, ticket)
    elif verb == "ok" and ticket.rating is not None:
        ctx.say(
            "already_rated", number=ticket.label, score=ticket.rating, what=called_here(ctx, ticket)
        )
    elif verb == "ok" and awaits_rating(ticket, ctx.now):
        await _keep_draft_files(ctx, ticket)  # the draft's photo, though it is solved
        await ask_score(ctx, ticket)
    elif verb in ("ok", "r") and ticket.status.is_open and ticket.status is not Status.RESOLVED:
        # An old resolution notice pressed after 没解决 sent it back: it is being done again,
        # and its next resolution asks for the verdict anew.
        status = ticket_status(ticket, ctx.script_here)
        ctx.say(
            "verdict_not_yet", number=ticket.label, status=status, what=called_here(ctx, ticket)
        )
    elif verb == "r" and len(parts) == 4 and parts[3] in {"1", "2", "3", "4", "5"}:
        await rate_ticket(ctx, ticket, int(parts[3]))
    elif (
        verb == "again"
        and ticket.status is Status.CLOSED
        and not may_send_back(ticket, ctx.now)
        and (kept := _kept_reason(ctx, ticket))
    ):
        # The ticket whose trouble the words kept say is back: a new request naming it.
        # Only one closed for good: one that may still be sent back is sent back (❌ 没解决),
        # never continued by a second ticket beside it (an old or forged press).
        await ctx.end_flow()
        await file_again(ctx, ticket, kept)
    elif verb == "new" and (kept := _kept_reason(ctx, ticket)):
        # Not about the resolved ticket after all: the words kept are filed as a request,
        # with the photos, voice notes and pin of the draft they came from.
        draft = _kept_draft(ctx, ticket)
        await ctx.end_flow()
        await intake.start_ticket(ctx, Kind.REQUEST, kept, first=draft)
    elif verb == "bad" and may_send_back(ticket, ctx.now) and (kept := _kept_reason(ctx, ticket)):
        draft = _kept_draft(ctx, ticket)
        await ctx.end_flow()
        await reopen_ticket(ctx, ticket, kept, files=_files_of(draft))
    elif verb == "bad" and may_send_back(ticket, ctx.now):
        await ctx.start_flow(REOPEN, "reason", {"ticket_id": ticket.id})
        ctx.say(reopen_ask(ticket) if ticket.resolved_at else "take_up_again_ask")
    elif verb == "bad" and ticket.status is Status.CLOSED:
        # Confirmed and rated, or closed long ago: its rating and its place in reports
        # already made stand; trouble now is a matter of its own.
        say_not_sent_back(ctx, ticket)
    else:
        ctx.say(
            "mine_not_allowed_now",
            status=ticket_status(ticket, ctx.script_here),
            what=called_here(ctx, ticket),
        )


def _kept_reason(ctx: Ctx, ticket: Ticket) -> str:
    """The words replied to `ticket`'s resolution notice, kept while 没解决 is asked."""
    conv = ctx.conv
    if conv is None or conv.flow != REOPEN or conv.step != SURE:
        return ""
    # One ticket asked about, or several (which of them the words dispute).
    asked = conv.data.get("ticket_id") == ticket.id or ticket.id in conv.data.get("ticket_ids", ())
    return str(conv.data.get("reason") or "") if asked else ""


def _kept_draft(ctx: Ctx, ticket: Ticket) -> Gathered | None:
    """The draft whose words are kept while 没解决吗？ is asked about `ticket`, when it held
    files or a pin too (`verdicts.DRAFT_KEPT`)."""
    kept = ctx.conv.data.get(DRAFT_KEPT) if _kept_reason(ctx, ticket) and ctx.conv else None
    return Gathered.from_data(kept) if isinstance(kept, dict) else None


def _files_of(draft: Gathered | None) -> Files:
    if draft is None:
        return []
    return [*(("photo", p) for p in draft.photos), *(("voice", v) for v in draft.voices)]


async def _keep_draft_files(ctx: Ctx, ticket: Ticket) -> None:
    """The photos and voice notes of the draft whose words were asked about, kept on
    `ticket` with the words when it is said to be solved: shown, not dropped."""
    reason = _kept_reason(ctx, ticket)
    for kind, file_id in _files_of(_kept_draft(ctx, ticket)):
        await attach(ctx, ticket, kind, file_id, caption=reason)


def _trouble_back_after_a_good_score(ticket: Ticket, text: str) -> bool:
    """Words at the comment prompt of a good score that the trouble is back: after a low one
    they are its comment, which the leaders calling back read."""
    good = ticket.rating is not None and ticket.rating > LOW_RATING
    return good and ticket.kind in RECURRING and says_trouble_back(text)


def _barn_failing_again(ticket: Ticket, text: str) -> bool:
    """Words at the comment prompt of a 110 call's low score that its barn fails again."""
    low = ticket.rating is not None and ticket.rating <= LOW_RATING
    failing = says_trouble_back(text) and says_barn_failing(text)
    return low and ticket.kind is Kind.EMERGENCY and failing


async def flow_step(ctx: Ctx) -> bool:
    """The text (or photo) that follows 没解决, the score prompt, a rating or 确定撤回…吗？.
    False when it is not what was asked for but a message of its own, to be read afresh (a
    score given stands)."""
    assert ctx.conv is not None
    flow, msg = ctx.conv.flow, ctx.msg
    if flow == REOPEN and ctx.conv.step == SURE:
        return await _sure_answered(ctx)
    if flow == WITHDRAW:
        return await _withdrawal_answered(ctx)
    ticket = await own_ticket(ctx, str(ctx.conv.data.get("ticket_id", "")))
    if ticket is None:
        await ctx.end_flow()
        return True
    text = msg.text.strip()
    rated = flow == RATE and ctx.conv.step != SCORE
    if flow == RATE and (
        await names_another_item(ctx, text, ticket)
        or (rated and await scores_another_item(ctx, text, ticket))
    ):
        # 第2项没实现 at the prompts of item 1 of the list: the verdict on item 2, read
        # afresh, not a comment on item 1; so is a score alone while others await theirs.
        # A score given stands, and is said to.
        await ctx.end_flow()
        if rated:
            ctx.say("rated", number=ticket.label, what=called_here(ctx, ticket))
        return False
    if flow == RATE and ctx.conv.step == SCORE:
        return await score_step(ctx, ticket, text)
    if flow == RATE and typed_alarm(ctx) and not says_solved(text):
        if _failing_now(ctx, text):
            # Not a comment: the barn is in trouble again. The score stands; the alarm goes.
            await ctx.end_flow()
            await alarm_intake.start_emergency(ctx, Gathered(kind=Kind.EMERGENCY, text=text))
            return True
        # The answer to 哪里不满意 names what went wrong then (停电等了两个小时才来人): kept as
        # the comment the leaders read, and whether the barn is failing now is asked, not
        # paged to the team at night.
        await comment_on(ctx, ticket, text)
        await alarm_check.ask(ctx, text, commented=ticket)
        return True
    if flow == RATE and rated and _barn_failing_again(ticket, text):
        # 还是不行，又停了 under a low score of a 110 call: the leaders calling back read it
        # as the comment, and the barn failing again is a new call, paged now (as under a
        # good score), not left for the call-back.
        await comment_on(ctx, ticket, text)
        await ctx.end_flow()
        await call_again(ctx, ticket, text)
        return True
    if flow == RATE and rated and _trouble_back_after_a_good_score(ticket, text):
        # 还是不行，又停了 under a good score is no comment on it: the trouble is back, and
        # is filed anew (`trouble_again`). The score stands.
        await ctx.end_flow()
        ctx.say("rated", number=ticket.label, what=called_here(ctx, ticket))
        return False
    if flow == RATE and new_matter(ctx, text, ticket):
        # A question about another service, or a request of its own, is not a comment on
        # this ticket: the score stands, and the words go their own way like any others.
        await ctx.end_flow()
        ctx.say("rated", number=ticket.label, what=called_here(ctx, ticket))
        return False
    if flow == RATE:
        await comment_on(ctx, ticket, text)
        return True
    if not _something_to_add(ctx):
        return True
    if flow == REOPEN:
        if not (msg.photo_file_id or msg.voice_file_id) and _no_reason_to_reopen(text):
            # 算了, 还是算了吧, 已经好了 typed instead of a reason: nothing is sent back
            # ("报告人表示问题没有解决：算了，谢谢"); its buttons stay to be pressed.
            await ctx.end_flow()
            solved = ticket.status is Status.RESOLVED and _solved_after_all(text)
            ctx.say(
                "reopen_solved_after_all" if solved else "reopen_called_off",
                ticket_actions(ctx, ticket),
                number=ticket.label,
                what=_sent_back_called(ctx, ticket),
                button=ctx.text(confirm_key(ticket)),
            )
            return True
        sent = files_sent(ctx)
        if sent:
            # Said aloud or shown: the voice note or photo goes to the team with the card,
            # and is the reason when no words came with it.
            shown = ctx.text("voice_only") if msg.voice_file_id else stand_in(sent)
            await reopen_ticket(ctx, ticket, text or shown, files=sent)
        elif not text:
            ctx.say(reopen_ask(ticket))
        elif _no_reason(ticket, text):
            # 3, 5分, 👍 or 好的 typed for the reason say none, and most likely meant the
            # score: the team is not sent "没有解决：3". Asked again, with the ticket's
            # buttons (its ✅ among them), the question still waiting.
            what = _sent_back_called(ctx, ticket)
            ctx.say("reopen_no_reason", words=quoted(text), number=ticket.label, what=what)
            ctx.say(reopen_ask(ticket), ticket_actions(ctx, ticket))
        else:
            await reopen_ticket(ctx, ticket, text)
    return True


def _no_reason(ticket: Ticket, text: str) -> bool:
    """Whether `text`, typed where the reason to send `ticket` back is asked, gives none:
    👍, 好的 or 谢谢, a score of a resolved ticket, or a prompt's button typed (跳过: the
    question has none to press). A ticket closed unanswered has no score to give: digits
    there answer the team's question (a phone number, a count)."""
    if ticket.resolved_at is not None and typed_score(text) is not None:
        return True
    if presses_a_prompt(text):
        return True
    digits = ticket.resolved_at is None and bare(text).isdigit()
    return not (says_something(text) or digits)


def _sent_back_called(ctx: Ctx, ticket: Ticket) -> str:
    """What the ticket is called while what is wrong with it is asked: a complaint is the
    投诉 its question named (您对投诉 N 的处理不满意), not the 工单 of its notices."""
    if ticket.kind is Kind.COMPLAINT:
        return in_script("投诉", ctx.script_here)
    return called_here(ctx, ticket)


# Said where the reason it is not solved is asked: fixed after all (已经好了, 没事了，谢谢),
# so there is nothing to send back, and its ✅ is what they mean.
_SOLVED_AFTER_ALL = re.compile(
    r"(?:哦|噢|嗯|啊)?(?:现在|已经|刚才|刚刚|又|都)*"
    r"(?:没事|好|修好|弄好|解决|可以|正常|没问题)了"
    r"[吧啊呀哈]?(?:谢谢你们|谢谢你|谢谢您|谢谢|麻烦了)?"
)


def _solved_after_all(text: str) -> bool:
    """Words that only say the fault is gone after all, in either script."""
    return _SOLVED_AFTER_ALL.fullmatch(to_simplified(bare(text))) is not None


def _no_reason_to_reopen(text: str) -> bool:
    """Words typed for a reason that give none: leaving (算了, 取消), calling it off as a
    draft would be (还是算了吧, 不用了，谢谢), or solved after all (已经好了)."""
    return calls_off(text) or calls_off_the_draft(text) or _solved_after_all(text)


# The question's own word said back as its yes (有 to 有异议吗？); its no, 没有, is a no anyway.
_YES_TO_A_DISPUTE = frozenset(("有", "有的", "有啊"))


async def _sure_answered(ctx: Ctx) -> bool:
    """A yes or a no typed alone to 是说问题还没解决吗？ answers it as its buttons do: yes
    sends the ticket back with the words kept (「❌ 没解决，重新办理」), no asks the score
    (「✅ 已解决，评价」); to 是指这个工单的问题又出现了吗？ (one ticket asked, `SOLE_ASKED`) yes
    sends it back so and no files the words as a new request (「📝 不是，作为新的求助」).
    Anything else typed, and anything typed while asked which of several answers is
    disputed, is read afresh as any message (False)."""
    assert ctx.conv is not None
    msg = ctx.msg
    ticket_id = ctx.conv.data.get("ticket_id")
    sole = ctx.conv.data.get(SOLE_ASKED)
    media = msg.photo_file_id or msg.voice_file_id or msg.location is not None
    asked = ticket_id if ticket_id is not None else sole
    # Asked something of another ticket since (`ASKED_ANEW`): a yes answers that, not this.
    overtaken = ctx.conv.data.get(ASKED_ANEW)
    said = None if media or asked is None or overtaken else _yes_or_no(msg.text)
    if said is None:
        await ctx.end_flow()
        return False
    # 是指这个工单的问题又出现了吗？ has no 「✅ 已解决」: its no is 「📝 不是，作为新的求助」.
    no = "ok" if ticket_id is not None else "new"
    await on_button(ctx, f"my:{'bad' if said else no}:{asked}")
    if ctx.conv is not None and ctx.conv.flow == REOPEN and ctx.conv.step == SURE:
        await ctx.end_flow()  # answered, though the ticket moved on meanwhile
    return True


# Typed at 确定撤回…吗？ for its buttons' words, beside a yes or a no alone.
_WITHDRAWAL_TYPED = {
    **dict.fromkeys(("确定", "确定撤回", "撤回", "确认", "确认撤回"), True),
    **dict.fromkeys(("不撤回", "不撤回了", "不用撤回", "不用撤回了", "别撤回", "不要撤回"), False),
}


async def _withdrawal_answered(ctx: Ctx) -> bool:
    """A yes or a no typed alone to 确定撤回…吗？ (是, 确定, 撤回; 否, 不撤回) answers it as
    「确定撤回」 or 「不撤回」 does. Anything else is read afresh as any message (False)."""
    assert ctx.conv is not None
    msg = ctx.msg
    ticket_id = ctx.conv.data.get("ticket_id")
    await ctx.end_flow()
    if msg.is_button:
        ctx.toast("stale_button")  # not a button of this question (`on_button` ends it)
        return True
    media = msg.photo_file_id or msg.voice_file_id or msg.location is not None
    typed = bare(msg.text)
    said = None if media else _WITHDRAWAL_TYPED.get(typed, bare_yes_no(typed))
    if said is None:
        return False
    await on_button(ctx, f"my:{'xx' if said else 'v'}:{ticket_id}")
    return True


def _yes_or_no(text: str) -> bool | None:
    """A yes or a no alone to 是说问题还没解决吗？ or its wish's 是对答复有异议吗？, else None."""
    return True if bare(text) in _YES_TO_A_DISPUTE else bare_yes_no(text)


def _failing_now(ctx: Ctx, text: str) -> bool:
    """Emergency words that say the barn is failing now (又停电了, 快来) or a danger to
    people (着火了): an alarm, not a comment on the call rated."""
    decision = routed(ctx)
    return (decision is not None and decision.danger) or alarm_when.says_now(text)


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
        ctx.say("add_info_called_off", number=ticket.label, what=called_here(ctx, ticket))
        return True
    text = msg.text.strip()
    pin = (msg.location.lat, msg.location.lon) if msg.location is not None else None
    if ticket.status is Status.RESOLVED or not ticket.status.is_open:
        await ctx.end_flow()
        status = ticket_status(ticket, ctx.script_here)
        ctx.say(
            "add_info_too_late", number=ticket.label, status=status, what=called_here(ctx, ticket)
        )
        return False
    answer = ticket.status is Status.WAITING_REQUESTER
    await add_info(
        ctx, ticket, text, msg.photo_file_id, voice=msg.voice_file_id, pin=pin, answer=answer
    )
    await ctx.end_flow()
    ctx.say(
        "answer_added" if answer else "add_info_done",
        number=ticket.label,
        what=called_here(ctx, ticket),
    )
    return True


async def answer_after_resolution(
    ctx: Ctx,
    ticket: Ticket,
    text: str,
    photo: str | None,
    voice: str | None,
    *,
    pin: tuple[float, float] | None = None,
) -> None:
    """The answer to a question the team resolved the ticket without waiting for: it reaches
    the team, and the person is told the ticket is done and asked for their verdict."""
    await add_info(ctx, ticket, text, photo, voice=voice, pin=pin)
    ctx.say(
        as_answered("answer_after_resolution", ticket),
        ticket_actions(ctx, ticket),
        number=ticket.label,
        confirm=ctx.text(confirm_key(ticket)),
    )
