"""How words typed at registration's questions are read: a name, a shop's name and a
licence number typed after it, who they are, and a matter of its own typed instead of an
answer, taken up as a request while registration waits."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from core.enums import Kind, Requester
from core.licence import LICENCE_DIGITS, LICENCE_SAID, LICENCE_TAIL, read_licence
from core.texts import COMMONEST_SURNAMES, COMPOUND_SURNAMES, typed_phone
from handlers.context import Ctx
from handlers.places import area_named
from handlers.tickets import is_greeting, is_question, routed
from handlers.typed_answers import a_licence_matter, not_a_name, not_at_hand
from handlers.typed_menu import menu_key
from handlers.verdict_words import asks_to_rate, says_how_it_ended, says_not_solved
from routing import bare, to_simplified
from routing.text import CJK

# Typed where a registration question offered buttons, or as a name: a question or a
# request ("许可证快到期了，怎么办理延续？", "中华断货好几天了", "许可证到期要换证"), not an
# answer. It is dealt with at once, and registration waits (app.route). Short answers in
# words are taken as the answer.
_LONG = 8  # characters: longer than any answer to "您是" or "哪个乡镇"


_KIND_WORDS = {
    Requester.FARMER: ("烟农", "种烟", "农户"),
    Requester.RETAILER: ("零售", "小卖部", "商店", "超市", "烟酒", "便利店", "店主"),
    Requester.STAFF: ("职工", "员工", "烟站"),
}


# Words that ask for something, which no name, town or "who you are" has.
_ASKING_FOR = (
    r"我要|我想|想要|需要|帮我|帮忙|办理|申请|咨询|反映|怎么|没来|还没|不能|好几天"
    r"|一直|总是|老是|什么时候|到期|坏了|断货|缺货"
)
_REQUEST_WORDS = re.compile(rf"{_ASKING_FOR}|没有|不了")
# Beside a place named at the town question: words that ask for something more than where
# they are. Not a question mark or 吗 (青山镇？, 是青山镇吗: unsure of the town, still the
# answer), nor 没有 (白石乡，没有门牌号).
_ASKING_BESIDE_A_PLACE = re.compile(_ASKING_FOR)


_ASKING = 3  # characters at least, with those words: "没有" alone answers nothing asked here


# A Han name, as short as most are: a surname and a given name ("王中华", whose 中华 the
# router reads as the cigarette brand, or "许可").
_SHORT_NAME = 4


def is_a_request(ctx: Ctx) -> bool:
    """Whether the message, typed during registration, is a matter of its own."""
    assert ctx.conv is not None
    if ctx.msg.voice_file_id:
        # Most likely the question answered aloud, by someone who cannot type it: told so,
        # the question put again (`registration_shared.voice_kept`), neither a 110 page
        # for "我是烟农" nor a request whose words would be the name typed next.
        return False
    if ctx.msg.photo_file_id and ctx.conv.step not in _READ_OFF_A_PHOTO:
        return True  # no question here is answered by one: a matter of its own
    # At the shop or the licence, a photo alone is most likely the sign or the licence
    # (`registration_shared.photo_not_read`); its caption is read as typed words are.
    text = ctx.msg.text.strip()
    if not text or ctx.msg.is_button or ctx.msg.command:
        return False
    if menu_key(text) is not None and typed_kind(text) is None:
        return True  # "我要报警", "110", "查一下进度": never a name, a town or who they are
    if asks_to_rate(text):
        # 评价一下: taken up while a ticket awaits their verdict (`rating_for_a_ticket`),
        # else the question is asked again; never filed as a request of its own.
        return False
    step = ctx.conv.step
    if step == "name":
        text = after_address(text) or text  # 李站长您好，我是张大山: who is speaking
        if _addresses_someone(text):
            return True  # "李站长，补贴还没发": said to a staff member, of a matter
        name, *more = _clauses(text) or [""]
        if more and _may_be_a_name(name):
            return not _introduced(ctx, text)  # 我叫张大山，家住…: the rest read on its own
        if _asks(text, limit=NAME_LIMIT) or _says_how_it_ended(text):
            return True
        return _to_a_service(ctx) and not _may_be_a_name(text)
    if step == "kind":
        # 解决了 or 还是没修好 here answer a resolution notice only while a ticket awaits the
        # verdict (`registration_shared.verdict_for_a_ticket`); else 您是 is asked again.
        return typed_kind(text) is None and (_asks(text) or _to_a_service(ctx))
    if step == "area":
        if address_typed(text) is not None:
            return False  # 城关镇人民路12号 小梅烟酒店: where the shop is, maybe with its sign
        if area_named(ctx, text) is not None:
            # A place named in words that ask for something ("河湾这边断货好几天了") is where
            # the matter is, not the answer; a place alone may be long (白石乡松林村三组五号)
            # and say a barn, which the router reads as a service (大坪烤房).
            return _ASKING_BESIDE_A_PLACE.search(to_simplified(bare(text))) is not None
        return _asks(text) or _to_a_service(ctx)
    if step == "shop":
        # A shop's name is often a service's word (烟酒店, 便利店, 中华烟行): only words that
        # ask or complain ("投诉配送员小王，送货总是迟到"), or more than a shop's name, are a
        # matter of their own.
        return not no_shop_name(text) and (_asks(text, limit=SHOP_LIMIT) or _complains(ctx, text))
    if step == "licence":
        # Digits typed are the number, mistyped or not ("5201 0210 012"); words that ask
        # ("许可证到期了怎么办", "中华断货好几天了") are a matter of their own. Not every word
        # the router finds a service in: "许可证号在店里" answers this very question.
        # "没带", "不知道" skip it (`not_at_hand`).
        if read_licence(text).digits >= LICENCE_TRIED or not_at_hand(text):
            return False
        return _asks(text) or a_licence_matter(text)
    return False


# The questions whose answer is written on something a photo may show: the shop's sign, the
# licence.
_READ_OFF_A_PHOTO = ("shop", "licence")


def _asks(text: str, limit: int = _LONG) -> bool:
    """Words that ask something, ask for something, or are longer than an answer."""
    plain = to_simplified(bare(text))
    if is_question(text) or len(plain) > limit:
        return True
    return len(plain) >= _ASKING and _REQUEST_WORDS.search(plain) is not None


# Words that say whether a fault was put right (还是没修好, 问题解决了): a word on a ticket.


def _says_how_it_ended(text: str) -> bool:
    """Words on how a ticket ended, which no name is ("还是没修好"); a short Han name that
    happens to hold them ("王修好") is still a name."""
    return says_how_it_ended(text) and not _may_be_a_name(text)


def _introduced(ctx: Ctx, text: str) -> bool:
    """Their name said first (the caller knows it), with more of themselves after it that
    asks nothing and reports no matter ("我叫张大山，家住青山镇大坪村三组，种了二十亩烟",
    "张大山，有两座烤房", "王五，许可证号430101", "李明，客户经理"): the name question
    answered. With a matter after the name ("我叫张大山，送货的把我的烟送错了"), the matter
    is taken up, not lost behind a name saved."""
    plain = to_simplified(bare(text))
    if is_question(text) or _REQUEST_WORDS.search(plain) is not None:
        return False
    _, *more = _clauses(text)
    return not _reports_a_matter(ctx, "，".join(more))


# What people say they have or are when they introduce themselves, which the router reads
# as a service's words: a barn (烤房), a licence (零售许可证), a post (客户经理), the shop they
# keep (开了一家烟酒店, which the router reads as a shop to be opened). Other words it finds
# (送错, 烘烤补贴, 投诉) tell of a matter.
_OF_THEMSELVES = frozenset((
    "烤房", "烟叶", "烟田", "许可证", "零售许可证", "专卖许可证", "烟草专卖零售许可证",
    "客户经理", "专管员", "烟站", "开+店", "开+小卖部", "开+超市", "开+便利店", "开+商店",
    "开+烟酒店", "开+烟酒行", "开店",
))  # fmt: skip


def _reports_a_matter(ctx: Ctx, text: str) -> bool:
    """Words that tell of trouble (`_tells_of_trouble`), or the router finds a matter in: a
    complaint, an urgent or a barn's trouble, or a service's words beyond what someone says
    of themselves (`_OF_THEMSELVES`)."""
    if _tells_of_trouble(text):
        return True
    decision = routed(ctx, text)
    if decision is None or decision.triage:
        return False
    if decision.emergency or decision.kind_words or decision.urgent_words or decision.suspect:
        return True
    return not set(decision.words) <= _OF_THEMSELVES


def _tells_of_trouble(text: str) -> bool:
    """Words that something is still wrong or lost, whatever they are said of (烤房还是没修好,
    许可证丢了): a barn or a licence beside them is the matter, not what someone has."""
    plain = to_simplified(bare(text))
    return says_not_solved(plain) or a_licence_matter(plain)


def _complains(ctx: Ctx, text: str) -> bool:
    """Words the router reads as a complaint (投诉, 态度, 骂人), unless they are a shop's name
    that only praises itself with one (好态度烟酒店)."""
    decision = routed(ctx)
    if decision is None or decision.kind is not Kind.COMPLAINT:
        return False
    return not _shop_like(text) or _complains_of_someone(text, decision.kind_words)


# How a shop's name ends: its sign's last word, maybe with a branch after it (兴隆超市（河西店）).
_SHOP_WORD = (
    r"(?:店|超市|商场|商行|烟行|酒行|门市|门市部|小卖部|经营部|批发部|服务部|商社|铺|服务站)"
    r"(?:[（(][^）)]*[）)])?"
)
_SHOP_ENDING = re.compile(_SHOP_WORD + "$")


# An address as people write a shop's (城关镇人民路12号, 白石乡松林村三组, 新街38号门面), its
# sign maybe written right after it (人民路12号小梅烟酒店): each clause ends at a place's word.
# A place said alone: not after 在 or 的, which tell of something there (卖假烟的店在人民路
# 12号, 有个无证卖烟的在城关镇人民路12号: a report, not where the shop is).
_ADDRESS_CLAUSE = re.compile(
    r"(?P<place>[^\W在的]*(?:镇|乡|村|街道|社区|路|街|巷|组|号)(?:门面|门市|旁边|对面|附近)?)"
    rf"(?P<shop>\w+{_SHOP_WORD})?"
)


@dataclass(frozen=True)
class Address:
    """Where a shop is, typed at the place question; its sign's name when typed with it."""

    shop: str | None
    place: str  # the address as typed, the sign after it left out
    licence: str = ""  # the licence number typed after the sign, as typed


