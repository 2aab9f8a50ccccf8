"""Verdicts typed, replied or spoken instead of pressed: words back to a resolution
notice, a voice note after one, and which ticket they are about when several wait."""

from __future__ import annotations

from datetime import timedelta

from core.enums import Kind, Status
from core.lifecycle import REOPEN_AFTER_CLOSE, RESOLUTION_NOTICE
from core.model import Ticket
from core.texts import confirm_key
from handlers.alarm_when import failing_now
from handlers.cards import called_here
from handlers.context import Ctx
from handlers.i18n import quoted
from handlers.items_named import item_named
from handlers.rating import (
    LOW_RATING,
    OPEN_MAX,
    REOPEN,
    SURE,
    as_answered,
    ask_score,
    closed_lately_unconfirmed,
    gist_of,
    may_send_back,
    rate_ticket,
    reopen_ask,
    reopen_ticket,
    say_not_sent_back,
    ticket_actions,
)
from handlers.rating_words import asks_anew, judgement_in, says_not_satisfied
from handlers.replies import Button, rows
from handlers.shortfall_words import says_goods_short
from handlers.ticket_info import add_info
from handlers.tickets import Gathered
from handlers.trouble_words import says_barn_failing, says_trouble_back
from handlers.typed_answers import bare_yes_no
from handlers.typed_menu import calls_off
from handlers.verdict_words import (
    ACKNOWLEDGED,
    DISPUTABLE,
    NOT_DONE_KINDS,
    NOT_SOLVED_MAX,
    OTHER_VERDICTS,
    STILL_WRONG,
    VERDICT_MAX,
    another_matter,
    asks_to_rate,
    disputes_then_says_why,
    kind_verdict,
    may_be_a_verdict,
    says_not_solved,
    says_solved,
    speaks_of_a_wish,
    typed_score,
)
from handlers.wish_list_verdicts import say_not_answered, several_items_judged
from handlers.wish_lists import (
    in_list_order,
    item_button_text,
    item_withdrawn,
    item_words,
    items_meant,
    judged_at_once,
    wish_lists,
)
from routing import Decision, bare, to_simplified


