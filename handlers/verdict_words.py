"""What people type back to a resolution notice, read: a score, solved or not, a
judgement, a remark, or a matter of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.enums import Kind
from core.model import Ticket
from core.texts import typed_phone
from handlers.context import Ctx
from handlers.rating_words import speaks_of_how_it_went
from handlers.tickets import is_greeting, routed
from routing import Decision, bare, normalize, to_simplified

# What people type back to a resolution notice instead of pressing its buttons: a score
# ("5", "五星", "4分"), the problem is still there ("没修好"), it is solved ("解决了，谢谢"),
# or a few words that say neither ("收到"). Only words about the resolved ticket's own
# matter count (see `verdicts.typed_verdict`): "请问收购什么时候开始，谢谢" is a new request.
# A score said with a few words that add nothing to it: to whom it is given (给你们5分,
# 我打4分), 吧 or thanks after it (给4分吧, 5分，谢谢), 好评 (五星好评); 满分 is 5. Digits
# with other words are no score: 给我送5条, a licence number, a ticket's 10019. Said after
# the words that it is solved (修好了，5分, 已经好了 给5分), or that what was sent came (收到了，
# 五星好评, to 已补送两条), the score is the whole verdict: solved is what a score says anyway.
_SOLVED_FIRST = (
    r"(?:(?:已经|已|都)?(?:修|弄|搞|处理|解决)?好了|(?:已经?)?解决了|搞定了|(?:已经|都)?收到了)"
    r"(?:谢谢|感谢)?"
)
_TYPED_SCORE = re.compile(
    rf"(?:{_SOLVED_FIRST})?"
    r"(?:(?:我|就)?(?:给|打)(?:你们|你|您)?个?)?"
    # 两 is how two of a count is said (两分, 两颗星), never alone.
    r"(?:(?P<score>[1-5一二三四五])(?:分|星|颗星)?|(?P<two>两)(?:分|星|颗星)|(?P<full>满分))"
    r"(?:吧|啊|呀|了|哈|啦|哦|的)*(?:好评)?(?:谢谢你们|谢谢您|谢谢|感谢|辛苦了)*[吧啊呀了哈啦哦]*"
)


_SCORES = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}


NOT_SOLVED = (
    "没解决", "没有解决", "未解决", "没修好", "没有修好", "没好", "还是不行", "又坏", "还是坏",
    "还是没",  # 还是没来道歉, 钱还是没到账: still not done
)  # fmt: skip


_SOLVED = ("解决了", "已解决", "修好了", "好了", "可以了", "行了", "满意", "谢谢", "感谢", "好评")
# 行了, 可以了 or 好了 said with 不 before it (又不行了, 烤房又不行了, 不可以了, 修不好了) says it
# fails, the opposite of solved.
_NEGATED = re.compile(r"不(?:行了|可以了|好了)")


OTHER_VERDICTS = ("解决", "修好", "差评", "收到")


@dataclass(frozen=True)
class KindVerdict:
    """Words whose verdict is that of some kinds of ticket only: whether it is not done
    (`not_done`) or done, and of which kinds (`kinds`)."""

    not_done: bool
    kinds: frozenset[Kind]


# A wish is granted (实现) or not, as its notice and the wish list say (已实现, 无法实现):
# 没实现 typed back to a wish is its 没解决, 实现了 its 解决了; said of a repair, neither.
_WISH_NOT_GRANTED = ("没实现", "没有实现", "未实现", "没能实现", "未能实现", "实现不了")
# Not acted on, said in a few words of the matter itself (还没做, 没弄好, 没办好 as the desk's
# 办好后销号 puts it, 没落实, 还没兑现,
# 它还没做呢), nothing else: inside other words (还没做完的下次再说, 没弄好的地方我再说, 我还
# 没做好准备, 2号没做) they say something of their own. 没落实 and 没兑现 are a wish's (or an
# answer's) words; 没做, 没弄好 and 没搞定 are said of a repair as much (`NOT_DONE_KINDS`).
_NOT_DONE = re.compile(
    r"(?:这个|这项|这条|它|心愿|这个心愿)?(?:还是|还|都|仍然|仍|一直|根本|压根|完全)?(?:没有?|未)"
    r"(?:(?P<carried>落实|兑现)|做|弄|搞|办)(?:好|完|到|成|定)?(?:呢|啊|呀|了|吧|哦|啦)*"
    r"(?:请?(?:尽快|抓紧|赶紧|快点)(?:处理|落实|办)?(?:一下)?)?"
)
# Any kind of ticket: 没弄好 may be said of a repair, a delivery or a wish alike, so which
# one is asked when several await the person's word, never the wish taken for it.
NOT_DONE_KINDS = frozenset(Kind)
_WISH_GRANTED = re.compile(r"已经?实现|实现了(?![吗么嘛没])")
# 只实现了一部分 says it is granted and not, both: the notice's buttons are asked instead.
_IN_PART = re.compile(r"只|才|部分|一半|一点")
# An answer or a ruling disputed (有异议, as a wish's answer short of it invites; 不接受这个
# 答复): a wish's, a suggestion's or a complaint's, not a repair's. Said alone, of the
# answer, or with no more after a pause than asking it done again (我不同意，要求重新处理，
# 谢谢). Said of something else ("领导不同意我请假", "我不同意这次的订货档位调整", "我对调岗
# 有异议") it is a matter of its own; said first with why after a pause, it is asked about
# (`disputes_then_says_why`).
_ANSWER = r"(?:这个|这样的|你们的|你们|此)?(?:答复|回复|结果|处理|处理结果|意见|说法|决定)"
_REDO = (
    r"(?:请|要求|希望|麻烦)?(?:领导|你们)?(?:重新|再)(?:处理|办理|办|研究|考虑|调查|答复)"
    r"(?:一下|一次)?"
)
_DISPUTE_FIRST = (
    r"^(?:我|我们)?(?:还是|还|仍然|坚决|对此)?(?:有异议|不同意|不接受|不认可)[的啊呀吧了哦]*"
)
_PAUSE = r"[，,。.！!；;：:、\s]"
_THANKS = r"(?:谢谢|谢谢你们|谢谢您|麻烦了)?"
_DISPUTED = re.compile(
    rf"{_DISPUTE_FIRST}(?:{_PAUSE}+(?:{_REDO})?[吧]?)?{_PAUSE}*{_THANKS}{_PAUSE}*$"
    rf"|^(?:我|我们)?对{_ANSWER}(?:还是|仍然|仍)?有异议"
    rf"|(?:不同意|不接受|不认可){_ANSWER}"
)
DISPUTABLE = frozenset((Kind.WISH, Kind.SUGGESTION, Kind.COMPLAINT))


def kind_verdict(text: str) -> KindVerdict | None:
    """The verdict of words only some kinds of ticket can be given, in either script: a
    wish not granted ("还没实现", "沒有實現") or granted ("实现了，谢谢"), an answer
    disputed ("有异议", "我不同意"), or any ticket not acted on ("还没做", "没弄好": of
    `NOT_DONE_KINDS`); None for any other words."""
    plain = to_simplified(bare(text))
    if _DISPUTED.search(normalize(text).strip()):  # its pauses kept
        return KindVerdict(not_done=True, kinds=DISPUTABLE)
    if any(w in plain for w in _WISH_NOT_GRANTED):
        return KindVerdict(not_done=True, kinds=frozenset((Kind.WISH,)))
    if (not_done := _NOT_DONE.fullmatch(plain)) is not None:
        kinds = frozenset((Kind.WISH,)) if not_done["carried"] else NOT_DONE_KINDS
        return KindVerdict(not_done=True, kinds=kinds)
    if _WISH_GRANTED.search(plain) and not _IN_PART.search(plain):
        return KindVerdict(not_done=False, kinds=frozenset((Kind.WISH,)))
    return None


# A dispute said first, then why after a pause ("我不同意，这个答复我不能接受", "有异议，处理太
# 轻了"): likely the answer disputed, but the rest may be a matter of its own ("我不同意，
# 领导不让我请假"), so it is asked about (`verdicts.about_resolution`).
_DISPUTE_THEN_WHY = re.compile(rf"{_DISPUTE_FIRST}{_PAUSE}")


def disputes_then_says_why(text: str) -> bool:
    """有异议, 不同意 or 不接受 said first, then more after a pause, in either script."""
    return _DISPUTE_THEN_WHY.match(normalize(text).strip()) is not None


def speaks_of_a_wish(text: str) -> bool:
    """Words that speak of how a wish was answered (实现, 异议) without a verdict of their
    own ("只实现了一部分"): about a wish awaiting its requester's word, and asked about."""
    plain = to_simplified(bare(text))
    return "实现" in plain or "异议" in plain