def address_typed(text: str) -> Address | None:
    """An address typed as the answer to where the shop is ("城关镇人民路12号 小梅烟酒店"):
    clauses that each end at a place's word or a shop's, one of them a place, and nothing
    that asks. None for words that ask or tell of a matter beside a place ("我们村烤房
    停电了", "人民路那家店卖假烟"), which are read as a request."""
    if is_question(text) or _ASKING_BESIDE_A_PLACE.search(to_simplified(bare(text))):
        return None
    typed, licence = licence_after(text)
    if licence:
        # 人民路12号 小梅烟酒店 520102100123: the licence after the sign answers its own
        # question too; without a sign before it, the words are read as they stand.
        read = address_typed(typed)
        if read is not None and read.shop is not None:
            return replace(read, licence=licence)
    places: list[str] = []
    shop = None
    for clause in (c for c in _CLAUSE_BREAK.split(text) if c):
        plain = to_simplified(clause)
        found = _ADDRESS_CLAUSE.fullmatch(plain)
        if found is not None:
            written = clause if len(clause) == len(plain) else plain
            places.append(written[: found.end("place")])
            at = found.start("shop")
            shop = shop if at < 0 else written[at:]
        elif _SHOP_ENDING.search(plain) is not None:
            shop = clause
        else:
            return None
    if not places:
        return None
    return Address(shop_typed(shop) if shop else None, " ".join(places))


