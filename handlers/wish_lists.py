"""Which item of a staff member's wish list (心愿清单) words name before saying how it ended:
by the number it was filed under ("第3项没实现", "第二项满意", "3没实现"), as the reply that
filed the list numbered them, or by its own words with 那项 ("早餐那项5分", "早餐那項沒實現").
The words left after the item ("没实现", "5分") are the verdict on it alone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.enums import Kind, Status
from core.model import Ticket
from core.wish_lists import LIST_MIN, list_progress, progress_line
from handlers.context import Ctx
from handlers.drafts import DRAFT
from handlers.items_named import item_named
from routing import bare, normalize

_HAN_NUMBERS = "一二三四五六七八九十"
# 个 and 点 count time as well as items: 3个月, 两个小时, 3点钟, 8点半, 3点了 say when, not
# which.
_TIME_AFTER_GE = r"(?:多|半)?(?:月|小时|钟头|星期|礼拜|工作日|周|年头|晚上|白天|上午|下午)"
_TIME_AFTER_DIAN = (
    r"(?:钟|半|多|整|刻|了|左右|前|以前|之前|后|以后|之后|[0-9零一二三四五六七八九十])"
)
_ITEM = rf"(?:项|条|个(?!{_TIME_AFTER_GE})|点(?!{_TIME_AFTER_DIAN}))"
_ITEMS = rf"(?:项|条|个(?!{_TIME_AFTER_GE}))"  # 前两项, 后两个: never 点
_PAUSE = r"[\s，,。.、：:；;！!]*"
# 第3项, 第二项, 第3个: the number as the list showed it. Without 项 ("3没实现", "第2，满意")
# only with a verdict word right after it: "3天了还没实现" is about three days, "第一次没
# 实现" about a first time, "5分" a score.
_VERDICT_NEXT = (
    r"(?=没|未|已|还|实现|满意|不满意|基本|比较|很|非常|一般|解决|修好|有异议|不同意|不接受|不认可"
    r"|我?(?:给|打)|[1-5一二三四五](?:分|星|颗星))"
)
_BY_NUMBER = re.compile(
    rf"^(?:第(?P<nth>\d{{1,2}}|[{_HAN_NUMBERS}])|(?P<bare>\d{{1,2}}))(?!\d)"
    rf"(?:{_ITEM}(?:的|那|这)?|{_PAUSE}{_VERDICT_NEXT}){_PAUSE}(?P<rest>.+)$"
)
# 早餐那项, 空调的那一项, 体检这个: an item named by its own words, then the verdict.
_BY_WORDS = re.compile(rf"^(?P<named>.+?)的?(?:那|这)一?{_ITEM}{_PAUSE}(?P<rest>.+)$")
# Another item named in the words left ("第3项和第4项没实现"): not one item's verdict.
_ANOTHER = re.compile(rf"第(?:\d|[{_HAN_NUMBERS}])|\d{_ITEM}|(?:和|跟|与|、)\d")


# Several items named in one message: 第2项和第3项, 第2、3项, 1、2项, 前两项, 后两项, each
# group followed by its verdict ("前两项满意，第三项没实现", "第一项5分第二项3分").
_NUM = rf"(?:\d{{1,2}}(?!\d)|[{_HAN_NUMBERS}])"
_JOIN = r"\s*(?:和|跟|与|及|、|/|,|，)\s*"
_ENDS = rf"(?:{_ITEM}|(?={_JOIN}|{_VERDICT_NEXT}))"
_GROUP = re.compile(
    # 3项都, 这三个都, 两项全: as many items as that, all of them; the list's whole when it
    # has that many, never its item 3
    rf"(?:这|那)?(?P<whole>[两二三四五六七八九十]|\d{{1,2}}(?!\d)){_ITEMS}(?=[都全均])"
    rf"|(?:前|头)(?P<first>[两二三四五六七八九]|\d){_ITEMS}"
    rf"|后(?P<last>[两二三四五六七八九]|\d){_ITEMS}"
    # 第 before the first number, 项 after the last: 第2、3项, 第二项，第三项
    rf"|(?P<nth>第{_NUM}{_ENDS}(?:{_JOIN}第?{_NUM}{_ENDS})*)"
    # figures without 第: 1、2项, 3项, 2和3没实现
    rf"|(?<!\d)(?P<bare>\d{{1,2}}(?:{_JOIN}\d{{1,2}})*(?!\d)(?:项|(?={_VERDICT_NEXT})))"
)
_LEFT = "，,、。.；;：:！! 都也均"  # between an item and its verdict, or after it


@dataclass(frozen=True)
class ItemsVerdict:
    """Items of a wish list by the numbers they were filed under (a negative one counts
    from the list's end, as 后两项 does), and the words that judge them."""

    numbers: tuple[int, ...]
    rest: str
    said: str  # the words of this part, items and verdict
    # As many items as this said of all of them together (3项都满意): the whole list's
    # when it has that many; 0 when its items are named one by one.
    whole: int = 0


def items_verdicts(text: str) -> list[ItemsVerdict] | None:
    """The parts of words that judge two or more items of a wish list by their numbers
    ("第2项和第3项没实现": (2, 3) 没实现; "前两项满意，第三项没实现": (1, 2) 满意, (3,) 没实现);
    None when the words do not begin with an item's number or name fewer than two items.
    Numbers named with nothing after them share the next part's verdict ("第二项，第三项都没
    实现")."""
    words = normalize(text).strip()
    groups = list(_GROUP.finditer(words))
    if not groups or groups[0].start() != 0:
        return None
    parts: list[ItemsVerdict] = []
    pending: tuple[int, ...] = ()
    whole = 0
    start = 0
    for group, after in zip(groups, [*groups[1:], None], strict=True):
        end = after.start() if after is not None else len(words)
        pending += _group_numbers(group)
        whole = count_said(group["whole"]) if group["whole"] else whole
        rest = words[group.end() : end].strip(_LEFT)
        if rest:
            said = words[start:end].strip(_LEFT)
            parts.append(ItemsVerdict(pending, rest, said, whole))
            pending, whole, start = (), 0, end
    if pending or sum(len(p.numbers) for p in parts) < 2:
        return None
    return parts


def _group_numbers(group: re.Match[str]) -> tuple[int, ...]:
    if group["whole"] or group["first"]:
        return tuple(range(1, count_said(group["whole"] or group["first"]) + 1))
    if group["last"]:
        return tuple(range(-count_said(group["last"]), 0))
    found = re.findall(_NUM, group["nth"] or group["bare"])
    return tuple(_number(n) for n in found)


def count_said(said: str) -> int:
    """How many items a number says, in figures or in words (两 is 2)."""
    return 2 if said == "两" else _number(said)


def item_of(items: Sequence[Ticket], number: int) -> Ticket | None:
    """Item `number` of a list (counted from its end when negative), or None."""
    place = number - 1 if number > 0 else len(items) + number
    return items[place] if 0 <= place < len(items) else None


@dataclass(frozen=True)
class ItemWords:
    """Words that name an item of a wish list first, by its `number` or by words of its
    own (`named`), and what they say of it (`rest`)."""

    number: int | None
    named: str
    rest: str


def item_words(text: str) -> ItemWords | None:
    """The item `text` names first and the words after it ("第3项没实现": 3, "没实现";
    "早餐那项5分": 早餐, "5分"); None when it names none, or another one after it
    ("第3项和第4项没实现")."""
    words = normalize(text).strip()
    if (numbered := _BY_NUMBER.match(words)) is not None:
        if numbered["bare"] and numbered["rest"].startswith(("都", "全", "均")):
            return None  # 3项都满意: all three items (`items_verdicts`), not item 3
        said = ItemWords(_number(numbered["nth"] or numbered["bare"]), "", numbered["rest"])
    elif (by_words := _BY_WORDS.match(words)) is not None:
        said = ItemWords(None, by_words["named"], by_words["rest"])
    else:
        return None
    return None if _ANOTHER.search(said.rest) else said


def judged_at_once(said: ItemWords) -> bool:
    """Whether the words after the item named begin with how it went ("第2项满意", "第二项
    5分", "早餐那项没实现"), nothing of their own before it. Words that go on about a
    matter of their own (第2条路灯还没修好, 宿舍那个门锁还没修好, 第一个问题是宿舍漏水) may
    begin like an item and be about something else."""
    return _VERDICT_AT.match(said.rest) is not None


# An item named and nothing more ("第三项", "早餐那项"), as after 除了: 以外 or 外 may close it.
_ALONE = re.compile(
    rf"^(?:第(?P<nth>\d{{1,2}}|[{_HAN_NUMBERS}])(?!\d){_ITEM}?|(?P<bare>\d{{1,2}})(?!\d){_ITEM}"
    rf"|(?P<named>.+?)的?(?:那|这)一?{_ITEM})(?:的)?(?:以外|之外|外)?$"
)


def item_alone(text: str) -> ItemWords | None:
    """The item `text` names with nothing said of it ("第三项", "早餐那项以外"): its number
    or its words, and no verdict (`rest` is ""); None for words that are not one item's
    name alone."""
    found = _ALONE.match(normalize(text).strip(_LEFT))
    if found is None:
        return None
    if found["named"]:
        return ItemWords(None, found["named"], "")
    return ItemWords(_number(found["nth"] or found["bare"]), "", "")


# Where words that may be a verdict begin (没实现, 满意, 5分), for an item named by its
# words with no 那项 before them (早餐没实现).
_VERDICT_AT = re.compile(_VERDICT_NEXT)


def item_then_words(text: str) -> list[ItemWords]:
    """The ways `text` reads as an item named by its words alone, then words that may say
    how it went ("早餐没实现": 早餐, "没实现"), the shortest item first; the caller tells
    which words after it are a verdict, and which item the words name."""
    words = normalize(text).strip()
    splits = []
    for found in _VERDICT_AT.finditer(words, 1):
        named = words[: found.start()].strip(_LEFT)
        if named:
            splits.append(ItemWords(None, named, words[found.start() :]))
    return splits


# An item of a wish list withdrawn by the number it was filed under: 撤回第2项, 撤销第二个,
# 第2项撤回, 把第二项撤回吧, 第3项不要了. Only with 第, as the reply that filed the list
# numbered them: 撤回2项 may say two items; and nothing after it (撤回第2项的早餐要求 is
# about something else, 撤回第2项吗 asks).
_TAKE_BACK = r"(?:撤回|撤销|取消)掉?"
_WITHDRAWN = re.compile(
    rf"^(?:我(?:要|想)|帮我|请|麻烦)?(?:{_TAKE_BACK}第(?P<after>{_NUM}){_ITEMS}?"
    rf"|把?第(?P<before>{_NUM}){_ITEMS}?(?:{_TAKE_BACK}|不要了|不用办了|不办了|不需要了))"
    r"(?:吧|了|一下)*$"
)


def item_withdrawn(text: str) -> int | None:
    """The number of the wish list's item words ask to withdraw ("撤回第2项": 2), in either
    script; None for any other words."""
    found = _WITHDRAWN.match(bare(text))
    if found is None:
        return None
    return _number(found["after"] or found["before"])


# An answer to the team's question that names its item first, as the list's replies name
# them (第2项：要有粥和鸡蛋, 第三项3号楼): 项 only, since 第一个, 第二个 also count the things
# an answer lists (第一个要粥，第二个要鸡蛋).
_ANSWER_FOR = re.compile(rf"^第(?P<n>{_NUM})项的?{_PAUSE}(?P<rest>.+)$", re.DOTALL)
# Another item named further on (第1项：要有粥，第2项：要有鸡蛋): points of one answer, or
# an answer to each item, which no single item's number says where it goes.
_ANSWER_ANOTHER = re.compile(rf"第{_NUM}项")


def item_answered(text: str) -> int | None:
    """The number of the item of a wish list an answer names first, with words after it;
    None for words that name none, or another item after it."""
    found = _ANSWER_FOR.match(normalize(text).strip())
    if found is None or _ANSWER_ANOTHER.search(found["rest"]):
        return None
    return _number(found["n"])


async def items_meant(ctx: Ctx, said: ItemWords, awaiting: Sequence[Ticket]) -> list[Ticket]:
    """The items `said` names among the tickets `awaiting` the person's word and the wish
    lists they are on. By number: item `number` of each list that has one, only those
    awaiting their word if any do (the list answered lately). By its words: the one item
    they name that no other has a word of (`item_named`). None when no item is named."""
    lists = await wish_lists(ctx, awaiting)
    if said.number is None:
        listed = [t for items in lists for t in items]
        others = [t for t in awaiting if all(t.id != i.id for i in listed)]
        named = item_named(said.named, listed + others)
        return [] if named is None else [named]
    items = [items[said.number - 1] for items in lists if said.number <= len(items)]
    answered = [t for t in items if t.status is Status.RESOLVED]
    return answered or items


async def wish_lists(ctx: Ctx, tickets: Sequence[Ticket]) -> list[list[Ticket]]:
    """The wish lists `tickets` were filed in, each list's items in the order they were
    numbered when filed; a wish filed on its own is on no list."""
    lists: list[list[Ticket]] = []
    seen: set[str] = set()
    for ticket in tickets:
        if ticket.kind is not Kind.WISH:
            continue
        assert ticket.id is not None
        events = await ctx.uow.tickets.events(ticket.id)
        draft = next((e.data.get(DRAFT) for e in events if e.action == "create"), None)
        if not isinstance(draft, str) or draft in seen:
            continue
        seen.add(draft)
        # Its requester's, whoever reads it: a team's member resolving it names its place.
        items = list(await ctx.uow.tickets.created_with(ticket.requester_id, DRAFT, draft))
        if len(items) >= LIST_MIN:
            lists.append(items)
    return lists


def _number(said: str) -> int:
    return int(said) if said.isdigit() else _HAN_NUMBERS.index(said) + 1


async def in_list_order(ctx: Ctx, tickets: Sequence[Ticket]) -> list[tuple[Ticket, int | None]]:
    """`tickets` each with its number on its wish list (None for one on no list), the items
    of a list together in the list's order, where its first item among them stood; the
    others as they came. The reply that filed a list numbered its items 1, 2, 3: a choice
    among them that lists them newest first (3, 2, 1), without the number, reads wrong."""
    place: dict[int | None, tuple[int, list[Ticket]]] = {}
    for items in await wish_lists(ctx, tickets):
        for n, item in enumerate(items, start=1):
            place[item.id] = (n, items)
    given = {t.id for t in tickets}
    ordered: list[tuple[Ticket, int | None]] = []
    done: set[int | None] = set()
    for ticket in tickets:
        if ticket.id in done:
            continue
        if ticket.id not in place:
            ordered.append((ticket, None))
            done.add(ticket.id)
            continue
        items = place[ticket.id][1]
        for n, item in enumerate(items, start=1):
            if item.id in given and item.id not in done:
                ordered.append((next(t for t in tickets if t.id == item.id), n))
                done.add(item.id)
    return ordered


def item_button_text(ctx: Ctx, ticket: Ticket, number: int | None, shown: str) -> str:
    """A button's words for `ticket`: `shown` (its number, its gist), after 第N项 when it is
    item N of a wish list."""
    return shown if number is None else f"{ctx.text('item_number', number=number)} {shown}"


async def say_list_progress(ctx: Ctx, ticket: Ticket) -> None:
    """After an item of a wish list is crossed off (销号): the items of the list still being
    worked on, by their numbers, or, when it was the last, that the whole list is."""
    lists = await wish_lists(ctx, [ticket])
    if not lists:
        return  # a wish on no list
    [items] = lists
    ctx.reply(progress_line(list_progress(items), ctx.text))


async def say_list_done_withdrawing(ctx: Ctx, ticket: Ticket) -> None:
    """After an item of a wish list is withdrawn (撤回): when it was the last still worked
    on and some item was crossed off, that the whole list is done, as rating the last item
    would have said; nothing while items are left (the last rating said which)."""
    lists = await wish_lists(ctx, [ticket])
    if not lists:
        return  # a wish on no list
    [items] = lists
    progress = list_progress(items)
    if progress.left or not progress.closed:
        return

    def text(key: str, **values: object) -> str:
        done = "wish_list_done_withdrawing" if key == "wish_list_done_apart" else key
        return ctx.text(done, **values)

    ctx.reply(progress_line(progress, text))