# A wish to rate, in a few words (评价一下, 我要评价, 打分, 我想打个分): the notice's
# 「✅ 已解决，评价」 asked for, which says neither solved nor not. No name, no request.
_RATE = re.compile(
    r"(?:我(?:要|想|来)|想|要|来|给)?(?:评价|打分|评分|打个分|评个分|给个评价|点评)(?:一下|下)?"
    r"[吧啊呀了哈]?"
)


def asks_to_rate(text: str) -> bool:
    """Words that only ask to rate (评价一下, 我要評價, 打分), in either script."""
    return _RATE.fullmatch(to_simplified(bare(text))) is not None


# Whether it is done yet, asked alone (修好了吗, 解决了没有, 烤房弄好了吗): of a ticket.
_ASKS_IF_DONE = re.compile(
    r"(?:请问)?(?:我的|我家)?(?:烤房|问题|事情|事|货|工单|单子)?"
    r"(?:修|弄|搞|办|处理|解决)(?:好|完)?了?(?:吗|么|嘛|没|没有|没呢)[吧啊呀]?"
)


def asks_if_done(text: str) -> bool:
    """Words that only ask whether their matter is done yet (修好了吗, 解決了沒有)."""
    return _ASKS_IF_DONE.fullmatch(to_simplified(bare(text))) is not None


