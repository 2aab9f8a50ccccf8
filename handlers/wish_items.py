"""A staff member's wish list written as a numbered list ("1. 组织体检 2. 食堂加早餐"): each
item is a wish of its own on the wish list (心愿清单), crossed off (销号) when it is done,
so that the list's progress counts what was asked, item by item."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from routing import bare

# At most this many items are filed from one message: a longer list is not split (a form
# pasted in, most likely); the staff member is told so, and it is filed as one wish only
# when they choose that.
MAX_ITEMS = 10

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_HAN_DIGITS = "一二三四五六七八九十"

# An item's number: "1、" "2." "3．" "4）" "八、" where an item can begin (at the start, after
# a line break, a space or the punctuation that ends the one before); "(5)" "（6）" "（七）"
# and a circled "⑦" anywhere. A number followed by a digit (1.5万) is no item's, but for
# "1、" before an item's own number (1、2楼食堂加早餐, 2、3个空调坏了), taken only as the next
# number of the list (`_numbered`); numbers run on (1、2、3, 每周 2、3 次) are no item's.
_PAREN = rf"[（(](?:(?P<paren>\d{{1,2}})|(?P<hanparen>[{_HAN_DIGITS}]))[)）]"
_RUN_ON = r"\d+(?:[、.．,，:：~～\-\s至到或]|$)"
_PLAIN = rf"(?:(?P<arabic>\d{{1,2}})(?:、(?!{_RUN_ON})|[.．)）](?!\d))|(?P<han>[{_HAN_DIGITS}])、)"
_MARK = re.compile(rf"{_PAREN}|(?P<circled>[{_CIRCLED}])|(?:^|(?<=[\s，。；;,.!！?？：:])){_PLAIN}")
# The same anywhere, for a list written without a break before each number
# ("1、食堂增加早餐2、组织体检3、空调维修"), taken when it begins at the start or after a colon.
_MARK_ANYWHERE = re.compile(rf"{_PAREN}|(?P<circled>[{_CIRCLED}])|{_PLAIN}")


def _number(found: re.Match[str]) -> tuple[str, int]:
    """The numbering style and the number of a mark."""
    for style in ("arabic", "paren"):
        if found[style]:
            return style, int(found[style])
    for style in ("han", "hanparen"):
        if found[style]:
            return style, _HAN_DIGITS.index(found[style]) + 1
    return "circled", _CIRCLED.index(found["circled"]) + 1


def _before_figure(found: re.Match[str]) -> bool:
    """A number followed by a digit (2、3次, 3、4楼, 1、2楼食堂): as likely the figure's
    words as an item's number."""
    return found.string[found.end() : found.end() + 1].isdigit()


def _spaced(found: re.Match[str]) -> bool:
    """A number at the start or after a space or line break, where items are written."""
    return found.start() == 0 or found.string[found.start() - 1].isspace()


def _numbered(
    marks: Iterable[re.Match[str]], rivals: Sequence[re.Match[str]]
) -> list[re.Match[str]]:
    """The marks numbered 1, 2, 3… in the first one's style, in order. A number written
    again ("2. 食堂\n2. 空调", 1、食堂2、体检2、空调) is an item of its own, not words of the
    one before. A number before a figure is the figure's words (每周 2、3次, 空调维修，3、4楼
    都不凉) unless the list needs it: not again (2、3次 in item 2), nor where a later one of
    `rivals` (any mark of the text) takes its turn, nor at the list's end after words or
    punctuation when the list has two items without it (1、2楼食堂加早餐2、3个空调坏了 has
    only them)."""
    chosen: list[re.Match[str]] = []
    for found in marks:
        style, number = _number(found)
        if chosen and _number(chosen[0])[0] != style:
            continue  # a number of another style inside an item ("(1)" under "1.")
        last = _number(chosen[-1])[1] if chosen else 0
        figure = _before_figure(found)
        if figure and any(
            later.start() > found.start()
            and _number(later) == (style, number)
            and not _before_figure(later)
            for later in rivals
        ):
            continue  # 每周3、4次 before 3、食堂: the item is the later one's
        if number == last + 1 or (number == last and not figure):
            chosen.append(found)
    while len(chosen) > 2 and _before_figure(chosen[-1]) and not _set_off(chosen[-1], chosen[-2]):
        chosen.pop()  # 空调维修，3、4楼都不凉: floors 3 and 4 of item 2
    return chosen


# What ends an item before the next one's number: a clause's end (；。) always does; a comma
# does when the list's items are set off by commas too.
_ENDS_ITEM = "；;。"
_SETS_OFF = _ENDS_ITEM + "，,"


