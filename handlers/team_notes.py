"""What a team types after a button asks for it (需补充's question, 办结's note, 转派's
reason, 已回访's record), its files, how long the prompt waits, and leaving it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from core.enums import Action, Kind, Role, WishOutcome
from core.lifecycle import QUESTION_NOTICE, RESOLUTION_NOTICE, allowed_actions
from core.model import Conversation, Ticket
from core.services import may_work_on
from core.texts import WISH_OUTCOME_NAMES, answered_as, clip, confirm_key, dispute_key
from handlers import callback, notify
from handlers.context import Ctx
from handlers.i18n import in_script, kind_named, t
from handlers.notes_moved_on import PASSED_ON, files_to, keep_note, moved_from_their_team
from handlers.replies import Button, rows
from handlers.team_access import (
    act_on,
    load_ticket,
    outcome_named,
    refresh_cards,
    refuse_moved_on,
    requester_script,
    settle_reply,
    tell_requester,
    tell_requester_moved,
)
from handlers.tickets import attach
from handlers.typed_menu import calls_off
from routing import bare
from routing.reader import staff_words

Step = Callable[[Ctx], Awaitable[None]]


async def note_step(ctx: Ctx) -> None:
    """The note after 需补充 / 转派 / 办结: the question, the reason, what was done."""
    assert ctx.conv is not None
    flow, data = ctx.conv.flow, ctx.conv.data
    text = ctx.msg.text.strip()
    # A photo or voice note (the mended fan, the licence form) goes with the note; the
    # words may come with it as its caption, or after it.
    files: list[list[str]] = list(data.get("files", []))
    sent = [[kind, ref] for kind, ref in _sent_files(ctx) if ref]
    album = ctx.msg.media_group_id
    if not text:
        if sent:
            # An album's photos come a message each: said once for the album, not per photo.
            told = album is not None and data.get(_ALBUM) == album
            await ctx.goto(ctx.conv.step, files=files + sent, **{_ALBUM: album})
            if not told:
                ctx.say("t_note_file_kept")
        else:
            ctx.say("need_text")
        return
    if not bare(text):
        # An emoji or a 👍 alone is no question, result or reason to send on: the prompt
        # waits for words, a file sent with it kept.
        if sent:
            await ctx.goto(ctx.conv.step, files=files + sent)
        ctx.say("t_note_expected")
        return
    if ctx.too_long(text):
        # Said to the requester, a note this long would come in pieces, and the card,
        # whose edit cannot be split, would lose its end: a shorter one is waited for.
        if sent:
            await ctx.goto(ctx.conv.step, files=files + sent)
        return
    files += sent
    # A team reads Simplified (the card, its history, the ledger), and each requester their
    # own script, converted from Simplified: a note typed in 繁體 is kept in Simplified.
    text = staff_words(text)
    moved = await moved_from_their_team(ctx, data.get("ticket_id")) if flow in PASSED_ON else None
    if moved is not None:
        # Sent on while the result or the question was typed: it resolves nothing now, nor
        # is asked of the requester by a team that no longer has the ticket, and is not lost.
        await ctx.end_flow()
        await keep_note(ctx, flow, *moved, text, files)
        await _let_album_go(ctx, album)
        return
    ticket = await load_ticket(ctx, str(data.get("ticket_id", "")))
    if flow == "t_res" and ticket is not None and _no_reason(ticket, data, text):
        # 无法实现 and 部分实现 are told the employee with the reason: "无" gives none.
        await ctx.goto(ctx.conv.step, files=files)
        ctx.say("t_res_reason_needed")
        return
    await ctx.end_flow()
    if ticket is None:
        _quote_back(ctx, flow, text)
        await _let_album_go(ctx, album)
        return
    asked_for = flow
    held_by = ticket.team_id  # before a 转派 below
    # The cards show the new state first; a transferred ticket's new card comes after.
    if flow == "t_ask" and await act_on(ctx, ticket, Action.ASK, note=text):
        await refresh_cards(ctx, ticket)
        await settle_reply(ctx, ticket, data)
        await _keep_files(ctx, ticket, files, text, to_requester=True)
        await tell_requester(ctx, ticket, "n_question", purpose=QUESTION_NOTICE, question=text)
    elif flow == "t_res" and await act_on(
        ctx, ticket, Action.RESOLVE, note=text, outcome=_wish_outcome(ticket, data)
    ):
        await refresh_cards(ctx, ticket)
        await settle_reply(ctx, ticket, data)
        await _keep_files(ctx, ticket, files, text, to_requester=True)
        confirm = rows(
            Button(t(confirm_key(ticket)), f"my:ok:{ticket.id}"),
            Button(t(dispute_key(ticket)), f"my:bad:{ticket.id}"),
        )
        notice = f"n_resolved{answered_as(ticket)}"
        await tell_requester(ctx, ticket, notice, confirm, purpose=RESOLUTION_NOTICE, note=text)
        if ticket.wish_outcome is not None:
            flow = "t_res_wish"
        elif ticket.kind is Kind.SUGGESTION:
            flow = "t_res_suggestion"
    elif flow == "t_xfer" and data.get("from", ticket.team_id) != ticket.team_id:
        # Moved on by someone else while the reason was typed: sent on from here, it would
        # read as the new team's own 转派, and that team would not know.
        await refuse_moved_on(ctx, ticket)
        _quote_back(ctx, flow, text)
        await _let_album_go(ctx, album)
        return
    elif flow == "t_xfer" and await act_on(
        ctx, ticket, Action.TRANSFER, note=text, to_team=str(data.get("to"))
    ):
        await refresh_cards(ctx, ticket, reposting=True, moved_from=held_by)
        await _keep_files(ctx, ticket, files, text, to_requester=False)  # with the new card
        await tell_requester_moved(ctx, ticket, ctx.cfg.team(ticket.team_id).name)
        await notify.post_card(ctx, ticket, with_history=True)
    else:
        await _let_album_go(ctx, album)  # the ticket moved on meanwhile (the member is told)
        return
    if album is not None and ctx.conv is None:
        # The note came on one photo of an album (its caption): the album's other photos
        # follow as messages of their own, after the prompt has ended, and join the note.
        more = {"ticket_id": ticket.id, _ALBUM: album, "of": asked_for, "note": text}
        await ctx.start_flow(ALBUM, "more", more, ttl=ALBUM_WAIT)
    # What became of the note, not only that it was kept: asked, resolved, or with whom now.
    team = ctx.cfg.team(ticket.team_id).name
    outcome = WISH_OUTCOME_NAMES[ticket.wish_outcome] if ticket.wish_outcome else ""
    done = t(f"{flow}_done", number=ticket.label, what=clip(text, 40), team=team, outcome=outcome)
    ctx.reply(in_script(done, ctx.script_here))


def _quote_back(ctx: Ctx, flow: str, note: str) -> None:
    """After the note was refused (its ticket left the team, or is gone): the member reads
    their words back, to keep or to send where the ticket is now, rather than lose them."""
    what, _ = (in_script(word, ctx.script_here) for word in WAITS_FOR[flow])
    ctx.say("t_note_not_kept", what=what, note=note)


def _wish_outcome(ticket: Ticket, data: dict[str, object]) -> WishOutcome | None:
    """The outcome the 办结 note of a wish was asked for (none for other kinds)."""
    if ticket.kind is not Kind.WISH:
        return None
    return outcome_named(str(data.get("outcome") or ""))


# Words that stand for no reason at all, typed where one is asked for.
_NO_REASON = frozenset(("无", "没有", "暂无", "没", "略", "同上", "不知道", "无原因", "没有原因"))


def _no_reason(ticket: Ticket, data: dict[str, object], text: str) -> bool:
    """A wish granted in part or not at all, its reason typed as none ("无", "略")."""
    short_of_it = (WishOutcome.PARTLY, WishOutcome.DECLINED)
    return _wish_outcome(ticket, data) in short_of_it and bare(text) in _NO_REASON


def _sent_files(ctx: Ctx) -> list[tuple[str, str | None]]:
    return [("photo", ctx.msg.photo_file_id), ("voice", ctx.msg.voice_file_id)]


async def _keep_files(
    ctx: Ctx, ticket: Ticket, files: list[list[str]], note: str, *, to_requester: bool
) -> None:
    """Keep the member's photos and voice notes on the ticket (a later team's card carries
    them), and show them to the requester with the question or the result they go with."""
    script = await requester_script(ctx, ticket)
    for kind, file_id in files:
        await attach(ctx, ticket, kind, file_id, caption=note)
        if to_requester:
            await ctx.enqueue(
                ticket.requester_chat_id,
                "",
                urgent=ticket.urgent,
                ticket_id=ticket.id,
                purpose="attachment",
                method=notify.FILE_METHODS[kind],
                extra={"file_id": file_id, "caption": t("file_of_ticket", number=ticket.label)},
                script=script,
            )


# The rest of an album whose caption was a card's note (`note_step`): Telegram sends its
# photos one message each, within a second or two; a minute is room enough for a slow
# upload, and short enough that no later photo of the member's is taken for the note's.
ALBUM = "t_album"
ALBUM_WAIT = timedelta(minutes=1)
_ALBUM = "album"  # conv.data: the album (media_group_id) whose photos join the note


async def album_rest(ctx: Ctx) -> bool:
    """A photo more of the album a card's note came with: kept on the ticket with the note,
    and sent where the note's photos went (the requester, or the team a transfer went to).
    Anything else ends the wait and is read as it would be without it (False then). Each
    photo is its own update, claimed once (`Desk`): one delivered again adds nothing."""
    conv, msg = ctx.conv, ctx.msg
    if conv is None or conv.flow != ALBUM:
        return False
    if msg.media_group_id is None or msg.media_group_id != conv.data.get(_ALBUM):
        await ctx.end_flow()
        return False
    # No ticket: the note its caption was is not taken (`_let_album_go`), nor are they.
    ticket_id, of = conv.data.get("ticket_id"), conv.data.get("of")
    ticket = await ctx.uow.tickets.get(ticket_id) if isinstance(ticket_id, int) else None
    files = [[kind, ref] for kind, ref in _sent_files(ctx) if ref]
    if ticket is not None and files:
        note = str(conv.data.get("note") or "")
        await _keep_files(ctx, ticket, files, note, to_requester=of in _TO_REQUESTER)
        if of == "t_xfer":
            await _to_new_team(ctx, ticket, files)
    await ctx.goto("more")  # a video of the album keeps nothing, and the rest may follow
    return True


async def _let_album_go(ctx: Ctx, album: str | None) -> None:
    """The note an album's caption was is not taken (another recorded the call-back, or
    resolved the ticket, first; the member is told): the album's other photos, which come
    as messages of their own after the prompt has ended, go with it, unread. Read afresh,
    each would start a request of the member's own (已收到。请再用文字或语音说明…)."""
    if album is not None and ctx.conv is None:
        await ctx.start_flow(ALBUM, "more", {_ALBUM: album}, ttl=ALBUM_WAIT)