# The notice acknowledged, alone: its buttons again, not a new matter (a draft "了解").
ACKNOWLEDGED = frozenset((
    "了解", "了解了", "明白", "明白了", "好的", "好", "好滴", "知道了", "知道", "ok", "okay", "嗯",
    "嗯嗯",
))  # fmt: skip


VERDICT_MAX = 12  # longer text is a new matter, and is routed as one...


NOT_SOLVED_MAX = 30  # ...unless it says the old one is not solved


# Typed in place of the comment prompt's 「跳过」: no comment, not a comment saying "skip".
# So is having nothing to say (没意见, 不说了, 没什么好说的): nothing for the leaders to read as
# what was wrong.
NO_COMMENT = frozenset((
    "跳过", "没有", "没有了", "没了", "无", "不用", "不用了", "没什么", "没啥",
    "没意见", "没有意见", "没什么意见", "没啥意见", "不说了", "不想说了", "不想说", "没别的",
    "没什么说的", "没什么好说的", "没什么要说的", "没啥说的", "没啥好说的", "没有要说的",
))  # fmt: skip


# Not understanding (还是没明白, 还是没看懂) is no fault still there: 还是没 reads both.
_NOT_UNDERSTOOD = re.compile(r"没有?(?:看|听|弄|搞)?(?:明白|懂)")


# Something else broken again, named before 又坏 or 还是坏 in its clause: a road, a vehicle,
# a phone, broadband or a household machine (路又坏了，车开不进来, 手机又坏了, 我家电视还是坏的).
# No ticket here mends them, so the words say nothing of the fault a notice asks about. The
# barn's own parts that end the same are the fault back: its wiring and circuits (线路, 电路,
# 回路, 油路), its carts (烟车), its controller (烤房电脑); nor does the barn or a part of it
# named in between (电话说烤房又坏了, 路过看到风机又坏了) leave the road the thing broken, nor
# wiring told of (电话说线路又坏了). Wiring right after a phone, broadband, a car or a TV is
# theirs, not the barn's (手机充电线又坏了, 宽带线路又坏了, 车上的电路又坏了).
_BARN = r"烤房|烤炉|炉|烟囱|风机|加热|控制|温控|烟车|循环|排湿|说"
_ELSE_BROKEN = re.compile(
    r"(?:(?<![线电回油气管水风])路|桥|(?<!烟)车|手机|电话|宽带|电视|(?<!烤房)(?<!烤烟)电脑|冰箱"
    r"|洗衣机)"
    rf"(?:(?!{_BARN})[^,.!?;:\s，。！？；：]){{0,4}}(?:又|还是)坏"
)