# A town, township, district or county named in an address (城关镇, 白石乡, 城区, 开阳县,
# 云岩街道), read in Simplified: not a 社区 or 小区 (a neighbourhood), nor a 园区 or 景区.
_TOWN_WORD = re.compile(r"街道|(?<![社小园景])[镇乡区县]")


def names_a_town(address: str) -> bool:
    """Whether `address` names a town, township, district or county (城关镇人民路12号, 城關鎮),
    not only a village, road or door in one (新寨村3组, 人民路12号)."""
    return _TOWN_WORD.search(to_simplified(address)) is not None


# The place words of an address (城关镇, 人民路, 三组, 12号) and a digit: at the shop's name,
# two of them, or one and a digit, are an address (人民路12号, 白石乡松林村三组), while one
# alone may be a shop's own name (老字号, 幸福村).
_PLACE_WORD = re.compile(r"镇|乡|村|街道|社区|路|街|巷|组|号")
_DIGIT = re.compile(r"[0-9０-９]")
ADDRESS_LIMIT = 100  # users.address


def address_for_shop(text: str) -> str | None:
    """The address typed where the shop's name is asked (人民路12号: the question says the
    teams find the shop by it), when it has no sign after it; None for anything else, a
    shop's name with a place in it (人民路便利店) included."""
    address = address_typed(text)
    if address is None or address.shop is not None:
        return None
    plain = to_simplified(address.place)
    words = len(_PLACE_WORD.findall(plain))
    return address.place if words >= 2 or (words and _DIGIT.search(plain)) else None


