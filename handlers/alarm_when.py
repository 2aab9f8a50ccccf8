"""Whether words of a barn emergency say it is happening now, or settled, past or ahead.

Below `handlers.alarm_check` (which asks when in doubt) so that the verdicts on resolved
tickets can tell a barn failing now, an alarm paged at once, from a verdict on a request
(`handlers.verdicts`), without importing the conversations that import them.
"""

from __future__ import annotations

import re

from routing import Decision, to_simplified
from routing.when import NOW, PAST, without_earlier_repairs

# Settled, long past (`routing.when.PAST`, which the router reads of disasters too), ahead,
# denied, or about money and plans. Not 如果, 要是 or 万一 ("要是再不来电烟就烤坏了" is now),
# nor 请问 ("请问停电了怎么办" may be now).
_NOT_NOW = re.compile(
    r"解决了|修好了|已修好|恢复正常|没事了|处理好了|已经好了|恢复了"
    rf"|{PAST}"
    r"|表扬"  # thanks for a call answered
    r"|明天|后天|下周|下个月|明年|检修"
    r"|没坏|没有坏|正常的?吗|正不正常|是否正常"  # (不是停电: the router does not count it)
    r"|补贴|改造"
    r"|原因|预防|防止|怎么设"  # why it happens, how to prevent it: a question
)
# Words that it is happening now, which outweigh any of the above (`routing.when.NOW`).
_NOW = re.compile(NOW)


def says_now(text: str) -> bool:
    """Words that something is happening now (现在, 又, 快来 …)."""
    return _NOW.search(to_simplified(text)) is not None


# Such words denied ("不是检修，是烤房停电了", "不要等明天了"): they say it is now.
# Not the 不是 of 是不是 ("是不是明天停电？" asks), and 等 or 等到 ("不要等到明天了").
_NOT_NOW_DENIED = re.compile(rf"(?:(?<!是)不是|并非|(?:不要|别|不)等到?)(?:{_NOT_NOW.pattern})")


def may_not_be_now(text: str) -> bool:
    """Words that say the emergency they name is settled, past, ahead or denied, and
    nothing that it is happening now. A past word dating an earlier repair (烤房停电了，三天前
    刚修过) says none of that."""
    plain = _NOT_NOW_DENIED.sub("", without_earlier_repairs(to_simplified(text)))
    return _NOT_NOW.search(plain) is not None and _NOW.search(plain) is None


def failing_now(decision: Decision | None, text: str) -> bool:
    """Emergency words that may be a barn failing now: a danger to people, or any that do
    not say it is settled, past or ahead. An alarm, never a question about another ticket
    (是说问题还没解决吗？) that would keep the team from being paged until it is answered."""
    if decision is None or not decision.emergency:
        return False
    return decision.danger or not may_not_be_now(text)