async def about_resolution(ctx: Ctx, text: str, decision: Decision | None) -> bool:
    """Words about the person's ticket awaiting their verdict that no verdict word reads
    ("还是少一条", "今天也没送来"): sent as Telegram's reply (回复) to its resolution notice,
    or typed while it is the only one awaiting their word, in a few words that name its
    service or none, or say a shop's goods came short beside the only ticket of a goods
    line ("差了两条", "没送齐"). Asked whether it is not solved, the words kept as the reason for
    「❌ 没解决，重新办理」, with 「✅ 已解决，评价」 and 「📝 不是，作为新的求助」 beside it.
    Words plainly about another matter go their own way (False), replied or typed: a
    question ("请问下周几送货？"), an ask of something new ("我想改一下送货时间"), a
    greeting or a phone number."""
    if not bare(text):
        return False
    replied = await resolution_replied_to(ctx)
    # 怎么还差两条: goods short, asked why, are no new question (`_goods_of`).
    short = replied is None and len(bare(text)) <= NOT_SOLVED_MAX and says_goods_short(text)
    if not short and not may_be_a_verdict(text, replied=replied is not None):
        return False
    still_wrong = replied is not None and STILL_WRONG.search(to_simplified(bare(text)))
    # 有异议，我要的是早餐不是豆浆: the answer disputed first, then what was wanted, which is
    # why, not a new ask.
    if not still_wrong and asks_anew(decision, text) and not disputes_then_says_why(text):
        return False
    ticket = replied
    if ticket is None and ctx.msg.reply_to is None:
        in_hand = await ctx.uow.tickets.of_requester(ctx.user.id, limit=OPEN_MAX, open_only=True)
        awaiting = [t for t in in_hand if t.status is Status.RESOLVED]
        # Typed, not replied: only words naming its own service are taken to be about it
        # ("送货还是少一条"); others ("化肥款还没到账" after a barn repair), and words asking
        # it for something new ("我想改一下送货时间"), are a new matter.
        # Words that speak of a wish's answer (只实现了一部分), which the router sends to the
        # triage desk, are about the wish awaiting its requester's word.
        named = decision.line if decision is not None and not decision.triage else None
        only = awaiting[0] if len(awaiting) == 1 else None
        of_a_wish = only is not None and only.kind is Kind.WISH and speaks_of_a_wish(text)
        ticket = only if only is not None and (only.line == named or of_a_wish) else None
        # 早餐那项我不同意，还是只有馒头: still wrong, or disputed, wherever in the words,
        # of the one of them named by its own words (an item of a wish list).
        of_its_answer = STILL_WRONG.search(to_simplified(bare(text))) or speaks_of_a_wish(text)
        if ticket is None and of_its_answer:
            ticket = item_named(text, awaiting)
        if ticket is None and (said := item_words(text)) is not None and said.number:
            # 第三项灯还是不亮: the item named by the number it was filed under, which the
            # words are about, not another of the list still in hand.
            named_items = await items_meant(ctx, said, awaiting)
            ticket = named_items[0] if len(named_items) == 1 else None
        if ticket is None and short:
            goods = _goods_of(ctx, awaiting)
            if len(goods) > 1:
                # 还差两条 while a delivery and an order both await their word: which one
                # came short is theirs to say, the words kept for the one pressed.
                return await which_sent_back(ctx, goods, text.strip(), ask="short_which")
            ticket = goods[0] if goods else None
        # 我不同意，处理太轻了: the answer disputed with why, most likely, and asked, when one
        # answer that can be disputed awaits their word (a repair's beside it or not).
        disputable = [t for t in awaiting if t.kind in DISPUTABLE]
        disputes = ticket is None and disputable and disputes_then_says_why(text)
        if disputes and len(disputable) > 1:
            return await which_sent_back(ctx, disputable, text.strip())
        # 第2项有异议, 对早餐的答复有异议: of one of several wishes awaiting their word (the
        # items of a wish list), which one is asked, as for a dispute said with why.
        wishes = [t for t in awaiting if t.kind is Kind.WISH]
        if ticket is None and len(wishes) > 1 and speaks_of_a_wish(text):
            return await which_sent_back(ctx, wishes, text.strip())
        if disputes:
            ticket = disputable[0]
    if ticket is None or ticket.status is not Status.RESOLVED:
        return False
    # 还差两条中华: goods short, whose brand the router reads as the ordering line's, are
    # still about the delivery that came short, as about either goods line's ticket.
    lines = ctx.cfg.goods_lines()
    goods_named = short and decision is not None and {decision.line, ticket.line} <= lines
    if another_matter(decision, ticket, False) and not goods_named:
        return False
    await _ask_if_not_solved(ctx, ticket, text, replied=replied is not None)
    return True


async def added_after_resolution(
    ctx: Ctx, ticket: Ticket, draft: Gathered, decision: Decision | None
) -> bool:
    """A draft's words pressed 「➕ 补充到工单 N」 after N was resolved ("少了两条"): they were
    offered to N as about it, and now that N awaits the person's verdict they are asked
    whether N is not solved, as the same words typed beside it are (`about_resolution`),
    not offered to the triage desk as a new request. The draft's photos, voice notes and
    pin are kept with the words (`DRAFT_KEPT`), to go whichever way the answer sends
    them. False when N no longer awaits the verdict, or for words that are a matter of
    their own (a question, an ask of something new, another service): those stay to be
    filed."""
    if not asked_if_not_solved(ticket, draft.text, decision):
        return False
    await _ask_if_not_solved(ctx, ticket, draft.text, replied=False, draft=draft)
    return True


def asked_if_not_solved(ticket: Ticket, text: str, decision: Decision | None) -> bool:
    """Whether a draft's words added to `ticket` now ask if it is not solved
    (`added_after_resolution`): it awaits the person's verdict, and the words may be one."""
    if ticket.status is not Status.RESOLVED or not bare(text):
        return False
    short = len(bare(text)) <= NOT_SOLVED_MAX and says_goods_short(text)
    if not short and not may_be_a_verdict(text, replied=False):
        return False
    return not (asks_anew(decision, text) or another_matter(decision, ticket, False))


