"""A step about another ticket taken while a request's draft is being written: the draft
stays where it was, and is named so that they know it is not yet submitted."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from copy import deepcopy
from dataclasses import replace

from handlers import intake
from handlers.context import Ctx


async def beside_the_draft(ctx: Ctx, step: Callable[[], Awaitable[bool]]) -> bool:
    """Run `step` (True when it took the message) while the draft waits. A step that ends
    the conversation (a ticket sent back) leaves the draft open again as it stood; one that
    asks something of its own (the score, what is still wrong) is answered next, and the
    draft is said to be left unsubmitted, never dropped without a word."""
    conv = ctx.conv
    if conv is None or conv.flow != intake.TICKET:
        return await step()
    kept = replace(conv, data=deepcopy(conv.data))
    left = intake.draft_words(ctx)
    if not await step():
        return False
    now = ctx.conv
    if now is None:
        await ctx.resume_flow(kept)
    elif (now.flow, now.step, now.data) != (kept.flow, kept.step, kept.data):
        if left is not None:
            ctx.say("draft_left", words=left)
        return True
    if left is not None:
        ctx.say("draft_goes_on", words=left)
    return True