# The notes whose photos the requester is shown: the team's question and its result. A
# transfer's go to the new team; a call-back's are the leaders' record.
_TO_REQUESTER = ("t_ask", "t_res")


async def callback_step(ctx: Ctx) -> None:
    """The line after 「📞 已回访」 (`callback.note_step`), and the photos or voice notes sent
    with it (the barn as the leader found it): kept on the ticket with the record, sent
    before the words or as their caption, and the rest of an album as it comes."""
    assert ctx.conv is not None
    data = ctx.conv.data
    files: list[list[str]] = list(data.get("files", []))
    sent = [[kind, ref] for kind, ref in _sent_files(ctx) if ref]
    album = ctx.msg.media_group_id
    if sent and not ctx.msg.text.strip():
        told = album is not None and data.get(_ALBUM) == album
        await ctx.goto(ctx.conv.step, files=files + sent, **{_ALBUM: album})
        if not told:
            await callback.file_kept(ctx)
        return
    ticket = await callback.note_step(ctx)
    if ticket is None:
        if sent and ctx.conv is not None:
            await ctx.goto(ctx.conv.step, files=files + sent)  # words too long: kept for them
        await _let_album_go(ctx, album)
        return
    note = ticket.callback_note
    await _keep_files(ctx, ticket, files + sent, note, to_requester=False)
    if album is not None and ctx.conv is None:
        more = {"ticket_id": ticket.id, _ALBUM: album, "of": callback.FLOW, "note": note}
        await ctx.start_flow(ALBUM, "more", more, ttl=ALBUM_WAIT)


