"""A ticket's words in short, as lists, buttons and notices show them to tell it from the
requester's others: read by the desk and by the scheduler's notices alike."""

from __future__ import annotations

import re

from core.texts import one_line
from routing.segment import cut_spans
from routing.text import to_simplified

GIST = 12  # characters of a ticket's words in a list or a button


def in_short(text: str) -> str:
    """A ticket's words `text` in short, on one line (a button shows no line breaks): what
    tells it from the requester's others, in lists, buttons and the notices that name it.
    A lead-in ending in a colon is left out, as the items of a wish list all share theirs
    ("关于职工生活方面，我们科室希望单位：食堂增加晚餐" is "食堂增加晚餐"); longer words are
    cut between two words, with "…"."""
    flat = one_line(text, len(text))  # the line breaks only
    return _cut_between_words(_after_lead_in(flat), GIST)


# A lead-in's colon: full-width, or an ASCII one that is not a time's (8:30).
_LEAD_IN_END = re.compile(r"：|(?<!\d):(?!\d)")
_ITEM_MIN = 2  # characters after the colon, or it is no item ("电话：1")


def _after_lead_in(text: str) -> str:
    """What follows the last lead-in ("心愿：", "希望单位：") when something does. Not words
    someone said or a screen showed (客户经理说：明天送, 温控仪显示：E3): those are the
    middle of the matter, not its item."""
    ends = [found for found in _LEAD_IN_END.finditer(text)]
    if not ends or text[: ends[-1].start()].rstrip().endswith(_QUOTING):
        return text
    rest = text[ends[-1].end() :].strip()
    return rest if len(rest) >= _ITEM_MIN else text


_QUOTING = ("说", "讲", "答", "写道", "回复", "显示", "說", "講", "寫道", "顯示", "回覆")


_CUT_AFTER = "，,、；;。 "  # left off the end of a cut


def _cut_between_words(text: str, limit: int) -> str:
    """`text`, or as many of its first words as fit in `limit` characters and "…", not
    with a next line's first character alone; a first word longer than that is cut where
    the limit falls. Words as jieba finds them in the
    Simplified form (Traditional keeps its length there), else in the text itself."""
    if len(text) <= limit:
        return text
    plain = to_simplified(text)
    kept = 0  # where the words fitting in `limit` end, a space left out of the cut counted
    for _start, end in cut_spans(plain if len(plain) == len(text) else text):
        if end > limit:
            break
        kept = end
    head = text[:kept]
    space = head.rfind(" ")  # a line break, flattened: the end of a line or an item
    if space >= 0 and len(head) - space - 1 < _ITEM_MIN:
        head = head[:space]  # not "一、食堂增加素食窗口 二…": a line's first word alone
    return (head.rstrip(_CUT_AFTER) or text[:limit]) + "…"
