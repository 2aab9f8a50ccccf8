"""Words typed where a rating is asked for: a judgement of the service at the score prompt
("满意", "一般吧", "很差") is the score it means; at either prompt, a request of its own
("希望工会组织一次篮球赛") is a new matter, not a comment on the ticket just rated."""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.enums import Kind
from routing import Decision, bare, to_simplified

# A judgement and the score it means, on the scale the 满意率 reads (docs/rates.md): 5 =
# satisfied (满意), 4 = basically satisfied (基本满意), 3 or less = not satisfied.
_JUDGED: dict[str, int] = {
    **dict.fromkeys(("满意", "非常满意", "很满意", "十分满意", "特别满意", "挺满意"), 5),
    **dict.fromkeys(("好评", "很好", "非常好"), 5),
    **dict.fromkeys(("棒", "很棒", "真棒", "非常棒", "太棒", "特别棒", "挺棒"), 5),
    **dict.fromkeys(("基本满意", "比较满意", "还算满意", "还可以", "还不错", "不错"), 4),
    **dict.fromkeys(("还好", "挺好"), 4),
    **dict.fromkeys(("很不错", "挺不错", "真不错", "蛮不错", "相当不错"), 4),
    **dict.fromkeys(("一般", "一般般", "还行", "凑合", "马马虎虎", "中评"), 3),
    **dict.fromkeys(("很一般", "比较一般", "还凑合", "也就那样"), 3),
    **dict.fromkeys(("不太满意", "不满意", "不大满意", "不怎么满意", "不好", "比较差"), 2),
    **dict.fromkeys(("不太好", "不怎么好", "不怎么样", "不咋样", "不大好"), 2),
    # 差 alone is the scale's 2, below 一般 and above 很差; 不咋地 is 不咋样 (不咋的 and
    # 不怎么的 read without the 的 that `_AROUND` takes off).
    **dict.fromkeys(("差", "较差", "不咋地", "不咋", "不怎么地", "不怎么"), 2),
    **dict.fromkeys(("很不满意", "非常不满意", "特别不满意", "十分不满意"), 1),
    **dict.fromkeys(("很差", "非常差", "太差", "极差", "差评", "差劲", "很差劲", "太差劲"), 1),
    **dict.fromkeys(("很不好", "非常不好", "太不好", "特别差", "好差", "真差", "超差"), 1),
}
# What goes with a judgement without changing it: "我觉得一般吧", "服务很满意，谢谢", and to
# whom it is given, as a score is ("给个差评", "给你们好评").
_AROUND = re.compile(
    r"^(?:我|感觉|觉得|总体|整体|总的来说|这次|服务|态度|给(?:你们|您|你|个)?)*"
    r"|(?:吧|啊|呀|的|了|哈|呢|嘛|啦|哦|谢谢你们|谢谢|感谢|辛苦了)*$"
)


def judged_score(text: str) -> int | None:
    """The score a judgement in words means ("非常满意" 5, "还可以" 4, "一般吧" 3, "不太满意"
    2, "很差" 1), in either script; None for any other words."""
    judgement = judgement_in(text)
    return None if judgement is None else _JUDGED[judgement]


def judgement_in(text: str) -> str | None:
    """The judgement a few words make, without what goes with it ("很差" of "态度很差吧");
    None when they are no judgement alone."""
    plain = bare(text)
    if len(plain) > _JUDGEMENT_AT_MOST:
        return None  # no judgement alone; and _AROUND's search is quadratic in the length
    core = _AROUND.sub("", plain)
    if core == "差" and "差了" in plain:
        # 差了 (货差了, 差了吧) says something is short, as 差了两条 does, more likely
        # than that the service was poor: never a score of 2 for an order still short.
        return None
    return core if core in _JUDGED else None


# Characters of the longest judgement with all that may go with it
# ("总的来说我觉得这次服务非常满意谢谢你们辛苦了" has 22).
_JUDGEMENT_AT_MOST = 40


_REFUSED = 2  # 不太满意, 不满意, 很差: not satisfied, said outright; 一般 (3) is lukewarm


def says_not_satisfied(text: str) -> bool:
    """A judgement that refuses what was done ("不满意", "我不太满意", "很差"): typed back to
    a suggestion's answer, its 「❌ 不满意」."""
    score = judged_score(text)
    return score is not None and score <= _REFUSED


# Words that ask for something ("希望工会组织一次篮球赛", "建议食堂增加晚餐"), and words that
# make such a wish a comment on the service just given ("希望以后准时一点", thanks).
_ASKS_FOR = re.compile(
    r"希望|想要|我想|我要|要求|申请|建议|能否|能不能|可不可以|可否|麻烦|请帮|帮忙|需要|心愿|愿望"
)
_ON_THE_SERVICE = re.compile(r"以后|下次|今后|继续|保持|再接再厉|谢谢|感谢|辛苦|满意|表扬|点赞")


def asks_anew(decision: Decision | None, text: str) -> bool:
    """Whether words typed at a rating prompt ask for something of their own: a service the
    router plainly finds in them (not the triage desk's guess), with words that ask for
    something, and nothing that speaks of the service just given. A complaint stays the
    comment (about the ticket's service, most likely)."""
    if decision is None or decision.triage or decision.emergency:
        return False
    if decision.kind is Kind.COMPLAINT:
        return False
    return asks_for_something(text)


def asks_for_something(text: str) -> bool:
    """Words that ask for something (希望工会组织一次篮球赛, 我想订两条玉溪), not of the service
    just given (希望以后准时一点, thanks)."""
    plain = to_simplified(bare(text))
    return _ASKS_FOR.search(plain) is not None and _ON_THE_SERVICE.search(plain) is None