async def _to_new_team(ctx: Ctx, ticket: Ticket, files: list[list[str]]) -> None:
    """Photos of a transfer's note that came after its card: to where the card went."""
    targets = await notify.team_targets(
        ctx, ticket.team_id, urgent=ticket.urgent, requester=ticket.requester_id
    )
    await files_to(ctx, ticket, targets, files)


def _leavable(step: Step) -> Step:
    """`step`, unless the member's words only leave the prompt (算了, 取消, as /cancel):
    they are no question, result, reason or call-back to send on or record ("已办结：算了"
    would reach the requester as the team's word)."""

    async def run(ctx: Ctx) -> None:
        left = ctx.conv
        sent = ctx.msg.photo_file_id or ctx.msg.voice_file_id
        if left is not None and not sent and calls_off(ctx.msg.text):
            await ctx.end_flow()
            await say_left(ctx, left)
            return
        await step(ctx)

    return run


def _of_its_ticket(step: Step) -> Step:
    """`step`, unless the member's message is a reply (Telegram's 回复) to a message about
    another ticket (its card, its reminder): meant for that ticket, it is no note for the one
    the prompt waits for. Nothing is recorded, the member is told so, and the prompt waits."""

    async def run(ctx: Ctx) -> None:
        assert ctx.conv is not None
        album = ctx.msg.media_group_id
        if album is not None and ctx.conv.data.get(_REFUSED_ALBUM) == album:
            return  # a photo more of an album refused as a whole: said once, on its first
        other = await _other_ticket_replied_to(ctx)
        if other is None:
            await step(ctx)
            return
        if album is not None:
            await ctx.goto(ctx.conv.step, **{_REFUSED_ALBUM: album})
        what, _ = (in_script(word, ctx.script_here) for word in WAITS_FOR[ctx.conv.flow])
        ctx.say("t_note_other_card", other=other, number=await number_of(ctx, ctx.conv), what=what)

    return run