# Where 没解决吗？ keeps the draft its words came from, when it holds more than words (a
# photo, a voice note, a pin): sent back with the reason, filed with the new request, or
# kept on the ticket said to be solved (`mine.on_button`), never dropped unseen.
DRAFT_KEPT = "draft"
# The one ticket `which_sent_back` asked about, whose yes or no may be typed (`mine`).
SOLE_ASKED = "sole_ticket_id"


async def _ask_if_not_solved(
    ctx: Ctx, ticket: Ticket, text: str, *, replied: bool, draft: Gathered | None = None
) -> None:
    """工单 N 已办结，等您确认。您说的“…”是指它还没解决吗？ with 没解决, 已解决 and 不是 beside
    it, the words kept as the reason for 没解决 (`mine._kept_reason`), and the files of the
    draft they came from (`DRAFT_KEPT`)."""
    kept = draft.to_data() if draft is not None and draft.extras else None
    data = {"ticket_id": ticket.id, "reason": text.strip(), DRAFT_KEPT: kept}
    await ctx.start_flow(REOPEN, SURE, data)
    buttons = [
        Button(ctx.text(as_answered("btn_not_resolved_reopen", ticket)), f"my:bad:{ticket.id}"),
        Button(ctx.text(confirm_key(ticket)), f"my:ok:{ticket.id}"),
        Button(ctx.text("btn_new_matter"), f"my:new:{ticket.id}"),
    ]
    ask = "replied_not_solved_ask" if replied else "typed_not_solved_ask"
    ask = as_answered(ask, ticket)
    confirm = ctx.text(confirm_key(ticket))
    what = called_here(ctx, ticket)
    ctx.say(
        ask,
        rows(*buttons),
        number=ticket.label,
        words=quoted(text.strip()),
        confirm=confirm,
        what=what,
    )


def _goods_of(ctx: Ctx, awaiting: list[Ticket]) -> list[Ticket]:
    """The tickets of a goods line (`ServiceLine.goods`: ordering, delivery) awaiting the
    person's verdict, which words saying goods came short (差了两条, 没送齐) are about though
    they name no service."""
    lines = ctx.cfg.goods_lines()
    return [t for t in awaiting if t.line in lines]


async def which_sent_back(
    ctx: Ctx, disputable: list[Ticket], words: str, *, ask: str = "dispute_which"
) -> bool:
    """我不同意，这个答复我不能接受 while several answers that can be disputed await (or 还差
    两条 while several goods tickets do, `ask` short_which; 又没送 while several requests
    may still be sent back, trouble_back_which): which one is asked, a button each, the
    words kept as the reason for the one pressed, with 「📝 不是，作为新的求助」 beside
    them."""
    shown = (await in_list_order(ctx, disputable))[:_WHICH_MAX]
    ids = [t.id for t, _ in shown]
    data: dict[str, object] = {"ticket_ids": ids, "reason": words}
    if len(ids) == 1:
        # One asked about (是指这个工单的问题又出现了吗？): a yes or a no typed alone answers as
        # its button or 「📝 不是，作为新的求助」 does (`mine`).
        data[SOLE_ASKED] = ids[0]
    await ctx.start_flow(REOPEN, SURE, data)
    buttons = [Button(_item_text(ctx, t, n), f"my:bad:{t.id}") for t, n in shown]
    buttons.append(Button(ctx.text("btn_new_matter"), f"my:new:{shown[0][0].id}"))
    what = called_here(ctx, *disputable)
    ctx.say(
        ask,
        rows(*buttons, per_row=1),
        count=len(disputable),
        words=quoted(words),
        what=what,
    )
    return True


async def resolution_replied_to(ctx: Ctx) -> Ticket | None:
    """The person's ticket whose resolution notice (or its reminder) the message replies to."""
    reply_to = ctx.msg.reply_to
    if reply_to is None:
        return None
    for sent in await ctx.uow.ticket_messages.of_message(ctx.msg.chat_id, reply_to):
        if sent.purpose != RESOLUTION_NOTICE:
            continue
        ticket = await ctx.uow.tickets.get(sent.ticket_id)
        if ticket is not None and ticket.requester_id == ctx.user.id:
            return ticket
    return None