# Discontent beside the thanks ("来得太慢了，谢谢", "不满意，谢谢", "烤房又坏了"), or a question:
# not thanks alone. Read as phrases: 又快又好 is praise, 没想到 surprise, 没得说 the best.
_DISCONTENT = re.compile(
    r"不满|不行|失望|差(?:劲|评)|(?:太|很|真|好|挺|比较|非常|特别|有点|又|态度|服务)差"
    r"|(?:太|很|真|好|挺|比较|非常|特别|有点|有些|又)慢|慢(?:了|死|吞吞)"
    r"|没(?:人|来|到|修|好|解决|用|办|回|通|电|反应|效果|动静|处理|管|弄|有(?:人|来|到|修|好|解决|用|效果|处理|回))"
    r"|还是(?:不|没|坏|老|一样|那样|有)"
    # Again; not the pair of 又快又好, nor the team's trouble praised (师傅又跑一趟), though
    # the requester's own (害我又跑一趟) is discontent.
    r"|(?<!又.)(?<!又..)(?<!又...)又(?!.{1,3}?又)(?!(?:跑|来)了?一趟)|(?:我|俺|害|让)又"
    r"|[？?]|吗|什么|怎么|请问|如何|为什么"
)
# ... or thanks beside asking for someone or something ("谢谢，请再派人来", "谢谢，帮我订两条"),
# for a visit again or at a time ("明天再来一趟", "明天上午过来", "等下还要来一次", "几点来"),
# for haste ("快点来", "催一下", "尽快给答复") or with more to ask ("还有一个问题"); not 派来的
# 师傅, 帮我们解决了, 再接再厉, 过来得很及时, 来一次就修好了.
_ASKS_TOO = re.compile(
    r"请|派(?:个|一个|名|些)?(?:人|师傅|技术员|队员|专家)|(?:帮|给)我(?!们)"
    r"|再(?:来|过来|跑|派|看|上门|检查|帮)"
    r"|(?:明天|后天|今天|今晚|上午|下午|中午|晚上|等下|等一下|等会|一会|待会|马上|现在)"
    r"儿?(?:再|就|能|要|得)?(?:过来|来)(?![得的了])"
    r"|(?:要|还|得|能|可以)来一(?:次|趟|下)|几点|快点|快些|尽快|赶紧|抓紧|催"
    r"|还有.{0,3}(?:问题|事)"
)
# A turn after the thanks ("谢谢，但是烟叶发霉了"): what follows it is what they write for,
# whatever it is. Not 再好不过 ("couldn't be better").
_TURNS = re.compile(r"(?:但是|可是|(?<!好)不过).")
# Something that cannot be done ("谢谢，电话打不通", "联系不上", "还是修不好").
_CANNOT = re.compile(r"[打拨修弄搞烤用开联系找接]不(?:通|好|了|上|到|动|开|住|着)")


# Asking only that the thanks be passed on (请替我谢谢张师傅, 麻烦转达我们的感谢,
# 请帮我向师傅表示感谢): the 请 or 麻烦 asks for nothing else, and is set aside before reading.
_PASS_ON = re.compile(
    r"(?:请|麻烦)(?:你们|你|您)?(?:帮我|帮忙|替我|代我|帮)?(?:(?:向|给|跟).{1,8}?)?"
    r"(?=谢谢|感谢|转达|转告|表示感谢|道谢|致谢)"
)


def thanks_only(text: str, praise_words: Iterable[str]) -> bool:
    """Thanks or praise that ask for nothing ("师傅来得很快，感谢！", "谢谢白石乡110服务队的
    张师傅", "表扬一下赵队员"), in either script: words for a team to hear, not to act on.
    Thanks beside a request ("谢谢，请再派人来", "明天再来一趟"), a turn to something else
    ("谢谢，但是…"), something that cannot be done ("电话打不通"), discontent or a question
    are not. Words a service is chosen by are for the router to find (`thanks.only_thanks`)."""
    plain = _PASS_ON.sub("", to_simplified(bare(text)))
    if not any(word in plain for word in praise_words):
        return False
    more = (_ASKS_FOR, _ASKS_TOO, _TURNS, _CANNOT)
    if any(words.search(plain) for words in more):
        return False
    # The question mark is punctuation, which `bare` takes off.
    return _DISCONTENT.search(_PASS_ON.sub("", to_simplified(text))) is None


# How a service went, said of it after the score (师傅来得太晚了, 送货员来得太迟, 等了两个小时
# 才来人, 态度不好, 敷衍了事): a remark on what was done, not a new matter of the same service
# ("再订5条中华", "烟叶烤黑了" say nothing of how the last one went).
_HOW_IT_WENT = re.compile(
    r"(?:太|很|好|真|有点|有些|比较|非常|特别)(?:晚|迟|慢|差|久|马虎|随便|敷衍)|来(?:得|的)?(?:晚|迟)"
    r"|[晚迟慢]了|才(?:来|到|过来|赶到|上门|处理|回)|等了|态度|敷衍|应付|不耐烦|不负责|不专业"
    r"|不理|不管|不满|没用|白跑|没(?:来|到|修|弄|办|解决|处理|效果)"
)


def speaks_of_how_it_went(text: str) -> bool:
    """Words saying how the service just given went (师傅来得太晚了, 態度不好), in either
    script: a comment on it, where a new matter of the same service says nothing of it."""
    return _HOW_IT_WENT.search(to_simplified(bare(text))) is not None
