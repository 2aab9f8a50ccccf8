"""A request's draft: its id, and which tickets it became once filed or added to one.

A summary's buttons carry the draft's id, so that a press after the draft was filed can say
which tickets it became (`intake.summary_pressed`) rather than that the button is stale.
"""

from __future__ import annotations

import re

from core.model import Ticket
from core.wish_lists import DRAFT as DRAFT  # the handlers read it from here
from handlers.context import Ctx
from handlers.tickets import Gathered
from routing import bare, to_simplified

# A draft's id, kept in its conversation under DRAFT and on the tickets filed from it (their
# create event), and carried by its summary's buttons (f:ok:<id>): a press after the draft
# was filed says so, with the tickets' numbers, rather than that the button is stale. It is
# when the draft began, in milliseconds, base 36: no two drafts of one person share it.


def draft_data(ctx: Ctx, gathered: Gathered) -> dict[str, object]:
    """What a new draft's conversation keeps: what was gathered, and the draft's id."""
    return {**gathered.to_data(), DRAFT: _base36(int(ctx.now.timestamp() * 1000))}


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while number:
        number, digit = divmod(number, 36)
        out = digits[digit] + out
    return out or "0"


_FILED_LOOKED_AT = 10  # the person's newest tickets: a draft's are among them


async def filed_from(ctx: Ctx, draft_id: str) -> list[Ticket]:
    """The person's tickets filed from the draft `draft_id`, oldest first: all of them,
    however many they filed since (a list's items keep the numbers it was filed under)."""
    return list(await ctx.uow.tickets.created_with(ctx.user.id, DRAFT, draft_id))


async def added_from(ctx: Ctx, draft_id: str, ticket_id: str | None) -> Ticket | None:
    """The person's ticket the draft `draft_id` was added to (补充到工单), if it was: the
    ticket the button names, which may be older than their newest (an offer is of the
    tickets in hand, however many closed since), or, for a button of a draft saved before
    it named one, among their newest."""
    if ticket_id is not None:
        named = await ctx.uow.tickets.get(int(ticket_id))
        mine = named is not None and named.requester_id == ctx.user.id
        candidates = [named] if named is not None and mine else []
    else:
        candidates = list(await ctx.uow.tickets.of_requester(ctx.user.id, limit=_FILED_LOOKED_AT))
    for ticket in candidates:
        assert ticket.id is not None
        events = await ctx.uow.tickets.events(ticket.id)
        # Added as news ("info"), or as the answer when its team had asked ("answer").
        if any(e.action in ("info", "answer") and e.data.get(DRAFT) == draft_id for e in events):
            return ticket
    return None


# The draft called off in a few words more than 算了 (`typed_menu.calls_off`): 算了不订了,
# 不要了，谢谢, 还是算了吧, 我不买了, and of a complaint or a suggestion 不投诉了, 不提了 or
# 撤回 (what they are writing is what they take back: nothing is filed yet). Said where the
# description or the summary's yes is asked, they are no words of the request. Not where
# more is asked ("没有的话点「下一步」"): there 不用了，谢谢 says there is nothing more to add.
_CALLED_OFF = re.compile(
    r"(?:那|那就|还是|我)?"
    r"(?:(?:算了|算啦|取消)吧?|(?:先|就)?不(?:订|要|买|办|弄|提交|需要|用|投诉|提建议|提|反映)了"
    r"|(?:要|想)?(?:撤回|撤销)(?:吧|了)?)+"
    r"[吧啊呀哈]?(?:谢谢你们|谢谢你|谢谢您|谢谢|麻烦了)?"
)


def calls_off_the_draft(text: str) -> bool:
    """Words that only say the draft is not wanted any more, in either script."""
    return _CALLED_OFF.fullmatch(to_simplified(bare(text))) is not None