async def _rated_lately(ctx: Ctx) -> Ticket | None:
    """Their newest closed ticket, when they rated it and its verdict window is still
    open (`REOPEN_AFTER_CLOSE`): a score typed again is most likely for it."""
    for ticket in await ctx.uow.tickets.of_requester(ctx.user.id, limit=5):
        if ticket.status is Status.CLOSED:
            closed = ticket.closed_at
            lately = closed is not None and ctx.now - closed <= REOPEN_AFTER_CLOSE
            return ticket if ticket.rating is not None and lately else None
    return None


async def _of_the_rest_of_its_list(ctx: Ctx, rated: Ticket) -> bool:
    """Whether 还没解决 typed after rating `rated` speaks of the other items of its wish list
    the team still has: it was rated well, and the reply said those are not crossed off
    yet. Then they are offered 补充 as for any words about tickets in hand, not told that
    `rated` cannot be sent back; after a low score the words are still `rated`'s."""
    if rated.rating is None or rated.rating <= LOW_RATING:
        return False
    lists = await wish_lists(ctx, [rated])
    return any(_in_hand(item) for items in lists for item in items)


def _in_hand(ticket: Ticket) -> bool:
    """In hand: neither answered (an answered one awaits its own verdict) nor done with."""
    return ticket.status.is_open and ticket.status is not Status.RESOLVED


async def typed_verdict(ctx: Ctx, text: str, decision: Decision | None) -> bool:
    """A verdict typed back to the person's ticket awaiting confirmation, acted on.

    A score rates it (which confirms it, as the buttons do). Words saying it is not solved
    reopen it, as does a barn emergency when it was a 110 call (the same fault back, not a
    new alarm beside the old one). Words saying it is solved ask for the score, as 「已解决，
    评价」 does, even when they name the fault ("停电的问题解决了"), and so does a judgement
    of the service alone ("很差", "还不错吧"): the notice asks whether it is solved, which a
    judgement does not say, and the score is one press away; other short words bring
    the notice's buttons back. Words that plainly concern another matter (another service,
    a complaint) are never a verdict. An item of a wish list named first, by its number
    or its own words ("第3项没实现", "早餐那项5分"), is the one the rest of the words judge;
    several named by number ("前两项满意，第三项没实现") are each judged by their part.
    False when the text is none of these, or no ticket awaits the person's verdict.
    """
    awaiting = await awaiting_verdict(ctx)
    if await several_items_judged(ctx, text, awaiting):
        return True
    said = item_words(text)
    items = await items_meant(ctx, said, awaiting) if said else []
    withdrawn = item_withdrawn(text) is not None
    if withdrawn and items and all(t.status is not Status.RESOLVED for t in items):
        # 第2项不要了 (第2项取消) while item 1 awaits their word: item 2 withdrawn, as
        # 撤回第2项 is (`free_text`), not read as calling off a verdict it has none to give.
        return False
    if said is not None and not awaiting and not withdrawn and judged_at_once(said):
        # No item answered yet (第2项满意 before any is): the item named among the lists in
        # hand, said to be 还在办理中 as when another item awaits, never a request of it.
        # (第2项不要了 withdraws it, `free_text`.) Only when how it went comes right after
        # the item: 第2条路灯还没修好 or 宿舍那个门锁还没修好 is a new matter beside the list.
        items = await items_meant(ctx, said, await _in_hand_on_lists(ctx))
    if said is not None and items and not judged_at_once(said) and all(map(_in_hand, items)):
        # 第2条路灯还没修好 of an item in hand while item 1 awaits their word: a new matter
        # beside the list, as when none is answered (above), never said 还在办理中 with its
        # words dropped.
        return False
    if said is not None and items and not _complains_of_staff(ctx, decision):
        # The item named is what the words after it are about, whatever the router reads
        # in them (早餐那项不满意 is no complaint about staff).
        return await _verdict(ctx, text, said.rest, None, named=items)
    if said is not None and said.number is not None and len(awaiting) > 1 and not items:
        # 第4项5分 of a list of three names no item: which one is asked, the words after
        # the number (5分) its verdict, as with none named.
        return await _verdict(ctx, text, said.rest, decision, named=None)
    return await _verdict(ctx, text, text, decision, named=None)


