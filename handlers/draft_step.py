"""A request's draft takes the next message: unless it answers a team's question replied
to, judges a ticket whose resolution notice it replies to, or tells of a barn failing now,
which raises the alarm with what the draft held."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from core.enums import Kind
from handlers import (
    alarm_check,
    alarm_intake,
    alarm_when,
    answers,
    intake,
    mine,
    phones,
    verdicts,
)
from handlers.beside_draft import beside_the_draft
from handlers.context import Ctx
from handlers.entries import show_help
from handlers.tickets import (
    ABOUT_THE_SERVICE,
    Gathered,
    decide,
    filed_kind,
    may_have_barn,
    routed,
    said_of_the_service,
)
from handlers.typed_menu import HELP, menu_key
from handlers.verdict_or_draft import verdict_or_draft
from routing import Decision, bare


async def draft_step(ctx: Ctx) -> None:
    """A request's draft takes the next message, unless it is a barn failing now (a photo
    sent first, then 烤房停电了; /new, then 风机不转了): then the alarm goes out at once,
    with what the draft held, instead of waiting for 下一步 and 提交 at 2 a.m. Words that
    may be one but may not (a complaint naming an emergency; anything after 不是，只是咨询;
    a barn perhaps failing, 温控器没反应了) are asked about, the draft kept for either
    answer; words of a past one stay words of the request."""
    assert ctx.conv is not None
    if await phones.own_phone_declined(ctx):
        _draft_goes_on(ctx)
        return
    # The reply check and the draft read the same words: routed once, only if either asks.
    reading = cache(lambda: routed(ctx))
    if await _answers_the_question(ctx, reading):
        return
    if await _judges_a_resolution(ctx, reading):
        return
    if await verdict_or_draft(ctx):
        return  # 好了 typed while a ticket awaits their verdict: which is meant, asked
    if await _looked_up(ctx):
        return
    draft = Gathered.from_data(ctx.conv.data)
    text = ctx.msg.text.strip()
    # A complaint or a suggestion chosen as such (/complain, /suggest) whose words are not
    # one (烤房停电了) may be a barn failing now all the same: asked about, as a complaint
    # naming an emergency is below. Words that are one ("我要投诉，昨晚烤房停电…") stay it.
    chosen = draft.kind if draft.kind in ABOUT_THE_SERVICE else None
    read = draft.kind is Kind.REQUEST or chosen is not None
    decision = reading() if read and may_have_barn(ctx) else None
    if decision is not None and chosen is not None and said_of_the_service(ctx, text) is chosen:
        decision = None
    # 温控器没反应了 after the controller's photo (or at /new): a barn that may be failing,
    # asked about as the words typed alone are, not left as a request for office hours.
    suspect = decision is not None and bool(decision.suspect) and not draft.calm
    if decision is None or not (decision.emergency or suspect):
        await intake.ticket_step(ctx)
        return
    about = None if decision.danger else chosen or said_of_the_service(ctx, text)
    past = (about is None or chosen is not None) and alarm_when.may_not_be_now(text)
    if past and not decision.danger:
        await intake.ticket_step(ctx)  # "上次停电修好了": more words of the request
        return
    await ctx.end_flow()
    if ctx.msg.photo_file_id:
        draft.photos.append(ctx.msg.photo_file_id)
    if ctx.msg.voice_file_id:
        draft.voices.append(ctx.msg.voice_file_id)
    words = "\n".join(w for w in (draft.text, text) if w)
    if draft.site_code == ctx.user.site_code:
        draft.site_code = None  # theirs by default: a barn named in the words goes first
    # After 不是，只是咨询 even 现在 may be a question of it (刚才停电了，现在已经来电了，…吗):
    # one tap, not a page at night for nothing.
    if not decision.danger and (about is not None or draft.calm or suspect):
        await alarm_check.ask(ctx, words, about or Kind.REQUEST, draft=draft, resume=True)
        return
    alarm = replace(draft, kind=Kind.EMERGENCY, text=words, calm=False)
    await alarm_intake.start_emergency(ctx, alarm)


def _draft_goes_on(ctx: Ctx) -> None:
    """The draft, after an aside, said to wait unsubmitted; one with nothing in it yet has
    its question put again instead."""
    left = intake.draft_words(ctx)
    if left is not None:
        ctx.say("draft_goes_on", words=left)
        return
    assert ctx.conv is not None
    gathered = Gathered.from_data(ctx.conv.data)
    filed = filed_kind(ctx, gathered, decide(ctx, gathered))
    ctx.say(f"describe_{filed.value}")


async def _looked_up(ctx: Ctx) -> bool:
    """我的工单, 查一下进度 or 帮助 typed in a draft: what /my or /help shows, the draft
    waiting beside it as it does beside them (`command_dispatch`), not words added to it
    for a team to read. An empty draft (/new, then 我的工单) is left, as /my leaves it."""
    msg = ctx.msg
    if msg.photo_file_id or msg.voice_file_id or msg.location is not None:
        return False
    key = menu_key(msg.text) if msg.text.strip() else None
    if key not in ("m:my", HELP):
        return False

    async def shown() -> bool:
        await (show_help(ctx) if key == HELP else mine.list_mine(ctx))
        return True

    if intake.draft_words(ctx) is None:
        await ctx.end_flow()
        return await shown()
    return await beside_the_draft(ctx, shown)


async def _answers_the_question(ctx: Ctx, reading: Callable[[], Decision | None]) -> bool:
    """Telegram's reply to a team's question notice says what it answers: it goes to that
    ticket, whose team waits on it, not into the draft being written meanwhile, which
    stays where it was (and is named, so that they know it is not yet submitted).
    `reading` is where the typed words go (`routed`)."""
    msg = ctx.msg
    if msg.reply_to is None:
        return False
    decision = reading()
    replied = await answers.notice_replied_to(ctx, decision)
    if replied is None:
        return False
    if not (bare(msg.text) or msg.photo_file_id or msg.voice_file_id or msg.location):
        return False  # 👍 alone answers nothing: the draft reads it as it reads any
    if decision is not None and decision.emergency and replied.kind is not Kind.EMERGENCY:
        return False  # a barn failing now, not an answer: the draft asks about the alarm
    await answers.to_the_question_replied(ctx, replied, also_new=False)
    left = intake.draft_words(ctx)
    if left is not None:
        ctx.say("draft_goes_on", words=left)
    return True


async def _judges_a_resolution(ctx: Ctx, reading: Callable[[], Decision | None]) -> bool:
    """Telegram's reply to a ticket's resolution notice (还没解决, 5, 解决了) is about that
    ticket, as it is outside a draft: judged, not added to the request being written,
    which stays (`beside_the_draft`). Words that are no verdict on it stay the draft's,
    and so do those of a barn failing now beside a ticket that was no 110 call: the alarm
    goes out at once with the draft's words, as without the reply."""
    msg = ctx.msg
    if msg.photo_file_id or msg.voice_file_id or not bare(msg.text):
        return False
    replied = await verdicts.resolution_replied_to(ctx)
    if replied is None:
        return False
    text, decision = msg.text.strip(), reading()
    if replied.kind is not Kind.EMERGENCY and alarm_when.failing_now(decision, text):
        return False

    async def judged() -> bool:
        if await verdicts.typed_verdict(ctx, text, decision):
            return True
        return await verdicts.about_resolution(ctx, text, decision)

    return await beside_the_draft(ctx, judged)
