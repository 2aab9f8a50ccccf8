"""A staff member's wish list written as a numbered list ("1. 组织体检 2. 食堂加早餐"): each
item is a wish of its own on the wish list (心愿清单), crossed off (销号) when it is done,
so that the list's progress counts what was asked, item by item."""

from __future__ import annotations

import re
from collections.abc import Iterator

# At most this many items are filed from one message; a longer list is filed as one wish
# (a form pasted in, most likely), which the team splits by hand if it needs to.
MAX_ITEMS = 10

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_HAN_DIGITS = "一二三四五六七八九十"

# An item's number: "1、" "2." "3．" "4）" "八、" where an item can begin (at the start, after
# a line break, a space or the punctuation that ends the one before); "(5)" "（6）" "（七）"
# and a circled "⑦" anywhere. A number followed by a digit (1.5万) is no item's.
_PAREN = rf"[（(](?:(?P<paren>\d{{1,2}})|(?P<hanparen>[{_HAN_DIGITS}]))[)）]"
_PLAIN = rf"(?:(?P<arabic>\d{{1,2}})[、.．)）](?!\d)|(?P<han>[{_HAN_DIGITS}])、)"
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


def _numbered(marks: Iterator[re.Match[str]]) -> list[re.Match[str]]:
    """The marks numbered 1, 2, 3… in the first one's style, in order."""
    chosen: list[re.Match[str]] = []
    for found in marks:
        style, number = _number(found)
        if chosen and _number(chosen[0])[0] != style:
            continue  # a number of another style inside an item ("(1)" under "1.")
        if number == len(chosen) + 1:
            chosen.append(found)
    return chosen


def _list_marks(text: str) -> list[re.Match[str]]:
    """The marks of the list `text` is, or [] when it is none: two to MAX_ITEMS of them, and
    no number of their style out of turn among them (一、三、五供应面条，二、四供应米饭 is
    days of the week, not a list)."""
    marks = _numbered(_MARK.finditer(text))
    if len(marks) < 2:
        marks = _numbered(_MARK_ANYWHERE.finditer(text))
        before = text[: marks[0].start()].rstrip() if marks else ""
        if before and not before.endswith(("：", ":")):
            return []
    if not 2 <= len(marks) <= MAX_ITEMS:
        return []
    style, chosen = _number(marks[0])[0], {m.start() for m in marks}
    between = _MARK_ANYWHERE.finditer(text, marks[0].start(), marks[-1].end())
    if any(_number(m)[0] == style and m.start() not in chosen for m in between):
        return []
    return marks


def split_items(text: str) -> list[str]:
    """The items of a numbered list, each with the words before the list that all of them
    share ("希望单位：1.组织体检 2.改善食堂" → "希望单位：组织体检", "希望单位：改善食堂");
    an empty list when the text is not a list of two to MAX_ITEMS items numbered 1, 2, 3…
    in one style (a date's "3、4月份" or a lone "1." does not make a list)."""
    marks = _list_marks(text)
    if not marks:
        return []
    lead = text[: marks[0].start()].strip()
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [
        text[m.end() : end].strip().rstrip("；;，,") for m, end in zip(marks, ends, strict=True)
    ]
    if not all(items):
        return []
    if not lead:
        return items
    lead = lead.rstrip("：:，,。 ")
    return [f"{lead}：{item}" for item in items]