def _complains_of_staff(ctx: Ctx, decision: Decision | None) -> bool:
    """Words the oversight line takes by the weight of its own words (王师傅态度太差: 态度
    太差), not only as the best of few (不满意 alone): a complaint about staff, which an
    item named beside it (早餐那项不满意，食堂的王师傅态度太差) must not swallow."""
    line = ctx.cfg.oversight_line()
    if decision is None or line is None or decision.line != line.id:
        return False
    # Not among the two best lines, the oversight line took the words by its own weight.
    score = dict(decision.candidates).get(line.id)
    return score is None or score >= ctx.cfg.routing.oversight_min


async def _verdict(
    ctx: Ctx, text: str, words: str, decision: Decision | None, *, named: list[Ticket] | None
) -> bool:
    """`typed_verdict` of `words` (all of `text`, or what follows the item `named`), the
    whole `text` kept as the reason when it sends the ticket back."""
    plain = bare(words)
    score = typed_score(words)
    # A judgement alone ("很差", "一般吧", "還可以吧"), on the score prompt's own scale.
    judgement = _judgement_alone(words, decision)
    alarm = decision is not None and decision.emergency
    # A barn failing now (烤房又停电了，还没修好) beside a ticket that was no 110 call: a new
    # call, paged at once, never that request sent back to the team's queue.
    new_call = failing_now(decision, text)
    not_solved = len(plain) <= NOT_SOLVED_MAX and says_not_solved(plain)
    kinded = kind_verdict(words) if len(plain) <= NOT_SOLVED_MAX else None
    # 我不同意，要求重新处理，谢谢: the 谢谢 of a dispute says nothing is solved.
    disputing = kinded is not None and kinded.not_done
    # 是的 (对, 没错) to 请确认是否解决并评价 is its yes, 「✅ 已解决，评价」; 不是 (没有, 否),
    # whose 没有 may deny the question or the fault, brings the buttons back. 嗯 is a nod.
    yes_no = None if plain in ACKNOWLEDGED else bare_yes_no(words)
    solved = (len(plain) <= NOT_SOLVED_MAX and says_solved(words) and not disputing) or judgement
    solved = solved or yes_no is True
    other = 0 < len(plain) <= VERDICT_MAX and any(w in plain for w in OTHER_VERDICTS)
    other = other or yes_no is False
    # 取消 or 返回 typed while the notice waits, or 评价一下: its buttons again, never a
    # request of them.
    other = other or plain in ACKNOWLEDGED or calls_off(words) or asks_to_rate(words)
    # 没实现, 实现了, 有异议: a verdict only of the kinds they are said of (a wish).
    general = score or not_solved or solved or alarm
    if not (general or named) and says_trouble_back(text) and says_barn_failing(text):
        # 又停了, 烤房又没火了, 烤房又不行了, which the router reads as no emergency: the 110
        # call awaiting their word failing again, sent back and paged as 温度又掉了 is.
        return await _call_failing_again(ctx, text)
    kinded = None if general else kinded
    if not (general or other or kinded):
        return False
    # The item named, the ticket whose notice the words reply to (回复), or the newest one
    # awaiting their verdict, however many newer ones came after it.
    replied = await resolution_replied_to(ctx) if named is None else None
    if named is not None and len(named) == 1:
        replied = named[0]  # answered before or not: it is the one judged, as a reply's is
    awaiting = named or ([replied] if replied is not None else await awaiting_verdict(ctx))
    if kinded is not None:
        fitting = [t for t in awaiting if t.kind in kinded.kinds]
        if fitting:
            not_solved, solved = kinded.not_done, not kinded.not_done
        elif other:
            kinded = None  # "收到" said beside them: read as that
        elif replied is not None:
            return False  # 没实现 replied to a repair's notice: asked about, if anything
        if kinded is not None:
            awaiting = fitting  # never a repair reopened for 没实现
    answered = replied is not None and replied.status in (Status.RESOLVED, Status.CLOSED)
    if named is not None and replied is not None and not answered:
        # 第3项没实现 of an item the team has not answered yet: nothing to judge.
        say_not_answered(ctx, replied)
        return True
    if replied is not None and replied.status is not Status.RESOLVED:
        if new_call and replied.kind is not Kind.EMERGENCY and score is None:
            return False  # a new call, as above, whatever became of the request
        return await _verdict_on_one_moved_on(
            ctx, replied, text, score, not_solved=not_solved, alarm=alarm
        )
    if len(awaiting) > 1 and (by_words := item_named(words, awaiting)) is not None:
        # 食堂增加早餐品种没实现 of the items of a wish list: that item's, not asked which.
        awaiting = [by_words]
    ticket = awaiting[0] if awaiting else None
    judged = score is not None or judgement  # never a new matter
    # 不满意 or 有异议 of a suggestion's answer: its 「❌ 不满意」.
    refused = says_not_satisfied(words) or (kinded is not None and kinded.not_done)
    if len(awaiting) > 1 and not alarm:
        if score is not None:
            verdict = f"r:{score}"
        else:
            verdict = "bad" if not_solved else "ok" if solved else "v"
        ask = "verdict_which_judged" if judgement else _WHICH_ASK.get(verdict)
        if kinded is not None and kinded.kinds != NOT_DONE_KINDS:
            # 没实现, 实现了 or 有异议: asked in the words said, as the wishes' answers are,
            # not which is 没解决 or 解决 (as 没弄好 of any of them is).
            ask = _KIND_WHICH_ASK[kinded.not_done, kinded.kinds == DISPUTABLE]
        if refused and all(t.kind is Kind.SUGGESTION for t in awaiting):
            # 不满意 of answers to suggestions: their 「❌ 不满意」, as for one of them.
            verdict, ask = "bad", "verdict_which_not_satisfied"
        elif refused and all(t.kind is Kind.COMPLAINT for t in awaiting):
            # 不满意 of how complaints were dealt with: their 「❌ 没解决」, as for one.
            verdict, ask = "bad", "verdict_which_not_satisfied_complaint"
        elif refused and all(t.kind in _REFUSABLE for t in awaiting):
            # Of a complaint's and a suggestion's results alike: whichever is pressed is
            # sent back with what is wrong, never scored over the objection.
            verdict, ask = "bad", "verdict_which_not_satisfied_mixed"
        return await _which_verdict(
            ctx, awaiting, decision, judged=judged, verdict=verdict, ask=ask
        )
    refusing = refused and not not_solved and kinded is None
    if ticket is None and (not_solved or refusing or (kinded is not None and kinded.not_done)):
        # Closed without the requester's word (auto-closed) lately: its notice offers 没解决,
        # and typing it means the same. 不满意 refuses a complaint's or a suggestion's result
        # as much after that close as before it: asked what is wrong, below, as 没解决 is.
        refusable = _REFUSABLE if refusing else None
        recent = await ctx.uow.tickets.of_requester(ctx.user.id, limit=5)
        ticket = next(
            (
                t
                for t in recent
                if closed_lately_unconfirmed(t, ctx.now)
                and (kinded is None or t.kind in kinded.kinds)
                and (refusable is None or t.kind in refusable)
            ),
            None,
        )
        not_solved = not_solved or (ticket is not None and not refusing)
    if ticket is None and score is not None and (rated := await _rated_lately(ctx)):
        # "5" typed again after the score buttons: the first score stands, and says so.
        ctx.say(
            "already_rated", number=rated.label, score=rated.rating, what=called_here(ctx, rated)
        )
        return True
    if ticket is None and not_solved and (rated := await _rated_lately(ctx)):
        if new_call and rated.kind is not Kind.EMERGENCY:
            return False
        # "还没解决" typed after rating it: it cannot be sent back, and says so, as the same
        # words replied to its notice do; never a request of those words alone for the desk.
        if another_matter(decision, rated, not_solved) or await _of_the_rest_of_its_list(
            ctx, rated
        ):
            return False
        say_not_sent_back(ctx, rated)
        return True
    if ticket is None or (not judged and another_matter(decision, ticket, not_solved)):
        return False
    if score is not None:
        await rate_ticket(ctx, ticket, score)
    elif ticket.kind is Kind.SUGGESTION and refused and may_send_back(ticket, ctx.now):
        # A suggestion's answer offers 「❌ 不满意」: typing it means that button, which
        # asks what is unsatisfying and sends the suggestion back, not a score.
        await ctx.start_flow(REOPEN, "reason", {"ticket_id": ticket.id})
        ctx.say(reopen_ask(ticket))
    elif ticket.kind is Kind.COMPLAINT and refused and may_send_back(ticket, ctx.now):
        # 不满意 of how a complaint was dealt with refuses its result, as 「❌ 没解决」 does:
        # what is still wrong is asked, and the complaint goes back with it; a score would
        # close it on the complainant's objection.
        await ctx.start_flow(REOPEN, "reason", {"ticket_id": ticket.id})
        ctx.say("reopen_ask_complaint", number=ticket.label)
    elif new_call and ticket.kind is not Kind.EMERGENCY:
        return False
    elif solved:
        await ask_score(ctx, ticket, naming=named is not None)
    elif not_solved or (alarm and ticket.kind is Kind.EMERGENCY):
        await reopen_ticket(ctx, ticket, text.strip())
    elif alarm:
        return False  # an emergency beside a resolved request: a new 110 call
    elif len(plain) <= VERDICT_MAX:
        ctx.say(
            as_answered("verdict_buttons", ticket),
            ticket_actions(ctx, ticket),
            number=ticket.label,
            confirm=ctx.text(confirm_key(ticket)),
            what=called_here(ctx, ticket),
        )
    else:
        return False
    return True


