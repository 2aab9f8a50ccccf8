"""Several items of a staff member's wish list (心愿清单) judged in one message, by the
numbers the list was filed under: "第2项和第3项没实现", "前两项满意，第三项没实现",
"第一项5分第二项3分". Each verdict is applied to its own items; when any part cannot be read
for sure, none is, and the person is told what was understood and asked item by item.
Whether words typed at one item's prompts are another item's verdict is read here too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.enums import Status
from core.model import Ticket
from handlers.cards import called_here, ticket_status
from handlers.context import Ctx
from handlers.i18n import in_script, quoted
from handlers.items_named import item_named
from handlers.rating import (
    ask_score,
    gist_of,
    may_send_back,
    rate_ticket,
    reopen_ticket,
    say_not_sent_back,
)
from handlers.rating_words import judgement_in
from handlers.verdict_words import kind_verdict, says_not_solved, says_solved, typed_score
from handlers.wish_list_others import others_said
from handlers.wish_lists import (
    ItemsVerdict,
    ItemWords,
    item_alone,
    item_of,
    item_then_words,
    item_words,
    items_meant,
    items_verdicts,
    wish_lists,
)
from routing import normalize

SEND_BACK = "back"
GRANTED = "ok"  # its score is asked


@dataclass(frozen=True)
class _Judged:
    """One item of the list and the verdict a part of the words gives it (`score`, or
    SEND_BACK, or GRANTED), with that part's words."""

    item: Ticket
    number: int
    verdict: str
    score: int | None
    said: str


def _verdict_of(words: str) -> tuple[str, int | None] | None:
    """What a part's words say of its items: a score, not granted (sent back), granted or
    a judgement (its score asked); None when they say none of these for sure."""
    if (score := typed_score(words)) is not None:
        return "score", score
    kinded = kind_verdict(words)
    if says_not_solved(words) or (kinded is not None and kinded.not_done):
        return SEND_BACK, None
    if says_solved(words) or kinded is not None or judgement_in(words) is not None:
        return GRANTED, None
    return None


async def names_another_item(ctx: Ctx, text: str, ticket: Ticket) -> bool:
    """Words that clearly judge an item of `ticket`'s wish list other than `ticket`, named
    first ("第2项没实现" typed while item 1 is rated), or several of them by number ("第2项
    和第3项没实现"), or items judged on each side of a pause, one of them another
    ("第1项满意，空调那项没实现"). An item named with no verdict after it ("第2点，希望以后多
    些水果") is no such thing: at `ticket`'s comment prompt, it is the comment."""
    if (parts := items_verdicts(text)) is not None:
        if any(_verdict_of(part.rest) is None for part in parts):
            return False
        lists = await wish_lists(ctx, [ticket])
        named = [item_of(items, n) for items in lists for part in parts for n in part.numbers]
        return any(item is not None and item.id != ticket.id for item in named)
    # 第1项满意，空调那项没实现: items judged on each side of a pause, as read outside the
    # prompt (_named_apart); read whole, item_words takes it all for item 1's verdict.
    words = normalize(text).strip()
    lists = await wish_lists(ctx, [ticket]) if _FIRST_PAUSE.search(words) else []
    apart = _split_apart(words, lists[0]) if len(lists) == 1 else None
    if apart is not None:
        return any(lists[0][n - 1].id != ticket.id for n, _ in apart)
    said = item_words(text)
    if said is None or _verdict_of(said.rest) is None:
        return False
    items = await items_meant(ctx, said, [ticket])
    return bool(items) and all(t.id != ticket.id for t in items)


async def scores_another_item(ctx: Ctx, text: str, ticket: Ticket) -> bool:
    """A score alone ("4") typed at `ticket`'s comment prompt, its own score given, while
    other items of its wish list still await the staff member's score (前两项满意 asked
    two): for one of them, not a comment on `ticket`."""
    if typed_score(text) is None:
        return False
    lists = await wish_lists(ctx, [ticket])
    return any(
        item.id != ticket.id and item.status is Status.RESOLVED for items in lists for item in items
    )


