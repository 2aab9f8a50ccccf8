"""The summary a draft is confirmed on: what will be filed, where it goes and why, with
提交/修改/取消, 🙈 匿名提交 for a complaint, 「➕ 补充到工单」 for each ticket in hand the
words may be about, and 「👍 把感谢转给…」 for thanks that ask for nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from core.enums import Kind, Requester, Status
from core.model import Ticket
from handlers import tickets
from handlers.context import Ctx
from handlers.drafts import DRAFT
from handlers.follow_up import OFFERED_AT_MOST
from handlers.i18n import as_written, in_script
from handlers.kind_offer_words import plainly_a_request
from handlers.quoted_words import as_typed, typed_stretch
from handlers.replies import Button, rows
from handlers.tickets import Gathered
from handlers.verdicts import asked_if_not_solved
from handlers.wish_items import MAX_ITEMS, WishList, read_list
from routing import Decision

# The open tickets typed words may be about (`follow_up.in_hand_about`): the summary offers
# to add them to any one of them (补充到工单), beside filing them as a new request. A list
# of [id, number, team id], newest first; a draft saved before there could be several
# keeps one ticket's id here and its number in ABOUT_NUMBER.
ABOUT, ABOUT_NUMBER = "about", "about_number"


# Set when 「更多…」 was pressed: the summary offers every ticket in hand, not the newest few.
ALL_OFFERED = "about_all"

# Words of thanks asking for nothing (`thanks.thanked_ticket`): [id, number, team id] of the
# ticket whose team the summary offers to pass them on to (「👍 把感谢转给…」).
THANKED = "thanked"


@dataclass(frozen=True)
class Offer:
    """A ticket in hand that the summary offers to add the draft to (补充到工单)."""

    ticket_id: int
    number: str
    team_id: str | None  # None in a draft saved before offers named the team
    place: int | None = None  # its number on its wish list (第2项), if it is on one


def offers_kept(data: dict[str, object]) -> list[Offer]:
    about = data.get(ABOUT)
    if isinstance(about, int):  # a draft saved before there could be several
        return [Offer(about, str(data.get(ABOUT_NUMBER) or ""), None)]
    if not isinstance(about, list):
        return []
    # A draft saved before offers kept their place on a wish list has three fields.
    return [
        Offer(int(i), str(number), str(team), int(place[0]) if place and place[0] else None)
        for i, number, team, *place in about
    ]


def offer_data(about: Sequence[tuple[Ticket, int | None]]) -> dict[str, object]:
    """What a draft's conversation keeps of the tickets its summary offers to add it to,
    each with its number on its wish list (None for one on no list)."""
    offered = [[t.id, t.label, t.team_id, place] for t, place in about if t.id is not None]
    return {ABOUT: offered or None, ABOUT_NUMBER: None}


async def show_summary(
    ctx: Ctx, gathered: Gathered, lead: str | None = None, number: str = "", said: str = ""
) -> None:
    """What will be submitted and where it goes, with 提交/修改/取消; `lead` (a message key)
    comes first, in the same message (`number`: a ticket's it names), or `said`, a lead
    already written."""
    decision = tickets.decide(ctx, gathered)
    routed = tickets.line_and_team(ctx, gathered, decision)
    # A voice note that is the description is shown as the content, not counted as more.
    more = gathered.extras - (1 if gathered.voices and not gathered.text.strip() else 0)
    extras = ctx.text("summary_extras", count=more) if more else ""
    triage = ctx.cfg.triage_line()
    # The router's reasons for leaving it to a person (its scores, the candidates) are for
    # the staff on the card; the requester is told plainly what happens.
    by_hand = triage is not None and routed.line == triage.id and not decision.overseer_named
    # The kind it will be filed as (a staff member's request to the staff line is a wish),
    # named the same in the question and in the summary under it.
    filed = tickets.filed_kind(ctx, gathered, decision)
    kind = ctx.text(f"kind_{filed.value}")
    listed = read_list(gathered.text) if filed is Kind.WISH else None
    items = list(listed.items) if listed is not None and listed.split else []
    too_long = listed is not None and bool(listed.too_long)
    # Their words as they wrote them, in a summary converted for a reader of 繁體.
    text = as_written(gathered.text.strip()) or ctx.text("voice_only")  # or a voice note
    if items:
        text = ctx.text("wish_items", count=len(items), items=as_written(numbered(items)))
    elif listed is not None and listed.items:
        text = as_written(listed.items[0])  # the one item left, as it will be filed
    if listed is not None:
        text += "".join(f"\n{note}" for note in list_notes(ctx, listed))
    # A complaint may be about the very people who would read it: 匿名 is offered.
    complaint = filed is Kind.COMPLAINT and not items
    summary = ctx.text(
        "summary",
        kind=kind,
        text=text,
        extras=extras,
        team=in_script(ctx.cfg.team(routed.team).name, ctx.script),
        why=ctx.text("why_by_hand") if by_hand else _why(ctx, gathered, decision, routed),
    )
    if complaint:
        shop = ctx.user.kind is Requester.RETAILER
        summary = f"{summary}\n{ctx.text('anon_offer_shop' if shop else 'anon_offer')}"
    assert ctx.conv is not None
    draft_id = ctx.conv.data.get(DRAFT)
    # A draft begun before drafts had ids: its buttons as they were.
    mark = f":{draft_id}" if draft_id else ""
    # A wish's 提交 carries how many items it files and a mark of the words they are read
    # from (f:ok:<id>:3:<mark>): pressed once ✏️ 修改 or words added rewrote them, even into
    # as many items, it is outdated (`files_other_items`).
    words = f":{len(items) or 1}:{words_mark(gathered.text)}"
    ok = f"f:ok{mark}{words}" if mark and filed is Kind.WISH else f"f:ok{mark}"
    anonymous = [Button(ctx.text("submit_anonymous"), f"f:anon{mark}")] if complaint else []
    submit = [Button(ctx.text("submit"), ok), *anonymous]
    if items:
        submit = [
            Button(ctx.text("submit_items", count=len(items)), ok),
            Button(ctx.text("submit_as_one"), f"f:one{mark}"),
        ]
    elif too_long:
        submit = [Button(ctx.text("submit_as_one"), f"f:one{mark}")]  # never split unasked
    edit, abort = (
        Button(ctx.text("edit"), f"f:edit{mark}"),
        Button(ctx.text("abort"), f"f:no{mark}"),
    )
    other = read_otherwise(ctx, gathered) if not items and not too_long else None
    if other is not None:
        # Chosen as a suggestion, written as a complaint (or the other way): the other kind
        # is offered first, filing it as chosen stays one tap away.
        named = ctx.text(f"kind_{other.value}")
        asked = "kind_read_as_request" if other is Kind.REQUEST else "kind_read_otherwise"
        lead = lead or asked
        submit = [
            Button(ctx.text("switch_kind", other=named), f"f:as{mark}"),
            Button(ctx.text("submit_as_chosen", kind=kind), ok),
            *anonymous,
        ]
        kind_values = {"other": named}
    else:
        kind_values = {}
    buttons = rows(*submit, edit, abort, per_row=3)
    offers, not_solved = await _offers_now(ctx, gathered, decision)
    about = "、".join(offer.number for offer in offers)
    # More tickets in hand than fit at a glance: the newest, and 「更多…」 for the rest.
    folded = len(offers) > OFFERED_AT_MOST and not ctx.conv.data.get(ALL_OFFERED)
    note, button = "", ""
    if offers and not items and not too_long:
        # Words that may be about a ticket in hand: added to it (to which one, theirs to
        # say when several are), or filed as a new one.
        shown = offers[:OFFERED_AT_MOST] if folded else offers
        adds = [
            (_add_button(ctx, offer, mark, several=len(offers) > 1, not_solved=not_solved),)
            for offer in shown
        ]
        if folded:
            rest = ctx.text("add_to_more", count=len(offers) - OFFERED_AT_MOST)
            adds.append((Button(rest, f"f:more{mark}"),))
        button = adds[0][0].text  # what the lead tells to press, as its label reads it
        submit = [Button(ctx.text("submit_new"), ok), *anonymous]
        buttons = (*adds, *rows(*submit, edit, abort, per_row=3))
        resolved = [offer for offer in shown if offer.ticket_id in not_solved]
        if lead == "free_text_confirm" and resolved:
            # Shown again (「更多…」) after the team resolved some: their buttons read
            # 「❌ 工单 N 还没解决」, and so does what the lead tells to press.
            lead, note = _resolved_lead(ctx, resolved, every=len(resolved) == len(offers))
        if lead == "free_text_confirm" and len(offers) > OFFERED_AT_MOST:
            lead = "about_many_confirm" if folded else "about_all_confirm"
        elif lead == "free_text_confirm":
            lead = "about_several_confirm" if len(offers) > 1 else "about_open_confirm"
    shown_count = OFFERED_AT_MOST if folded else len(offers)
    led = (
        ctx.text(
            lead,
            kind=kind,
            number=number or about,
            count=len(offers),
            shown=shown_count,
            button=button,
            **kind_values,
        )
        if lead
        else ""
    )
    first = said or led + note
    thanked = ctx.conv.data.get(THANKED)
    if isinstance(thanked, list) and not items:
        # Thanks that ask for nothing: passed on to the team thanked, first; or filed.
        team = in_script(ctx.cfg.team(str(thanked[2])).name, ctx.script)
        buttons = ((Button(ctx.text("thanks_pass_on", team=team), f"f:thanks{mark}"),), *buttons)
    ctx.reply(f"{first}\n{summary}" if first else summary, buttons)


def words_mark(text: str) -> str:
    """A short mark of a draft's words (6 hex digits), for a button to name the summary it
    was shown with in the few bytes Telegram's callback data allows (64)."""
    return hashlib.blake2s(text.strip().encode(), digest_size=3).hexdigest()


def files_other_items(ctx: Ctx, gathered: Gathered, shown: int, mark: str | None) -> bool:
    """Whether a wish's 提交 that showed `shown` items (分 3 项提交; 1, a wish of one) of the
    words `mark` stands for would file others now: the words were rewritten since its
    summary (a button without a mark, from before buttons had one: into another number)."""
    if mark is not None and mark != words_mark(gathered.text):
        return True
    wish = tickets.filed_kind(ctx, gathered, tickets.decide(ctx, gathered)) is Kind.WISH
    listed = read_list(gathered.text) if wish else None
    return (len(listed.items) if listed is not None and listed.split else 1) != shown


def read_otherwise(ctx: Ctx, gathered: Gathered) -> Kind | None:
    """The kind the words of a complaint or a suggestion chosen as such (/complain,
    /suggest) read as when it is another one ("投诉配送员迟到" after /suggest, "建议食堂
    增加早餐品种" after /complain, "我的许可证快到期了，要办延续" after either, a request);
    None when they read as chosen, or as none for sure."""
    if gathered.kind not in tickets.ABOUT_THE_SERVICE or not gathered.text.strip():
        return None
    decision = tickets.routed_as_no_alarm(ctx, gathered.text)
    if decision.kind in tickets.ABOUT_THE_SERVICE:
        return decision.kind if decision.kind is not gathered.kind else None
    oversight = ctx.cfg.oversight_line()
    not_plain = frozenset((tickets.STAFF_LINE, *([oversight.id] if oversight else [])))
    plain = plainly_a_request(decision, gathered.text, gathered.kind, not_plain=not_plain)
    return Kind.REQUEST if plain else None


async def _offers_now(
    ctx: Ctx, gathered: Gathered, decision: Decision
) -> tuple[list[Offer], frozenset[int]]:
    """The draft's offers (`offers_kept`) its buttons can still do what they say, and the
    ids of those resolved since they were offered, whose press now asks whether they are
    not solved (`verdicts.asked_if_not_solved`: 少了两条). A summary shown again after the
    team resolved or closed a ticket offers no 「➕ 补充到工单」 for it: pressed, it would
    add nothing."""
    assert ctx.conv is not None
    offers: list[Offer] = []
    not_solved: set[int] = set()
    for offer in offers_kept(ctx.conv.data):
        ticket = await ctx.uow.tickets.get(offer.ticket_id)
        if ticket is None or ticket.requester_id != ctx.user.id:
            continue
        if ticket.status is Status.RESOLVED:
            # As `intake._add_to_ticket` reads its press (its files kept with the question).
            if not asked_if_not_solved(ticket, gathered.text, decision):
                continue
            not_solved.add(offer.ticket_id)
        elif not ticket.status.is_open:
            continue
        offers.append(offer)
    return offers, frozenset(not_solved)


def _resolved_lead(ctx: Ctx, resolved: list[Offer], *, every: bool) -> tuple[str, str]:
    """What a summary says of the tickets it offers that were resolved since (`resolved`,
    each with 「❌ 工单 N 还没解决」): when `every` ticket offered was, no lead of tickets in
    hand but whether they are not solved; else that lead, and a note after it naming
    those. (the lead's key or "", the words after it)."""
    number = "、".join(offer.number for offer in resolved)
    if len(resolved) == 1:
        button = f"「{_not_solved_label(ctx, resolved[0])}」"
    else:
        button = ctx.text("not_solved_buttons")
    if every:
        return "", ctx.text("about_resolved_confirm", number=number, button=button)
    return "free_text_confirm", ctx.text("about_resolved_note", number=number, button=button)


def _shown_number(ctx: Ctx, offer: Offer) -> str:
    """An offered ticket's number, with that of its item on a wish list: 第2项 10024."""
    if offer.place is None:
        return offer.number
    return f"{ctx.text('item_number', number=offer.place)} {offer.number}"


def _not_solved_label(ctx: Ctx, offer: Offer) -> str:
    return ctx.text("add_not_solved", number=_shown_number(ctx, offer))


def _add_button(
    ctx: Ctx, offer: Offer, mark: str, *, several: bool, not_solved: frozenset[int]
) -> Button:
    """「➕ 补充到工单 N」, naming the ticket's team too when several are offered; for one
    resolved since it was offered, 「❌ 工单 N 还没解决」, which its press asks."""
    number = _shown_number(ctx, offer)
    label = ctx.text("add_to_ticket", number=number)
    if offer.ticket_id in not_solved:
        label = _not_solved_label(ctx, offer)
    elif several and offer.team_id is not None:
        team = in_script(ctx.cfg.team(offer.team_id).name, ctx.script)
        label = ctx.text("add_to_ticket_of_team", number=number, team=team)
    return Button(label, f"f:add{mark}:{offer.ticket_id}")


_WHY_WORDS = 4


def _why(ctx: Ctx, gathered: Gathered, decision: Decision, routed: tickets.Routed) -> str:
    """Why it goes there: the earlier ticket it continues (工单 N 的问题又出现了), when that
    decided it, else the words of theirs that did (`_why_for_requester`)."""
    earlier = tickets.continued_by(ctx, gathered, decision)
    if earlier is not None:
        line = in_script(ctx.cfg.line(earlier.line).name, ctx.script)
        return ctx.text("why_continues", number=earlier.number, line=line)
    return _why_for_requester(ctx, decision, routed, gathered.text)


def _why_for_requester(ctx: Ctx, decision: Decision, routed: tickets.Routed, typed: str) -> str:
    """Why it goes there, in the requester's terms: the words of theirs that decided it
    ("您提到了“许可证”“延续”…", as `typed` has them), not the router's scores and marks
    (许可证 ×2, 急) that the team's card shows."""
    if decision.line != routed.line:
        return in_script(routed.why, ctx.script)  # the kind decided it (a wish), not words
    oversight = ctx.cfg.oversight_line()
    if decision.overseer_named and oversight is not None:
        # About the oversight team's own people: why it is not sent to that team.
        named = "".join(f"“{in_script(w, ctx.script)}”" for w in decision.overseer_named)
        team = in_script(ctx.cfg.default_team(oversight.id).name, ctx.script)
        return ctx.text("why_about_overseer", words=named, team=team)
    words = decision.said
    line = in_script(ctx.cfg.line(routed.line).name, ctx.script)
    if not words:
        return ctx.text("why_line", line=line)
    quoted = [as_typed(ctx.cfg, word, typed) for word in words[:_WHY_WORDS]]
    # Each as its stretch of their message reads (菸, not the 煙 converting it would give).
    stretches = [typed_stretch(w, typed) for w in quoted]
    said = "".join(
        f"“{in_script(as_written(s) if s else w, ctx.script)}”"
        for w, s in zip(quoted, stretches, strict=True)
    )
    return ctx.text("why_words", words=said, line=line)


def list_notes(ctx: Ctx, listed: WishList) -> list[str]:
    """What the summary of a wish list says of how it was read: a list too long to split
    and what to do with it, the items left empty and those written twice, left out, and
    a number written on two items, both kept (the items are numbered as filed)."""
    if listed.too_long:
        return [ctx.text("wish_list_too_long", count=listed.too_long, limit=MAX_ITEMS)]
    notes = []
    if listed.empty:
        numbers = "、".join(str(n) for n in listed.empty)
        notes.append(ctx.text("wish_items_empty", numbers=numbers))
    notes += [
        ctx.text("wish_items_repeated", number=number, first=first)
        if number != first
        else ctx.text("wish_item_written_again", number=number)  # "2. 食堂\n2. 食堂"
        for number, first in listed.repeated
    ]
    if listed.numbered_twice and len(listed.items) > 1:
        numbers = "、".join(str(n) for n in listed.numbered_twice)
        notes.append(ctx.text("wish_items_numbered_twice", numbers=numbers))
    return notes


def numbered(lines: list[str]) -> str:
    return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1))