async def _call_failing_again(ctx: Ctx, text: str) -> bool:
    """The 110 call whose notice the words reply to, or the newest awaiting the person's
    word, sent back with them: its barn fails again. False when no call awaits their word
    (又停了 beside a resolved request is no verdict on it)."""
    replied = await resolution_replied_to(ctx)
    awaiting = [replied] if replied is not None else await awaiting_verdict(ctx)
    calls = [t for t in awaiting if t.kind is Kind.EMERGENCY and t.status is Status.RESOLVED]
    if not calls:
        return False
    await reopen_ticket(ctx, calls[0], text.strip())
    return True


async def _in_hand_on_lists(ctx: Ctx) -> list[Ticket]:
    """The person's wishes the team is working on that are items of a wish list."""
    in_hand = await ctx.uow.tickets.of_requester(ctx.user.id, limit=OPEN_MAX, open_only=True)
    ids = {t.id for t in in_hand}
    return [t for items in await wish_lists(ctx, in_hand) for t in items if t.id in ids]


async def awaiting_verdict(ctx: Ctx) -> list[Ticket]:
    """The person's tickets resolved and awaiting their word, newest first."""
    in_hand = await ctx.uow.tickets.of_requester(ctx.user.id, limit=OPEN_MAX, open_only=True)
    return [t for t in in_hand if t.status is Status.RESOLVED]


