"""Words typed soon after a low rating, its comment prompt left (跳过, or words read as a
matter of their own): a remark on the service just rated (师傅来得太晚了) is still the
rating's comment, for the leaders who owe the call-back (回访), not a request for the
triage desk; a new matter (a barn failing, a new order, a question) goes its own way."""

from __future__ import annotations

import re

from core.enums import Kind, Status
from core.model import Ticket
from handlers import alarm_check, mine, rating, thanks
from handlers.context import Ctx
from handlers.follow_up import in_hand_about
from handlers.rating_words import asks_for_something, speaks_of_how_it_went
from handlers.tickets import is_chasing, is_question
from handlers.verdict_words import NO_COMMENT
from routing import Decision, bare, normalize, to_simplified

_LOOKED_AT = 5  # of the requester's newest tickets


async def rated_low_lately(ctx: Ctx) -> Ticket | None:
    """The requester's ticket they rated low (`rating.LOW_RATING` or less) within the time a
    comment is taken (`rating.COMMENT_WAIT`), the most lately rated; None otherwise."""
    since = ctx.now - rating.COMMENT_WAIT
    rated = [
        ticket
        for ticket in await ctx.uow.tickets.of_requester(ctx.user.id, limit=_LOOKED_AT)
        if ticket.status is Status.CLOSED
        and ticket.rating is not None
        and ticket.rating <= rating.LOW_RATING
        and ticket.rated_at is not None
        and ticket.rated_at >= since
    ]
    return max(rated, key=lambda ticket: ticket.rated_at or since, default=None)


def remark_on(ctx: Ctx, decision: Decision, text: str, ticket: Ticket) -> bool:
    """Whether typed words are a remark on `ticket`'s service: no question, nothing asked for
    (unless of the service given: 希望以后快一点), and words the router places with no other
    service: none at all, saying how it went (师傅来得太晚了), a complaint naming no other
    (师傅态度太差了), or the ticket's own service said of how it went (送货员来得太迟了).
    Thanks alone are passed on to the team as ever."""
    if is_question(text) or decision.emergency or decision.suspect:
        return False
    if bare(text) in NO_COMMENT:
        return False  # 没意见: nothing to add to it
    if asks_for_something(text):
        return False
    if thanks.only_thanks(ctx, text):
        return False
    if decision.triage:
        # Words no service's keyword reads (我家门口的水渠堵了) are a comment only when they
        # say how the service went or speak of the service given (师傅就看了一眼就走了,
        # 电容换了还是老样子); others go their own way.
        return speaks_of_how_it_went(text) or _of_the_service_given(text)
    if decision.kind is Kind.COMPLAINT:
        oversight = ctx.cfg.oversight_line()
        own = {ticket.line, oversight.id if oversight is not None else ticket.line}
        return all(line in own for line, _score in decision.candidates)
    return decision.line == ticket.line and speaks_of_how_it_went(text)


# Words of the service just given, where no service's keyword is: the people who came
# (师傅就看了一眼, 技术员说…; not 师傅，… or 师傅你好 calling on the desk), the repair and its
# part (修完, 电容换了, 要换零件让我自己去买), and the trouble back after it, said of nothing
# else (又停了, 还是老样子; 水泵又坏了 names a thing of its own).
_PEOPLE = (
    r"(?:师傅|技术员|队员|维修工|维修员|电工|工作人员|客户经理|送货员|专管员)"
    r"(?![你您好在，,：:\s]|$)"
)
_REPAIR = r"修(?:完|好|过|了)|(?<!我)换(?:了|完|过|好)|零件|配件|看了一眼|让我自己"
_TROUBLE = (
    r"(?:又(?:停|坏|不行|不转|不热|跳闸|出问题|出毛病)"
    r"|还是(?:老样子|一样|那样|不行|坏|没好|不好|不转))"
)
_BACK = rf"^(?:现在|结果|可是|但是|但|不过)?{_TROUBLE}"
_OF_THE_SERVICE = re.compile(f"{_PEOPLE}|{_REPAIR}|{_BACK}")
# The trouble back anywhere in the words (修完没两个小时又停了): of a 110 call, the barn may be
# failing again as they write.
_TROUBLE_BACK = re.compile(_TROUBLE)


def _of_the_service_given(text: str) -> bool:
    """Whether words name the service just given: who came, the repair, or its trouble back."""
    return _OF_THE_SERVICE.search(to_simplified(normalize(text).strip())) is not None


async def late_comment(ctx: Ctx, decision: Decision, text: str) -> bool:
    """Words soon after a low rating that remark on its service: added to its comment, told
    where it went as a comment typed at the prompt is. False for other words."""
    ticket = await rated_low_lately(ctx)
    if ticket is None or not remark_on(ctx, decision, text, ticket):
        return False
    if await _for_one_in_hand(ctx, decision, text):
        return False
    await rating.add_to_comment(ctx, ticket, text)
    if ticket.kind is Kind.EMERGENCY and _TROUBLE_BACK.search(to_simplified(normalize(text))):
        # Kept for the call-back, and whether the barn is failing now is asked, as of the
        # same words at the comment prompt: a yes pages the team, not office hours.
        rating.say_comment_kept(ctx, ticket, text)
        await alarm_check.ask(ctx, text, commented=ticket)
        return True
    assert ticket.id is not None
    added = list(await ctx.uow.tickets.events(ticket.id))[-1]  # the comment just recorded
    assert added.id is not None
    # Read as a comment, not asked: a new matter after all is one press from its summary.
    also_new = mine.also_new_button(ctx, ticket, added.id)
    rating.say_comment_kept(ctx, ticket, text, also_new, more=ctx.text("late_comment_also_new"))
    return True


async def _for_one_in_hand(ctx: Ctx, decision: Decision, text: str) -> bool:
    """Whether the words may be for a ticket a team still works on, and are not plainly of
    the one rated: chasing a team (技术员说上午来，到现在还没来), which one already done
    with is not. Offered to that ticket (补充到工单) as ever, not kept for the call-back."""
    return is_chasing(text) and bool(await in_hand_about(ctx, decision, text))
