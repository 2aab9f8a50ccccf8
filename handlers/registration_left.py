"""The voice notes a registration kept for a 110 call (`registration_shared.voice_kept`),
when something else ends it: a photo, a matter typed, a menu entry or a command. They were
promised to go with 「🚨 马上报警」, so they go with what begins instead (the draft, the
alarm asked about, the open call, the answer waiting for its ticket, the ticket a rating is
about); and that button, pressed later, raises the call with what a draft holds. When
nothing begun takes them (我的工单), they stay held (`registration_shared.HELD`) for the alarm
as they were at registration."""

from __future__ import annotations

from dataclasses import replace

from core.enums import Kind
from core.model import Ticket
from handlers import alarm_check, alarm_intake, answers, intake
from handlers.context import Ctx
from handlers.registration import REGISTER
from handlers.registration_shared import HELD, VOICES_KEPT, hold
from handlers.ticket_info import add_info
from handlers.tickets import Gathered, open_emergency


def holding(ctx: Ctx) -> bool:
    """The person's voice notes of a registration left are held for a 110 call (`HELD`)."""
    return ctx.conv is not None and ctx.conv.flow == HELD


def kept_voices(ctx: Ctx) -> list[str]:
    """The voice notes this registration kept (or held after it) for a 110 call."""
    if ctx.conv is None or ctx.conv.flow not in (REGISTER, HELD):
        return []
    return [str(v) for v in ctx.conv.data.get(VOICES_KEPT) or []]


async def carry(ctx: Ctx, voices: list[str]) -> None:
    """The voice notes kept by the registration just ended go with what began after it."""
    if not voices:
        return
    conv = ctx.conv
    if conv is not None and conv.flow in (intake.TICKET, alarm_intake.EMERGENCY):
        held = Gathered.from_data(conv.data)
        await ctx.goto(conv.step, **replace(held, voices=[*voices, *held.voices]).to_data())
        ctx.say("reg_voices_carried")
        return
    if conv is not None and conv.flow == alarm_check.ALARM_CHECK:
        # Asked whether it is an emergency now: they go with either answer.
        kept = conv.data.get("draft")
        held = Gathered.from_data(kept) if isinstance(kept, dict) else Gathered(Kind.REQUEST, "")
        await ctx.goto(conv.step, draft=replace(held, voices=[*voices, *held.voices]).to_data())
        ctx.say("reg_voices_carried")
        return
    if conv is not None and conv.flow == REGISTER:
        # Registering anew (/start, 👤 登记信息): still kept for its 「🚨 马上报警」.
        await ctx.goto(conv.step, **{VOICES_KEPT: voices})
        return
    if conv is not None and conv.flow == answers.ANSWER_WHICH:
        # An answer waiting for the ticket it is for to be pressed: they are of it, first.
        pieces = [{"text": "", "photo": None, "voice": v} for v in voices]
        await ctx.goto(conv.step, pieces=[*pieces, *conv.data.get("pieces", [])])
        ctx.say("reg_voices_carried")
        return
    about = await _ticket_talked_of(ctx)
    if about is not None:
        # A rating, a reopening or more words asked for one ticket: they are news of it,
        # as a farmer's voice note about a ticket resolved lately is outside registration.
        await _news_of(ctx, about, voices, "reg_voices_to_ticket")
        return
    call = await open_emergency(ctx)
    if call is not None:
        # The alarm just raised (a photo of the barn), or one open: they are its news.
        await _news_of(ctx, call, voices, "reg_voices_to_call")
        return
    if conv is None:
        await hold(ctx, voices)  # nothing begun takes them (我的工单, the help)


async def _news_of(ctx: Ctx, ticket: Ticket, voices: list[str], said: str) -> None:
    """The voice notes added to `ticket` for its team, one by one, and the person told."""
    for voice in voices:
        await add_info(ctx, ticket, "", None, voice=voice)
    ctx.say(said, number=ticket.label)


async def _ticket_talked_of(ctx: Ctx) -> Ticket | None:
    """The person's own ticket the conversation begun is about (its `ticket_id`)."""
    found = ctx.conv.data.get("ticket_id") if ctx.conv is not None else None
    ticket = await ctx.uow.tickets.get(found) if isinstance(found, int) else None
    return ticket if ticket is not None and ticket.requester_id == ctx.user.id else None


async def keep(ctx: Ctx, voice: str) -> None:
    """One voice note more held with them (the alarm it raises sends them all)."""
    assert ctx.conv is not None
    await ctx.goto(ctx.conv.step, **{VOICES_KEPT: [*kept_voices(ctx), voice]})


def held_for_alarm(ctx: Ctx) -> Gathered | None:
    """What the conversation holds that 「🚨 马上报警」 pressed now sends as the 110 call: a
    request's draft (the voice notes carried into it, a photo), the alarm's words being
    asked for, or words asked about (是，马上报警？); None when it holds nothing."""
    conv = ctx.conv
    if conv is None:
        return None
    if conv.flow == alarm_check.ALARM_CHECK:
        kept = conv.data.get("draft")
        held = Gathered.from_data(kept) if isinstance(kept, dict) else Gathered(Kind.REQUEST, "")
        held = replace(held, text=str(conv.data.get("text") or ""))
    elif conv.flow in (intake.TICKET, alarm_intake.EMERGENCY):
        held = Gathered.from_data(conv.data)
        if held.kind not in (Kind.REQUEST, Kind.EMERGENCY):
            return None  # a complaint or a suggestion is no part of a barn's alarm
    else:
        return None
    if not (held.text.strip() or held.photos or held.voices):
        return None
    if held.site_code == ctx.user.site_code:
        held.site_code = None  # theirs by default: a barn named in the words goes first
    return replace(held, kind=Kind.EMERGENCY, calm=False)