# conv.data of a card's prompt: the album (media_group_id) sent in reply to another
# ticket's card, whose every photo comes as a message of its own and is none of the note.
_REFUSED_ALBUM = "refused_album"


async def say_file_not_kept(ctx: Ctx) -> None:
    """A video (a file) captioned with words, which are read as typed: its sender learns
    that the file itself is not kept. Not when a card's prompt waits and the message
    replies to another ticket's card: then the words are not read either, and
    `_of_its_ticket` says so alone."""
    if (
        ctx.conv is None
        or ctx.conv.flow not in FLOWS
        or await _other_ticket_replied_to(ctx) is None
    ):
        ctx.say("unsupported_words_read", what=ctx.text(kind_named(ctx.msg.unsupported or "")))


async def _other_ticket_replied_to(ctx: Ctx) -> str | None:
    """The number of the ticket whose message the member's reply answers, when that is not
    the ticket the prompt waits for."""
    conv, reply_to = ctx.conv, ctx.msg.reply_to
    if conv is None or reply_to is None:
        return None
    waiting = conv.data.get("ticket_id")
    for sent in await ctx.uow.ticket_messages.of_message(ctx.msg.chat_id, reply_to):
        if sent.ticket_id != waiting:
            other = await ctx.uow.tickets.get(sent.ticket_id)
            return other.label if other is not None else None
    return None


FLOWS: dict[str, Step] = {
    "t_ask": _leavable(_of_its_ticket(note_step)),
    "t_res": _leavable(_of_its_ticket(note_step)),
    "t_xfer": _leavable(_of_its_ticket(note_step)),
    callback.FLOW: _leavable(_of_its_ticket(callback_step)),
}


# How long a card's prompt (需补充's question, 办结's result, 转派's reason; and 📞 已回访's
# note, `handlers/callback.py`) waits for the member's next message. Long enough to type a
# few lines on a phone, or to send a photo first (each one kept starts the wait again);
# short enough that what the member says in the group later, to the others and about
# something else, is not taken for the note and sent to the requester as the team's word.
# The config's conversation_ttl (2 hours by default) is for requesters, who may leave a
# form half done and come back to it.
NOTE_TTL = timedelta(minutes=15)


# What each prompt waits for, and the button that asks for it again.
WAITS_FOR = {
    "t_ask": ("要补充的问题", "需补充"),
    "t_res": ("办结说明", "办结"),
    "t_xfer": ("转派原因", "转派"),
    callback.FLOW: ("回访情况", "📞 已回访"),
}


def not_for_the_note(ctx: Ctx) -> bool:
    """Whether a card's prompt waits and the message is one its note cannot take: a video,
    a file, a sticker, a shared contact or a pin, without words."""
    msg = ctx.msg
    if ctx.conv is None or ctx.conv.flow not in FLOWS:
        return False
    if msg.text.strip() or msg.photo_file_id or msg.voice_file_id:
        return False
    return bool(msg.unsupported or msg.contact or msg.location)


