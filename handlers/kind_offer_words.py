"""The words of a summary that offers another kind than the one chosen ("这像是一件投诉，
不像建议。要改为按投诉提交吗？", `draft_summary.read_otherwise`): words that plainly ask for
a service under /suggest or /complain, and the words typed at the offer instead of pressing
「🔁 改为投诉」 or 「✅ 仍按建议提交」, the buttons' own or a yes or a no to the question."""

from __future__ import annotations

import re

from core.enums import Kind
from handlers.i18n import t
from handlers.typed_answers import bare_yes_no
from routing import Decision, bare, to_simplified

# How sure the router must be of a service line to offer a suggestion's or a complaint's
# words as a request ("我的许可证快到期了，要办延续": 许可证, 延续): above its own threshold,
# as the person chose otherwise and a wrong offer is one more question for nothing.
_SURE_OF_A_REQUEST = 0.8
# Words of a suggestion or a judgement the router gives no kind ("希望增加送货次数",
# "收购站排队时间太长", "要是能在网上续办就好了"): never offered as a request.
_SUGGESTING = re.compile(
    r"建议|希望|能不能|能否|可不可以|可否|可以不可以|是否可以|最好|应该|应当|要是|如果|"
    r"就好了|比较好|更好|提议|意见|增加|增设|多开|多送|延长|改进|改善|优化|提高|降低|减少|"
    r"简化|太|不方便|不合理|慢"
)

# Phrases of something gone wrong or someone at fault ("送货员把烟送错了", "为啥我订的烟总是
# 给我减量"): what a complaint is made of, though the router reads a service line in it.
# Chosen as a complaint, such words are never offered as a request. Phrases, not single
# characters: 又, 还没 or a 员 named are in plain requests too (我的许可证又快到期了, 许可证
# 还没到期, 我还没办过许可证, 店员弄丢了); 还没 of a thing owed is (还没送到, 还没批).
_COMPLAINING = re.compile(
    r"送错|错送|少送|漏送|送少|减量|多扣|乱扣|扣了我|总是|老是|一直没|还没(?:有)?(?:送|到(?!期)|批|办下来|办好|"
    r"修|来|给|处理|回|退|到账)|"
    r"又登不上|又进不去|不给办|不给送|不给我|不让|不管|不理|没人管|没人理|不回|为啥|为什么|"
    r"凭什么|怎么回事|怎么搞的|乱收|刁难|态度|欺负|骗|坑人|差劲|气人|迟到|拖着|拖了|推来推去|"
    r"互相推"
)

# A service failing, said plainly ("订货系统登不上去", "网上订货用不了"): no suggestion, however
# few words name the service. Chosen as a suggestion, the router's own line is enough to
# offer it as a request; chosen as a complaint, it may be what is complained of.
_FAILING = re.compile(
    r"登不上|登不进|登录不了|登陆不了|登录不上|进不去|打不开|用不了|不能用|坏了|坏掉|报错|出错|"
    r"闪退|没反应|失灵|丢了|弄丢"
)

SWITCH, KEEP = "f:as", "f:ok"

# A yes to 要改为…吗？ beyond `bare_yes_no`'s: 好的, 可以, 要, 改吧. Not 提交, 确认 or 确定,
# which say to submit what the summary shows (its ✅), as at any summary.
_YES = frozenset(("好", "好的", "可以", "行", "行的", "没问题", "要", "要的", "改", "改吧", "换"))
# A no to it: 不用改, 不换; 不用 or 不要 alone answer the question too, which asks whether to
# change, not whether to submit (不提交 still calls the draft off, as at any summary).
_NO = frozenset(("不用", "不用了", "不要", "不要了", "不需要", "不改", "不用改", "不要改", "不换"))
_PARTICLES = "了啊呀吧哦呢"


def plainly_a_request(
    decision: Decision, text: str, chosen: Kind, *, not_plain: frozenset[str]
) -> bool:
    """Words the router is sure are for a service line, or, `chosen` as a suggestion, that
    tell of a service failing there (订货系统登不上去), and that suggest nothing (no 建议,
    希望, 能不能, 太…), nor, `chosen` as a complaint, complain of anything (送错了, 总是,
    送货员…): a request, whichever of a complaint or a suggestion was chosen.
    `not_plain`: lines whose words are never one (the oversight line's, the staff line's)."""
    if decision.kind is not None or decision.triage or decision.emergency:
        return False
    if decision.line in not_plain:
        return False
    plain = to_simplified(bare(text))
    failing = chosen is Kind.SUGGESTION and _FAILING.search(plain) is not None
    if decision.confidence < _SURE_OF_A_REQUEST and not failing:
        return False
    if chosen is Kind.COMPLAINT and _COMPLAINING.search(plain):
        return False
    return _SUGGESTING.search(plain) is None


def typed_at_offer(text: str, chosen: Kind, other: Kind) -> str | None:
    """`SWITCH` for 改为投诉, 按投诉提交 or a yes, `KEEP` for 仍按建议, 还是按建议提交 or a
    no (of a suggestion chosen, read as a complaint); None for other words, which add to
    the draft as at any summary."""
    plain = to_simplified(bare(text)).lower()
    said = plain.rstrip(_PARTICLES) or plain
    if _named(said, other, r"(?:改为|改成|换成|转为|转成|按|当|当作|作为)?"):
        return SWITCH
    if _named(said, chosen, r"(?:仍|仍然|还是|就|照|继续)?(?:按|当|作为)?"):
        return KEEP
    answer = bare_yes_no(said)
    if answer is None:
        answer = True if said in _YES else False if said in _NO else None
    return None if answer is None else SWITCH if answer else KEEP


def _named(said: str, kind: Kind, lead: str) -> bool:
    """`said` is the kind's name after `lead`, 提交 after it or not: 按投诉提交, 仍按建议;
    a name longer than two characters may be said by its first two (改为求助)."""
    name = t(f"kind_{kind.value}")
    names = "|".join(re.escape(n) for n in {name, name[:2]})
    return re.fullmatch(rf"{lead}(?:{names})(?:提交|吧)?", said) is not None
