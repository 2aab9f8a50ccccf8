"""Trouble back after its ticket was closed for good (confirmed and rated, or closed over a
week ago): that ticket cannot be sent back, and its refusal says to write the trouble
anew. Words saying it is back (还是不行，又停了; 温度又掉了; 又没送到) are that new request,
filed with the earlier ticket's number in its text so the team knows it is a repeat, for
the team that had it when the words name no service but say its goods did not come again
(还是不行，又没来); a barn failing
again is a new 110 call, paged at once at the same barn. A verdict alone (还没解决) says
nothing to file, and is still told how to write it (`verdicts`). Words of it back that no
verdict reads (又没送), of a request that may still be sent back, send it back."""

from __future__ import annotations

from core.enums import Kind, Status
from core.model import Ticket
from handlers import alarm_intake, intake
from handlers.alarm_when import failing_now
from handlers.cards import called_here
from handlers.context import Ctx
from handlers.follow_up import in_hand_about
from handlers.i18n import quoted
from handlers.late_comment import rated_low_lately
from handlers.rating import REOPEN, SURE, gist_of, may_send_back, reopen_ticket
from handlers.rating_words import asks_anew
from handlers.replies import Button, rows
from handlers.tickets import Continues, Gathered
from handlers.trouble_words import (
    RECURRING,
    says_barn_failing,
    says_not_come_again,
    says_trouble_back,
)
from handlers.verdict_words import another_matter, says_not_solved
from handlers.verdicts import awaiting_verdict, which_sent_back
from routing import Decision

_RECENT = 5  # the person's newest tickets, among which the closed one meant is looked for


async def trouble_again(ctx: Ctx, text: str, decision: Decision | None) -> bool:
    """`text`, saying the trouble of the person's newest closed ticket is back, filed as a
    new request naming it (a new 110 call for a barn). False when no ticket of theirs is
    closed for good (or one awaits their verdict), the words are a verdict alone, say
    nothing of it coming back, or plainly concern another matter."""
    if not says_trouble_back(text):
        return False
    if await rated_low_lately(ctx) is not None:
        # Just rated low: words of the trouble back may be the rating's comment, and are
        # asked whether it is failing now (`late_comment`).
        return False
    earlier = await _closed_earlier(ctx, text, decision)
    if earlier is None or another_matter(decision, earlier, True) or asks_anew(decision, text):
        return False
    if decision is not None and decision.emergency and not failing_now(decision, text):
        return False  # 上次又停过一次: told of, not failing now (`free_text` asks)
    after_a_call = earlier.kind is Kind.EMERGENCY
    if after_a_call and not (failing_now(decision, text) or says_barn_failing(text)):
        # 我还是不太明白 after a call: no barn failing said, nobody to wake.
        return False
    if after_a_call or failing_now(decision, text):
        await call_again(ctx, earlier, text)
        return True
    come = says_not_come_again(text)
    if await _in_hand_meant(ctx, decision, text, goods_only=come):
        # 又没送 while a delivery filed since is worked on: most likely chasing that one,
        # whose summary offers to add the words to it (`free_text`), not the closed one.
        return False
    if decision is not None and not decision.triage:
        await file_again(ctx, earlier, text)  # 又没送到: the service named routes it
        return True
    # Naming no service, the words continue a ticket only when they say its goods did not
    # come again (还是不行，又没来; 货还是没到): 又没来电, 工资又没到, 又没有货了 or 还是不行吗
    # may be of anything, and 怎么又没来上班 complains of someone whom the closed ticket's
    # team may employ. Those stay the triage desk's to read, naming the ticket, as before.
    goods = ctx.cfg.goods_lines()
    services = [t for t in await _closed_of_each_service(ctx) if t.line in goods]
    if not services or not come:
        await intake.start_ticket(ctx, Kind.REQUEST, _naming(ctx, earlier, text))
        return True
    if len(services) > 1:
        # 还是不行，又没来 after a delivery and an order were both rated: which one is back is
        # hers to say, never the newest guessed.
        await _ask_which_is_back(ctx, services, text.strip())
        return True
    await file_again(ctx, services[0], text)
    return True


async def file_again(ctx: Ctx, earlier: Ticket, text: str) -> None:
    """`text` at a new request's summary, naming `earlier`, for the team that had it when
    the words name no service (还是不行，又没来)."""
    gathered = Gathered(
        kind=Kind.REQUEST, text="", site_code=ctx.user.site_code, continues=Continues.of(earlier)
    )
    await intake.start_ticket(ctx, Kind.REQUEST, _naming(ctx, earlier, text), first=gathered)


async def _closed_of_each_service(ctx: Ctx) -> list[Ticket]:
    """The person's newest request closed for good of each service, among their newest
    tickets: those whose trouble words naming no service may say is back."""
    recent = await ctx.uow.tickets.of_requester(ctx.user.id, limit=_RECENT)
    found: dict[str, Ticket] = {}
    for ticket in recent:
        closed = ticket.status is Status.CLOSED and not may_send_back(ticket, ctx.now)
        if closed and ticket.kind is Kind.REQUEST:
            found.setdefault(ticket.line, ticket)
    return list(found.values())


async def _ask_which_is_back(ctx: Ctx, tickets: list[Ticket], words: str) -> None:
    """Which ticket's trouble is back, a button each (`mine`'s my:again files the words as
    a new request naming it), with 「📝 不是，作为新的求助」 beside them; the words kept."""
    await ctx.start_flow(REOPEN, SURE, {"ticket_ids": [t.id for t in tickets], "reason": words})
    buttons = [Button(f"{t.label} {gist_of(ctx, t)}", f"my:again:{t.id}") for t in tickets]
    buttons.append(Button(ctx.text("btn_new_matter"), f"my:new:{tickets[0].id}"))
    what = called_here(ctx, *tickets)
    ctx.say("trouble_again_which", rows(*buttons, per_row=1), words=quoted(words), what=what)


