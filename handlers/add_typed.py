"""➕ 补充 typed instead of pressed ("补充", "我要补充一下", "補充"): of the tickets being
worked on, as /my's button, never a request of the one word "补充" (which, added to a ticket
from its summary, would reach the team as "报告人补充：补充")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.model import Ticket
from handlers.cards import called_here, gist
from handlers.context import Ctx
from handlers.mine import ADD_INFO, list_mine, which_buttons
from routing import bare, to_simplified

# The word alone, with a wish to (我要, 还想), 再, and what is added named (信息, 情况).
_ADD = re.compile(
    r"(?:我|我们)?(?:要|想|想要|需要|还要|还想|再)?再?补充(?:一下|一点|几句|下)?"
    r"(?:信息|情况|说明|内容)?(?:吧|啊|呀|哈)?"
)


def asks_to_add(text: str) -> bool:
    """Whether the words only ask to add to what they filed, in either script."""
    return _ADD.fullmatch(to_simplified(bare(text))) is not None


async def adding_typed(ctx: Ctx, tickets: Sequence[Ticket]) -> None:
    """补充 typed, of `tickets` (those being worked on): with one, what to add is asked for
    it, named, as ➕ 补充 asks; with several, which one first, a button each (their ➕ 补充);
    with none, that is said, with their tickets."""
    if not tickets:
        ctx.say("nothing_in_hand")
        await list_mine(ctx)
        return
    if len(tickets) > 1:
        buttons = await which_buttons(ctx, tickets, "add")
        ctx.say("add_which", buttons, count=len(tickets), what=called_here(ctx, *tickets))
        return
    [ticket] = tickets
    await ctx.start_flow(ADD_INFO, "info", {"ticket_id": ticket.id})
    number = f"{ticket.label}（{gist(ticket)}）"
    ctx.say("add_info_ask_named", number=number, what=called_here(ctx, ticket))
