"""Leaving a conversation for another command or menu entry, and saying what it leaves."""

from __future__ import annotations

from core.texts import one_line
from handlers import alarm_check, intake, registration
from handlers.context import Ctx
from handlers.i18n import quoted


async def leave_flow(ctx: Ctx, *, registering_goes_on: bool = False) -> None:
    """End the conversation for another command or menu entry. A request's draft it drops
    is said not to have been submitted (quoted), or they would wait for an answer to it; an
    update of the registration, that nothing in it changed, unless `registering_goes_on`."""
    left = intake.draft_words(ctx)
    if ctx.conv is not None and ctx.conv.flow == alarm_check.ALARM_CHECK:
        # Words asked about (是，马上报警？): the answer to a team's question they answer,
        # else neither filed nor paged; either way they are told so.
        asked = str(ctx.conv.data.get("text") or "")
        if await alarm_check.kept_as_the_answer(ctx):
            left = None
        elif asked.strip():
            left = quoted(one_line(asked, intake.DRAFT_SHOWN))
    unchanged = registration.update_left_unfinished(ctx) and not registering_goes_on
    await ctx.end_flow()
    if left is not None:
        ctx.say("draft_left", words=left)
    if unchanged:
        ctx.say("reg_left_unchanged")