async def several_items_judged(ctx: Ctx, text: str, awaiting: Sequence[Ticket]) -> bool:
    """Verdicts on two or more items of the person's wish list, by number, acted on item by
    item; or, when a part names no item of the list or says nothing for sure, what was
    understood said and nothing done. False when the words judge fewer than two items by
    number, or no wish list of theirs awaits their word."""
    if await _named_then_others(ctx, text, awaiting):
        return True
    if await _named_apart(ctx, text, awaiting):
        return True
    parts = items_verdicts(text)
    if parts is None:
        return await _all_awaiting_judged(ctx, text, awaiting)
    if not awaiting:
        return False
    lists = await wish_lists(ctx, awaiting)
    if not lists:
        return False
    # The list answered lately: the one whose items await their word, when only one does.
    items = lists[0] if len(lists) == 1 else None
    judged: list[_Judged] = []
    unclear: list[str] = []
    for part in parts:
        read = _verdict_of(part.rest)
        # 两项都没实现 of a list of three does not say which two, unless two await.
        numbers = _numbers_meant(part, items, awaiting)
        named = [item_of(items, n) for n in numbers or ()] if items is not None else [None]
        if read is None or numbers is None or any(item is None for item in named):
            unclear.append(part.said)
            continue
        for number, item in zip(numbers, named, strict=True):
            assert item is not None and items is not None
            place = number if number > 0 else len(items) + number + 1
            judged.append(_Judged(item, place, read[0], read[1], part.said))
    if unclear or len({j.item.id for j in judged}) < len(judged):
        _say_understood(ctx, judged, unclear or [p.said for p in parts], text)
        return True
    await _apply(ctx, sorted(judged, key=lambda j: j.number))
    return True


async def _named_then_others(ctx: Ctx, text: str, awaiting: Sequence[Ticket]) -> bool:
    """Items named and judged, then the others judged together ("第一项满意，其他两项都没
    实现"): each as its words say, the others being the list's items not named (those
    awaiting the person's word when no count is said). A count that is not how many
    others there are (其他三项 beside one of three) changes nothing, and says so. False
    when the words are not such, or no one wish list of theirs awaits their word."""
    said = others_said(text)
    others_verdict = _verdict_of(said.rest) if said is not None else None
    if said is None or others_verdict is None or not awaiting:
        return False
    lists = await wish_lists(ctx, awaiting)
    if len(lists) != 1:
        return False
    [items] = lists
    named = _named_first(said.head, items)
    if named is None:
        return False
    whole = text.strip()  # the reason an item sent back goes with
    if said.also:
        # 第一项满意，另外第三项没实现: 另外 is "also", one more item named, the others not
        # judged; 另外 before words naming no item is the others' (另外没实现).
        also = _named_first(said.rest, items)
        if also is not None:
            named = [*named, *also]
            if len({n for n, _ in named}) < len(named):
                return False
            await _apply(ctx, [_Judged(items[n - 1], n, *v, whole) for n, v in sorted(named)])
            return True
        if item_words(said.rest) is not None:
            return False  # 另外 an item this list has not: not the others either
    judged = [_Judged(items[n - 1], n, *verdict, whole) for n, verdict in named]
    waiting = {t.id for t in awaiting}
    others = [(n, t) for n, t in enumerate(items, start=1) if n not in dict(named)]
    open_ones = [(n, t) for n, t in others if t.id in waiting]
    if said.count is None or said.count == len(open_ones):
        chosen = open_ones
    elif said.count == len(others):
        chosen = others  # one rated or in hand among them: _apply says so
    else:
        _say_miscounted(ctx, [n for n, _ in named], said.count, len(others))
        return True
    if not chosen:
        return False
    judged += [_Judged(t, n, *others_verdict, whole) for n, t in chosen]
    await _apply(ctx, sorted(judged, key=lambda j: j.number))
    return True


async def _named_apart(ctx: Ctx, text: str, awaiting: Sequence[Ticket]) -> bool:
    """Items named and judged on each side of a pause, one of them by its words ("第1项满意，
    空调那项没实现", "空调那项没实现，第一项满意", "第一项满意，空调还是没修好"): each as its
    own words say, the items not named left awaiting. Read whole, the words after 第1项
    (满意，空调那项没实现) would be item 1's verdict, and item 1 sent back. False when no
    pause parts two sets of items of one wish list, each with a verdict."""
    if not awaiting:
        return False
    words = normalize(text).strip()
    if not _FIRST_PAUSE.search(words):
        return False
    lists = await wish_lists(ctx, awaiting)
    if len(lists) != 1:
        return False
    [items] = lists
    named = _split_apart(words, items)
    if named is None:
        return False
    whole = text.strip()  # the reason an item sent back goes with
    await _apply(ctx, [_Judged(items[n - 1], n, *v, whole) for n, v in sorted(named)])
    return True


def _split_apart(
    words: str, items: Sequence[Ticket]
) -> list[tuple[int, tuple[str, int | None]]] | None:
    """The items of `items` the (normalized) `words` name and judge on each side of their
    first pause that parts two such sets, each with its verdict; None when none does, or
    one item is judged twice (not for sure which verdict is its)."""
    for pause in _FIRST_PAUSE.finditer(words):
        head = _named_first(words[: pause.start()], items)
        tail = _named_first(words[pause.end() :], items) if head is not None else None
        if head is None or tail is None:
            continue
        named = head + tail
        return named if len({n for n, _ in named}) == len(named) else None
    return None


