"""Words that the trouble of a ticket is back or still there (又停了, 还是不行，又停了,
还是没送到): read by `trouble_again` of a ticket closed for good, and at a good score's
comment prompt (`mine`), where they are no comment."""

from __future__ import annotations

import re

from core.enums import Kind
from handlers.verdict_words import bare_verdict, says_not_solved, says_solved
from routing import bare, to_simplified

# Words that the trouble is back or still there (又停了, 再次停电, 还是没送到).
_AGAIN = re.compile(r"又|再次|再一次|还是|仍然|依然")
# A barn failing (又停了, 温度又掉了, 烤房又坏了): what makes words of it back a new 110 call.
_FAILING = re.compile(
    r"停|坏|掉|降|没电|断电|跳闸|熄火|灭了|上不去|升不上|不升|不转|不动|不热|不行|冒烟|着火|漏"
)
# What goes wrong again (又没送到, 还是不给办): with 又 alone, 又下雨了, 又要麻烦你们了,
# 你们还是挺负责的 or 我又想起一件事 say nothing went wrong.
_WRONG = re.compile(rf"没|不|未|错|少|差|{_FAILING.pattern}")
# The kinds whose trouble can come back as it was: a barn failing, a delivery not made.
# A complaint, suggestion or wish judged again is its own matter (`verdicts`).
RECURRING = frozenset((Kind.EMERGENCY, Kind.REQUEST))


def says_trouble_back(text: str) -> bool:
    """Words that trouble is back or still there (又停了, 还是不行，又停了, 还是没送到), more
    than a verdict alone (还没解决), and neither thanks nor praise (师傅来得又快又好，谢谢),
    whatever 又 they hold."""
    plain = to_simplified(bare(text))
    if not plain or bare_verdict(text) is not None or says_solved(plain):
        return False
    again = _AGAIN.search(plain) is not None and _WRONG.search(plain) is not None
    return again or says_not_solved(plain)


def says_barn_failing(text: str) -> bool:
    """Words of trouble back that name a barn failing (又停了, 温度又掉了), not a doubt (我还是
    不太明白) nor a question (今年又涨价了吗)."""
    return _FAILING.search(to_simplified(bare(text))) is not None