def _shop_like(text: str) -> bool:
    """Typed as a shop's name is (好态度烟酒店, 店名：好态度超市 520102100123): one phrase,
    ending in a shop's word. Not a sentence that ends at one (送货员态度好差，从来不送进店)."""
    name = shop_typed(licence_after(text)[0])
    if name is None or _CLAUSE_BREAK.search(name):
        return False
    return _SHOP_ENDING.search(to_simplified(name)) is not None


_CLAUSE_BREAK = re.compile(r"[，,。.!！?？、；;：:\s]")


# The one complaint word a shop's name may praise itself with, after 好 (好态度烟酒店);
# anywhere else (态度差, 态度好差, 态度好凶) it is said of someone.
_MANNER, _PRAISED_MANNER = "态度", "好态度"


def _complains_of_someone(text: str, words: tuple[str, ...]) -> bool:
    """A complaint's words beyond a shop name's 好态度 (投诉, 骂人), or 态度 said otherwise."""
    if any(w != _MANNER for w in words):
        return True
    plain = to_simplified(bare(text))
    return plain.count(_MANNER) != plain.count(_PRAISED_MANNER)


def _to_a_service(ctx: Ctx, text: str | None = None) -> bool:
    """The router finds a service in the words (许可证, 送货, 中华断货): the message's, or
    `text` of it."""
    decision = routed(ctx, text)
    return decision is not None and not decision.triage


def _may_be_a_name(text: str) -> bool:
    """A short Han name, starting with a common surname ("许可", "王中华"), or one with
    letters or a middle dot ("Mary Li", "阿卜杜拉·买买提"): the router's reading of it
    is no request."""
    text = name_typed(text) or text  # 我叫王中华, 王中华 13812345678: the name in it
    plain = to_simplified(bare(text))
    if _NAME_MARKS.search(text) or not CJK.match(plain):
        return True
    return _a_han_name(plain)


def _a_han_name(plain: str) -> bool:
    """A short Han name: a common surname and a given name (欧阳中华 a character longer)."""
    if plain[:2] in COMPOUND_SURNAMES:
        return len(plain) <= _SHORT_NAME + 1
    return bool(plain) and len(plain) <= _SHORT_NAME and plain[0] in COMMONEST_SURNAMES


_NAME_MARKS = re.compile(r"[·•・A-Za-z]")


NAME_LIMIT = 20  # characters


SHOP_LIMIT = 30  # characters: 兴隆烟酒便利店（河西二店） and longer signs


# Digits enough to be an attempt at the licence number, however mistyped.
LICENCE_TRIED = 6


# A phone number typed with the name ("李小梅 13812345678"): digits, maybe grouped.
_DIGITS = re.compile(r"\+?\d[\d\s\-－—]*\d|\d")


# Said before the name: 我叫李小梅, 姓名：李小梅.
_NAME_LEAD = re.compile(r"^(?:我叫|我是|本人|姓名|名字)[:：\s]*")


def name_typed(text: str) -> str | None:
    """The name in what was typed: letters, with the spaces and marks names have (张 先生,
    Mary Li, 阿卜杜拉·买买提), without a phone number typed after it, emoji or a lead-in
    (我叫), nor a greeting before it or more of themselves after it (你好，我叫张大山，家住
    大坪村: 张大山). None when no name is there: emoji or digits alone, a name with digits in
    it, a greeting, or more than a name's length."""
    text = after_address(text) or text.strip()
    phone = _DIGITS.search(text)
    if phone is not None and len(re.sub(r"\D", "", phone.group())) >= _PHONE_DIGITS:
        text = text[: phone.start()] + " " + text[phone.end() :]
    name = next(iter(_clauses(text)), "")
    if _addressed(name):
        return None  # 李站长，…: the one spoken to, not the one speaking
    if not name or name.startswith("/") or len(name) > NAME_LIMIT:
        return None
    if any(c.isdigit() for c in name) or not any(c.isalpha() for c in name):
        return None
    return name


def phone_with_name(text: str) -> str | None:
    """The phone number typed with the name (李小梅 13812345678, 我叫李小梅，电话138-1234-5678),
    when the digits are a phone's whole (`typed_phone`); None for none or too few."""
    found = _DIGITS.search(text)
    return typed_phone(found.group()) if found is not None else None


