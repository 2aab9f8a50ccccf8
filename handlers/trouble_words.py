"""Words that the trouble of a ticket is back or still there (又停了, 还是不行，又停了,
还是没送到): read by `trouble_again` of a ticket closed for good, and at a good score's
comment prompt (`mine`), where they are no comment."""

from __future__ import annotations

import re

from core.enums import Kind
from handlers.verdict_words import bare_verdict, says_not_solved, says_solved
from routing import bare, normalize, to_simplified

# Words that the trouble is back or still there (又停了, 再次停电, 还是没送到).
_AGAIN = re.compile(r"又|再次|再一次|还是|仍然|依然")
# Praise, whose 又 and 没 say nothing went wrong (又快又好, 没得说, 还是你们好，没话说).
_PRAISE = re.compile(
    r"又[^，,。.！!？?\s又]{1,3}又[^，,。.！!？?\s]{1,3}|没得说|没话说|没的说|没说的|不错|不拖拉"
    r"|没问题|挺好|很好|真好|你们好"
)
# A barn failing (又停了, 温度又掉了, 烤房又坏了): what makes words of it back a new 110 call.
_FAILING = re.compile(
    r"停|坏|掉|降|没电|断电|跳闸|熄火|灭|没火|上不去|上不来|升不上|不升|不转|不动|不热|不行"
    r"|冒烟|着火|出问题|出故障|故障|漏风|漏烟|漏气|断了|没了|下来|不够"
)
# The barn's parts a failing is said of (温度又掉了, 风机又不转了, 烟又烤坏了). Power (停电,
# 电又停了) is the barn's only when nothing else is named: 手机又没电了, 我家电视又坏了 are not.
_BARN = re.compile(
    r"烤房|温度|风机|炉|火|控制器|温控|循环|排湿|湿度|电机|炕|烤炉|加热"
    r"|烤坏|烤糊|烤焦|烤黑|烤青"
)
# What else fails, drops or stops beside a barn word: weather, a price, a subsidy paid, a
# train (天又降温了, 烤烟价格又降了, 烤房补贴又停发了, 火车又停了).
_ELSEWHERE = re.compile(r"降温|天气|价|补贴|补助|停发|停收|停产|火车|火柴|火锅")
# Said bare (又停了, 怎么又停了, 电又停了, 还是停电): the failing and such words, nothing
# else; 又停水了, 路又坏了, 烟叶价格又降了 or 又掉了一个手机 are something else's.
_SAID_BARE = re.compile(
    rf"(?:{_AGAIN.pattern}|{_FAILING.pattern}|电|了|啊|呀|吧|的|啦|哦|嘛|呢|怎么办|咋办|怎么|咋"
    r"|快来|快点|你们好|您好)+"
)
# What goes wrong again (又没送到, 还是不给办): with 又 alone, 又下雨了, 又要麻烦你们了,
# 你们还是挺负责的 or 我又想起一件事 say nothing went wrong.
_WRONG = re.compile(rf"没|不|未|错|少|差|漏|{_FAILING.pattern}")
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
    plain = _PRAISE.sub("", plain)
    again = _AGAIN.search(plain) is not None and _WRONG.search(plain) is not None
    return again or says_not_solved(plain)


# Goods or people not come again (又没送, 又没来, 货还是没到, 今天又没送来, 又没给我送): a
# delivery's trouble back in words no verdict reads. The coming ends its clause: 又没来电,
# 又没来得及收货, 又没到期 or 补贴又没到账 say something else did not come or happen. Not
# 又不在店里, 我还是不太明白 nor 又不是我的错, which say nothing went undone. A sentence
# ended as Chinese keyboards end it (货还是没到。, 又没送！, 还是没来…）」) ends it too.
_NOT_COME = re.compile(
    r"(?:又|还是|仍然|依然)(?:没有?|未)(?:给我|人)?"
    r"(?:送过来|送来|送到|送|过来|来|到货|到|收到货|收到)[了啊呀吧呢嘛哦]*"
    r"(?:$|[,.!?;:\s。！？；：…）)」』”’\"'])"
)


# Who or what did not come, said before it in its clause: the goods or their delivery (货还是
# 没到, 订的烟又没送来, 送货的又没来, 配送员还是没来).
# 烟 is the goods only as itself (烟还是没到, 订的烟又没送): 烟草局, 烟草公司, 烟站, 烟叶站, 烟厂
# or 烟农 name who did not come, never her goods; 烟苗 is a farm's.
_GOODS = re.compile(r"货|烟(?![草站叶农苗厂])|订的|送货|配送|物流")
# Or nothing named, only when or how it is asked (又没来, 怎么又没送, 今天又没给我送, 我又没收到):
# 客户又没来, 验证码又没到, 隔壁老李家又没送 or 工资又没到 say someone or something else did
# not come, never that her delivery is back.
_NOTHING_NAMED = re.compile(
    r"(?:怎么|咋|为什么|为啥|今天|昨天|这次|这回|你们|我|还|都|也|是|的|了|啊|呀)*"
)
# A full stop ends a clause as a comma does: 烟都卖完了。客户又没来 names the customer.
_CLAUSE_END = re.compile(r"[,.!?;:\s。！？；：]")


def says_not_come_again(text: str) -> bool:
    """Trouble back (`says_trouble_back`) that says goods did not come again: the goods or
    their delivery named before it in its clause (货还是没到), or nothing named (又没送)."""
    plain = _PRAISE.sub("", normalize(text).strip())
    if not says_trouble_back(text):
        return False
    for found in _NOT_COME.finditer(plain):
        before = _CLAUSE_END.split(plain[: found.start()])[-1]
        if _GOODS.search(before) or _NOTHING_NAMED.fullmatch(before):
            return True
    return False


def says_barn_failing(text: str) -> bool:
    """Words of trouble back that name a barn failing (又停了, 温度又掉了, 风机又不转了), not
    a doubt (我还是不太明白), a question (今年又涨价了吗) nor something else failing (又停水了,
    路又坏了, 烟叶价格又降了)."""
    plain = _PRAISE.sub("", to_simplified(bare(text)))
    if _FAILING.search(plain) is None or _ELSEWHERE.search(plain) is not None:
        return False
    return _BARN.search(plain) is not None or _SAID_BARE.fullmatch(plain) is not None
