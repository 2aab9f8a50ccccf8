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
    return _AGAIN.search(plain) is not None or says_not_solved(plain)