# Digits typed at the phone question that are no number: said what is wrong with them, not
# only asked for the button again. Of a mobile's eleven digits, that they are no mobile's
# (12345678901, 110 1234 5678: a mainland mobile starts 13 to 19); of a Hong Kong, Macau or
# Taiwan number without its + (852 9123 4567), that it needs one, only when with it the
# digits are a number kept (`typed_phone`: eight after 852 or 853, not nine); else of
# their count.
_DIGITS_ONLY = re.compile(r"\+?[\d\s\-—()]+")
_SOME_DIGITS = 5
_MOBILE_DIGITS = 11
_CODE_MISSING = re.compile(r"(?P<code>85[23]|886)(?P<local>0?[2-9][0-9]{7,8})")
_CODE_PLACES = {"852": "香港", "853": "澳门", "886": "台湾"}
_MAINLAND_CODE = re.compile(r"(?:\+|00)?86(?=[0-9]{11}$)")


def phone_digits_told(text: str) -> tuple[str, dict[str, object]] | None:
    """What is wrong with digits typed alone that are no phone number: the key of the words
    saying so and their values, or None for words that are not digits alone."""
    plain = unicodedata.normalize("NFKC", text).strip()
    count = sum(char.isdigit() for char in plain)
    if not _DIGITS_ONLY.fullmatch(plain) or count < _SOME_DIGITS:
        return None
    dialled = re.sub(r"[^\d+]", "", plain)
    abroad = _CODE_MISSING.fullmatch(dialled)
    if abroad is not None and typed_phone(f"+{abroad['code']}{abroad['local']}") is not None:
        code = abroad["code"]
        where = _CODE_PLACES[code]
        return "phone_code_missing", {"where": where, "code": f"+{code}", "local": abroad["local"]}
    if len(_MAINLAND_CODE.sub("", dialled, count=1).lstrip("+")) == _MOBILE_DIGITS:
        return "phone_not_mobile", {}
    return "phone_miscounted", {"count": count}


# Between what is said in one message: a greeting, the name, where they live.
_CLAUSES = re.compile(r"[，,。；;！!？?]")


def _clauses(text: str) -> list[str]:
    """What is said in the message, clause by clause as a name would be read from each
    (`_said`), without greetings: 你好，我叫张大山，家住大坪村 is 张大山 and 家住大坪村."""
    said = (_said(clause) for clause in _CLAUSES.split(text))
    return [clause for clause in said if clause and not is_greeting(clause)]


# How a staff member is addressed, after their surname or alone: 李站长, 王经理您好, 领导.
# Not 先生 or 女士, which people write after their own surname (张先生).
_TITLES = "站长|经理|师傅|主任|老师|队长|局长|同志|领导|书记|所长|科长|组长|专管员|客户经理"
_ADDRESS = re.compile(
    rf"(?:你好|您好)?(?:{'|'.join(COMPOUND_SURNAMES)}|[{COMMONEST_SURNAMES}])?(?:{_TITLES})(?:你好|您好|好)?"
)


def _addressed(clause: str) -> bool:
    """A clause that addresses someone (李站长, 王经理您好): no name of the one typing."""
    return _ADDRESS.fullmatch(to_simplified(bare(clause))) is not None


def after_address(text: str) -> str | None:
    """What follows the one spoken to, when it says who is speaking: 李站长您好，我是大坪村的
    张大山 is 我是大坪村的张大山. None when the message addresses nobody first, or goes on
    to a matter ("李站长，补贴还没发")."""
    said = [clause.strip() for clause in _CLAUSES.split(text) if clause.strip()]
    if not said or not _addressed(said[0]):
        return None
    rest = said[1:]
    while rest and is_greeting(_said(rest[0])):
        rest = rest[1:]
    return "，".join(rest) if rest and _NAME_LEAD.match(rest[0]) else None


def _addresses_someone(text: str) -> bool:
    """A message that begins by addressing someone, with more after it: a matter told to
    a staff member ("李站长，上次说的烘烤补贴到现在也没发下来"), not a name."""
    said = _clauses(text)
    return len(said) > 1 and _addressed(said[0])


