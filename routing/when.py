"""When what a message names happened: days or more ago, or now.

The router reads a disaster said to be past (去年的冰雹灾害补偿到账没有) as no emergency, and
`handlers.alarm_when` reads a barn's emergency words so before paging the 110 team: one list
of past words and one of words that it is happening now, so both read a message alike.
"""

from __future__ import annotations

import re

# Days or more ago. Not 昨天, 昨晚, 刚才, 之前 or 以前 ("昨晚一场冰雹，烟叶全打穿了",
# "昨天停电到现在还没来电", "风机不转了，之前还好好的" are now). Years back said loosely
# (前几年, 早些年, 那年) or counted (三年前, 两个月前, 十几天前). Not 年前 alone (before the
# new year, which may be ahead), a month or a year named (十月前能修好吗, 2020年前: before
# it), nor 当年 (that year's or this one's: 当年的烟叶收购价格).
_COUNT = r"(?:[一二两三四五六七八九十百几多半]+|(?<!\d)\d{1,3}(?!\d))"
PAST = (
    r"上次|上回|去年|前年|大前年|上个月|前天|大前天|前几天|前两天|前些天|前些日子|前段时间"
    r"|前阵子|上周|上礼拜|上星期|上个星期|前几年|前两年|前些年|早几年|早些年|那年|那一年"
    rf"|{_COUNT}(?:个月|个?(?:年|星期|礼拜|周|天))(?:以)?前"
)
# A past word that dates an earlier repair, said right before it (烤房停电了，三天前刚修过;
# 温度上不去，两天前才换的风机; 上周师傅刚检修过): when the barn was last mended, not when
# what the message names befell it, which may well be now. 刚 or 才 before the repair, or 过
# after it, say so; 去年风机坏了换了个新的 tells a past fault and what was done about it.
_REPAIR = r"修|换|检修|维修|保养|检查|装|安装"
_EARLIER_REPAIR = re.compile(
    rf"(?:{PAST})[^，,。.！!？?；;：:\s]{{0,4}}?(?:(?:刚|才)(?:{_REPAIR})|(?:{_REPAIR})过)"
)
# Happening now, which outweighs any past word ("上次修好了，现在又停电了", "去年遭了冰雹，
# 今年又遭了"). Not 还在 of a machine still working ("风机有点响，还在转"), nor 现在 of a
# fault mended ("现在好了").
NOW = (
    r"现在(?!好了|没事|正常|恢复了|恢复正常)|正在|还在(?!转|用|工作|运行)"
    r"|又|快来|快点|赶紧|马上|急|救命"
)
# Money owed for a loss (补贴, 赔偿, 赔的钱): what lasts 到现在 right after one is the wait
# for it ("前年的洪水补贴到现在也没发"), not the loss, which 停电到现在 still is. Not the 保险 of
# a fuse box (保险丝烧了到现在还没电).
PAYMENT = r"补贴|补偿|补助|赔偿|赔款|理赔|救济|保险(?!丝|盒|开关|闸)|钱|款"

# What a loss cost, asked about or told (保险公司赔了没有, 损失不小, 能不能申请补贴): said of a
# danger days or more ago, the request is about the loss, not a barn failing now.
AFTERMATH = r"损失|赔|保险(?!丝|盒|开关|闸)|补贴|补偿|补助|定损|救济"
# Today's words, which a past word beside them does not make past (上周的补贴还没到，今晚
# 烤房停电了). Not in NOW: the 110 alarm's checks read 今天能来修吗 as a question.
TODAY = r"今天|今晚|今早|今儿|刚才|刚刚|这会"

_PAST = re.compile(PAST)
_NOW = re.compile(NOW)
_AFTERMATH = re.compile(AFTERMATH)
_TODAY = re.compile(TODAY)
# The payment, then the rest of its clause (的钱, 公司, 一直), where its wait may be said
# as lasting or still going on (补贴到现在也没发, 补贴到现在还在拖, 赔款还在审, 保险公司现在
# 正在走流程): the 现在, 还在 or 正在 there are the payment's, not the disaster's.
# 现在又下冰雹了 is another clause's, and 又 is never the wait's.
_PAYMENT_CLAUSE = re.compile(rf"(?:{PAYMENT})([^，,。.！!？?；;：:\s]{{0,8}})")
_STILL = re.compile(r"现在|还在|正在")


def without_earlier_repairs(simplified: str) -> str:
    """`simplified` without the past words that date an earlier repair (三天前刚修过): they
    say nothing of when what the message names happened."""
    return _EARLIER_REPAIR.sub(lambda found: " " * len(found.group()), simplified)


def said_now(simplified: str) -> bool:
    """Whether a text (in Simplified script) says something is happening now, other than
    the wait for a payment (补贴到现在也没发, 补贴到现在还在拖)."""
    waited: set[int] = set()
    for clause in _PAYMENT_CLAUSE.finditer(simplified):
        rest = clause.group(1)
        waited |= {clause.start(1) + still.start() for still in _STILL.finditer(rest)}
    return any(match.start() not in waited for match in _NOW.finditer(simplified))


def said_past(simplified: str) -> bool:
    """Whether a text (in Simplified script) says what it names was days or more ago, and
    nothing that it is happening now."""
    past = _PAST.search(without_earlier_repairs(simplified)) is not None
    return past and not said_now(simplified)


def past_loss(simplified: str) -> bool:
    """Whether a text (in Simplified script) asks about or tells the loss of what it names
    days or more ago (上周烤房着火那个事，保险公司赔了没有; 去年烤房停电损失不小), and says
    nothing of now or today: its danger words are no barn failing now."""
    return (
        said_past(simplified)
        and _AFTERMATH.search(simplified) is not None
        and _TODAY.search(simplified) is None
    )
