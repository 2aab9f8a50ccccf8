"""A requester's verdict on a resolved ticket: the score and the comment after it, the
ticket sent back (重新办理), a low rating told above the team, and the buttons a ticket
offers its requester."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from core.asked import ASKED_ANEW as ASKED_ANEW
from core.asked import REOPEN as REOPEN
from core.asked import SURE as SURE
from core.asked import overtaken
from core.callback import callback_owner
from core.enums import Action, Kind, Role, Status
from core.errors import IllegalTransition, PermissionDenied
from core.lifecycle import CALLBACK_REMARK, OVERSIGHT_PROMPT, REOPEN_AFTER_CLOSE
from core.model import ChatPlace, Ticket, TicketEvent
from core.night import CALL_BACK_NEWS
from core.services import note_event, perform
from core.texts import confirm_key, dispute_key, is_an_answer, not_granted_in_full
from handlers import callback, notify
from handlers.cards import called_here, gist, oversight_buttons, ticket_status
from handlers.context import Ctx
from handlers.echo_withdrawal import withdraw_echo_post
from handlers.i18n import MESSAGES, as_written, in_script, quoted, t
from handlers.rating_words import asks_anew, judged_score
from handlers.replies import Button, rows
from handlers.tickets import another_question, attach, routed, says_something, typed_alarm
from handlers.typed_answers import bare_yes_no
from handlers.typed_menu import calls_off
from handlers.verdict_words import (
    ACKNOWLEDGED,
    NO_COMMENT,
    NOT_SOLVED,
    a_question_of_its_own,
    a_remark,
    says_not_solved,
    typed_score,
)
from handlers.wish_lists import say_list_progress
from routing import bare

RATE = "rate"


async def asked_anew(ctx: Ctx, ticket: Ticket) -> None:
    """`ticket`'s requester asked something of it (its resolution notice, the team's
    question): a question of another ticket their conversation waits on is no longer the
    one a yes or a no typed answers (`core.asked`). Its buttons, and the words kept for
    them, stay."""
    conv = await ctx.uow.conversations.get(ticket.requester_chat_id, ticket.requester_id)
    anew = overtaken(conv, ticket.id, ctx.now)
    if anew is not None:  # written only while it stands as read: never over their own step
        assert conv is not None
        await ctx.uow.conversations.replace_data(conv, anew)


# The steps of RATE: the score asked for (「✅ 已解决，评价」, "解决了"), then a comment on it.
SCORE = "score"


COMMENT = "comment"


# A comment comes right after the score, or not at all: later words are a message of their
# own ("希望工会组织一次篮球赛" an hour later is a new wish, not a comment on the last one).
COMMENT_WAIT = timedelta(minutes=30)


OPEN_MAX = 30  # and every one still open beside them, up to this many


# The photos and voice notes a comment came as: (kind, file id), kind "photo" or "voice".
Files = Sequence[tuple[str, str]]


def gist_of(ctx: Ctx, ticket: Ticket) -> str:
    return in_script(gist(ticket), ctx.script)


def ticket_actions(ctx: Ctx, ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    tid, status = ticket.id, ticket.status
    buttons = []
    if status.is_open and status is not Status.RESOLVED:
        buttons.append(Button(ctx.text("btn_add_info"), f"my:add:{tid}"))
    if ticket.withdrawable:  # a question asked before 接单 awaiting them too
        buttons.append(Button(ctx.text("btn_cancel_ticket"), f"my:x:{tid}"))
    if status is Status.RESOLVED:
        buttons.append(Button(ctx.text(confirm_key(ticket)), f"my:ok:{tid}"))
    if may_send_back(ticket, ctx.now):
        # Closed unanswered before anyone resolved it: there is nothing to call unsolved,
        # but it may be taken up again.
        label = dispute_key(ticket) if ticket.resolved_at else "btn_take_up_again"
        buttons.append(Button(ctx.text(label), f"my:bad:{tid}"))
    return rows(*buttons, per_row=2)


async def taken_already(ctx: Ctx, ticket: Ticket) -> None:
    """Withdrawing a ticket a member has accepted: not done; who has it, and how to reach
    them."""
    ctx.say(
        "withdraw_taken",
        rows(Button(ctx.text("btn_add_info"), f"my:add:{ticket.id}")),
        number=ticket.label,
        who=await taken_by(ctx, ticket),
        what=called_here(ctx, ticket),
    )


async def taken_by(ctx: Ctx, ticket: Ticket) -> str:
    """Who has the ticket, for its requester: the team, and the member who accepted it."""
    member = await ctx.uow.users.get(ticket.accepted_by) if ticket.accepted_by else None
    who = as_written(member.name) if member is not None and member.name else ""
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
    return f"{team} {who}".strip()


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


def say_not_sent_back(ctx: Ctx, ticket: Ticket) -> None:
    """❌ 没解决 of a closed ticket that may not be sent back (`may_send_back`): it was
    rated, and while its call-back (回访) is owed the leaders will hear what is still wrong
    (an anonymous complainant's, review it); or it closed too long ago."""
    key = "send_back_too_late"
    if ticket.rating is not None and ticket.owes_callback:
        key = "send_back_rated_anonymous" if ticket.anonymous else "send_back_rated_callback"
    elif ticket.rating is not None:
        key = "send_back_rated"
    ctx.say(key, number=ticket.label, what=called_here(ctx, ticket))


def closed_lately_unconfirmed(ticket: Ticket, now: datetime) -> bool:
    """Resolved, then closed without a rating (auto-closed), within the last week."""
    closed = ticket.status is Status.CLOSED and ticket.resolved_at is not None
    return closed and may_send_back(ticket, now)


async def ask_score(ctx: Ctx, ticket: Ticket, *, naming: bool = False) -> None:
    """The score buttons; the score may be typed too, in figures or in words (`SCORE`).
    `naming`: the prompt says which ticket it is for, as when one of several awaiting the
    person's word was named in words (第二项满意), not pressed on its own notice."""
    await ctx.start_flow(RATE, SCORE, {"ticket_id": ticket.id})
    if naming:
        what = called_here(ctx, ticket)
        ctx.say(
            "rate_ask_named",
            _score_buttons(ticket),
            what=what,
            number=ticket.label,
            gist=gist_of(ctx, ticket),
        )
        return
    ctx.say("rate_ask", _score_buttons(ticket))


def _score_buttons(ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    return rows(*(Button(str(n), f"my:r:{ticket.id}:{n}") for n in (5, 4, 3, 2, 1)), per_row=5)


def as_answered(key: str, ticket: Ticket) -> str:
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


def sent_back_as(key: str, ticket: Ticket, answered: str = "") -> str:
    """`key`, or its form for a suggestion or a wish, said of one its requester has sent
    back: a suggestion's answer they are not satisfied with, a wish not granted yet, or a
    wish's answer short of it (`answered`: 部分实现 or 无法实现, as it was before the reopen
    cleared it) disputed. By kind, as the reopen has cleared how a wish ended (`as_answered`
    reads that)."""
    if ticket.kind is Kind.SUGGESTION:
        sent_back = f"{key}_suggestion"
    elif ticket.kind is Kind.WISH:
        sent_back = f"{key}_wish_answered" if answered else f"{key}_wish"
    else:
        return key
    return sent_back if sent_back in MESSAGES else key


def reopen_ask(ticket: Ticket) -> str:
    return as_answered("reopen_ask", ticket)


async def reopen_ticket(ctx: Ctx, ticket: Ticket, reason: str, *, files: Files = ()) -> None:
    """Back to the team with the requester's reason, on a fresh card. `files`, the photo or
    voice note the reason came as: kept on the ticket, and sent after the card with its
    other files."""
    reason = reason[: ctx.cfg.limits.max_text]
    answered = not_granted_in_full(ticket)  # the reopen clears it
    if await transition(ctx, ticket, Action.REOPEN, note=reason):
        await ctx.end_flow()
        for kind, file_id in files:
            await attach(ctx, ticket, kind, file_id, caption=reason)
        await withdraw_echo_post(ctx, ticket)  # the wall must not go on saying it was done
        await notify.post_card(
            ctx, ticket, with_history=True
        )  # the one live card; the old ones keep 已办结
        chat = await notify.team_chat(ctx, ticket.team_id)
        if chat is not None:
            why = notify.as_team_reads(ctx, ticket, ticket.team_id, reason)
            key = sent_back_as("reopen_to_team", ticket, answered)
            told = t(key, number=ticket.label, text=why, answered=answered)
            await ctx.enqueue(chat, told, urgent=ticket.urgent, ticket_id=ticket.id)
        await _escalate_reopens(ctx, ticket, reason, answered, files)
        team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
        ctx.say("reopened", number=ticket.label, team=team, what=called_here(ctx, ticket))


# A ticket sent back as not solved this many times is no longer the team's alone: its
# leaders are told from the second time, the supervisors (with 催办 / 改派) from the third.
REOPENS_TO_LEADERS = 2
REOPENS_TO_SUPERVISORS = 3


# A score this low (of 5) is dissatisfaction (不满意, as the 满意率 counts it: docs/rates.md):
# the ticket owes a call-back (回访), chased until it is recorded (handlers/callback.py); what
# the requester adds as a comment follows.
LOW_RATING = 3


async def _escalate_reopens(
    ctx: Ctx, ticket: Ticket, reason: str, answered: str, files: Files
) -> None:
    times = ticket.reopen_count
    if times < REOPENS_TO_LEADERS:
        return
    team = ctx.cfg.team(ticket.team_id).name
    key = sent_back_as("reopen_escalated", ticket, answered)

    def told(why: str) -> str:
        return t(key, number=ticket.label, team=team, times=times, answered=answered, text=why)

    text = told(reason)
    why = notify.as_team_reads(ctx, ticket, callback_owner(ticket), reason)
    # From the third time a leader who is also a supervisor is told once, as a supervisor:
    # with 催办 and 改派, which the leaders' copy has not.
    overseers = await notify.overseers(ctx) if times >= REOPENS_TO_SUPERVISORS else []
    buttons = rows(*oversight_buttons(ticket))
    await _tell_above_the_team(
        ctx,
        ticket,
        text,
        overseers=overseers,
        buttons=buttons,
        files=files,  # "[照片]" read without the photo says nothing
        for_leaders=told(why),
    )
    await _tell_the_watchers(ctx, ticket, told, reason, already=overseers)


async def _tell_the_watchers(
    ctx: Ctx, ticket: Ticket, told: Callable[[str], str], reason: str, *, already: list[int]
) -> None:
    """A complaint another team handles is kept in sight by the oversight team (its copy of
    the card): its leaders are told of the reopen too, privately, as the team's are, unless
    they already were (as the leaders who owe its call-back, or as supervisors)."""
    watcher = await notify.watching_team(ctx, ticket)
    if watcher is None:
        return
    done = {*already, *await notify.leaders(ctx, callback_owner(ticket))}
    text = told(notify.as_team_reads(ctx, ticket, watcher, reason))
    for leader in await notify.leaders(ctx, watcher):
        if leader not in done:
            await ctx.enqueue(leader, text, urgent=ticket.urgent, ticket_id=ticket.id)


async def _tell_above_the_team(
    ctx: Ctx,
    ticket: Ticket,
    text: str,
    *,
    overseers: list[int],
    buttons: tuple[tuple[Button, ...], ...] = (),
    files: Files = (),
    for_leaders: str | None = None,
    purpose: str = "notify",
) -> int:
    """`text` to the team's leaders (`for_leaders` where they may not read all of it) and to
    `overseers` (with `buttons`, 催办 / 改派), each followed by `files`, the photo or voice
    note it is about; a leader who is also a supervisor is told once, as a supervisor. A
    ticket that owes a call-back tells the leaders who owe it (the oversight team's, for a
    complaint it had), not the team complained about. How many were told."""
    told = 0
    # The files of what asks for a call-back go as its words do: without sound at night.
    sent_as = purpose if purpose in CALL_BACK_NEWS else "attachment"
    for leader in await notify.leaders(ctx, callback_owner(ticket)):
        if leader not in overseers:
            said = text if for_leaders is None else for_leaders
            await ctx.enqueue(
                leader, said, urgent=ticket.urgent, ticket_id=ticket.id, purpose=purpose
            )
            await _send_files(ctx, ChatPlace(leader), ticket, files, purpose=sent_as)
            told += 1
    if buttons:
        purpose = OVERSIGHT_PROMPT
    for overseer in overseers:
        await ctx.enqueue(
            overseer,
            text,
            buttons=buttons,
            urgent=ticket.urgent,
            ticket_id=ticket.id,
            purpose=purpose,
        )
        await _send_files(ctx, ChatPlace(overseer), ticket, files, purpose=sent_as)
    return told + len(overseers)


async def tell_team_withdrawn(ctx: Ctx, ticket: Ticket) -> None:
    """The team stops working on it: its cards lose their buttons, and its chat is told."""
    await notify.update_cards(ctx, ticket)
    await notify.tell(ctx, ticket, t("t_withdrawn", number=ticket.label))  # paged ones too


async def transition(ctx: Ctx, ticket: Ticket, action: Action, note: str = "") -> bool:
    try:
        await perform(
            ctx.uow, ctx.cfg, ticket, action, actor_id=ctx.user.id, now=ctx.now, note=note
        )
    except (IllegalTransition, PermissionDenied):
        ctx.say(
            "mine_not_allowed_now",
            status=ticket_status(ticket, ctx.script),
            what=called_here(ctx, ticket),
        )
        return False
    return True


def awaits_rating(ticket: Ticket, now: datetime) -> bool:
    """Resolved and waiting for the requester's word, or closed lately without it: a
    requester who confirms after the 销号 is still asked for the score."""
    return ticket.status is Status.RESOLVED or closed_lately_unconfirmed(ticket, now)


async def rate_ticket(
    ctx: Ctx, ticket: Ticket, score: int, *, judged: str = "", ask_comment: bool = True
) -> None:
    """Rate and close the ticket, and ask for a comment (unless not `ask_comment`: one of
    several items scored in one message); `judged` is the judgement in words the score was
    read from ("一般吧"), which the person is told the score of."""
    if ticket.rating is not None:
        # A score button pressed again (or an older copy of it): the first score stands.
        ctx.say(
            "already_rated", number=ticket.label, score=ticket.rating, what=called_here(ctx, ticket)
        )
        return
    if not awaits_rating(ticket, ctx.now):
        ctx.say(
            "mine_not_allowed_now",
            status=ticket_status(ticket, ctx.script),
            what=called_here(ctx, ticket),
        )
        return
    if ticket.status is Status.RESOLVED and not await transition(ctx, ticket, Action.CONFIRM):
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
    if ask_comment:  # of several items scored at once, said after the last one only
        await say_list_progress(ctx, ticket)
    # Not satisfied: closed, but not the end of it. Someone above the team calls them back.
    # A call back is promised only when someone was asked to make it.
    told = score <= LOW_RATING and await callback.owe(ctx, ticket, score, remark=said) > 0
    if said:
        await _keep_comment(ctx, ticket, said, told_above=True)  # with the call-back's alert
        await ctx.end_flow()
        if score > LOW_RATING:
            what = called_here(ctx, ticket)
            ctx.say("rated_with_words", words=quoted(said), number=ticket.label, what=what)
        else:
            kept = _low_rating_key(ticket, "rate_low_kept", told=told)
            ctx.say(kept, words=quoted(said), what=called_here(ctx, ticket))
        return
    if not ask_comment:
        ctx.say("rated", number=ticket.label, what=called_here(ctx, ticket))
        return
    await ctx.start_flow(RATE, COMMENT, {"ticket_id": ticket.id}, ttl=COMMENT_WAIT)
    skip = rows(Button(ctx.text("skip"), "f:skip"))
    if score > LOW_RATING:
        ctx.say("rate_comment_ask", skip, number=ticket.label, what=called_here(ctx, ticket))
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
    """The words typed at this ticket's score prompt and kept for its score (`score_step`)."""
    conv = ctx.conv
    if conv is None or conv.flow != RATE or conv.step != SCORE:
        return ""
    if str(conv.data.get("ticket_id", "")) != str(ticket.id):
        return ""
    return str(conv.data.get("said", ""))


def new_matter(ctx: Ctx, text: str, ticket: Ticket) -> bool:
    """Words at a rating prompt that are a matter of their own: a question about another
    service, or a request of their own ("希望工会组织一次篮球赛", `asks_anew`)."""
    decision = routed(ctx)
    return another_question(ctx, decision, text, ticket) or asks_anew(decision, text)


async def score_step(ctx: Ctx, ticket: Ticket, text: str) -> bool:
    """Typed at the score prompt: a score in figures ("4", "四星") or a judgement in words
    ("一般吧" is 3, and the person is told so) rates the ticket. Other words ask again, once,
    with the buttons; what follows that, and what is plainly something else (an alarm, 没解决,
    a matter of its own, a photo or a voice note), is read afresh (False)."""
    msg = ctx.msg
    if msg.is_button:
        ctx.toast("stale_button")  # 跳过 on an earlier comment prompt
        return True
    if ticket.rating is not None or not awaits_rating(ticket, ctx.now):
        await ctx.end_flow()  # rated or sent back meanwhile: the prompt no longer stands
        return False
    plain = bare(text)
    typed = typed_score(text)
    score = typed if typed is not None else judged_score(text)
    if score is not None:
        await rate_ticket(ctx, ticket, score, judged="" if typed is not None else text)
        return True
    assert ctx.conv is not None
    elsewhere = (
        msg.photo_file_id
        or msg.voice_file_id
        or msg.location is not None
        or typed_alarm(ctx)
        or any(w in plain for w in NOT_SOLVED)
        or a_question_of_its_own(ctx, plain)
        or new_matter(ctx, text, ticket)
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
    if kept and says_something(text) and plain not in ACKNOWLEDGED:
        said = f"{kept}\n{text}"[:500]
    elif not kept and a_remark(plain):
        said = text[:500]
    await ctx.goto(SCORE, asked_again=True, said=said)
    ctx.say(
        "rate_ask_again_kept" if said else "rate_ask_again",
        _score_buttons(ticket),
        number=ticket.label,
        what=called_here(ctx, ticket),
    )
    return True


async def comment_on(ctx: Ctx, ticket: Ticket, text: str) -> None:
    """What follows the score: kept as the rating's comment (the team's card shows it, and
    after a low score the team's leaders and the supervisors read it), unless it is 跳过.
    A voice note or a photo is the comment too, said aloud or shown: kept on the ticket,
    and sent where the words would go."""
    msg = ctx.msg
    files = files_sent(ctx)
    # 算了 or 返回 typed at the prompt leaves it: no comment to show the team as said.
    typed = msg.callback_data is None and bare(text) not in NO_COMMENT
    typed = typed and not calls_off(text)
    typed = typed and bare_yes_no(text) is not False  # 否 or 不 to 还有什么想说的吗？
    if not files and typed and bare_yes_no(text):
        # 是 or 有 to 还有什么想说的吗？: what they have to say is still to come; a yes is no
        # comment to show the team (nor, after a low score, the leaders) as said.
        ctx.say("rate_comment_go_on", rows(Button(ctx.text("skip"), "f:skip")))
        return
    kept = ""
    if files:
        await _keep_comment(ctx, ticket, text or stand_in(files), files=files)
    elif text and typed:  # a typed comment, not the 跳过 button or the word
        kept = text
        await _keep_comment(ctx, ticket, kept)
    await ctx.end_flow()
    if kept and ticket.rating is not None and ticket.rating <= LOW_RATING:
        say_comment_kept(ctx, ticket, kept)
        return
    ctx.say("rated", number=ticket.label, what=called_here(ctx, ticket))


def say_comment_kept(
    ctx: Ctx,
    ticket: Ticket,
    kept: str,
    buttons: tuple[tuple[Button, ...], ...] = (),
    *,
    more: str = "",
) -> None:
    """Asked what was wrong after a low score: told where the words went (to the leaders who
    call them back), not that it closed; `more` said after it, of `buttons`."""
    told = ticket.callback_due_at is not None
    key = _low_rating_key(ticket, "rate_low_comment_kept", told=told)
    still = ctx.text("rate_low_still_wrong") if says_not_solved(kept) else ""
    what = called_here(ctx, ticket)
    ctx.say(key, buttons, words=quoted(kept[:40]), what=what, still=still + more)


def files_sent(ctx: Ctx) -> Files:
    """The photo and the voice note the message came as, (kind, file id) each."""
    sent = {"photo": ctx.msg.photo_file_id, "voice": ctx.msg.voice_file_id}
    return [(kind, file_id) for kind, file_id in sent.items() if file_id]


def stand_in(files: Files) -> str:
    """What a comment without words reads, on the card and to the leaders."""
    return "[语音]" if any(kind == "voice" for kind, _ in files) else "[照片]"


# The key of a comment event's data holding the words that event added to the comment.
ADDED = "added"


def words_of_comment(event: TicketEvent) -> str:
    """The words a rating's comment event kept that were said then: those just added, when
    the comment is an earlier one and them («师傅来得太晚了» then «而且态度也不好»)."""
    added = event.data.get(ADDED)
    return str(added) if added is not None else event.note


async def add_to_comment(ctx: Ctx, ticket: Ticket, text: str, files: Files = ()) -> None:
    """More words for the rating's comment, said after it (the no to whether the barn is
    failing now, with what else went wrong), or the photos and voice notes sent meanwhile:
    kept and told as the comment is."""
    said = "\n".join(w for w in (ticket.rating_comment, text) if w)
    if not said and files:
        said = stand_in(files)
    await _keep_comment(ctx, ticket, said, files=files, added=text)


async def _keep_comment(
    ctx: Ctx,
    ticket: Ticket,
    text: str,
    *,
    told_above: bool = False,
    files: Files = (),
    added: str | None = None,
) -> None:
    """The rating's comment: on the team's cards, and after a low score told to the team's
    leaders and the supervisors (unless `told_above` already). `files`, the photo or voice
    note it came as: kept on the ticket, and sent to the team's chat and whoever is told.
    `added`: the words just said, when `text` is an earlier comment and them
    (`add_to_comment`), kept apart on the event (`words_of_comment`) and alone told above
    the team."""
    for kind, file_id in files:
        await attach(ctx, ticket, kind, file_id, caption=text[:500])
    # Words added to a comment told before: those above the team read them alone, as more
    # of it, not the first words again with each addition.
    more = added is not None and bool(ticket.rating_comment)
    ticket.rating_comment = text[:500]
    await note_event(
        ctx.uow,
        ticket,
        "rate",
        actor_id=ctx.user.id,
        role=Role.REQUESTER,
        now=ctx.now,
        note=text[:500],
        data={ADDED: added[:500]} if added is not None else None,
    )
    await notify.update_cards(ctx, ticket)  # the team reads what was said of its work
    chat = await notify.team_chat(ctx, ticket.team_id)
    if chat is not None:
        await _send_files(ctx, chat, ticket, files)  # heard or seen beside the card's [语音]
    if ticket.rating is not None and ticket.rating <= LOW_RATING and not told_above:
        if more:
            words = added or stand_in(files)  # a photo or a voice note alone, added
            said = t("low_rating_comment_more", number=ticket.label, text=words[:500])
        else:
            said = t("low_rating_comment", number=ticket.label, text=text[:500])
        overseers = await notify.overseers(ctx)
        # For whoever calls back, as the notice asking for it: it wakes nobody at night.
        await _tell_above_the_team(
            ctx, ticket, said, overseers=overseers, files=files, purpose=CALLBACK_REMARK
        )


async def _send_files(
    ctx: Ctx, to: ChatPlace, ticket: Ticket, files: Files, *, purpose: str = "attachment"
) -> None:
    """The requester's photos and voice notes of the ticket to `to`, after what was said of
    them (`purpose`: `notify.forward`'s)."""
    for kind, file_id in files:
        method = notify.FILE_METHODS[kind]
        await notify.forward(ctx, to, ticket, method, purpose=purpose, file_id=file_id)