def _set_off(found: re.Match[str], before: re.Match[str]) -> bool:
    """Whether a number is set off from the words before it as the list's items are: at
    the start, after a space or line break, or after the punctuation that sets off the
    number before it (1、体检，2、早餐，3、5楼空调坏了) or ends a clause (；3、3楼厕所漏水).
    After a comma where the items are set off otherwise (空调维修，3、4楼都不凉 after
    " 2、"), it is a figure's."""
    if _spaced(found):
        return True
    mark = found.string[found.start() - 1]
    if mark in _ENDS_ITEM:
        return True
    return mark in _SETS_OFF and before.start() > 0 and found.string[before.start() - 1] == mark


def _list_marks(text: str) -> list[re.Match[str]]:
    """The marks of the list `text` is, or [] when it is none: two or more of them, and no
    number of their style out of turn among them (一、三、五供应面条，二、四供应米饭 is days
    of the week, not a list)."""
    anywhere = list(_MARK_ANYWHERE.finditer(text))
    marks = _numbered(_MARK.finditer(text), anywhere)
    if len(marks) < 2:
        marks = _numbered(anywhere, anywhere)
        before = text[: marks[0].start()].rstrip() if marks else ""
        if before and not before.endswith(("：", ":")):
            return []
    if len(marks) < 2:
        return []
    style, chosen = _number(marks[0])[0], {m.start() for m in marks}
    between = _MARK_ANYWHERE.finditer(text, marks[0].start(), marks[-1].end())
    # A number before a figure among them is the figure's words, whatever its number
    # (每周组织2、3次, 空调：1、2楼都坏了); any other out of turn makes no list.
    if any(
        _number(m)[0] == style and m.start() not in chosen and not _before_figure(m)
        for m in between
    ):
        return []
    return marks


def numbers_only(text: str) -> bool:
    """Whether `text` is item numbers with no words after them ("1、", "1、😀 2、👍",
    "（1）（2）"): it describes nothing, however it is numbered."""
    marks = list(_MARK_ANYWHERE.finditer(text))
    return bool(marks) and not bare(_MARK_ANYWHERE.sub("", text))


@dataclass(frozen=True)
class WishList:
    """A numbered wish list as read: the items to file, in order, each with the words
    before the list that all of them share, and what was left out or told apart on the
    way, by the numbers the staff member wrote, for the summary to say."""

    items: tuple[str, ...]
    empty: tuple[int, ...] = ()  # items with no words: not filed
    repeated: tuple[tuple[int, int], ...] = ()  # (item, the earlier one it repeats): once
    numbered_twice: tuple[int, ...] = ()  # numbers written on two items filed
    too_long: int = 0  # the items of a list longer than MAX_ITEMS, which is not split

    @property
    def split(self) -> bool:
        """Filed item by item: two or more items, within the limit."""
        return not self.too_long and len(self.items) >= 2


def read_list(text: str) -> WishList | None:
    """The numbered list `text` is ("希望单位：1.组织体检 2.改善食堂" → "希望单位：组织体检",
    "希望单位：改善食堂"), or None when it is none: not two or more items numbered 1, 2, 3…
    in one style (a date's "3、4月份" or a lone "1." does not make a list), or none of them
    with words. An item left empty is left out, and one that says what an earlier one said
    is filed once; a list of more than MAX_ITEMS is not split (`too_long`)."""
    marks = _list_marks(text)
    if not marks:
        return None
    numbers = [_number(m)[1] for m in marks]
    ends = [m.start() for m in marks[1:]] + [len(text)]
    written = [
        text[m.end() : end].strip().rstrip("；;，,") for m, end in zip(marks, ends, strict=True)
    ]
    if not any(written):
        return None
    if len(marks) > MAX_ITEMS:
        return WishList((), too_long=len(marks))
    items: list[str] = []
    empty: list[int] = []
    repeated: list[tuple[int, int]] = []
    first_of: dict[str, int] = {}
    filed: list[int] = []  # the numbers the items filed were written with
    for number, item in zip(numbers, written, strict=True):
        said = bare(item)  # "更换空调。" says what "更换空调" does
        if not said:
            empty.append(number)
        elif said in first_of:
            repeated.append((number, first_of[said]))
        else:
            first_of[said] = number
            items.append(item)
            filed.append(number)
    lead = text[: marks[0].start()].strip().rstrip("：:，,。 ")
    if lead:
        items = [f"{lead}：{item}" for item in items]
    # A number is said to be on two items only when both are filed: one of them left out
    # (empty, or the other's words again) leaves that number on one item.
    twice = tuple(sorted({n for n, after in pairwise(filed) if n == after}))
    return WishList(tuple(items), tuple(empty), tuple(repeated), twice)