async def sent_back_again(ctx: Ctx, text: str, decision: Decision | None) -> bool:
    """Words that goods did not come again, which no verdict reads (又没送, 又没来), while a
    request of a goods line (ordering, delivery) can still be sent back (awaiting the
    person's word, or closed unconfirmed within the week), no 110 call of theirs is open or
    awaits their word and no ticket in hand may be meant: sent back to its team, the words
    as why, as 没解决 typed is; when several can be, which one is asked, a button each,
    never guessed. Other words of trouble back that name its service (又登不上了 after the
    ordering system's ticket closed unconfirmed) may be news of their own (我又不会用订货系
    统): whether it is back is asked, its button beside 「📝 不是，作为新的求助」. False for
    other words, words plainly of another matter, or no such request."""
    come = says_not_come_again(text)
    if not (come or says_trouble_back(text)) or asks_anew(decision, text):
        return False
    if await rated_low_lately(ctx) is not None:
        return False  # the low score's comment, perhaps (`late_comment`)
    recent = await ctx.uow.tickets.of_requester(ctx.user.id, limit=_RECENT)
    if any(t.kind is Kind.EMERGENCY and t.status.is_open for t in recent):
        # 又没来 while a 110 call is worked on or awaits their word: most likely that call's
        # team, whom the words must reach (`free_text` offers them to it), never a request
        # of another service sent back in its stead.
        return False
    if await _in_hand_meant(ctx, decision, text, goods_only=come):
        # 又没送 while a delivery filed since is worked on: most likely chasing that one,
        # whose summary offers to add the words to it (`free_text`), as after a rated one.
        return False
    closed = [t for t in recent if t.status is Status.CLOSED]
    # Goods not come are a shop's goods' (ordering, delivery): 又没来 beside a growing request
    # says nothing of the technician's advice.
    goods = ctx.cfg.goods_lines()
    meant = [
        ticket
        for ticket in (*await awaiting_verdict(ctx), *closed)
        if ticket.kind is Kind.REQUEST
        and may_send_back(ticket, ctx.now)
        and not another_matter(decision, ticket, True)
        and (
            ticket.line in goods if come else decision is not None and decision.line == ticket.line
        )
    ]
    if not meant:
        return False
    if len(meant) > 1 or not come:
        ask = "trouble_back_which" if len(meant) > 1 else "trouble_back_ask"
        return await which_sent_back(ctx, meant, text.strip(), ask=ask)
    await reopen_ticket(ctx, meant[0], text.strip())
    return True


async def _in_hand_meant(
    ctx: Ctx, decision: Decision | None, text: str, *, goods_only: bool
) -> bool:
    """Whether a ticket in hand may be what the words are about (`in_hand_about`): for goods
    not come (`goods_only`: 又没送, 货还是没到) only one of a goods line (today's delivery),
    never a licence renewal taken up, which no goods can be late for."""
    in_hand = await in_hand_about(ctx, decision, text)
    if goods_only:
        goods = ctx.cfg.goods_lines()
        in_hand = [t for t in in_hand if t.line in goods]
    return bool(in_hand)


async def call_again(ctx: Ctx, earlier: Ticket, text: str) -> None:
    """A new 110 call of `text`, naming `earlier` (its barn's, after a 110 call)."""
    site = earlier.site_code if earlier.kind is Kind.EMERGENCY else None
    note = _naming(ctx, earlier, text)
    await alarm_intake.start_emergency(
        ctx, Gathered(kind=Kind.EMERGENCY, text=note, site_code=site)
    )


def _naming(ctx: Ctx, earlier: Ticket, text: str) -> str:
    """`text` as the new ticket's: ending （工单 N 的问题又出现了）, in the writer's script."""
    return f"{text.strip()}{ctx.text('trouble_again_note', number=earlier.label)}"


async def _closed_earlier(ctx: Ctx, text: str, decision: Decision | None) -> Ticket | None:
    """The person's newest closed ticket (of the service the words name, when they name
    one: 又没送到 is a delivery's, though an order was closed since), when it is of a kind
    whose trouble recurs and may no longer be sent back; None while any of theirs awaits
    their verdict (words then are about it) or that one may still be sent back (typed 没解决
    reopens it).
    A 110 call that may still be sent back (closed unconfirmed) counts when the words say
    its barn fails again in words no verdict reads (又停了, not 又坏了, which reopens it)."""
    if await awaiting_verdict(ctx):
        return None
    recent = await ctx.uow.tickets.of_requester(ctx.user.id, limit=_RECENT)
    closed_ones = [t for t in recent if t.status is Status.CLOSED]
    named = decision.line if decision is not None and not decision.triage else None
    closed = next((t for t in closed_ones if t.line == named), None)
    closed = closed or next(iter(closed_ones), None)
    barn_failing = says_barn_failing(text)
    if barn_failing:
        # A barn failing again is its last 110 call's trouble, though a request about the
        # seedlings was closed since.
        calls = (t for t in recent if t.status is Status.CLOSED and t.kind is Kind.EMERGENCY)
        closed = next(calls, closed)
    if closed is None or closed.kind not in RECURRING:
        return None
    if may_send_back(closed, ctx.now):
        failing = barn_failing and not says_not_solved(text)
        return closed if closed.kind is Kind.EMERGENCY and failing else None
    return closed
