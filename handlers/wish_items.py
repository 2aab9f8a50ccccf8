"""A staff member's wish list written as a numbered list ("1. 组织体检 2. 食堂加早餐"): each
item is a wish of its own on the wish list (心愿清单), crossed off (销号) when it is done,
so that the list's progress counts what was asked, item by item."""

from __future__ import annotations

import re

# At most this many items are filed from one message; a longer list is filed as one wish
# (a form pasted in, most likely), which the team splits by hand if it needs to.
MAX_ITEMS = 10

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_HAN_DIGITS = "一二三四五六七八九十"

# An item's number where an item can begin: at the start, after a line break, a space or
# the punctuation that ends the one before: "1、" "2." "3．" "4）" "(5)" "（6）" "八、"; a
# circled number (⑦) anywhere. A number followed by a digit (1.5万) is no item's.
_MARK = re.compile(
    r"(?:(?:^|(?<=[\s，。；;,.!！?？：:]))"
    rf"(?:(?P<arabic>\d{{1,2}})[、.．)）](?!\d)|[（(](?P<paren>\d{{1,2}})[)）]"
    rf"|(?P<han>[{_HAN_DIGITS}])、))|(?P<circled>[{_CIRCLED}])"
)


def _number(found: re.Match[str]) -> tuple[str, int]:
    """The numbering style and the number of a mark."""
    if found["arabic"] or found["paren"]:
        style = "arabic" if found["arabic"] else "paren"
        return style, int(found["arabic"] or found["paren"])
    if found["circled"]:
        return "circled", _CIRCLED.index(found["circled"]) + 1
    return "han", _HAN_DIGITS.index(found["han"]) + 1


def split_items(text: str) -> list[str]:
    """The items of a numbered list, each with the words before the list that all of them
    share ("希望单位：1.组织体检 2.改善食堂" → "希望单位：组织体检", "希望单位：改善食堂");
    an empty list when the text is not a list of two to MAX_ITEMS items numbered 1, 2, 3…
    in one style (a date's "3、4月份" or a lone "1." does not make a list)."""
    marks: list[re.Match[str]] = []
    for found in _MARK.finditer(text):
        style, number = _number(found)
        if marks and _number(marks[0])[0] != style:
            continue  # a number of another style inside an item ("(1)" under "1.")
        if number == len(marks) + 1:
            marks.append(found)
    if not 2 <= len(marks) <= MAX_ITEMS:
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