def says_not_solved(text: str) -> bool:
    """Words saying a fault is still there ("还是没修好", "没解决，我没看明白"), not only that
    the person still does not understand ("还是没明白"), nor that something no ticket mends
    broke again ("路又坏了，车开不进来")."""
    plain = _ELSE_BROKEN.sub(" ", to_simplified(normalize(text).strip()))
    plain = bare(plain)
    if any(w in plain for w in NOT_SOLVED if w != _STILL_NOT):
        return True
    return _STILL_NOT in plain and _NOT_UNDERSTOOD.search(plain) is None


_STILL_NOT = "还是没"  # 还是没来道歉, and 还是没明白 too: read with what follows it


def says_how_it_ended(text: str) -> bool:
    """Words on how a ticket ended, either way ("解决了", "还是没修好", "已解决")."""
    plain = to_simplified(bare(text))
    return says_not_solved(text) or any(w in plain for w in _ENDED)


_ENDED = ("解决", "修好")


def says_solved(text: str) -> bool:
    """Words saying a fault is fixed ("停电的问题解决了，谢谢"), not that it is not."""
    plain = _NEGATED.sub(" ", bare(text))
    return any(w in plain for w in _SOLVED) and not any(w in plain for w in NOT_SOLVED)


def may_be_a_verdict(text: str, *, replied: bool) -> bool:
    """Words that could say how the ticket ended: never a greeting, a phone number or
    digits. Replied to its notice, any words saying the problem remains ("怎么还是不对？",
    "下周再送也还是少一条"), and, in doubt, any other words but a polite new question
    ("请问下周几送货？") or an ask of something new ("我想改一下送货时间"): the third button
    (「📝 不是，作为新的求助」) is there for the rest. Typed without the reply, a few words
    that neither ask (a new matter, as in `another_matter`) nor want something new."""
    plain = bare(text)
    simplified = to_simplified(plain)
    if plain.isdigit() or is_greeting(plain) or typed_phone(text) is not None:
        return False
    if replied and STILL_WRONG.search(simplified):
        return True
    if _WANTS_ANEW.search(simplified):
        return False
    if replied:
        return _POLITE_QUESTION.search(simplified) is None
    return len(plain) <= NOT_SOLVED_MAX and not _ASKS.search(simplified)


def another_matter(decision: Decision | None, ticket: Ticket, not_solved: bool) -> bool:
    """Words that plainly concern another matter than `ticket`: routed with confidence to a
    service it is not about, or a complaint or a suggestion of their own.

    A complaint is about the service it names as well as the line that has it (投诉收购站
    的人 is with 作风监督), and a refusal of its result names that service again ("还是没
    解决，收购站的人也没来道歉", "还是没解决，钱没到账"): words saying a complaint is not
    solved are about it, whatever service they name, but for a barn failing now (a new 110
    call, which cannot wait for the complaint to be looked into again)."""
    if decision is None:
        return False
    complaint = ticket.kind is Kind.COMPLAINT
    if not_solved and complaint:
        return decision.emergency
    if decision.kind in (Kind.COMPLAINT, Kind.SUGGESTION):
        return True
    # "收购站的人来道歉了，谢谢" is about the complaint; "请问收购站什么时候开秤，谢谢" asks
    # something new of that service, and is no score.
    widened = complaint and not _ASKS.search(decision.normalized)
    about = {ticket.line, *(ticket.route_candidates if widened else ())}
    return not decision.triage and decision.line not in about


# Words that ask a question: a new matter, whatever it names.
_ASKS = re.compile(r"请问|什么时候|几号|几点|多少|怎么|哪里|哪儿|能不能|可不可以|吗|[?？]")


# Words replied to a resolution notice that say the problem remains, asked or not ("怎么
# 还是不对？", "为啥又坏了？"): about that ticket, whatever else they say (下周再送也还是少一条).
# 还是只有馒头 or 还是只能吃馒头 (still only buns) says something is missing still; 还是只能
# 这样了 or 还是只好算了 (it can only be so) accepts the answer.
_STILL_ONLY = r"还是只(?![能好](?:这样|如此|算了|作罢|接受|认了))"
STILL_WRONG = re.compile(
    rf"还没|还少|还差|还是[不没少差坏]|{_STILL_ONLY}|又[坏少差停断没不出漏掉]|不对|不行|没用"
    r"|没解决|没修好|没好|没有?实现|未实现|有异议|不同意|不接受"
    r"|为啥|为什么|咋|怎么回事|怎么搞|怎么又|怎么还"
)