def _named_first(
    head: str, items: Sequence[Ticket]
) -> list[tuple[int, tuple[str, int | None]]] | None:
    """The items `head` names, by their numbers on the list, each with the verdict its
    words give ("第一项满意", "前两项5分", "早餐那项没实现"); None when it names no item of
    the list, one twice, or gives one no verdict."""
    named: list[tuple[int, tuple[str, int | None]]] = []
    if (parts := items_verdicts(head)) is not None:
        for part in parts:
            read = _verdict_of(part.rest)
            if read is None or part.whole:
                return None
            for number in part.numbers:
                place = number if number > 0 else len(items) + number + 1
                named.append((place, read))
    else:
        excepted = _excepted(head)
        if excepted is None or excepted.verdict is None or excepted.loose:
            return None
        said = excepted.item
        if said.number is not None:
            item = item_of(items, said.number)
        else:
            item = item_named(said.named, items)
        if item is None:
            return None
        named.append((items.index(item) + 1, excepted.verdict))
    numbers = [n for n, _ in named]
    if len(set(numbers)) < len(numbers) or not all(1 <= n <= len(items) for n in numbers):
        return None
    return named


def _say_miscounted(ctx: Ctx, named: list[int], count: int, left: int) -> None:
    """其他三项 said beside item 1 of a list of three: which items it meant is not sure."""
    numbers = "、".join(ctx.text("item_number", number=n) for n in sorted(named))
    ctx.say("items_others_miscounted", named=numbers, count=count, left=left)


def _numbers_meant(
    part: ItemsVerdict, items: Sequence[Ticket] | None, awaiting: Sequence[Ticket]
) -> tuple[int, ...] | None:
    """The numbers of the items `part` judges: those it names, but for as many items said
    together (这两项都满意) as the list's items awaiting the person's word, fewer than
    the list has (one sent back or rated already): those items. None when that many said
    together are neither the list's whole nor the items awaiting."""
    if items is None or part.whole in (0, len(items)):
        return part.numbers
    waiting = {t.id for t in awaiting}
    open_ones = tuple(n for n, item in enumerate(items, start=1) if item.id in waiting)
    return open_ones if len(open_ones) == part.whole else None


# 都好了, 全部都实现了, 这几项都没实现: one verdict on every item that awaits it; the
# verdict right after 都, not "都快一个月了还没实现" (都: already).
_ALL = re.compile(
    r"^(?:这些|这几[项个条]|它们|所有的?|全部的?)?(?:心愿|项目?)?(?:都|全都|全部|均)"
    r"(?P<rest>(?:没|未|已|还没|实现|满意|不满意|基本|比较|挺|很|非常|好|解决|可以|行|有异议"
    r"|不同意|我?(?:给|打)|[1-5一二三四五](?:分|星|颗星)).*)$"
)


# 都满意，就是第三项还没实现: all but one, named after a pause and judged otherwise; 都没实现，
# 早餐还是只有馒头 is the one verdict, with why.
_FIRST_PAUSE = re.compile(r"[，,。.；;！!\s]+")
_EXCEPT = re.compile(r"^(?:除了?|就是|但是?|不过|只是|可是|唯独|只有|只)")
# The words that except an item even when they name it by its words alone (都满意，除了早餐);
# after 就是 or 不过 such words are as likely a remark (都满意，就是有点慢).
_EXCEPT_ONLY = re.compile(r"^(?:除了?|唯独)")


@dataclass(frozen=True)
class _AllSaid:
    """The verdict said of all the items after 都, and the item excepted after a pause
    with its own verdict, if any."""

    verdict: tuple[str, int | None]
    excepted: ItemWords | None = None
    excepted_verdict: tuple[str, int | None] | None = None
    # Excepted by its words alone (都满意，除了早餐): words that name no item of the list
    # (都满意，除了有点慢) are a remark, and all the items are judged alike.
    loose: bool = False


