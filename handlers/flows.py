"""Which step a conversation's next message goes to, by the conversation (`FLOWS`)."""

from __future__ import annotations

from handlers import (
    alarm_check,
    alarm_intake,
    answers,
    intake,
    mine,
    rating,
    registration,
    registration_left,
    registration_shared,
    team_notes,
)
from handlers.alarm_what import alarm_what
from handlers.context import Ctx
from handlers.draft_step import draft_step
from handlers.entries import Step
from handlers.free_text import alarm_place_step, free_message
from handlers.typed_menu import calls_off


async def _alarm_check(ctx: Ctx) -> None:
    if not await alarm_check.answer_step(ctx):
        # No answer: read afresh (a new emergency raises its own), by the draft it was
        # asked from when there was one.
        flow = ctx.conv.flow if ctx.conv is not None else None
        await (draft_step(ctx) if flow == intake.TICKET else free_message(ctx))


async def _add_info(ctx: Ctx) -> None:
    if not await mine.info_step(ctx):
        await free_message(ctx)  # resolved meanwhile: a verdict on it, or a new matter


async def _rating_or_reopen(ctx: Ctx) -> None:
    if not await mine.flow_step(ctx):
        await free_message(ctx)  # not a score or a comment: a message of its own


async def _voices_held(ctx: Ctx) -> None:
    """While the voice notes of a registration left are all that is held (`registration_shared
    .HELD`): a voice note more is the barn's alarm and goes out with them, unless a ticket
    in hand takes it as outside registration (`registration_shared.voice_for_a_ticket`);
    110, 🚨 110, /110 and a barn emergency typed are met before, in `app.route`;
    算了 lets them go; anything else is read afresh and takes them along."""
    msg = ctx.msg
    if msg.is_button:
        ctx.toast("stale_button")  # an old prompt's button: they stay held
        return
    if msg.voice_file_id and not await registration_shared.voice_for_a_ticket(ctx):
        await registration_left.keep(ctx, msg.voice_file_id)
        await registration_shared.alarm(ctx)
        return
    # A voice note a ticket in hand takes (the team's question answered, a call resolved
    # lately) goes there as outside registration, below, and the held ones go along.
    if calls_off(msg.text) and not msg.photo_file_id and not msg.voice_file_id:
        await ctx.end_flow()
        ctx.say("reg_voices_dropped")
        return
    voices = registration_left.kept_voices(ctx)
    await ctx.end_flow()
    await free_message(ctx)
    await registration_left.carry(ctx, voices)


FLOWS: dict[str, Step] = {
    registration.REGISTER: registration.registration_step,
    # While the answer waits for a ticket to be pressed, a message is read afresh: more of
    # the answer joins it (`answers`), and anything else goes its own way.
    answers.ANSWER_WHICH: free_message,
    **team_notes.FLOWS,
    alarm_intake.EMERGENCY: alarm_what,
    intake.TICKET: draft_step,
    alarm_intake.PLACE: alarm_place_step,
    alarm_check.ALARM_CHECK: _alarm_check,
    mine.ADD_INFO: _add_info,
    rating.RATE: _rating_or_reopen,
    rating.REOPEN: _rating_or_reopen,
    mine.WITHDRAW: _rating_or_reopen,
    registration_shared.HELD: _voices_held,
}