# A new question, politely put, replied to a notice: its own matter ("请问下周几送货？").
_POLITE_QUESTION = re.compile(r"请问|问一下|问下|咨询")


# Words that want something new, of any service or none (下个月想多要点烟): no verdict on
# what was done, though replied to its notice.
_WANTS_ANEW = re.compile(r"我想|想要|想多|想再|想改|想换|想订|想加|下个?月|下个?星期|下周")


_REMARK_MIN = 4  # characters: "好的", "嗯嗯" or "收到了" say nothing of the service


def a_remark(plain: str) -> bool:
    """Words at the score prompt that say something of the service, not a question about
    the scores ("怎么打分？") nor a mere acknowledgement. Fewer words say it too when they
    say how it went ("太慢了", "來晚了")."""
    if plain in ACKNOWLEDGED or _ASKS.search(plain):
        return False
    return len(plain) >= _REMARK_MIN or speaks_of_how_it_went(plain)


def a_question_of_its_own(ctx: Ctx, plain: str) -> bool:
    """A question, or more words than a score says, that the router sends to a service with
    confidence (另外想问一下，温度一般设多少度): a matter of its own. 怎么打分？ is not."""
    if _ASKS.search(plain) is None and len(plain) <= VERDICT_MAX:
        return False
    decision = routed(ctx)
    return decision is not None and not decision.triage


# A verdict in a word or two and nothing else (好了, 满意, 解决了, 没解决, 还是不行): what a
# resolution notice's buttons say, typed. Inside longer words they may be the words' own
# (少了两条，今天送到就好了), so only the whole message is read.
_PARTICLES = r"[了的啊呀吧哈啦哦呢]*"
_BARE_SOLVED = re.compile(
    r"(?:(?:已经?|都)?(?:(?:修|弄|搞|处理|办)?好了|解决了|已解决|搞定了|可以了|行了)"
    rf"|(?:很|非常|挺|比较|都)?满意){_PARTICLES}"
)
_BARE_NOT_SOLVED = re.compile(
    r"(?:(?:还是?|仍然|都)?(?:没有?|未)(?:解决|(?:修|弄|搞|办)?好)|还是不行"
    rf"|(?:很|非常|挺)?不满意){_PARTICLES}"
)
_BARE_NOT_SATISFIED = "不满意"


def bare_verdict(text: str) -> str | None:
    """The verdict a word or two alone says, as the notice's button it stands for: "ok"
    (好了, 满意, 解决了), "bad" (没解决, 还是不行), "not_satisfied" (不满意: a judgement of a
    repair, the refusal of a complaint's result), r:<score> for a score alone (5分);
    None for any other words."""
    plain = to_simplified(bare(text))
    if _BARE_NOT_SOLVED.fullmatch(plain):
        return "not_satisfied" if _BARE_NOT_SATISFIED in plain else "bad"
    if _BARE_SOLVED.fullmatch(plain):
        return "ok"
    score = typed_score(text) if a_score_alone(text) else None
    return f"r:{score}" if score is not None else None


def a_score_alone(text: str) -> bool:
    """A score and nothing that says how the matter ended (5分, 给5分, 五星, 滿分): with nothing
    awaiting a rating, a wish to rate, as 评价一下 is. Not 修好了，5分 (news that it is
    solved, for a call still open), nor a number alone (5, 三), which may be an answer."""
    plain = to_simplified(bare(text))
    if plain.isnumeric() or re.match(_SOLVED_FIRST, plain) is not None:
        return False
    return typed_score(text) is not None


def typed_score(text: str) -> int | None:
    """The score typed ("4", "四星", "给5分", "給你們5分", "满分", "五星好評", "5分，谢谢"), in
    either script; None for any other words."""
    typed = _TYPED_SCORE.fullmatch(to_simplified(bare(text)))
    if typed is None:
        return None
    if typed.group("full"):
        return _FULL_MARKS
    if typed.group("two"):
        return 2
    digit = typed.group("score")
    return _SCORES.get(digit) or int(digit)


_FULL_MARKS = 5