def _all_said(rest: str) -> _AllSaid | None:
    """What `rest` (the words after 都) says of all the items, read up to its first pause,
    and of the one it excepts after it; None when the words after the pause judge
    otherwise without naming an item."""
    said, *after = _FIRST_PAUSE.split(rest.strip(), maxsplit=1)
    read = _verdict_of(said)
    more = after[0] if after else ""
    if read is None or not more:
        return None if read is None else _AllSaid(read)
    plain = _EXCEPT.sub("", more)
    if plain != more and (alone := item_alone(plain)) is not None:
        # 都满意，除了第三项: the one excepted went otherwise, without saying how again.
        return _AllSaid(read, alone, _otherwise(read))
    if _EXCEPT_ONLY.match(more) and (excepted := _excepted(plain)) is not None:
        # 都满意，除了早餐没实现; 除了空调那项有点慢: that one went otherwise, as it says or
        # as 除了 says; 都满意，除了早餐: named by its words alone.
        its = excepted.verdict or _otherwise(read)
        if its == read:
            return _AllSaid(read)
        return _AllSaid(read, excepted.item, its, loose=excepted.loose)
    named = item_words(plain)
    if named is None:
        # Why, or a remark (都满意，就是有点慢), not an exception: unless it judges otherwise.
        return _AllSaid(read) if (_verdict_of(plain) or read)[0] == read[0] else None
    other = _verdict_of(named.rest)
    if other is None or other[0] == read[0]:
        # 都满意，第三项也很好: that one as the rest; 都满意，就是空调那项有点慢: a remark on
        # it, as 就是有点慢 is on them all, its score asked as theirs.
        return _AllSaid(read)
    return _AllSaid(read, named, other)


def _otherwise(verdict: tuple[str, int | None]) -> tuple[str, int | None]:
    """The verdict on an item excepted from `verdict` said of all the others: sent back
    from those granted or scored, granted (its score asked) from those sent back."""
    return (GRANTED, None) if verdict[0] == SEND_BACK else (SEND_BACK, None)


# 除了第三项，其他都满意: the item excepted first, by its number or its words (除了早餐那项都
# 满意, 除了早餐，其他两项都满意), then the verdict on the rest; without 除了, 以外 or 之外
# after it excepts it (早餐那项以外都满意, 第三项之外都满意). An item named by its words
# keeps its 那项, the shortest item read up to 都 would leave it out (早餐那).
_EXCEPTED_FIRST = re.compile(
    r"^(?P<chu>除了?)?(?P<item>.+?(?:(?:那|这)一?[项个条])?)(?(chu)(?:以外|之外|外)?|(?:以外|之外))"
    r"[，,\s]*"
    r"(?:(?:其他|其余|其它|别的|剩下)的?(?:[几两二三四五六七八九]|\d{1,2})?[项个条]?)?"
    r"(?:几?[项个条])?(?P<all>(?:都|全都|全部|均).+)$"
)


def _by_its_words(words: str) -> ItemWords:
    return ItemWords(None, words.strip(), "")


@dataclass(frozen=True)
class _Excepted:
    """The item words after (or before) 除了 name, and the verdict they give it; None
    when they give none (除了第三项, 除了空调那项有点慢). `loose`: named by its words alone,
    which may name no item (除了有点慢 is a remark)."""

    item: ItemWords
    verdict: tuple[str, int | None] | None
    loose: bool = False


def _excepted(words: str) -> _Excepted | None:
    """The item `words` except and what they say of it: by its number or its words, with
    那项 or without (早餐没实现); None when the words judge with no item named (除了没实现的)."""
    if (alone := item_alone(words)) is not None:
        return _Excepted(alone, None)
    named = item_words(words) or next(
        (split for split in item_then_words(words) if _verdict_of(split.rest) is not None), None
    )
    if named is not None:
        return _Excepted(named, _verdict_of(named.rest))
    if _verdict_of(words) is not None:
        return None
    return _Excepted(_by_its_words(words), None, loose=True)


def _judged_together(words: str) -> _AllSaid | None:
    """What words judging all the items awaiting say (`_all_said`), the one excepted named
    after them (都满意，除了第三项) or before them (除了第三项，其他都满意); None when they
    are no such words."""
    if (found := _ALL.match(words)) is not None:
        return _all_said(found["rest"])
    first = _EXCEPTED_FIRST.match(words)
    excepted = _excepted(first["item"]) if first is not None else None
    if first is None or excepted is None:
        return None
    found = _ALL.match(first["all"])
    said = _all_said(found["rest"]) if found is not None else None
    if said is None or said.excepted is not None or excepted.verdict == said.verdict:
        return None
    # 除了早餐，其他都满意: by its words alone, which must then name an item of the list;
    # 除了早餐没实现，其他都满意: judged as it says; 除了空调那项有点慢，其他都满意: otherwise.
    return _AllSaid(said.verdict, excepted.item, excepted.verdict or _otherwise(said.verdict))


