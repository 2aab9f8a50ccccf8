"""A verdict in a word or two (好了, 满意, 没解决, 5分) typed, not replied, while a request's
draft is being written and a ticket of theirs awaits their word on its resolution: the
draft's words, or that ticket's verdict? Asked, a button each, rather than joined to the
draft unseen (the ticket left unjudged) or taken from it unasked. A verdict replied to the
notice says which, and is judged at once (`draft_step`, `beside_draft`)."""

from __future__ import annotations

from core.enums import Kind
from core.model import Ticket
from handlers import intake, verdicts
from handlers.cards import called_here
from handlers.context import Ctx
from handlers.drafts import DRAFT
from handlers.i18n import quoted
from handlers.rating import gist_of
from handlers.replies import Button, rows
from handlers.tickets import routed
from handlers.verdict_words import bare_verdict
from handlers.wish_lists import in_list_order, item_button_text

_SHOWN = 5  # tickets with a button; more wait in /my
# 不满意 refuses a complaint's or a suggestion's result (their 「❌ 不满意」); of a repair it
# is a judgement, which the score prompt asks for.
_REFUSABLE = frozenset({Kind.COMPLAINT, Kind.SUGGESTION})


async def verdict_or_draft(ctx: Ctx) -> bool:
    """Asked which a bare verdict word typed mid-draft is for, the words held for the
    draft's button (`intake.HELD_WORDS`); judged at once when the draft holds nothing yet.
    False when the words are no bare verdict, are the step's own answer (好了 to "没有的话
    点「下一步」"), or no ticket of theirs awaits their word."""
    conv, msg = ctx.conv, ctx.msg
    if conv is None or conv.flow != intake.TICKET or msg.is_button or msg.reply_to is not None:
        return False
    if msg.photo_file_id or msg.voice_file_id or msg.location is not None:
        return False
    text = msg.text.strip()
    verdict = bare_verdict(text)
    if verdict is None or (conv.step == "extras" and intake.nothing_more(text)):
        return False
    awaiting = await verdicts.awaiting_verdict(ctx)
    if not awaiting:
        return False
    left = intake.draft_words(ctx)
    if left is None:
        # Nothing drafted yet (/new, then 好了): no description to keep it for, so it is
        # the verdict, as typed outside a draft.
        return await verdicts.typed_verdict(ctx, text, routed(ctx))
    buttons = [
        Button(_ticket_text(ctx, ticket, number), _verdict_data(verdict, ticket))
        for ticket, number in (await in_list_order(ctx, awaiting))[:_SHOWN]
    ]
    keep = f"{intake.KEEP_WORDS}:{conv.data.get(DRAFT) or ''}"
    buttons.append(Button(ctx.text("btn_words_to_draft"), keep))
    await ctx.goto(conv.step, **{intake.HELD_WORDS: text})
    ctx.say(
        "verdict_or_draft" if len(awaiting) == 1 else "verdict_or_draft_which",
        rows(*buttons, per_row=1),
        words=left,
        said=quoted(text),
        number=awaiting[0].label,
        what=called_here(ctx, *awaiting),
    )
    return True


def _ticket_text(ctx: Ctx, ticket: Ticket, number: int | None) -> str:
    shown = ctx.text(
        "btn_verdict_of",
        what=called_here(ctx, ticket),
        number=ticket.label,
        gist=gist_of(ctx, ticket),
    )
    return item_button_text(ctx, ticket, number, shown)


def _verdict_data(verdict: str, ticket: Ticket) -> str:
    """The notice's button the verdict stands for, on `ticket`: my:ok (its score asked),
    my:bad (what is still wrong asked), my:r:<id>:<score>."""
    if verdict.startswith("r:"):
        return f"my:r:{ticket.id}:{verdict[2:]}"
    refused = verdict == "not_satisfied" and ticket.kind in _REFUSABLE
    return f"my:{'bad' if verdict == 'bad' or refused else 'ok'}:{ticket.id}"