def say_not_kept(ctx: Ctx) -> None:
    """After `not_for_the_note`: the member learns that what they sent is not on the ticket
    (photos and voice notes are, so a video may well be thought to be), and what the
    prompt still waits for."""
    msg = ctx.msg
    if msg.unsupported:
        ctx.say("t_note_unsupported", what=ctx.text(kind_named(msg.unsupported)))
    elif msg.contact:
        ctx.say("t_note_contact")  # the number, not the card, is what a note can carry
    else:
        ctx.say("t_note_location")


def note_ttl(ctx: Ctx) -> timedelta:
    return min(NOTE_TTL, ctx.cfg.limits.conversation_ttl)


def waited_minutes(span: timedelta) -> int:
    return max(1, round(span.total_seconds() / 60))


async def leave_note(ctx: Ctx) -> Conversation | None:
    """A button pressed or a command sent while a card's prompt waits for its note ends the
    prompt (the member has moved on: to 上门, another card, /ticket), so that their next
    words are not taken for it; unless the press is turned away (`left_or_kept`). /cancel
    says so itself. The ended prompt, or None."""
    conv, msg = ctx.conv, ctx.msg
    if conv is None or conv.flow not in FLOWS:
        return None
    if not msg.is_button and (not msg.command or msg.command == "cancel"):
        return None
    await ctx.end_flow()
    return conv


async def left_or_kept(ctx: Ctx, left: Conversation) -> None:
    """After `leave_note` and what followed it: a press turned away (another team's card,
    a forged or stale button, a ticket the member may not touch) did nothing, and the member
    has not moved on: the prompt waits on as it did, and they are told so. Otherwise they
    learn it no longer waits (`say_left`)."""
    if not (ctx.refused and ctx.conv is None and await _still_to_do(ctx, left)):
        await say_left(ctx, left)
        return
    await ctx.resume_flow(left)
    what, _ = (in_script(word, ctx.script_here) for word in WAITS_FOR[left.flow])
    ctx.say("t_note_still_waits", number=await number_of(ctx, left), what=what)


# What each card's prompt does with its note once it comes.
_PROMPT_ACTION = {"t_ask": Action.ASK, "t_res": Action.RESOLVE, "t_xfer": Action.TRANSFER}


async def _still_to_do(ctx: Ctx, left: Conversation) -> bool:
    """Whether the prompt's note could still be taken: its ticket still the member's to
    act on and in a state its action applies to (not sent to another team meanwhile, nor
    resolved by a colleague)."""
    raw_id = left.data.get("ticket_id")
    ticket = await ctx.uow.tickets.get(raw_id) if isinstance(raw_id, int) else None
    if ticket is None or not await may_work_on(ctx.uow, ctx.cfg, ctx.user.id, ticket):
        return False
    action = _PROMPT_ACTION.get(left.flow)
    return action is None or action in allowed_actions(ticket.status, Role.MEMBER)


async def say_left(ctx: Ctx, left: Conversation) -> None:
    """After `leave_note`: the member learns that the prompt no longer waits, unless the
    press asked for a note again (the same button twice, 需补充 on another card)."""
    if ctx.conv is not None:
        return
    number = await number_of(ctx, left)
    what, button = (in_script(word, ctx.script_here) for word in WAITS_FOR[left.flow])
    ctx.say("t_note_left", number=number, what=what, button=button)


async def note_expired(ctx: Ctx, expired: Conversation) -> bool:
    """A message after a card's prompt stopped waiting is not its note: it is read as what
    it would be without the prompt (in a group, the team's own talk). When it may have been
    meant as the note (typed, within the hours a conversation would otherwise last), the
    member is told it was not recorded (True then)."""
    msg = ctx.msg
    typed = bool(msg.text.strip() or msg.photo_file_id or msg.voice_file_id)
    if msg.is_button or msg.command or not typed:
        return False
    if ctx.now >= expired.updated_at + ctx.cfg.limits.conversation_ttl:
        return False  # long after: plainly about something else
    number = await number_of(ctx, expired)
    what, button = (in_script(word, ctx.script_here) for word in WAITS_FOR[expired.flow])
    minutes = waited_minutes(expired.expires_at - expired.updated_at)
    ctx.say("t_note_expired", number=number, what=what, button=button, minutes=minutes)
    return True


async def number_of(ctx: Ctx, conv: Conversation) -> str:
    ticket_id = conv.data.get("ticket_id")
    ticket = await ctx.uow.tickets.get(ticket_id) if isinstance(ticket_id, int) else None
    return ticket.label if ticket is not None else "?"