def _judgement_alone(text: str, decision: Decision | None) -> bool:
    """A judgement of the service ("很差", "不满意", "一般吧"), not a complaint the router
    reads in the words beside it ("态度很差", "服务态度不好": 态度), which is a new matter
    as any complaint is."""
    judgement = judgement_in(text)
    if judgement is None:
        return False
    if decision is None or decision.kind is not Kind.COMPLAINT:
        return True
    return all(word in judgement for word in decision.kind_words)


async def _verdict_on_one_moved_on(
    ctx: Ctx,
    ticket: Ticket,
    text: str,
    score: int | None,
    *,
    not_solved: bool,
    alarm: bool,
) -> bool:
    """A verdict replied to the notice of a ticket that has moved on since (rated, closed,
    sent back): about that ticket, as its notice's buttons would be, never another one
    awaiting a verdict. False for words that are no verdict on it (a barn failing again
    after the close is a new call)."""
    if score is not None:
        await rate_ticket(ctx, ticket, score)  # says it is rated already, or cannot be
    elif alarm and not may_send_back(ticket, ctx.now):
        return False  # 烤房又坏了 after the close: a new call
    elif not_solved and may_send_back(ticket, ctx.now):
        await reopen_ticket(ctx, ticket, text.strip())
    elif not_solved and ticket.status is Status.CLOSED:
        say_not_sent_back(ctx, ticket)
    elif ticket.rating is not None:
        ctx.say(
            "already_rated", number=ticket.label, score=ticket.rating, what=called_here(ctx, ticket)
        )
    else:
        return False
    return True