def _said(clause: str) -> str:
    """A clause as a name would be read from it: no lead-in (我叫), emoji or edges."""
    clause = _NAME_LEAD.sub("", clause.strip())
    kept = "".join(c for c in clause if not unicodedata.category(c).startswith(("S", "C")))
    said = " ".join(kept.split()).strip(_EDGES)
    # 大坪村的张大山: the name after where one is from, never the place with it; not after
    # a person (张大山的孙子 is no one's name).
    head, of, tail = said.rpartition("的")
    named = of and len(tail) > 1 and _a_han_name(to_simplified(tail))
    return tail if named and _FROM_A_PLACE.search(to_simplified(head)) else said


# Where one is from, before 的 and their name: a village, its group, a town, a shop.
_FROM_A_PLACE = re.compile(r"(?:村|组|社|寨|屯|镇|乡|街道|社区|店|超市|商行|站)$")


_PHONE_DIGITS = 7  # a landline without its area code, at least


# Punctuation left at a name's ends once a number is taken out ("李小梅，").
_EDGES = " ,，。.、;；:：-－—"


# Said before a shop's name: 店名：老王烟酒店, 我的店叫兴隆超市.
_SHOP_LEAD = re.compile(
    r"^(?:我的店|我家店|我们店|店铺名称|店铺名|店名|店铺|字号|名称)(?:叫|叫做|是)?[:：\s]*"
)


# A shop without a name on its sign says so (没有店名, 还没起名字): the question skipped.
_NO_SHOP_NAME = re.compile(r"(?:还)?(?:没有|没|无)(?:起)?(?:店名|名字|名称|招牌|字号)?")


def no_shop_name(text: str) -> bool:
    return _NO_SHOP_NAME.fullmatch(to_simplified(bare(text))) is not None


def _without_lead(text: str, lead: re.Pattern[str]) -> str:
    """`text` without the lead-in `lead` finds in its 简体 reading (店鋪名稱： as 店铺名称：),
    the same characters taken from the text as typed."""
    found = lead.match(to_simplified(text))
    if found is None or to_simplified(text[: found.end()]) != found.group():
        return text
    return text[found.end() :]


def shop_typed(text: str) -> str | None:
    """The shop's name typed (老王烟酒店, 7-11便利店, 兴隆超市（河西店）): letters, with digits
    and marks as signs have them, without emoji or a lead-in (店名：). None when no name is
    there: digits or emoji alone, a yes or a no, a greeting, or more than a sign's length."""
    text = _without_lead(text.strip(), _SHOP_LEAD)
    kept = "".join(c for c in text if not unicodedata.category(c).startswith(("S", "C")))
    name = " ".join(kept.split()).strip(_EDGES)
    if not name or name.startswith("/") or len(name) > SHOP_LIMIT:
        return None
    if not any(c.isalpha() for c in name) or not_a_name(name) or is_greeting(name):
        return None
    return name


def typed_kind(text: str) -> Requester | None:
    """烟农 / 零售户 / 职工, or a few words that say it ("我是开小卖部的"), typed."""
    plain = bare(text)
    if len(plain) > _LONG:
        return None
    return next((k for k, words in _KIND_WORDS.items() if any(w in plain for w in words)), None)


# The licence number typed after a shop's name, its own name maybe before it (李记烟酒店
# 许可证号：520102100123, 证号 for short, 我的许可证号是…), as the licence question reads it
# (`core.licence`; 号, a full stop or thanks after it are cut first, with its LICENCE_TAIL):
# digits enough to be an attempt at it, grouped or full-width.
_LICENCE_AFTER = re.compile(
    rf"[\s,，、;；]*(?:{LICENCE_SAID}[:：\s]*)?(?P<digits>[\d０-９][\d０-９\s\-－—]*)$"
)


_SPACE = re.compile(r"\s+")


def licence_after(text: str) -> tuple[str, str]:
    """The shop's name typed with its licence number after it: the name's part and what
    was typed of the number; the text as typed and "" when no licence number ends it (a
    shop's own number, 兴隆超市168, is too short for one)."""
    typed = LICENCE_TAIL.sub("", text.strip())
    found = _LICENCE_AFTER.search(typed)
    if found is None or read_licence(found.group("digits")).digits < LICENCE_TRIED:
        return text, ""
    digits = found.group("digits")
    own, rest = [*_SPACE.split(digits, maxsplit=1), ""][:2]
    if read_licence(digits).digits > LICENCE_DIGITS and read_licence(rest).digits >= LICENCE_TRIED:
        # "兴隆超市168 520102100123": the shop's own number, then the licence's.
        return typed[: found.start("digits")] + own, rest
    return typed[: found.start()], digits
