"""Words that judge items of a wish list named first, then the others together: "第一项满意，
其他两项都没实现", "前两项满意，剩下的没实现", "早餐那项没实现，其余都满意". Read here as
text only: the words naming the items first, how many others were said (两项), if any, and
the words that judge the others (`wish_list_verdicts` finds the items and applies both);
or, after 另外 alone, the words that may name one more item ("另外第三项没实现")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.wish_lists import count_said
from routing import normalize

# The others after a pause: 其他两项, 其余的, 剩下的, 另外两个, then 都 (或 也都) and the
# verdict. 除了第三项，其他都满意 and 第三项以外… except an item, read elsewhere
# (`wish_list_verdicts._judged_together`), as their first words say.
# 另外 alone before the verdict's words is "also" (第一项满意，另外第三项没实现, 另外空调还是没
# 修好): the others only with 的, a count or 都 after it (另外两项, 另外的都), read `also`.
_OTHERS = re.compile(
    r"^(?P<head>.+?)[，,；;。.！!\s]+"
    r"(?P<said>(?P<word>其他|其余|其它|另外|剩下|剩余|别的)(?P<de>的)?"
    r"(?:(?P<count>[一两二三四五六七八九]|\d{1,2})[项个条])?的?"
    r"(?P<all>也都|全都|全部|都|均|也)?(?P<rest>.+))$"
)
_EXCEPTING = re.compile(r"^(?:除了?|唯独)|以外|之外")


@dataclass(frozen=True)
class OthersSaid:
    """The words naming items first (`head`, with their verdict), how many others were
    said (None when not: 其他都没实现), the others' verdict (`rest`) and their part's words
    (`said`)."""

    head: str
    count: int | None
    rest: str
    said: str
    # 另外 alone, "also": `rest` may name an item of its own (另外第三项没实现) rather than
    # judge the others.
    also: bool = False


def others_said(text: str) -> OthersSaid | None:
    """`text` read as items named and judged, then the others judged together; None when it
    says no others after a pause, or excepts an item (除了第三项，其他都满意)."""
    found = _OTHERS.match(normalize(text).strip())
    if found is None or _EXCEPTING.search(found["head"]):
        return None
    count = count_said(found["count"]) if found["count"] else None
    also = found["word"] == "另外" and not (found["de"] or found["count"] or found["all"])
    return OthersSaid(found["head"], count, found["rest"], found["said"], also)