async def _all_awaiting_judged(ctx: Ctx, text: str, awaiting: Sequence[Ticket]) -> bool:
    """One verdict said of all the items of a wish list that await the person's word
    ("都好了", "都没实现"), but for one named after it with a verdict of its own (都满意，
    就是第三项还没实现) or excepted (除了第三项，其他都满意): applied to each, as if each
    were named, never asked which one.
    False unless two or more items of one list, and nothing else, await their word, or
    when the one excepted is not among them."""
    said = _judged_together(normalize(text).strip()) if len(awaiting) > 1 else None
    if said is None:
        return False
    lists = await wish_lists(ctx, awaiting)
    waiting = {t.id for t in awaiting}
    if len(lists) != 1 or not waiting <= {t.id for t in lists[0]}:
        return False
    [items] = lists
    excepted: Ticket | None = None
    if said.excepted is not None:
        number = said.excepted.number
        if number is not None:
            excepted = item_of(items, number)
        else:
            excepted = item_named(said.excepted.named, items)
        if excepted is None and said.loose:
            said = _AllSaid(said.verdict)  # 都满意，除了有点慢: a remark, no item excepted
        elif excepted is None or excepted.id not in waiting:
            return False
    judged = []
    for n, item in enumerate(items, start=1):
        if item.id in waiting:
            verdict = said.excepted_verdict if item is excepted else None
            judged.append(_Judged(item, n, *(verdict or said.verdict), text.strip()))
    await _apply(ctx, judged)
    return True


async def _apply(ctx: Ctx, judged: list[_Judged]) -> None:
    """Sent back first, then rated, then the scores of those granted asked (one rated
    already said to be): the last thing said is what the person is asked next. Only the
    last item scored asks for a comment (its prompt names it), and only when no score is
    asked after it."""
    scored = [j for j in judged if j.verdict == "score"]
    granted = [j for j in judged if j.verdict == GRANTED]
    for each in (j for j in judged if j.verdict == SEND_BACK):
        item = each.item
        if item.status is not Status.RESOLVED and not may_send_back(item, ctx.now):
            _not_open_to_it(ctx, item)
        else:
            await reopen_ticket(ctx, item, each.said)
    for each in scored:
        if _in_hand(each.item):
            _not_open_to_it(ctx, each.item)
            continue
        last = each is scored[-1] and not granted
        await rate_ticket(ctx, each.item, each.score or 0, ask_comment=last)
    for each in granted:
        if each.item.rating is not None:
            # 3项都满意 with item 1 rated already: its score stands, and nothing is sent back.
            rated = each.item
            what = called_here(ctx, rated)
            ctx.say("already_rated", number=rated.label, score=rated.rating, what=what)
        elif _in_hand(each.item) or each.item.status is not Status.RESOLVED:
            _not_open_to_it(ctx, each.item)
        else:
            await ask_score(ctx, each.item, naming=True)


def _in_hand(item: Ticket) -> bool:
    return item.status not in (Status.RESOLVED, Status.CLOSED)


def _not_open_to_it(ctx: Ctx, item: Ticket) -> None:
    """An item the team has not answered yet, or one rated already, named with others."""
    if _in_hand(item):
        say_not_answered(ctx, item)
    else:
        say_not_sent_back(ctx, item)


def say_not_answered(ctx: Ctx, item: Ticket) -> None:
    """An item of a wish list named and judged that the team has not answered: still in
    hand (还在办理中, to be asked about once answered), or withdrawn, which is said."""
    what = called_here(ctx, item)
    if item.status.is_open:
        ctx.say("item_not_answered", number=item.label, gist=gist_of(ctx, item), what=what)
    else:
        ctx.say("mine_not_allowed_now", status=ticket_status(item, ctx.script_here), what=what)


def _say_understood(ctx: Ctx, judged: list[_Judged], unclear: list[str], text: str) -> None:
    lines = [
        ctx.text(
            "items_understood_line",
            place=j.number,
            number=j.item.label,
            gist=gist_of(ctx, j.item),
            verdict=_said_of(ctx, j),
        )
        for j in sorted(judged, key=lambda j: j.number)
    ]
    ctx.say(
        "items_partly_understood",
        words=quoted(text.strip()),
        understood="\n".join(lines) or ctx.text("items_understood_none"),
        # The parts were read from the words made Simplified: quoted in the person's script.
        unclear="、".join(f"“{quoted(in_script(u, ctx.script))}”" for u in unclear),
    )


def _said_of(ctx: Ctx, judged: _Judged) -> str:
    if judged.verdict == "score":
        return ctx.text("items_understood_score", score=judged.score)
    key = "items_understood_back" if judged.verdict == SEND_BACK else "items_understood_ok"
    return ctx.text(key)
