"""Which of a person's tickets awaiting their word some words name by the ticket's own
words ("早餐那项我不同意" of the items 组织一次职工体检, 食堂增加早餐品种, 更换宿舍空调):
that one, rather than asking which."""

from __future__ import annotations

from collections.abc import Sequence

from core.model import Ticket
from handlers.shortfall_words import a_count_of_goods
from handlers.verdict_words import STILL_WRONG
from routing import bare, to_simplified
from routing.segment import cut

# Words most wishes and requests are written with (希望单位增加…, 组织一次…): they tell no
# item from another, so naming one of them names none.
_SAID_OF_ANY = frozenset((
    "希望", "建议", "心愿", "要求", "请求", "申请", "单位", "我们", "职工", "员工", "组织",
    "增加", "一次", "一下", "能够", "可以", "能否", "问题", "解决", "实现", "答复", "处理",
    # ... and the words of a verdict, which an item may be written with too (宿舍没有热水,
    # 空调还没有修): 没有实现 names no item.
    "没有", "还是", "还没", "还没有", "不够", "不行", "同意", "不同意", "接受", "不接受", "异议",
    "满意", "不满意",
))  # fmt: skip
_WORD_MIN = 2  # characters: 那, 项 or 的 name nothing


def own_words(ticket: Ticket) -> set[str]:
    """The words of the ticket's text that can name it, in Simplified."""
    words = cut(to_simplified(bare(ticket.text)))
    return {
        w
        for w in words
        if len(w) >= _WORD_MIN and w not in _SAID_OF_ANY and not a_count_of_goods(w)
    }


def item_named(text: str, tickets: Sequence[Ticket]) -> Ticket | None:
    """The one ticket of `tickets` that `text` names by a word of its own that none of the
    others has (早餐 of 食堂增加早餐品种 beside 更换宿舍空调); None when the words name none
    of them, or more than one."""
    # What says how it ended (还是没有解决, 还没有实现) is not what names the item.
    plain = STILL_WRONG.sub("", to_simplified(bare(text)))
    words = {id(t): own_words(t) for t in tickets}
    named = []
    for ticket in tickets:
        others = set().union(*(words[id(t)] for t in tickets if t is not ticket))
        if any(w in plain for w in words[id(ticket)] - others):
            named.append(ticket)
    return named[0] if len(named) == 1 else None