async def _which_verdict(
    ctx: Ctx,
    awaiting: list[Ticket],
    decision: Decision | None,
    *,
    judged: bool,
    verdict: str,
    ask: str | None,
) -> bool:
    """A score or a verdict typed while several tickets await the person's word (the items
    of a wish list, say): which one it is for is asked, with a button each, rather than
    guessed. Each button carries what was typed (`verdict`: r:<score> rates the ticket
    pressed, ok asks its score, bad what is not solved, v shows it), so it is not asked
    again; `ask` is the question put (a judgement such as 不满意 is asked which ticket it
    is about, not which was solved). False when the words plainly concern another matter
    than all of them."""
    not_solved = verdict == "bad"
    if not judged and all(another_matter(decision, t, not_solved) for t in awaiting):
        return False
    shown = (await in_list_order(ctx, awaiting))[:_WHICH_MAX]
    buttons = rows(
        *(Button(_item_text(ctx, t, n), _which_data(verdict, t)) for t, n in shown), per_row=1
    )
    if verdict.startswith("r:"):
        what = called_here(ctx, *awaiting)
        ctx.say("verdict_which_score", buttons, count=len(awaiting), score=verdict[2:], what=what)
    else:
        ctx.say(
            ask or "verdict_which", buttons, count=len(awaiting), what=called_here(ctx, *awaiting)
        )
    return True


def _item_text(ctx: Ctx, ticket: Ticket, number: int | None) -> str:
    """第N项 of a wish list, its number and its gist: what a which-one button says."""
    return item_button_text(ctx, ticket, number, f"{ticket.label} {gist_of(ctx, ticket)}")


_WHICH_ASK = {"bad": "verdict_which_not_solved", "ok": "verdict_which_solved"}
_KIND_WHICH_ASK = {
    (True, True): "verdict_which_disputed",
    (True, False): "verdict_which_not_granted",
    (False, False): "verdict_which_granted",
}


def _which_data(verdict: str, ticket: Ticket) -> str:
    """my:<verb>:<id>, or my:r:<id>:<score> for a score."""
    verb, _, score = verdict.partition(":")
    return f"my:{verb}:{ticket.id}" + (f":{score}" if score else "")


_WHICH_MAX = 8  # buttons; more wait in /my
# The kinds whose result 不满意 refuses (their 「❌ 不满意」 or 「❌ 没解决」 sends them back);
# of a repair it is a judgement, which the score prompt asks for.
_REFUSABLE = frozenset({Kind.COMPLAINT, Kind.SUGGESTION})


# A voice note this soon after a resolution is most likely said to its notice ("修好了",
# or "又坏了"): the ticket's, with the notice's buttons, not a new 110 call.
VOICE_VERDICT_WITHIN = timedelta(hours=12)


async def resolved_lately(ctx: Ctx) -> Ticket | None:
    """The person's ticket resolved lately (within VOICE_VERDICT_WITHIN), awaiting their
    word on it: what a voice note of theirs is most likely about."""
    in_hand = await ctx.uow.tickets.of_requester(ctx.user.id, limit=OPEN_MAX, open_only=True)
    return next(
        (
            t
            for t in in_hand
            if t.status is Status.RESOLVED
            and t.resolved_at is not None
            and ctx.now - t.resolved_at <= VOICE_VERDICT_WITHIN
        ),
        None,
    )


async def voice_to_resolved(
    ctx: Ctx,
    voice: str,
    *,
    photos: list[str] | None = None,
    pin: tuple[float, float] | None = None,
) -> bool:
    """A voice note to the person's ticket resolved lately, awaiting their word: it goes to
    that ticket (the team hears it) and the notice's buttons come back, since a voice note
    cannot be read as the verdict. `photos` and `pin`, sent just before it, go with it.
    False when no ticket was resolved that lately."""
    ticket = await resolved_lately(ctx)
    if ticket is None:
        return False
    for photo in photos or []:
        await add_info(ctx, ticket, "", photo)
    await add_info(ctx, ticket, "", None, voice=voice, pin=pin)
    ctx.say(
        as_answered("verdict_voice", ticket),
        ticket_actions(ctx, ticket),
        number=ticket.label,
        confirm=ctx.text(confirm_key(ticket)),
    )
    return True
